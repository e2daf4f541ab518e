import type {Session, Topic} from '../posts/types.js';
import type {SessionHit} from '../search/session-index.js';
import type {TextResult, TextSearchJob} from '../search/text-search.js';
import type {RenderedDoc} from '../render/types.js';
import type {Find, FindInput} from './find/find.js';
import {computeLayout, DEFAULT_MEASURE, type Layout} from './layout.js';
import {emptySearch, type SearchPanel} from './search/search.js';
import type {SidebarFilter} from './sidebar/post-filter.js';
import {initialSidebar, type SidebarState} from './sidebar/sidebar.js';
import type {SidebarRow, SidebarRows} from './sidebar/sidebar-rows.js';
import type {SeenRows} from './viewport/seen-rows.js';
import type {PostPosition} from './reading-anchor.js';

/** What the reader shows over the text, with the data only that mode has. */
export type Mode =
	| {kind: 'reader'}
	| {kind: 'help'; top: number}
	| {kind: 'warnings'; top: number}
	| ({kind: 'find'} & FindInput)
	| {kind: 'search'; panel: SearchPanel}
	/** Typing the sidebar's filter (its text is the sidebar's: the list follows each key). */
	| {kind: 'filter'};

/**
 * Something the view must do outside the reducer: open or copy a link, search for a talk's
 * recording, or open the post in the editor at the text shown at `top` (counted at `width`).
 */
export type Effect =
	| {kind: 'open' | 'copy'; url: string; id: number}
	| {kind: 'recording'; title: string; id: number}
	| {kind: 'edit'; postId: string; top: number; width: number; id: number};

export type {SidebarRow, SidebarRows};

export type ReaderState = {
	postIndex: number;
	/** Top rendered line of the pane. */
	top: number;
	/** The pane width `top` counts lines at: kept while the terminal is too small to show anything. */
	topWidth: number;
	mode: Mode;
	/** Where keys go: the text, or the sidebar (beside the text, or in its place when narrow). */
	focus: 'reader' | 'sidebar';
	isSidebarWanted: boolean;
	/** t or Tab put the list in the text's place (too narrow for both): only they do. */
	isListInPlace: boolean;
	sidebar: SidebarState;
	find: Find | null;
	/** The last query found: Ctrl-F offers it again (selected), Enter reuses it. */
	lastFind: string;
	/** The search panel as last left: it reopens with its query and filters. */
	keptSearch: SearchPanel;
	/** A topic chosen by ], [ or the sidebar: current until the reader scrolls. */
	chosenTopic: number | null;
	/** Each post's place and read topics, by post id: loaded once, changed only by reading. */
	places: Record<string, PostPosition>;
	/** The rows of the open post on screen since it was opened (at this width): its read topics follow. */
	seen: SeenRows | null;
	/** The post the reader last moved in, and a count of moves: the save effect follows it. */
	lastMove: {postId: string; count: number} | null;
	/** A line to mark briefly after a jump. */
	flashLine: number | null;
	/** A one-off message for the status line. */
	message: string | null;
	/** Set by the quit key; the view ends the app when it sees it. */
	isQuitting: boolean;
	/** Session key -> watched; sessions not in it are watched unless missed. */
	watched: Record<string, boolean>;
	effect: Effect | null;
	width: number;
	height: number;
	/** The text column's widest (--width, else 100). */
	measure: number;
	/**
	 * Columns the sidebar would take to show every post's row whole: it widens to it where there is
	 * room. Null until a terminal wide enough asks (it reads every post's title): no room, no growth.
	 */
	sidebarFit: number | null;
};

