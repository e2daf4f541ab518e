import type {Session} from '../posts/types.js';
import {lineForSource} from '../render/locate.js';
import {sessionKey, type SessionHit} from '../search/session-index.js';
import {stripStyles} from '../render/plain.js';
import type {RenderedDoc} from '../render/types.js';
import {captureAnchor, restoreAnchor} from './reading-anchor.js';
import {computeLayout, type Layout} from './layout.js';
import {clampTop, followCursor, maxTop, nextTopicLine, previousTopicLine, topicAt} from './viewport.js';

/** What the reader shows over the text, if anything. */
export type Mode = 'reader' | 'help' | 'find' | 'search' | 'warnings';

/** The session search panel: what is typed, which result is selected, the filters. */
export type SearchPanel = {
	query: string;
	selected: number;
	/** Typing goes to the query; in the list, letters are commands (o, y, w, m, d). */
	focus: 'query' | 'list';
	/** The last query, kept when the panel reopens and shown selected: typing replaces it. */
	isQueryKept: boolean;
	missedOnly: boolean;
	day: number | null;
};

/** Something the view must do outside the reducer: open or copy a link. */
export type Effect = {kind: 'open' | 'copy'; url: string; id: number};

/** An in-document find: the query and the rendered lines that hold it. */
export type Find = {query: string; lines: number[]; current: number};

export type ReaderState = {
	postIndex: number;
	/** Top rendered line of the pane. */
	top: number;
	/** The pane width `top` counts lines at: kept while the terminal is too small to show anything. */
	topWidth: number;
	mode: Mode;
	focus: 'reader' | 'sidebar';
	isSidebarWanted: boolean;
	sidebarCursor: number;
	sidebarOffset: number;
	/** Text typed into the find line. */
	findInput: string;
	find: Find | null;
	/** A line to mark briefly after a jump. */
	flashLine: number | null;
	/** A one-off message for the status line. */
	message: string | null;
	/** Set by the quit key; the view ends the app when it sees it. */
	isQuitting: boolean;
	search: SearchPanel;
	/** First line of the help or warnings shown, when they do not fit. */
	overlayTop: number;
	/** Session key -> watched; sessions not in it are watched unless missed. */
	watched: Record<string, boolean>;
	effect: Effect | null;
	width: number;
	height: number;
};

/** A row of the sidebar: a post, or one of the open post's topics (the introduction included). */
export type SidebarRow = {kind: 'post'; postIndex: number} | {kind: 'topic'; postIndex: number; topicIndex: number};

/** What the reducer may ask of the world: documents per post at the current width, and the sidebar. */
export type ReaderEnv = {
	postCount: number;
	/** The rendered post at a pane width (cached by the caller). */
	doc: (postIndex: number, width: number) => RenderedDoc;
	/** Rendered start line of each topic (intro first when there is one) of a post's doc. */
	topicLines: (postIndex: number, doc: RenderedDoc) => number[];
	sidebarRows: (openPost: number) => SidebarRow[];
	/** Session search results for the panel (memoised by the caller). */
	searchResults: (panel: SearchPanel) => SessionHit[];
	/** Days the sessions name, for the day filter. */
	days: number[];
	postIndexOf: (postId: string) => number;
	/** Watched marks kept from earlier runs (undefined: never set). */
	storedWatched: (session: Session) => boolean | undefined;
	/** Lines the help or the warnings take at a width, so scrolling them stops at their end. */
	overlayLength: (mode: 'help' | 'warnings', width: number) => number;
};


export type ReaderAction =
	| {type: 'scroll'; lines: number}
	| {type: 'page'; pages: number}
	| {type: 'top'}
	| {type: 'bottom'}
	| {type: 'topic'; direction: 1 | -1}
	| {type: 'post'; direction: 1 | -1}
	| {type: 'openPost'; postIndex: number; line?: number; flash?: boolean}
	| {type: 'jumpToTopic'; postIndex: number; topicIndex: number}
	| {type: 'resize'; width: number; height: number}
	| {type: 'toggleSidebar'}
	| {type: 'switchFocus'}
	| {type: 'sidebarMove'; delta: number}
	| {type: 'sidebarOpen'}
	| {type: 'setMode'; mode: Mode}
	| {type: 'findType'; text: string}
	| {type: 'findBackspace'}
	| {type: 'findSubmit'}
	| {type: 'findStep'; direction: 1 | -1}
	| {type: 'clearFind'}
	| {type: 'clearFlash'}
	| {type: 'message'; text: string | null}
	| {type: 'quit'}
	| {type: 'overlayScroll'; lines: number}
	| {type: 'searchType'; text: string}
	| {type: 'searchBackspace'}
	| {type: 'searchClear'}
	| {type: 'searchMove'; delta: number}
	| {type: 'searchFocus'; focus: 'query' | 'list'}
	| {type: 'searchToggleMissed'}
	| {type: 'searchCycleDay'}
	| {type: 'searchOpen'}
	| {type: 'searchLink'; kind: 'open' | 'copy'}
	| {type: 'searchToggleWatched'};

