import {useInput} from 'ink';
import type {ReaderAction} from '../../state/reader-reducer.js';
import type {Layout} from '../../state/layout.js';
import {keyPresses} from '../key-name.js';
import {resolveKey} from '../keymap.js';
import {mouseIntent, parseMouse, parseMouseChunk, type MouseEvent} from '../mouse.js';
import type {KeyPress} from './use-reader.js';

/** What the input needs of the frame on screen: where the sidebar is and which row it starts at. */
export type InputView = {layout: Layout; sidebarOffset: number; isListInPlace: boolean};

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

function mouseAction(event: MouseEvent, {layout, sidebarOffset, isListInPlace}: InputView): ReaderAction | null {
	const intent = mouseIntent(event, layout);
	if (!intent) return null;
	// Narrow terminals show the list in the text's place: the pointer is then over the list.
	const area = isListInPlace ? 'sidebar' : intent.area;
	if (intent.kind === 'scroll') return area === 'sidebar' ? {type: 'sidebarScroll', lines: intent.lines} : {type: 'scroll', lines: intent.lines};
	return area === 'sidebar' ? {type: 'sidebarClick', row: sidebarOffset + intent.row} : null;
}
