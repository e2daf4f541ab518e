/**
 * The sidebar as a widget of its own (as ink-ui's select keeps its focused option and visible
 * window): its state is the cursor, the first row shown and the filter; its reducer takes only that
 * slice and what it needs to know of the reader (the rows, the open post's row, the list's room).
 * What crosses to the rest of the reader (opening a row, the focus, the filter's typing mode) is
 * the reader's reducer's: it asks `rowTarget` what a row opens. Pure: no import of the reader state.
 */
import {isFiltering, MAX_FILTER_CHARS, type SidebarFilter} from './post-filter.js';
import type {SidebarRow, SidebarRows} from './sidebar-rows.js';

/** The sidebar's own state: the cursor row, the first row shown while it has the focus, the filter. */
export type SidebarState = {cursor: number; offset: number; filter: SidebarFilter};

export const NO_FILTER: SidebarFilter = {query: '', isTalksOnly: false};

export const initialSidebar: SidebarState = {cursor: 0, offset: 0, filter: NO_FILTER};

/** What the sidebar reduces by itself: moves in the list and changes to its filter. */
export type SidebarAction =
	| {type: 'sidebarMove'; delta: number}
	/** PgDn, Space, PgUp, b (pages of the list), d and u (half pages). */
	| {type: 'sidebarPage'; pages: number}
	/** g and Home, G and End. */
	| {type: 'sidebarEdge'; edge: 'first' | 'last'}
	| {type: 'sidebarFilterType'; text: string}
	/** Backspace while typing (on an empty filter the reader leaves the filter line instead). */
	| {type: 'sidebarFilterBackspace'}
	/** Only the posts that list talks. */
	| {type: 'sidebarTalksOnly'}
	/** The cursor to a row (a click), or onto the open post's row (or `row`) when it is shown. */
	| {type: 'sidebarCursorTo'; row: number}
	| {type: 'sidebarFollow'; row?: SidebarRow}
	/** A new filter (Esc clears it, Esc while typing clears its words). */
	| {type: 'sidebarSetFilter'; filter: SidebarFilter};

/** What the sidebar is told of the reader: its rows for a filter, the open post's row, its room. */
export type SidebarInput = {
	rows: (filter: SidebarFilter) => SidebarRows;
	/** The row of what is being read: the open post, or its topic. */
	current: SidebarRow;
	/** Rows of the pane the list is drawn in. */
	paneHeight: number;
	/** Whether the filter is being typed (its line shows, the cursor goes to the first post kept). */
	isTyping: boolean;
};

/** Whether the sidebar's first row says the filter (typed, or kept). */
export function hasFilterRow(isTyping: boolean, filter: SidebarFilter): boolean {
	return isTyping || isFiltering(filter);
}

/** Rows of the list itself: the pane's height, less the filter's row when there is one. */
export function listHeight(paneHeight: number, hasFilter: boolean): number {
	return Math.max(1, paneHeight - (hasFilter ? 1 : 0));
}

/** Keeps a cursor row visible in a list of `height` rows scrolled to `offset`. */
export function followCursor(cursor: number, offset: number, height: number): number {
	if (cursor < offset) return cursor;
	if (cursor >= offset + height) return cursor - height + 1;
	return offset;
}

export function sidebarReducer(sidebar: SidebarState, action: SidebarAction, input: SidebarInput): SidebarState {
	const height = listHeight(input.paneHeight, hasFilterRow(input.isTyping, sidebar.filter));
	const moveTo = (to: number): SidebarState => {
		const cursor = Math.max(0, Math.min(input.rows(sidebar.filter).length - 1, to));
		return {...sidebar, cursor, offset: followCursor(cursor, sidebar.offset, height)};
	};
	switch (action.type) {
		case 'sidebarMove': {
			return moveTo(sidebar.cursor + action.delta);
		}
		case 'sidebarPage': {
			// A page keeps one row of context, as the text's paging does.
			const rows = Math.abs(action.pages) >= 1 ? Math.max(1, height - 1) : Math.max(1, Math.floor(height / 2));
			return moveTo(sidebar.cursor + Math.sign(action.pages) * rows * Math.max(1, Math.trunc(Math.abs(action.pages))));
		}
		case 'sidebarEdge': {
			return moveTo(action.edge === 'first' ? 0 : input.rows(sidebar.filter).length - 1);
		}
		case 'sidebarCursorTo': {
			return {...sidebar, cursor: action.row};
		}
		case 'sidebarFollow': {
			return withCursorOn(sidebar, input, action.row ?? input.current);
		}
		case 'sidebarFilterType': {
			if (!input.isTyping) return sidebar;
			// A paste longer than any title is cut.
			const query = [...(sidebar.filter.query + action.text)].slice(0, MAX_FILTER_CHARS).join('');
			return withFilter(sidebar, input, {...sidebar.filter, query});
		}
		case 'sidebarFilterBackspace': {
			if (!input.isTyping) return sidebar;
			return withFilter(sidebar, input, {...sidebar.filter, query: [...sidebar.filter.query].slice(0, -1).join('')});
		}
		case 'sidebarTalksOnly': {
			return withFilter(sidebar, input, {...sidebar.filter, isTalksOnly: !sidebar.filter.isTalksOnly});
		}
		case 'sidebarSetFilter': {
			return withFilter(sidebar, input, action.filter);
		}
	}
}

