/**
 * The search panel as a widget of its own: its state is the panel (query, selection, focus,
 * filters, the text found); its reducer takes only the panel, the entries it lists and the days to
 * cycle through. What an entry opens (`itemTarget`) is worked out here; opening it, its link or its
 * watched mark are the reader's commands. Pure: no import of the reader state.
 */
import type {Session} from '../../posts/types.js';
import {lineForSource} from '../../render/locate.js';
import type {RenderedDoc} from '../../render/types.js';
import {sessionKey, type SessionHit} from '../../search/session-index.js';
import {textNeedle, type TextHit, type TextResult} from '../../search/text-search.js';
import {findMatches, type FindMatch} from '../find/find-matches.js';
import type {Find} from '../find/find.js';
import {itemKey, type SearchItem} from './search-items.js';

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

export const emptySearch: SearchPanel = {
	query: '',
	selected: 0,
	focus: 'query',
	isQueryKept: false,
	missedOnly: false,
	day: null,
	text: null,
};

/** The panel reopened: its last query (selected: typing replaces it) and filters. */
export function reopenSearch(panel: SearchPanel): SearchPanel {
	return {...panel, focus: 'query', isQueryKept: panel.query !== ''};
}

/** What the panel reduces by itself. */
export type SearchAction =
	| {type: 'searchType'; text: string}
	| {type: 'searchBackspace'}
	| {type: 'searchClear'}
	| {type: 'searchMove'; delta: number}
	| {type: 'searchFocus'; focus: 'query' | 'list'}
	| {type: 'searchToggleMissed'}
	| {type: 'searchCycleDay'}
	/** The text search found more (run in slices beside the keys, ui/hooks/use-text-search.ts). */
	| {type: 'searchText'; result: TextResult};

/** What the panel is told: the entries a panel lists (memoised by the caller), the days the sessions name. */
export type SearchInput = {items: (panel: SearchPanel) => readonly SearchItem[]; days: readonly number[]};

/** The panel's keys. */
export function searchReducer(panel: SearchPanel, action: SearchAction, input: SearchInput): SearchPanel {
	switch (action.type) {
		case 'searchType': {
			return {...panel, query: (panel.isQueryKept ? '' : panel.query) + action.text, isQueryKept: false, selected: 0};
		}
		case 'searchBackspace': {
			return {
				...panel,
				query: panel.isQueryKept ? '' : [...panel.query].slice(0, -1).join(''),
				isQueryKept: false,
				selected: 0,
			};
		}
		case 'searchClear': {
			return {...panel, query: '', isQueryKept: false, selected: 0};
		}
		case 'searchMove': {
			const count = input.items(panel).length;
			return {...panel, selected: Math.max(0, Math.min(count - 1, panel.selected + action.delta))};
		}
		case 'searchText': {
			// Found for a query typed over since: dropped (the search for the new one is under way).
			if (textNeedle(action.result.query) !== textNeedle(panel.query)) return panel;
			// Nothing new to show (a one-letter query, nothing found again): no frame for it.
			const known = panel.text;
			if (
				known &&
				known.hits.length === 0 &&
				action.result.hits.length === 0 &&
				known.isDone === action.result.isDone &&
				textNeedle(known.query) === textNeedle(action.result.query)
			)
				return panel;
			const next = {...panel, text: action.result};
			// The top stays the top: what is best first is selected, as after a key typed. (Talks can
			// come in between the lines too, when the session index is whole.)
			if (panel.selected === 0) return next;
			// A selection moved to stays on its entry while lines come in and are ranked among themselves.
			const selected = input.items(panel)[panel.selected];
			const items = input.items(next);
			const found = selected ? items.findIndex((item) => itemKey(item) === itemKey(selected)) : -1;
			return {...next, selected: found === -1 ? Math.max(0, Math.min(panel.selected, items.length - 1)) : found};
		}
		case 'searchFocus': {
			return {...panel, focus: action.focus, isQueryKept: false};
		}
		case 'searchToggleMissed': {
			return {...panel, missedOnly: !panel.missedOnly, selected: 0};
		}
		case 'searchCycleDay': {
			const days = [null, ...input.days];
			return {...panel, day: days[(days.indexOf(panel.day) + 1) % days.length] ?? null, selected: 0};
		}
	}
}

/** What o, y, w and v say on a line of text. */
export const NOT_A_TALK = 'A line of text: o, y, w and v are for talks';

/** The talk an entry is, if it is one. */
export function talkOf(item: SearchItem | undefined) {
	return item?.kind === 'talk' ? item.hit : undefined;
}

/**
 * Where an entry opens its post: the line that goes a third of the way down the pane (and is
 * marked briefly), and the find that n and N step through then (null when the query is not in
 * the post as written), with what the status line says.
 */
export type ItemTarget = {line: number; find: Find | null; message: string | null};

/** The target of an entry in its post's `doc` (rendered at the pane's width). */
export function itemTarget(item: SearchItem, panel: SearchPanel, doc: RenderedDoc): ItemTarget {
	return item.kind === 'talk' ? talkTarget(item.hit, panel, doc) : lineTarget(item.hit, panel, doc);
}

/** A talk: its bullet, with the query's first match from there on as the find's current one. */
function talkTarget(hit: SessionHit, panel: SearchPanel, doc: RenderedDoc): ItemTarget {
	const line = lineForSource(doc, hit.session.line);
	const query = panel.query.trim();
	const matches = query === '' ? [] : findMatches(doc, query);
	if (matches.length === 0) return {line, find: null, message: null};
	const after = matches.findIndex((match) => match.line >= line);
	return {line, find: {query, matches, current: after === -1 ? 0 : after}, message: null};
}

/** A line of text: the match it stands for, marked as the current one. */
function lineTarget(hit: TextHit, panel: SearchPanel, doc: RenderedDoc): ItemTarget {
	const query = (panel.text?.query ?? panel.query).trim();
	const matches = findMatches(doc, query);
	const current = matchOfHit(doc, matches, hit);
	if (current === -1) return {line: lineForSource(doc, hit.line), find: null, message: null};
	return {
		line: matches[current]!.line,
		find: {query, matches, current},
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
