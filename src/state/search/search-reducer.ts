import type {Session} from '../../posts/types.js';
import {lineForSource} from '../../render/locate.js';
import type {RenderedDoc} from '../../render/types.js';
import {sessionKey} from '../../search/session-index.js';
import {textNeedle, type TextHit, type TextResult} from '../../search/text-search.js';
import {findMatches, type FindMatch} from '../find/find-matches.js';
import {layoutOf, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {jumpToLine} from '../viewport/viewport-reducer.js';
import {itemKey, searchItems, type SearchItem} from './search-items.js';

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
	/** The lines of text found (text-search.ts), as far as searched; for the query it names. */
	text: TextResult | null;
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
	| {type: 'searchToggleWatched'}
	/** The text search found more (run in slices beside the keys, ui/hooks/use-text-search.ts). */
	| {type: 'searchText'; result: TextResult};

/** The panel's keys: every one acts on the panel the search mode carries. */
export function searchReducer(state: ReaderState, action: SearchAction, env: ReaderEnv): ReaderState {
	if (state.mode.kind !== 'search') return state;
	const {panel} = state.mode;
	const withPanel = (changes: Partial<SearchPanel>): ReaderState => ({
		...state,
		mode: {kind: 'search', panel: {...panel, ...changes}},
	});
	switch (action.type) {
		case 'searchType': {
			return withPanel({query: (panel.isQueryKept ? '' : panel.query) + action.text, isQueryKept: false, selected: 0});
		}
		case 'searchBackspace': {
			return withPanel({
				query: panel.isQueryKept ? '' : [...panel.query].slice(0, -1).join(''),
				isQueryKept: false,
				selected: 0,
			});
		}
		case 'searchClear': {
			return withPanel({query: '', isQueryKept: false, selected: 0});
		}
		case 'searchMove': {
			const count = itemsOf(panel, env).length;
			return withPanel({selected: Math.max(0, Math.min(count - 1, panel.selected + action.delta))});
		}
		case 'searchText': {
			// Found for a query typed over since: dropped (the search for the new one is under way).
			if (textNeedle(action.result.query) !== textNeedle(panel.query)) return state;
			// Nothing new to show (a one-letter query, nothing found again): no frame for it.
			const known = panel.text;
			if (
				known &&
				known.hits.length === 0 &&
				action.result.hits.length === 0 &&
				known.isDone === action.result.isDone &&
				textNeedle(known.query) === textNeedle(action.result.query)
			)
				return state;
			// The selection stays on its entry while lines come in and are ranked among themselves.
			const selected = itemsOf(panel, env)[panel.selected];
			const next = {...panel, text: action.result};
			const items = itemsOf(next, env);
			const found = selected ? items.findIndex((item) => itemKey(item) === itemKey(selected)) : -1;
			return withPanel({
				text: action.result,
				selected: found === -1 ? Math.max(0, Math.min(panel.selected, items.length - 1)) : found,
			});
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
			const item = itemsOf(panel, env)[panel.selected];
			if (!item) return state;
			return item.kind === 'talk'
				? openTalk(state, env, panel, item.hit.session)
				: openLine(state, env, panel, item.hit);
		}
		case 'searchLink': {
			const hit = talkOf(itemsOf(panel, env)[panel.selected]);
			if (!hit) return {...state, message: NOT_A_TALK};
			const {url} = hit.session;
			if (!url) return {...state, message: 'This session has no link'};
			return {
				...state,
				effect: {kind: action.kind, url, id: (state.effect?.id ?? 0) + 1},
				message: action.kind === 'copy' ? `Copied ${url}` : `Opening ${url}`,
			};
		}
		case 'searchToggleWatched': {
			const hit = talkOf(itemsOf(panel, env)[panel.selected]);
			if (!hit) return {...state, message: NOT_A_TALK};
			return {
				...state,
				watched: {
					...state.watched,
					[sessionKey(hit.session)]: !isWatchedIn(state.watched, hit.session, env.storedWatched),
				},
			};
		}
	}
}

/** What o, y, w and v say on a line of text. */
const NOT_A_TALK = 'A line of text: o, y, w and v are for talks';

/** The panel's entries: the talks found, then the lines of text. */
export function itemsOf(panel: SearchPanel, env: ReaderEnv): SearchItem[] {
	return searchItems(panel, env.searchResults(panel));
}

/** The talk an entry is, if it is one. */
export function talkOf(item: SearchItem | undefined) {
	return item?.kind === 'talk' ? item.hit : undefined;
}

/**
 * Enter on a talk: its bullet goes a third of the way down the pane, with the lead-in above it in
 * view; that is a move, so it becomes the post's place (the post it came from keeps its own).
 * Where the query is in that post as written, n and N step through it then, as after a find.
 */
function openTalk(state: ReaderState, env: ReaderEnv, panel: SearchPanel, session: Session): ReaderState {
	const postIndex = env.postIndexOf(session.postId);
	if (postIndex === -1) return state;
	const layout = layoutOf(state);
	const doc = env.doc(postIndex, layout.paneWidth);
	const line = lineForSource(doc, session.line);
	const opened = jumpToLine(
		{...state, mode: {kind: 'reader'}, keptSearch: panel},
		env,
		postIndex,
		line - Math.floor(layout.paneHeight / 3),
	);
	const query = panel.query.trim();
	const matches = query === '' ? [] : findMatches(doc, query);
	if (matches.length === 0) return {...opened, flashLine: line, find: null};
	const after = matches.findIndex((match) => match.line >= line);
	return {...opened, flashLine: line, find: {query, matches, current: after === -1 ? 0 : after}, lastFind: query};
}

/**
 * Enter on a line of text: the post opens with that match a third of the way down, marked as the
 * current match, and n and N step through the query's matches in the post as after a find.
 */
function openLine(state: ReaderState, env: ReaderEnv, panel: SearchPanel, hit: TextHit): ReaderState {
	const postIndex = env.postIndexOf(hit.postId);
	if (postIndex === -1) return state;
	const layout = layoutOf(state);
	const doc = env.doc(postIndex, layout.paneWidth);
	const query = (panel.text?.query ?? panel.query).trim();
	const matches = findMatches(doc, query);
	const current = matchOfHit(doc, matches, hit);
	const target = current === -1 ? lineForSource(doc, hit.line) : matches[current]!.line;
	const opened = jumpToLine(
		{...state, mode: {kind: 'reader'}, keptSearch: panel},
		env,
		postIndex,
		target - Math.floor(layout.paneHeight / 3),
	);
	if (current === -1) return {...opened, flashLine: target, find: null};
	return {
		...opened,
		flashLine: target,
		find: {query, matches, current},
		lastFind: query,
		message: `${current + 1} of ${matches.length} · n N step through them`,
	};
}

/**
 * The find match a line of text stands for: the first in the rendered block that holds the line,
 * past the occurrences that came before it in its paragraph. -1 when the render shows none there.
 */
function matchOfHit(doc: RenderedDoc, matches: FindMatch[], hit: TextHit): number {
	const blockStart = lineForSource(doc, hit.line);
	const first = matches.findIndex((match) => match.line >= blockStart);
	if (first === -1) return matches.length > 0 ? matches.length - 1 : -1;
	const blockEnd = doc.blocks.find((block) => block.startLine > blockStart)?.startLine ?? doc.lines.length;
	const wanted = first + hit.before;
	return wanted < matches.length && matches[wanted]!.line < blockEnd ? wanted : first;
}

/** Marked in this run, else as kept from earlier runs, else watched unless it was missed. */
export function isWatchedIn(
	watched: Record<string, boolean>,
	session: Session,
	stored: (session: Session) => boolean | undefined,
): boolean {
	return watched[sessionKey(session)] ?? stored(session) ?? !session.missed;
}
