import {
	findInputReducer,
	matchTop,
	openFindInput,
	startFind,
	stepFind,
	type Find,
	type FindAction,
} from './find/find.js';
import {overlayReducer, type OverlayAction} from './help/overlay.js';
import {layoutOf, type Mode, type ReaderEnv, type ReaderState} from './reader-state.js';
import {reloadLibrary, type LibraryReloaded} from './reload-library.js';
import {
	emptySearch,
	isWatchedIn,
	itemTarget,
	NOT_A_TALK,
	reopenSearch,
	searchReducer,
	talkOf,
	type SearchAction,
} from './search/search.js';
import {sessionKey} from '../search/session-index.js';
import {isFiltering} from './sidebar/post-filter.js';
import {
	isSidebarAction,
	NO_FILTER,
	postCountText,
	rowTarget,
	sidebarReducer,
	type SidebarAction,
} from './sidebar/sidebar.js';
import type {SidebarRow} from './sidebar/sidebar-rows.js';
import {
	jumpTo,
	jumpToLine,
	openPost,
	resize,
	scrollTo,
	viewportReducer,
	type ViewportAction,
} from './viewport/viewport-reducer.js';
import {itemsOf, rowsOf, searchInput, sidebarInput} from './widget-inputs.js';

export {initialState, layoutOf, type Mode, type ReaderEnv, type ReaderState, type SidebarRow} from './reader-state.js';

/**
 * Everything the reader can be asked to do. Each widget reduces its own actions over its own slice
 * (the viewport, the sidebar, find, the search panel, the overlays); the rest are the reader's
 * commands, the moves that cross widgets (opening a row or a search entry, the focus, modes).
 */
export type ReaderAction =
	| ViewportAction
	| SidebarAction
	| FindAction
	| SearchAction
	| OverlayAction
	| LibraryReloaded
	| {type: 'setMode'; mode: Mode['kind']}
	| {type: 'clearFlash'}
	/** A status message; with `replacing`, only while the message shown is still that one. */
	| {type: 'message'; text: string | null; replacing?: string}
	| {type: 'quit'}
	/** `e`: the view opens the editor at the text on top (an effect), then reloads the post. */
	| {type: 'editPost'}
	/** t: the sidebar shown or hidden (narrow: the list put in the text's place). */
	| {type: 'toggleSidebar'}
	/** Tab: keys go to the list, or back to the text. */
	| {type: 'switchFocus'}
	/** Enter in the list: the row under the cursor opens. */
	| {type: 'sidebarOpen'}
	/** Esc in the list: a filter is cleared first, then the text has the focus again. */
	| {type: 'sidebarEscape'}
	/** `/` in the list: type a filter (title words, `tag:x`). */
	| {type: 'sidebarFilterOpen'}
	/** Enter: the filter stays, keys move in the list again. */
	| {type: 'sidebarFilterDone'}
	/** Esc while typing: the filter goes. */
	| {type: 'sidebarFilterClear'}
	/** The wheel over the sidebar: it takes the focus and its cursor moves. */
	| {type: 'sidebarScroll'; lines: number}
	/** A click on the sidebar's `row` (counted from the list's first row, not the screen's): opens it. */
	| {type: 'sidebarClick'; row: number}
	| {type: 'searchOpen'}
	| {type: 'searchLink'; kind: 'open' | 'copy'}
	| {type: 'searchToggleWatched'}
	/** `v` in the search list: search for the selected talk's recording. */
	| {type: 'searchRecording'};

