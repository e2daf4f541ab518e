import type {Session} from '../../posts/types.js';
import {lineForSource} from '../../render/locate.js';
import {sessionKey} from '../../search/session-index.js';
import {layoutOf, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {jumpToLine} from '../viewport/viewport-reducer.js';

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

export type SearchAction =
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

/** The panel's keys: every one acts on the panel the search mode carries. */
export function searchReducer(state: ReaderState, action: SearchAction, env: ReaderEnv): ReaderState {
	if (state.mode.kind !== 'search') return state;
	const {panel} = state.mode;
	const withPanel = (changes: Partial<SearchPanel>): ReaderState => ({...state, mode: {kind: 'search', panel: {...panel, ...changes}}});
	switch (action.type) {
		case 'searchType': {
			return withPanel({query: (panel.isQueryKept ? '' : panel.query) + action.text, isQueryKept: false, selected: 0});
		}
		case 'searchBackspace': {
			return withPanel({query: panel.isQueryKept ? '' : [...panel.query].slice(0, -1).join(''), isQueryKept: false, selected: 0});
		}
		case 'searchClear': {
			return withPanel({query: '', isQueryKept: false, selected: 0});
		}
		case 'searchMove': {
			const count = env.searchResults(panel).length;
			return withPanel({selected: Math.max(0, Math.min(count - 1, panel.selected + action.delta))});
		}
		case 'searchFocus': {
			return withPanel({focus: action.focus, isQueryKept: false});
		}
		case 'searchToggleMissed': {
			return withPanel({missedOnly: !panel.missedOnly, selected: 0});
		}
		case 'searchCycleDay': {
			const days = [null, ...env.days];
			return withPanel({day: days[(days.indexOf(panel.day) + 1) % days.length] ?? null, selected: 0});
		}
		case 'searchOpen': {
			const hit = env.searchResults(panel)[panel.selected];
			if (!hit) return state;
			const postIndex = env.postIndexOf(hit.session.postId);
			if (postIndex === -1) return state;
			const layout = layoutOf(state);
			const line = lineForSource(env.doc(postIndex, layout.paneWidth), hit.session.line);
			// The bullet goes a third of the way down the pane, with the lead-in above it in view; that
			// is a move, so it becomes the post's place (the post it came from keeps its own).
			const opened = jumpToLine({...state, mode: {kind: 'reader'}, keptSearch: panel}, env, postIndex, line - Math.floor(layout.paneHeight / 3));
			return {...opened, flashLine: line, find: null};
		}
		case 'searchLink': {
			const hit = env.searchResults(panel)[panel.selected];
			if (!hit) return state;
			const {url} = hit.session;
			if (!url) return {...state, message: 'This session has no link'};
			return {...state, effect: {kind: action.kind, url, id: (state.effect?.id ?? 0) + 1}, message: action.kind === 'copy' ? `Copied ${url}` : `Opening ${url}`};
		}
		case 'searchToggleWatched': {
			const hit = env.searchResults(panel)[panel.selected];
			if (!hit) return state;
			return {...state, watched: {...state.watched, [sessionKey(hit.session)]: !isWatchedIn(state.watched, hit.session, env.storedWatched)}};
		}
	}
}

/** Marked in this run, else as kept from earlier runs, else watched unless it was missed. */
export function isWatchedIn(watched: Record<string, boolean>, session: Session, stored: (session: Session) => boolean | undefined): boolean {
	return watched[sessionKey(session)] ?? stored(session) ?? !session.missed;
}
