import {layoutOf, type ReaderEnv, type ReaderState, type SidebarRow, type SidebarRows} from '../reader-state.js';
import {currentTopic} from '../viewport/places.js';
import {followCursor} from '../viewport/viewport.js';
import {isFiltering, MAX_FILTER_CHARS, type SidebarFilter} from './post-filter.js';
import {currentRow} from './sidebar-rows.js';
import {jumpTo, openPost, resize} from '../viewport/viewport-reducer.js';

/** The sidebar's own state: the cursor row, the first row shown while it has the focus, the filter. */
export type SidebarState = {cursor: number; offset: number; filter: SidebarFilter};

export const NO_FILTER: SidebarFilter = {query: '', isTalksOnly: false};

export type SidebarAction =
	| {type: 'toggleSidebar'}
	| {type: 'switchFocus'}
	| {type: 'sidebarMove'; delta: number}
	/** PgDn, Space, PgUp, b (pages of the list), d and u (half pages). */
	| {type: 'sidebarPage'; pages: number}
	/** g and Home, G and End. */
	| {type: 'sidebarEdge'; edge: 'first' | 'last'}
	| {type: 'sidebarOpen'}
	/** Esc in the list: a filter is cleared first, then the text has the focus again. */
	| {type: 'sidebarEscape'}
	/** `/` in the list: type a filter (title words, `tag:x`). */
	| {type: 'sidebarFilterOpen'}
	| {type: 'sidebarFilterType'; text: string}
	| {type: 'sidebarFilterBackspace'}
	/** Enter: the filter stays, keys move in the list again. */
	| {type: 'sidebarFilterDone'}
	/** Esc while typing: the filter goes. */
	| {type: 'sidebarFilterClear'}
	/** Only the posts that list talks. */
	| {type: 'sidebarTalksOnly'};

/** The sidebar's rows as the state shows them: filtered, the open post followed by its topics. */
export function rowsOf(state: ReaderState, env: ReaderEnv): SidebarRows {
	return env.sidebarRows(state.postIndex, state.sidebar.filter);
}

/** Whether the sidebar's first row says the filter (typed, or kept). */
export function hasFilterRow(state: ReaderState): boolean {
	return state.mode.kind === 'filter' || isFiltering(state.sidebar.filter);
}

/** Rows of the list itself: the pane's height, less the filter's row when there is one. */
export function listHeight(state: ReaderState): number {
	return Math.max(1, layoutOf(state).paneHeight - (hasFilterRow(state) ? 1 : 0));
}