export function initialState(width: number, height: number, postIndex = 0, top = 0): ReaderState {
	return {
		postIndex,
		top,
		topWidth: computeLayout(width, height, true).paneWidth,
		mode: 'reader',
		focus: 'reader',
		isSidebarWanted: true,
		sidebarCursor: 0,
		sidebarOffset: 0,
		findInput: '',
		find: null,
		flashLine: null,
		message: null,
		isQuitting: false,
		search: {query: '', selected: 0, focus: 'query', isQueryKept: false, missedOnly: false, day: null},
		overlayTop: 0,
		watched: {},
		effect: null,
		width,
		height,
	};
}

export function layoutOf(state: ReaderState): Layout {
	return computeLayout(state.width, state.height, state.isSidebarWanted);
}

/** The reader's one reducer: pure, given the documents `env` hands it. */
export function readerReducer(state: ReaderState, action: ReaderAction, env: ReaderEnv): ReaderState {
	const layout = layoutOf(state);
	// Too small to show anything: only a new size (or quitting) means something.
	if (layout.isTooSmall && action.type !== 'resize' && action.type !== 'quit') return state;
	const height = layout.paneHeight;
	const doc = () => env.doc(state.postIndex, layout.paneWidth);
	const scrollTo = (top: number, extra: Partial<ReaderState> = {}): ReaderState => ({
		...state,
		top: clampTop(top, doc().lines.length, height),
		message: null,
		...extra,
	});
	switch (action.type) {
		case 'scroll': {
			return scrollTo(state.top + action.lines);
		}
		case 'page': {
			// A page keeps one line of context, as less does.
			return scrollTo(state.top + action.pages * Math.max(1, height - (Math.abs(action.pages) >= 1 ? 1 : 0)));
		}
		case 'top': {
			return scrollTo(0);
		}
		case 'bottom': {
			return scrollTo(maxTop(doc().lines.length, height));
		}
		case 'topic': {
			const lines = env.topicLines(state.postIndex, doc());
			const target = action.direction > 0 ? nextTopicLine(lines, state.top) : previousTopicLine(lines, state.top);
			if (target === null) return {...state, message: action.direction > 0 ? 'Last topic' : 'First topic'};
			return scrollTo(target);
		}
		case 'post': {
			const next = state.postIndex + action.direction;
			if (next < 0 || next >= env.postCount) return {...state, message: action.direction > 0 ? 'Last post' : 'First post'};
			return openPost(state, env, next, 0, false);
		}
		case 'openPost': {
			return openPost(state, env, action.postIndex, action.line ?? 0, action.flash ?? false);
		}
		case 'jumpToTopic': {
			const target = env.doc(action.postIndex, layout.paneWidth);
			const line = env.topicLines(action.postIndex, target)[action.topicIndex] ?? 0;
			return openPost(state, env, action.postIndex, line, false);
		}
		case 'resize': {
			return resize(state, env, action.width, action.height);
		}
		case 'toggleSidebar': {
			// Too narrow for the sidebar beside the text: it shows in place of the text instead.
			if (!layout.hasRoomForSidebar) return state.focus === 'sidebar' ? {...state, focus: 'reader'} : withCursorOnCurrent({...state, focus: 'sidebar', message: null}, env);
			const resized = resize({...state, isSidebarWanted: !state.isSidebarWanted}, env, state.width, state.height);
			return {...resized, focus: resized.isSidebarWanted ? resized.focus : 'reader'};
		}
		case 'switchFocus': {
			if (layout.sidebarWidth === 0 && layout.hasRoomForSidebar) return {...state, focus: 'reader', message: 'The sidebar is hidden (t shows it)'};
			const focus = state.focus === 'reader' ? 'sidebar' : 'reader';
			return focus === 'sidebar' ? withCursorOnCurrent({...state, focus}, env) : {...state, focus};
		}
		case 'sidebarMove': {
			const rows = env.sidebarRows(state.postIndex);
			const cursor = Math.max(0, Math.min(rows.length - 1, state.sidebarCursor + action.delta));
			return {...state, sidebarCursor: cursor, sidebarOffset: followCursor(cursor, state.sidebarOffset, height)};
		}
		case 'sidebarOpen': {
			const row = env.sidebarRows(state.postIndex)[state.sidebarCursor];
			if (!row) return state;
			const next =
				row.kind === 'post'
					? readerReducer(state, {type: 'openPost', postIndex: row.postIndex}, env)
					: readerReducer(state, {type: 'jumpToTopic', postIndex: row.postIndex, topicIndex: row.topicIndex}, env);
			// The cursor follows the row it was on: opening a post reshapes the tree below it.
			return withCursorOnCurrent({...next, focus: row.kind === 'topic' ? 'reader' : 'sidebar'}, env, row);
		}
		case 'setMode': {
			// The search panel opens with its last query (selected: typing replaces it) and filters.
			const search = action.mode === 'search' ? {...state.search, focus: 'query' as const, isQueryKept: state.search.query !== ''} : state.search;
			return {...state, mode: action.mode, findInput: action.mode === 'find' ? '' : state.findInput, search, overlayTop: 0, message: null};
		}
		case 'findType': {
			return {...state, findInput: state.findInput + action.text};
		}
		case 'findBackspace': {
			return {...state, findInput: [...state.findInput].slice(0, -1).join('')};
		}
		case 'findSubmit': {
			const query = state.findInput.trim();
			if (query === '') return {...state, mode: 'reader', find: null};
			const folded = query.toLowerCase();
			const lines = doc()
				.lines.map((line, index) => (stripStyles(line).toLowerCase().includes(folded) ? index : -1))
				.filter(index => index !== -1);
			if (lines.length === 0) return {...state, mode: 'reader', find: null, message: `Not found: ${query}`};
			const first = lines.findIndex(line => line >= state.top);
			const current = first === -1 ? 0 : first;
			return {...scrollTo(lines[current]!), mode: 'reader', find: {query, lines, current}, message: `${current + 1} of ${lines.length}`};
		}
		case 'findStep': {
			if (!state.find) return state;
			const count = state.find.lines.length;
			const current = (state.find.current + action.direction + count) % count;
			return {...scrollTo(state.find.lines[current]!), find: {...state.find, current}, message: `${current + 1} of ${count}`};
		}
		case 'clearFind': {
			return {...state, find: null, message: null};
		}
		case 'clearFlash': {
			return {...state, flashLine: null};
		}
		case 'message': {
			return {...state, message: action.text};
		}
		case 'quit': {
			return {...state, isQuitting: true};
		}
		case 'overlayScroll': {
			if (state.mode !== 'help' && state.mode !== 'warnings') return state;
			// The overlay's first row is its title; the rest scroll, and stop at the last line.
			const last = Math.max(0, env.overlayLength(state.mode, layout.paneWidth) - (height - 1));
			return {...state, overlayTop: Math.max(0, Math.min(last, state.overlayTop + action.lines))};
		}
		case 'searchType': {
			const query = (state.search.isQueryKept ? '' : state.search.query) + action.text;
			return {...state, search: {...state.search, query, isQueryKept: false, selected: 0}};
		}
		case 'searchBackspace': {
			const query = state.search.isQueryKept ? '' : [...state.search.query].slice(0, -1).join('');
			return {...state, search: {...state.search, query, isQueryKept: false, selected: 0}};
		}
		case 'searchClear': {
			return {...state, search: {...state.search, query: '', isQueryKept: false, selected: 0}};
		}
		case 'searchMove': {
			const count = env.searchResults(state.search).length;
			return {...state, search: {...state.search, selected: Math.max(0, Math.min(count - 1, state.search.selected + action.delta))}};
		}
		case 'searchFocus': {
			return {...state, search: {...state.search, focus: action.focus, isQueryKept: false}};
		}
		case 'searchToggleMissed': {
			return {...state, search: {...state.search, missedOnly: !state.search.missedOnly, selected: 0}};
		}
		case 'searchCycleDay': {
			const days = [null, ...env.days];
			const next = days[(days.indexOf(state.search.day) + 1) % days.length] ?? null;
			return {...state, search: {...state.search, day: next, selected: 0}};
		}
		case 'searchOpen': {
			const hit = env.searchResults(state.search)[state.search.selected];
			if (!hit) return state;
			const postIndex = env.postIndexOf(hit.session.postId);
			if (postIndex === -1) return state;
			const target = env.doc(postIndex, layout.paneWidth);
			const line = lineForSource(target, hit.session.line);
			// The bullet goes a third of the way down the pane, with the lead-in above it in view.
			const opened = openPost({...state, mode: 'reader'}, env, postIndex, line - Math.floor(height / 3), false);
			return {...opened, flashLine: line, find: null};
		}
		case 'searchLink': {
			const hit = env.searchResults(state.search)[state.search.selected];
			if (!hit) return state;
			const {url} = hit.session;
			if (!url) return {...state, message: 'This session has no link'};
			return {...state, effect: {kind: action.kind, url, id: (state.effect?.id ?? 0) + 1}, message: action.kind === 'copy' ? `Copied ${url}` : `Opening ${url}`};
		}
		case 'searchToggleWatched': {
			const hit = env.searchResults(state.search)[state.search.selected];
			if (!hit) return state;
			const key = sessionKey(hit.session);
			return {...state, watched: {...state.watched, [key]: !isWatchedIn(state.watched, hit.session, env.storedWatched)}};
		}
	}
}