/** The reader's one reducer: pure, given the documents `env` hands it; it routes to the widgets. */
export function readerReducer(state: ReaderState, action: ReaderAction, env: ReaderEnv): ReaderState {
	// Too small to show anything: only a new size (or quitting) means something.
	// A reload still swaps the library, or the post index would point into the old one.
	if (action.type === 'libraryReloaded') return reloadLibrary(state, action, env);
	if (layoutOf(state).isTooSmall && action.type !== 'resize' && action.type !== 'quit') return state;
	if (isSidebarAction(action)) return sidebarAction(state, action, env);
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
		case 'toggleSidebar': {
			// Too narrow for the sidebar beside the text: it shows in place of the text instead.
			if (!layoutOf(state).hasRoomForSidebar) return toggleListInPlace(state, env);
			// The text re-wraps at its new width and keeps the same words at the top.
			const next = resize({...state, isSidebarWanted: !state.isSidebarWanted}, env, state.width, state.height);
			return {...next, focus: next.isSidebarWanted ? next.focus : 'reader'};
		}
		case 'switchFocus': {
			const layout = layoutOf(state);
			if (!layout.hasRoomForSidebar) return toggleListInPlace(state, env);
			if (layout.sidebarWidth === 0) return {...state, focus: 'reader', message: 'The sidebar is hidden (t shows it)'};
			return state.focus === 'reader'
				? followInSidebar({...state, focus: 'sidebar'}, env)
				: {...state, focus: 'reader'};
		}
		case 'sidebarOpen': {
			const row = rowsOf(state, env).at(state.sidebar.cursor);
			return row ? openRow(state, env, row) : state;
		}
		case 'sidebarEscape': {
			if (isFiltering(state.sidebar.filter))
				return {...sidebarAction(state, {type: 'sidebarSetFilter', filter: NO_FILTER}, env), message: null};
			if (!layoutOf(state).hasRoomForSidebar) return toggleListInPlace(state, env);
			return {...state, focus: 'reader'};
		}
		case 'sidebarFilterOpen': {
			return {
				...state,
				mode: {kind: 'filter'},
				focus: state.isListInPlace || layoutOf(state).sidebarWidth > 0 ? 'sidebar' : state.focus,
				message: null,
			};
		}
		case 'sidebarFilterDone': {
			return {...state, mode: {kind: 'reader'}};
		}
		case 'sidebarFilterClear': {
			const closed: ReaderState = {...state, mode: {kind: 'reader'}};
			return sidebarAction(closed, {type: 'sidebarSetFilter', filter: {...state.sidebar.filter, query: ''}}, env);
		}
		case 'sidebarScroll': {
			const focused = state.focus === 'sidebar' ? state : followInSidebar({...state, focus: 'sidebar'}, env);
			return sidebarAction(focused, {type: 'sidebarMove', delta: action.lines}, env);
		}
		case 'sidebarClick': {
			const row = rowsOf(state, env).at(action.row);
			if (!row) return state;
			return openRow({...state, focus: 'sidebar', sidebar: {...state.sidebar, cursor: action.row}}, env, row);
		}
		case 'findType':
		case 'findBackspace': {
			if (state.mode.kind !== 'find') return state;
			return {...state, mode: {kind: 'find', ...findInputReducer(state.mode, action)}};
		}
		case 'findSubmit': {
			if (state.mode.kind !== 'find') return state;
			const query = state.mode.input.trim();
			const closed: ReaderState = {...state, mode: {kind: 'reader'}, lastFind: query || state.lastFind};
			if (query === '') return {...closed, find: null};
			const {find, message} = startFind(env.doc(state.postIndex, layoutOf(state).paneWidth), query, state.top);
			return find ? showMatch(closed, env, find, message) : {...closed, find: null, message};
		}
		case 'findStep': {
			if (!state.find) return state;
			const {find, message} = stepFind(state.find, action.direction);
			return showMatch(state, env, find, message);
		}
		case 'clearFind': {
			return {...state, find: null, message: null};
		}
		case 'searchType':
		case 'searchBackspace':
		case 'searchClear':
		case 'searchMove':
		case 'searchFocus':
		case 'searchToggleMissed':
		case 'searchCycleDay':
		case 'searchText': {
			if (state.mode.kind !== 'search') return state;
			return {...state, mode: {kind: 'search', panel: searchReducer(state.mode.panel, action, searchInput(env))}};
		}
		case 'searchOpen': {
			return openSearchItem(state, env);
		}
		case 'searchLink': {
			const hit = selectedTalk(state, env);
			if (hit === null) return state;
			if (!hit) return {...state, message: NOT_A_TALK};
			const {url} = hit.session;
			if (!url) return {...state, message: 'This session has no link'};
			return {
				...state,
				effect: {kind: action.kind, url, id: nextEffectId(state)},
				message: action.kind === 'copy' ? `Copied ${url}` : `Opening ${url}`,
			};
		}
		case 'searchToggleWatched': {
			const hit = selectedTalk(state, env);
			if (hit === null) return state;
			if (!hit) return {...state, message: NOT_A_TALK};
			const key = sessionKey(hit.session);
			return {
				...state,
				watched: {...state.watched, [key]: !isWatchedIn(state.watched, hit.session, env.storedWatched)},
			};
		}
		case 'searchRecording': {
			const hit = selectedTalk(state, env);
			if (hit === null) return state;
			if (!hit) return {...state, message: NOT_A_TALK};
			return {
				...state,
				effect: {kind: 'recording', title: hit.session.title, id: nextEffectId(state)},
				message: 'Searching for the recording',
			};
		}
		case 'overlayScroll': {
			if (state.mode.kind !== 'help' && state.mode.kind !== 'warnings') return state;
			const layout = layoutOf(state);
			const length = env.overlayLength(state.mode.kind, layout.paneWidth);
			const top = overlayReducer(state.mode.top, action, {length, paneHeight: layout.paneHeight});
			return {...state, mode: {kind: state.mode.kind, top}};
		}
		case 'setMode': {
			return setMode(state, action.mode);
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
	}
}