export function sidebarReducer(state: ReaderState, action: SidebarAction, env: ReaderEnv): ReaderState {
	const layout = layoutOf(state);
	switch (action.type) {
		case 'toggleSidebar': {
			// Too narrow for the sidebar beside the text: it shows in place of the text instead.
			if (!layout.hasRoomForSidebar) return toggleListInPlace(state, env);
			// The text re-wraps at its new width and keeps the same words at the top.
			const next = resize({...state, isSidebarWanted: !state.isSidebarWanted}, env, state.width, state.height);
			return {...next, focus: next.isSidebarWanted ? next.focus : 'reader'};
		}
		case 'switchFocus': {
			if (!layout.hasRoomForSidebar) return toggleListInPlace(state, env);
			if (layout.sidebarWidth === 0) return {...state, focus: 'reader', message: 'The sidebar is hidden (t shows it)'};
			return state.focus === 'reader'
				? withCursorOnCurrent({...state, focus: 'sidebar'}, env)
				: {...state, focus: 'reader'};
		}
		case 'sidebarMove': {
			return moveCursor(state, env, state.sidebar.cursor + action.delta);
		}
		case 'sidebarPage': {
			// A page keeps one row of context, as the text's paging does.
			const height = listHeight(state);
			const rows = Math.abs(action.pages) >= 1 ? Math.max(1, height - 1) : Math.max(1, Math.floor(height / 2));
			return moveCursor(
				state,
				env,
				state.sidebar.cursor + Math.sign(action.pages) * rows * Math.max(1, Math.trunc(Math.abs(action.pages))),
			);
		}
		case 'sidebarEdge': {
			return moveCursor(state, env, action.edge === 'first' ? 0 : rowsOf(state, env).length - 1);
		}
		case 'sidebarOpen': {
			const row = rowsOf(state, env).at(state.sidebar.cursor);
			if (!row) return state;
			const next =
				row.kind === 'post' ? openPost(state, env, row.postIndex) : jumpTo(state, env, row.postIndex, row.topicIndex);
			// A topic chosen goes back to the text; a post opened keeps the list (its topics to pick).
			const isTopic = row.kind === 'topic';
			return withCursorOnCurrent(
				{...next, focus: isTopic ? 'reader' : 'sidebar', isListInPlace: isTopic ? false : next.isListInPlace},
				env,
				row,
			);
		}
		case 'sidebarEscape': {
			if (isFiltering(state.sidebar.filter)) return {...withFilter(state, env, NO_FILTER), message: null};
			if (!layout.hasRoomForSidebar) return toggleListInPlace(state, env);
			return {...state, focus: 'reader'};
		}
		case 'sidebarFilterOpen': {
			return {
				...state,
				mode: {kind: 'filter'},
				focus: state.isListInPlace || layout.sidebarWidth > 0 ? 'sidebar' : state.focus,
				message: null,
			};
		}
		case 'sidebarFilterType': {
			if (state.mode.kind !== 'filter') return state;
			// A paste longer than any title is cut.
			const query = [...(state.sidebar.filter.query + action.text)].slice(0, MAX_FILTER_CHARS).join('');
			return withFilter(state, env, {...state.sidebar.filter, query});
		}
		case 'sidebarFilterBackspace': {
			if (state.mode.kind !== 'filter') return state;
			// Backspace on nothing leaves the filter line, as in vim's command line.
			if (state.sidebar.filter.query === '') return {...state, mode: {kind: 'reader'}};
			return withFilter(state, env, {
				...state.sidebar.filter,
				query: [...state.sidebar.filter.query].slice(0, -1).join(''),
			});
		}
		case 'sidebarFilterDone': {
			return {...state, mode: {kind: 'reader'}};
		}
		case 'sidebarFilterClear': {
			return withFilter({...state, mode: {kind: 'reader'}}, env, {...state.sidebar.filter, query: ''});
		}
		case 'sidebarTalksOnly': {
			const filter = {...state.sidebar.filter, isTalksOnly: !state.sidebar.filter.isTalksOnly};
			const next = withFilter(state, env, filter);
			return {
				...next,
				message: filter.isTalksOnly
					? `Posts with talks: ${postCountText(next, env).replace('/', ' of ')} (s shows all)`
					: null,
			};
		}
	}
}

/** `12/60`: the posts a filter keeps, of all. */
export function postCountText(state: ReaderState, env: ReaderEnv): string {
	const shown = env.shownPosts(state.sidebar.filter);
	return `${shown ? shown.length : env.postCount}/${env.postCount}`;
}

function moveCursor(state: ReaderState, env: ReaderEnv, to: number): ReaderState {
	const rows = rowsOf(state, env);
	const cursor = Math.max(0, Math.min(rows.length - 1, to));
	return {
		...state,
		sidebar: {...state.sidebar, cursor, offset: followCursor(cursor, state.sidebar.offset, listHeight(state))},
	};
}

/**
 * A new filter: while it is typed the cursor goes to the first post it keeps (as fzf does); set
 * or cleared otherwise, it stays on the open post where that is shown.
 */
function withFilter(state: ReaderState, env: ReaderEnv, filter: SidebarFilter): ReaderState {
	const next = {...state, sidebar: {...state.sidebar, filter, cursor: 0, offset: 0}};
	if (state.mode.kind === 'filter') return next;
	const rows = rowsOf(next, env);
	const open = rows.indexOf(currentRow(state.postIndex, currentTopic(state, env)));
	return open === -1 ? next : withCursorOnCurrent(next, env);
}

/** Narrow terminals: t and Tab put the list in the text's place, and take it away again. */
function toggleListInPlace(state: ReaderState, env: ReaderEnv): ReaderState {
	if (state.isListInPlace) return {...state, isListInPlace: false, focus: 'reader'};
	return withCursorOnCurrent({...state, isListInPlace: true, focus: 'sidebar', message: null}, env);
}

/** Puts the sidebar cursor on the open post's current topic (or on `row` when given). */
export function withCursorOnCurrent(state: ReaderState, env: ReaderEnv, row?: SidebarRow): ReaderState {
	const rows = rowsOf(state, env);
	const topic = currentTopic(state, env);
	const index = rows.indexOf(row ?? currentRow(state.postIndex, topic));
	const cursor = Math.max(0, index);
	return {
		...state,
		sidebar: {...state.sidebar, cursor, offset: followCursor(cursor, state.sidebar.offset, listHeight(state))},
	};
}