function openPost(state: ReaderState, env: ReaderEnv, postIndex: number, line: number, flash: boolean): ReaderState {
	const layout = layoutOf(state);
	const doc = env.doc(postIndex, layout.paneWidth);
	return {
		...state,
		postIndex,
		top: clampTop(line, doc.lines.length, layout.paneHeight),
		topWidth: layout.paneWidth,
		find: postIndex === state.postIndex ? state.find : null,
		flashLine: flash ? line : null,
		message: null,
	};
}

/**
 * A new size re-renders the post at the new pane width and keeps the same text at the top: the
 * block at the top and how far into it are carried over, not the line number.
 */
function resize(state: ReaderState, env: ReaderEnv, width: number, height: number): ReaderState {
	const next = {...state, width, height};
	const layout = layoutOf(next);
	// Too small: nothing is shown, and the place stays counted at the width it was read at.
	if (layout.isTooSmall) return next;
	const oldDoc = env.doc(state.postIndex, state.topWidth);
	const newDoc = env.doc(state.postIndex, layout.paneWidth);
	const top = oldDoc === newDoc || state.top === 0 ? state.top : restoreAnchor(newDoc, captureAnchor(oldDoc, state.top, null, layout.paneHeight), undefined, layout.paneHeight);
	// A sidebar the user hid cannot keep the focus once the terminal is wide enough to honour that.
	const focus = layout.sidebarWidth === 0 && layout.hasRoomForSidebar ? 'reader' : state.focus;
	return {...next, focus, top: clampTop(top, newDoc.lines.length, layout.paneHeight), topWidth: layout.paneWidth, find: oldDoc === newDoc ? state.find : null};
}

