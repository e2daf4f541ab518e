import {useInput} from 'ink';
import type {ReaderAction} from '../../state/reader-reducer.js';
import type {Layout} from '../../state/layout.js';
import type {PaneContent} from '../../state/select-view.js';
import {keyPresses} from '../key-name.js';
import {resolveKey} from '../keymap.js';
import {mouseIntent, parseMouse, parseMouseChunk, type MouseEvent} from '../mouse.js';
import type {KeyPress} from './use-reader.js';

/** What the input needs of the frame on screen: where the sidebar is, which row it starts at, what the pane shows. */
export type InputView = {layout: Layout; sidebarOffset: number; pane: PaneContent};

/**
 * Keys and mouse reports to reducer actions. A mouse report is checked first: Ink hands it over
 * as `[<65;60;10M` (its ESC taken off), which would otherwise read as the keys `[`, `<`, digits.
 * Ctrl-Z suspends and Ctrl-L redraws here, before the reducer: the terminal's business, not the state's.
 */
export function useReaderInput(dispatch: (action: ReaderAction | KeyPress) => void, view: InputView, terminal: {suspend: () => void; redraw: () => void}): void {
	useInput((input, key) => {
		const events = mouseEvents(input);
		if (events) {
			for (const event of events) {
				const action = mouseAction(event, view);
				if (action) dispatch(action);
			}
			return;
		}
		for (const press of keyPresses(input, key)) {
			const global = resolveKey(press.name, ['global']);
			if (global === 'suspend') terminal.suspend();
			else if (global === 'redraw') terminal.redraw();
			else dispatch({type: 'key', ...press});
		}
	});
}

/** The mouse reports in a chunk of input, or null when it holds none. */
function mouseEvents(input: string): MouseEvent[] | null {
	if (!/\[<\d/.test(input)) return null;
	const one = parseMouse(input);
	if (one) return [one];
	// Several reports in one chunk (a fast wheel): each without its ESC but the first.
	const {events} = parseMouseChunk(input.replaceAll(/\u001B?\[</g, '\u001B[<'));
	// `[<1` pasted into the query is text, not a report.
	return events.length > 0 ? events : null;
}

/**
 * The wheel scrolls what is under the pointer: the sidebar, or whatever the pane shows (the text,
 * the help, the warnings, the search results, the list put in the text's place). An overlay's
 * wheel never reaches the text hidden under it, so it never moves the reading place.
 */
function mouseAction(event: MouseEvent, {layout, sidebarOffset, pane}: InputView): ReaderAction | null {
	const intent = mouseIntent(event, layout);
	if (!intent) return null;
	// Narrow terminals show the list in the text's place: the pointer is then over the list.
	const area = intent.area === 'sidebar' || pane === 'list' ? 'sidebar' : pane;
	if (intent.kind === 'scroll') {
		switch (area) {
			case 'sidebar': {
				return {type: 'sidebarScroll', lines: intent.lines};
			}
			case 'help':
			case 'warnings': {
				return {type: 'overlayScroll', lines: intent.lines};
			}
			case 'search': {
				// A step of the wheel is a result, as in fzf: results are two rows or more each.
				return {type: 'searchMove', delta: Math.sign(intent.lines)};
			}
			case 'text': {
				return {type: 'scroll', lines: intent.lines};
			}
		}
	}
	return area === 'sidebar' && intent.kind === 'click' ? {type: 'sidebarClick', row: sidebarOffset + intent.row} : null;
}