/**
 * A new filter: while it is typed the cursor goes to the first post it keeps (as fzf does); set
 * or cleared otherwise, it stays on the open post where that is shown.
 */
function withFilter(sidebar: SidebarState, input: SidebarInput, filter: SidebarFilter): SidebarState {
	const next = {...sidebar, filter, cursor: 0, offset: 0};
	if (input.isTyping) return next;
	return input.rows(filter).indexOf(input.current) === -1 ? next : withCursorOn(next, input, input.current);
}

/** The cursor on `row` (the first row when it is not shown), scrolled into view. */
function withCursorOn(sidebar: SidebarState, input: SidebarInput, row: SidebarRow): SidebarState {
	const cursor = Math.max(0, input.rows(sidebar.filter).indexOf(row));
	const height = listHeight(input.paneHeight, hasFilterRow(input.isTyping, sidebar.filter));
	return {...sidebar, cursor, offset: followCursor(cursor, sidebar.offset, height)};
}

/** What a row opens: a post at its place, or a topic of the open post (its heading to the top). */
export function rowTarget(row: SidebarRow): {postIndex: number; topicIndex: number | null} {
	return row.kind === 'post'
		? {postIndex: row.postIndex, topicIndex: null}
		: {postIndex: row.postIndex, topicIndex: row.topicIndex};
}

/** The first row shown: the sidebar's own while it has the focus, else following the topic read. */
export function sidebarOffset(
	sidebar: SidebarState,
	rows: SidebarRows,
	options: {isFocused: boolean; current: SidebarRow; height: number},
): number {
	if (options.isFocused) return sidebar.offset;
	// The list scrolled so the topic being read stays in view while the text scrolls.
	const index = rows.indexOf(options.current);
	if (index < options.height) return 0;
	return Math.max(0, index - Math.floor(options.height / 2));
}

/** `12/60`: the posts a filter keeps, of all. */
export function postCountText(shown: readonly number[] | null, postCount: number): string {
	return `${shown ? shown.length : postCount}/${postCount}`;
}

/** The filter's line: what is typed (with the cursor while typing) and talks-only; the count apart. */
export function filterLineText(filter: SidebarFilter, isTyping: boolean): string {
	const typed = isTyping || filter.query !== '' ? `/ ${filter.query}${isTyping ? '▏' : ''}` : '';
	return [typed, filter.isTalksOnly ? 'talks only' : ''].filter(Boolean).join(' · ');
}

/** The post and topic the status line names for the row under the cursor (null: what is read). */
export function cursorNames(row: SidebarRow | undefined): {postIndex: number | null; topicIndex: number | null} {
	if (!row) return {postIndex: null, topicIndex: null};
	return row.kind === 'post'
		? {postIndex: row.postIndex, topicIndex: null}
		: {postIndex: null, topicIndex: row.topicIndex};
}

// Every action the sidebar reduces by itself (the compiler keeps this whole): the reader routes them here.
const OWN_ACTIONS: Record<SidebarAction['type'], true> = {
	sidebarMove: true,
	sidebarPage: true,
	sidebarEdge: true,
	sidebarFilterType: true,
	sidebarFilterBackspace: true,
	sidebarTalksOnly: true,
	sidebarCursorTo: true,
	sidebarFollow: true,
	sidebarSetFilter: true,
};

/** Whether the sidebar reduces `action` by itself. */
export function isSidebarAction(action: {type: string}): action is SidebarAction {
	return Object.hasOwn(OWN_ACTIONS, action.type);
}
