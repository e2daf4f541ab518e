import {useInput} from 'ink';
import type {ReaderAction} from '../../state/reader-reducer.js';
import {keyPresses} from '../key-name.js';
import {resolveKey} from '../keymap.js';
import {parseMouse, parseMouseChunk, type MouseEvent} from '../mouse.js';
import type {KeyPress, MousePress} from './use-reader.js';

/**
 * Keys and mouse reports to the reducer, which resolves both against the state it holds. A mouse
 * report is checked first: Ink hands it over as `[<65;60;10M` (its ESC taken off), which would
 * otherwise read as the keys `[`, `<`, digits.
 * Ctrl-Z suspends and Ctrl-L redraws here, before the reducer: the terminal's business, not the state's.
 */
export function useReaderInput(
	dispatch: (action: ReaderAction | KeyPress | MousePress) => void,
	terminal: {suspend: () => void; redraw: () => void},
): void {
	useInput((input, key) => {
		const events = mouseEvents(input);
		if (events) {
			for (const event of events) dispatch({type: 'mouse', event});
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
