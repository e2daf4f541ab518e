import type {ReaderAction, ReaderState} from '../state/reader-reducer.js';
import {resolveKey, type KeyAction, type KeyLayer} from './keymap.js';

/** Ctrl-Z and Ctrl-L are the terminal's business: the input hook handles them before any action is dispatched. */
const ACTIONS: Record<Exclude<KeyAction, 'suspend' | 'redraw'>, ReaderAction> = {
	quit: {type: 'quit'},
	lineDown: {type: 'scroll', lines: 1},
	lineUp: {type: 'scroll', lines: -1},
	pageDown: {type: 'page', pages: 1},
	pageUp: {type: 'page', pages: -1},
	halfDown: {type: 'page', pages: 0.5},
	halfUp: {type: 'page', pages: -0.5},
	top: {type: 'top'},
	bottom: {type: 'bottom'},
	nextTopic: {type: 'topic', direction: 1},
	previousTopic: {type: 'topic', direction: -1},
	nextPost: {type: 'post', direction: 1},
	previousPost: {type: 'post', direction: -1},
	toggleSidebar: {type: 'toggleSidebar'},
	switchFocus: {type: 'switchFocus'},
	sidebarDown: {type: 'sidebarMove', delta: 1},
	sidebarUp: {type: 'sidebarMove', delta: -1},
	sidebarOpen: {type: 'sidebarOpen'},
	openHelp: {type: 'setMode', mode: 'help'},
	closeOverlay: {type: 'setMode', mode: 'reader'},
	openFind: {type: 'setMode', mode: 'find'},
	nextMatch: {type: 'findStep', direction: 1},
	previousMatch: {type: 'findStep', direction: -1},
	clearFind: {type: 'clearFind'},
	openSearch: {type: 'setMode', mode: 'search'},
	openWarnings: {type: 'setMode', mode: 'warnings'},
	overlayDown: {type: 'overlayScroll', lines: 1},
	overlayUp: {type: 'overlayScroll', lines: -1},
	overlayPageDown: {type: 'overlayScroll', pages: 1},
	overlayPageUp: {type: 'overlayScroll', pages: -1},
	overlayHalfDown: {type: 'overlayScroll', pages: 0.5},
	overlayHalfUp: {type: 'overlayScroll', pages: -0.5},
	overlayTop: {type: 'overlayScroll', lines: -Infinity},
	overlayBottom: {type: 'overlayScroll', lines: Infinity},
	closeSearch: {type: 'setMode', mode: 'reader'},
	searchDown: {type: 'searchMove', delta: 1},
	searchUp: {type: 'searchMove', delta: -1},
	searchOpen: {type: 'searchOpen'},
	searchFocusList: {type: 'searchFocus', focus: 'list'},
	searchClear: {type: 'searchClear'},
	searchFocusQuery: {type: 'searchFocus', focus: 'query'},
	openLink: {type: 'searchLink', kind: 'open'},
	copyLink: {type: 'searchLink', kind: 'copy'},
	toggleWatched: {type: 'searchToggleWatched'},
	toggleMissed: {type: 'searchToggleMissed'},
	cycleDay: {type: 'searchCycleDay'},
	findSubmit: {type: 'findSubmit'},
	findCancel: {type: 'setMode', mode: 'reader'},
	findBackspace: {type: 'findBackspace'},
	editPost: {type: 'editPost'},
	searchRecording: {type: 'searchRecording'},
};

/** The layers a key is looked up in, in order, for the state the reader is in. */
export function keyLayers(state: ReaderState): KeyLayer[] {
	if (state.mode.kind === 'help' || state.mode.kind === 'warnings') return ['global', 'help'];
	if (state.mode.kind === 'find') return ['global', 'find'];
	if (state.mode.kind === 'search') return state.mode.panel.focus === 'query' ? ['global', 'searchQuery'] : ['global', 'searchList'];
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
	if (action) return ACTIONS[action];
	// Letters go to the input: `q` types q.
	if (state.mode.kind === 'find' && isTypable(input, isModified)) return {type: 'findType', text: input};
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
