/**
 * What each widget is told of the reader: the few inputs its reducer and its view maths take,
 * made from the reader's state and env. The one place that knows both sides (no widget imports
 * the reader's state).
 */
import {layoutOf, type ReaderEnv, type ReaderState} from './reader-state.js';
import {searchItems, type SearchItem} from './search/search-items.js';
import type {SearchInput, SearchPanel} from './search/search.js';
import {hasFilterRow, listHeight, type SidebarInput} from './sidebar/sidebar.js';
import {currentRow, type SidebarRow, type SidebarRows} from './sidebar/sidebar-rows.js';
import {currentTopic} from './viewport/places.js';

/** The sidebar's rows as the state shows them: filtered, the open post followed by its topics. */
export function rowsOf(state: ReaderState, env: ReaderEnv): SidebarRows {
	return env.sidebarRows(state.postIndex, state.sidebar.filter);
}

/** The open post's row in the sidebar, or its topic's when one is being read. */
export function currentRowOf(state: ReaderState, env: ReaderEnv): SidebarRow {
	return currentRow(state.postIndex, currentTopic(state, env));
}

export function sidebarInput(state: ReaderState, env: ReaderEnv): SidebarInput {
	return {
		rows: (filter) => env.sidebarRows(state.postIndex, filter),
		current: currentRowOf(state, env),
		paneHeight: layoutOf(state).paneHeight,
		isTyping: state.mode.kind === 'filter',
	};
}

/** Whether the sidebar's first row says its filter (typed, or kept). */
export function hasSidebarFilterRow(state: ReaderState): boolean {
	return hasFilterRow(state.mode.kind === 'filter', state.sidebar.filter);
}

/** Rows of the sidebar's list, below its filter's row when there is one. */
export function sidebarListHeight(state: ReaderState): number {
	return listHeight(layoutOf(state).paneHeight, hasSidebarFilterRow(state));
}

/** The panel's entries: the talks found, then the lines of text. */
export function itemsOf(panel: SearchPanel, env: Pick<ReaderEnv, 'searchResults'>): SearchItem[] {
	return searchItems(panel, env.searchResults(panel));
}

export function searchInput(env: ReaderEnv): SearchInput {
	return {items: (panel) => itemsOf(panel, env), days: env.days};
}
