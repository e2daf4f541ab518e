import type {ReaderAction, ReaderEnv, ReaderState} from '../state/reader-reducer.js';
import {layoutOf} from '../state/reader-state.js';
import {isListShownInPlace, paneContent, sidebarOffsetOf} from '../state/select-view.js';
import {hasSidebarFilterRow, rowsOf} from '../state/widget-inputs.js';
import {currentTopic} from '../state/viewport/places.js';
import {KEY_ACTIONS, resolveKey, type KeyLayer} from './keymap.js';
import {mouseIntent, type MouseEvent} from './mouse.js';

/** The layers a key is looked up in, in order, for the state the reader is in. */
export function keyLayers(state: ReaderState): KeyLayer[] {
	if (state.mode.kind === 'help' || state.mode.kind === 'warnings') return ['global', 'help'];
	if (state.mode.kind === 'find') return ['global', 'find'];
	if (state.mode.kind === 'filter') return ['global', 'filter'];
	if (state.mode.kind === 'search')
		return state.mode.panel.focus === 'query' ? ['global', 'searchQuery'] : ['global', 'searchList'];
	const base: KeyLayer[] = state.focus === 'sidebar' ? ['global', 'sidebar', 'reader'] : ['global', 'reader'];
	return state.find ? ['global', 'found', ...base.slice(1)] : base;
}

/**
 * What a key press does in `state`. Resolved against the state the reducer holds, not the one the
 * view last drew, so keys typed faster than frames (a paste, a fast typist) all land in the right mode.
 */
export function keyToAction(state: ReaderState, name: string, input: string, isModified: boolean): ReaderAction | null {
	const action = resolveKey(name, keyLayers(state));
	if (action === 'suspend' || action === 'redraw') return null;
	if (action) return KEY_ACTIONS[action];
	// Letters go to the input: `q` types q.
	if (state.mode.kind === 'find' && isTypable(input, isModified)) return {type: 'findType', text: input};
	if (state.mode.kind === 'filter' && isTypable(input, isModified)) return {type: 'sidebarFilterType', text: input};
	if (state.mode.kind === 'search' && state.mode.panel.focus === 'query') {
		if (name === 'backspace') return {type: 'searchBackspace'};
		if (isTypable(input, isModified)) return {type: 'searchType', text: input};
	}
	return null;
}

/** Text that goes into an input: printable, without Ctrl or Meta. */
function isTypable(input: string, isModified: boolean): boolean {
	return !isModified && input.length > 0 && !/[\u0000-\u001F\u007F]/.test(input);
}

/**
 * What a mouse event does in `state`: the wheel scrolls what is under the pointer (the sidebar,
 * or whatever the pane shows: the text, the help, the warnings, the search results, the list put
 * in the text's place), never the text hidden under an overlay; a left press on a sidebar row
 * opens it. Resolved against the state the reducer holds, as keys are: a wheel turned right after
 * a key lands where that key put the screen.
 */
export function mouseToAction(state: ReaderState, env: ReaderEnv, event: MouseEvent): ReaderAction | null {
	const layout = layoutOf(state);
	const intent = mouseIntent(event, layout);
	if (!intent) return null;
	const pane = paneContent(state, isListShownInPlace(state));
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
	if (area !== 'sidebar' || intent.kind !== 'click') return null;
	// The filter's line, when there is one, is above the list's first row.
	const row = intent.row - (hasSidebarFilterRow(state) ? 1 : 0);
	return row >= 0
		? {type: 'sidebarClick', row: sidebarOffsetOf(state, rowsOf(state, env), currentTopic(state, env)) + row}
		: null;
}