/** Puts the sidebar cursor on the open post's current topic (or on `row` when given). */
function withCursorOnCurrent(state: ReaderState, env: ReaderEnv, row?: SidebarRow): ReaderState {
	const rows = env.sidebarRows(state.postIndex);
	let index: number;
	if (row) {
		index = rows.findIndex(candidate => candidate.kind === row.kind && candidate.postIndex === row.postIndex && (candidate.kind === 'post' || (row.kind === 'topic' && candidate.topicIndex === row.topicIndex)));
	} else {
		const layout = layoutOf(state);
		const topic = topicAt(env.topicLines(state.postIndex, env.doc(state.postIndex, layout.paneWidth)), state.top);
		index = rows.findIndex(candidate => candidate.postIndex === state.postIndex && (topic === -1 ? candidate.kind === 'post' : candidate.kind === 'topic' && candidate.topicIndex === topic));
	}
	const cursor = Math.max(0, index);
	return {...state, sidebarCursor: cursor, sidebarOffset: followCursor(cursor, state.sidebarOffset, layoutOf(state).paneHeight)};
}

/** Marked in this run, else as kept from earlier runs, else watched unless it was missed. */
export function isWatchedIn(watched: Record<string, boolean>, session: Session, stored: (session: Session) => boolean | undefined): boolean {
	return watched[sessionKey(session)] ?? stored(session) ?? !session.missed;
}