/** The sidebar's own actions, on its slice; a typed filter's backspace on nothing leaves the filter line. */
function sidebarAction(state: ReaderState, action: SidebarAction, env: ReaderEnv): ReaderState {
	if (action.type === 'sidebarFilterBackspace' && state.mode.kind === 'filter' && state.sidebar.filter.query === '')
		// As in vim's command line.
		return {...state, mode: {kind: 'reader'}};
	const sidebar = sidebarReducer(state.sidebar, action, sidebarInput(state, env));
	if (sidebar === state.sidebar) return state;
	const next = {...state, sidebar};
	if (action.type !== 'sidebarTalksOnly') return next;
	const count = postCountText(env.shownPosts(sidebar.filter), env.postCount).replace('/', ' of ');
	return {...next, message: sidebar.filter.isTalksOnly ? `Posts with talks: ${count} (s shows all)` : null};
}

/** The sidebar's cursor on what is read (or on `row`). */
function followInSidebar(state: ReaderState, env: ReaderEnv, row?: SidebarRow): ReaderState {
	return {...state, sidebar: sidebarReducer(state.sidebar, {type: 'sidebarFollow', row}, sidebarInput(state, env))};
}

/** Narrow terminals: t and Tab put the list in the text's place, and take it away again. */
function toggleListInPlace(state: ReaderState, env: ReaderEnv): ReaderState {
	if (state.isListInPlace) return {...state, isListInPlace: false, focus: 'reader'};
	return followInSidebar({...state, isListInPlace: true, focus: 'sidebar', message: null}, env);
}

/**
 * A sidebar row opened: a post at its place (the list keeps the focus: its topics to pick), or a
 * topic's heading to the top (the text has the focus again).
 */
function openRow(state: ReaderState, env: ReaderEnv, row: SidebarRow): ReaderState {
	const {postIndex, topicIndex} = rowTarget(row);
	const isTopic = topicIndex !== null;
	const next = isTopic ? jumpTo(state, env, postIndex, topicIndex) : openPost(state, env, postIndex);
	return followInSidebar(
		{...next, focus: isTopic ? 'reader' : 'sidebar', isListInPlace: isTopic ? false : next.isListInPlace},
		env,
		row,
	);
}

/**
 * Opens a post at a line as a move (that line is then the post's place): the line goes a third of
 * the way down the pane and is marked briefly; with a find, n and N step through it from there.
 */
export function openAt(
	state: ReaderState,
	env: ReaderEnv,
	postIndex: number,
	line: number,
	then: {find: Find | null; message: string | null} = {find: null, message: null},
): ReaderState {
	const opened = jumpToLine(state, env, postIndex, line - Math.floor(layoutOf(state).paneHeight / 3));
	const found = {...opened, flashLine: line, find: then.find};
	const withFind = then.find ? {...found, lastFind: then.find.query} : found;
	return then.message === null ? withFind : {...withFind, message: then.message};
}

/** Shows a find's current match: the text stays put when it is on screen, else scrolls it into view. */
function showMatch(state: ReaderState, env: ReaderEnv, find: Find, message: string): ReaderState {
	const top = matchTop(find, state.top, layoutOf(state).paneHeight);
	return top === null ? {...state, find, message} : scrollTo(state, env, top, {find, message});
}

/** Enter in the search: the entry's post opens where it is, the panel kept for the next time. */
function openSearchItem(state: ReaderState, env: ReaderEnv): ReaderState {
	if (state.mode.kind !== 'search') return state;
	const {panel} = state.mode;
	const item = itemsOf(panel, env)[panel.selected];
	if (!item) return state;
	const postIndex = env.postIndexOf(item.kind === 'talk' ? item.hit.session.postId : item.hit.postId);
	if (postIndex === -1) return state;
	const target = itemTarget(item, panel, env.doc(postIndex, layoutOf(state).paneWidth));
	return openAt({...state, mode: {kind: 'reader'}, keptSearch: panel}, env, postIndex, target.line, target);
}

/** The talk selected in the search (undefined: a line of text; null: no search open). */
function selectedTalk(state: ReaderState, env: ReaderEnv) {
	if (state.mode.kind !== 'search') return null;
	return talkOf(itemsOf(state.mode.panel, env)[state.mode.panel.selected]);
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
			return {...base, mode: {kind: 'find', ...openFindInput(state.lastFind)}};
		}
		case 'search': {
			return {...base, mode: {kind: 'search', panel: reopenSearch(keptSearch ?? emptySearch)}};
		}
	}
}
