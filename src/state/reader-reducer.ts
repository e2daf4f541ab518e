import {findReducer, type FindAction} from './find/find-reducer.js';
import {emptySearch, layoutOf, type Mode, type ReaderEnv, type ReaderState} from './reader-state.js';
import {itemsOf, searchReducer, talkOf, type SearchAction} from './search/search-reducer.js';
import {reloadLibrary, type LibraryReloaded} from './reload-library.js';
import {rowsOf, sidebarReducer, withCursorOnCurrent, type SidebarAction} from './sidebar/sidebar-reducer.js';
import {viewportReducer, type ViewportAction} from './viewport/viewport-reducer.js';

export {initialState, layoutOf, type Mode, type ReaderEnv, type ReaderState, type SidebarRow} from './reader-state.js';

/** Everything the reader can be asked to do; each widget's reducer takes its own. */
export type ReaderAction =
	| ViewportAction
	| SidebarAction
	| FindAction
	| SearchAction
	| {type: 'setMode'; mode: Mode['kind']}
	| {type: 'overlayScroll'; lines: number}
	| {type: 'overlayScroll'; pages: number}
	| {type: 'clearFlash'}
	/** A status message; with `replacing`, only while the message shown is still that one. */
	| {type: 'message'; text: string | null; replacing?: string}
	| {type: 'quit'}
	| LibraryReloaded
	/** `e`: the view opens the editor at the text on top (an effect), then reloads the post. */
	| {type: 'editPost'}
	/** The wheel over the sidebar: it takes the focus and its cursor moves. */
	| {type: 'sidebarScroll'; lines: number}
	/** A click on the sidebar's `row` (counted from the list's first row, not the screen's): opens it. */
	| {type: 'sidebarClick'; row: number}
	/** `v` in the search list: search for the selected talk's recording. */
	| {type: 'searchRecording'};

/** The reader's one reducer: pure, given the documents `env` hands it; it routes to the widgets. */
export function readerReducer(state: ReaderState, action: ReaderAction, env: ReaderEnv): ReaderState {
	// Too small to show anything: only a new size (or quitting) means something.
	// A reload still swaps the library, or the post index would point into the old one.
	if (action.type === 'libraryReloaded') return reloadLibrary(state, action, env);
	if (layoutOf(state).isTooSmall && action.type !== 'resize' && action.type !== 'quit') return state;
	switch (action.type) {
		case 'scroll':
		case 'page':
		case 'top':
		case 'bottom':
		case 'topic':
		case 'post':
		case 'openPost':
		case 'jumpToTopic':
		case 'resize': {
			return viewportReducer(state, action, env);
		}
		case 'toggleSidebar':
		case 'switchFocus':
		case 'sidebarMove':
		case 'sidebarPage':
		case 'sidebarEdge':
		case 'sidebarOpen':
		case 'sidebarEscape':
		case 'sidebarFilterOpen':
		case 'sidebarFilterType':
		case 'sidebarFilterBackspace':
		case 'sidebarFilterDone':
		case 'sidebarFilterClear':
		case 'sidebarTalksOnly': {
			return sidebarReducer(state, action, env);
		}
		case 'findType':
		case 'findBackspace':
		case 'findSubmit':
		case 'findStep':
		case 'clearFind': {
			return findReducer(state, action, env);
		}
		case 'setMode': {
			return setMode(state, action.mode);
		}
		case 'overlayScroll': {
			if (state.mode.kind !== 'help' && state.mode.kind !== 'warnings') return state;
			const layout = layoutOf(state);
			// The overlay's first row is its title; the rest scroll, and stop at the last line.
			const room = layout.paneHeight - 1;
			const last = Math.max(0, env.overlayLength(state.mode.kind, layout.paneWidth) - room);
			// A page keeps one line of context, as the text's paging does.
			const lines =
				'pages' in action
					? Math.trunc(action.pages * Math.max(1, Math.abs(action.pages) >= 1 ? room - 1 : room))
					: action.lines;
			return {...state, mode: {kind: state.mode.kind, top: Math.max(0, Math.min(last, state.mode.top + lines))}};
		}
		case 'clearFlash': {
			return {...state, flashLine: null};
		}
		case 'message': {
			if (action.replacing !== undefined && state.message !== action.replacing) return state;
			return {...state, message: action.text};
		}
		case 'quit': {
			return {...state, isQuitting: true};
		}
		case 'editPost': {
			return {
				...state,
				effect: {
					kind: 'edit',
					postId: env.postId(state.postIndex),
					top: state.top,
					width: state.topWidth,
					id: nextEffectId(state),
				},
			};
		}
		case 'sidebarScroll': {
			const focused = state.focus === 'sidebar' ? state : withCursorOnCurrent({...state, focus: 'sidebar'}, env);
			return sidebarReducer(focused, {type: 'sidebarMove', delta: action.lines}, env);
		}
		case 'sidebarClick': {
			if (!rowsOf(state, env).at(action.row)) return state;
			return sidebarReducer(
				{...state, focus: 'sidebar', sidebar: {...state.sidebar, cursor: action.row}},
				{type: 'sidebarOpen'},
				env,
			);
		}
		case 'searchRecording': {
			if (state.mode.kind !== 'search') return state;
			const hit = talkOf(itemsOf(state.mode.panel, env)[state.mode.panel.selected]);
			if (!hit) return {...state, message: 'A line of text: o, y, w and v are for talks'};
			return {
				...state,
				effect: {kind: 'recording', title: hit.session.title, id: nextEffectId(state)},
				message: 'Searching for the recording',
			};
		}
		default: {
			return searchReducer(state, action, env);
		}
	}
}

function nextEffectId(state: ReaderState): number {
	return (state.effect?.id ?? 0) + 1;
}

/** Opens a mode with its own data; leaving the search keeps its panel for the next time. */
function setMode(state: ReaderState, kind: Mode['kind']): ReaderState {
	const keptSearch = state.mode.kind === 'search' ? state.mode.panel : state.keptSearch;
	const base = {...state, keptSearch, message: null};
	switch (kind) {
		case 'reader':
		case 'filter': {
			return {...base, mode: {kind}};
		}
		case 'help':
		case 'warnings': {
			return {...base, mode: {kind, top: 0}};
		}
		case 'find': {
			return {...base, mode: {kind: 'find', input: state.lastFind, isKept: state.lastFind !== ''}};
		}
		case 'search': {
			// The panel opens with its last query (selected: typing replaces it) and filters.
			const panel = keptSearch ?? emptySearch;
			return {...base, mode: {kind: 'search', panel: {...panel, focus: 'query', isQueryKept: panel.query !== ''}}};
		}
	}
}