/** What the reducer may ask of the world: documents per post at the current width, and the sidebar. */
export type ReaderEnv = {
	postCount: number;
	/** The rendered post at a pane width (cached by the caller). */
	doc: (postIndex: number, width: number) => RenderedDoc;
	/** Rendered start line of each topic (intro first when there is one) of a post's doc. */
	topicLines: (postIndex: number, doc: RenderedDoc) => number[];
	/** Names of a post's sections (intro first when there is one), as the sidebar lists them. */
	sectionNames: (postIndex: number) => string[];
	postId: (postIndex: number) => string;
	/** A post's topics (the introduction not included): a reload finds the place by them. */
	topics: (postIndex: number) => readonly Topic[];
	/** The sidebar's rows, the posts a filter keeps (all without one). */
	sidebarRows: (openPost: number, filter?: SidebarFilter) => SidebarRows;
	/** The posts a filter keeps, in library order; null when it keeps them all (memoised by the caller). */
	shownPosts: (filter: SidebarFilter) => readonly number[] | null;
	/** Columns the sidebar needs to show every post's title whole, with its date and progress. */
	sidebarFit: number;
	/** Session search results for the panel (memoised by the caller). */
	searchResults: (panel: SearchPanel) => SessionHit[];
	/**
	 * A search of every post's text, the open post first, to be stepped in slices: the view's hook
	 * runs it beside the keys and hands the reducer what it found (`searchText`).
	 */
	textSearch: (query: string, openPost: number, narrowFrom?: TextResult | null) => TextSearchJob;
	/** Days the sessions name, for the day filter (those read so far while the index is built). */
	days: number[];
	/**
	 * The session index as it is built, a slice at a time between frames (the UI's hook drives it);
	 * `searchResults` finds nothing until it is done. Absent: built on the first search.
	 */
	sessionIndex?: {
		step(isDue: () => boolean): boolean;
		readonly isDone: boolean;
		readonly postsRead: number;
		readonly postCount: number;
		readonly sessionCount: number;
	};
	postIndexOf: (postId: string) => number;
	/** Watched marks kept from earlier runs (undefined: never set). */
	storedWatched: (session: Session) => boolean | undefined;
	/** Lines the help or the warnings take at a width, so scrolling them stops at their end. */
	overlayLength: (mode: 'help' | 'warnings', width: number) => number;
	/** The clock, for a place's date (injected so the reducer stays pure). */
	now: () => number;
};

export function initialState(
	width: number,
	height: number,
	options: {
		postIndex?: number;
		top?: number;
		places?: Record<string, PostPosition>;
		measure?: number;
		sidebarFit?: number;
	} = {},
): ReaderState {
	const measure = options.measure ?? DEFAULT_MEASURE;
	const sidebarFit = options.sidebarFit ?? null;
	return {
		postIndex: options.postIndex ?? 0,
		top: options.top ?? 0,
		topWidth: computeLayout(width, height, true, measure).paneWidth,
		mode: {kind: 'reader'},
		focus: 'reader',
		isSidebarWanted: true,
		isListInPlace: false,
		sidebar: initialSidebar,
		find: null,
		lastFind: '',
		keptSearch: emptySearch,
		chosenTopic: null,
		places: options.places ?? {},
		seen: null,
		lastMove: null,
		flashLine: null,
		message: null,
		isQuitting: false,
		watched: {},
		effect: null,
		width,
		height,
		measure,
		sidebarFit,
	};
}

export function layoutOf(state: ReaderState): Layout {
	return computeLayout(state.width, state.height, state.isSidebarWanted, state.measure, state.sidebarFit ?? 0);
}

/**
 * The state with the sidebar's fit known when the layout has room to give it (a wide terminal):
 * the titles of every post are read then, not at every start.
 */
export function withSidebarFit(state: ReaderState, env: Pick<ReaderEnv, 'sidebarFit'>): ReaderState {
	if (state.sidebarFit !== null) return state;
	const layout = computeLayout(state.width, state.height, state.isSidebarWanted, state.measure, 0);
	const hasRoom = layout.sidebarWidth > 0 && layout.sidebarWidth + 3 + layout.paneWidth < state.width;
	return hasRoom ? {...state, sidebarFit: env.sidebarFit} : state;
}

/** The open post's document at the current pane width. */
export function currentDoc(state: ReaderState, env: ReaderEnv): RenderedDoc {
	return env.doc(state.postIndex, layoutOf(state).paneWidth);
}
