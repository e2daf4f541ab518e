/**
 * What the search panel shows, worked out without React: its rows (results grouped by post), the
 * window of them on screen, the counts, the empty words, a line of text cut around its match. The
 * component draws it and chooses the styles.
 */
import {textWidth} from '../../render/text-width.js';
import type {MatchRange} from '../../search/session-index.js';
import {MIN_TEXT_QUERY, type TextResult} from '../../search/text-search.js';
import {hasTalkFilter, talkItemsOf, type SearchItem} from './search-items.js';
import type {SearchPanel} from './search.js';

/**
 * Hits grouped under their post, the posts in the order of their best hit, each post's hits in
 * score order: a post's title is then said once, above its sessions.
 */
export function groupByPost<T extends {session: {postId: string}}>(hits: readonly T[]): T[] {
	const rank = new Map<string, number>();
	for (const hit of hits) if (!rank.has(hit.session.postId)) rank.set(hit.session.postId, rank.size);
	return hits
		.map((hit, index) => ({hit, index}))
		.sort((a, b) => rank.get(a.hit.session.postId)! - rank.get(b.hit.session.postId)! || a.index - b.index)
		.map(({hit}) => hit);
}

/**
 * What is known of the sessions: still being read (the index is built while the panel is open),
 * none in any post, or some.
 */
export type SessionsKnown = 'reading' | 'none' | 'some';

/** What the session index knows so far; no index (a reader given none) counts as some. */
export function sessionsKnown(index: {isDone: boolean; sessionCount: number} | null | undefined): SessionsKnown {
	if (!index) return 'some';
	if (!index.isDone) return 'reading';
	return index.sessionCount > 0 ? 'some' : 'none';
}

/**
 * Why the list is empty, naming the filters that hide what the query alone finds and the keys that
 * clear them: "no missed talks on day 2 match 'x' — m clears missed, d changes the day". A query
 * the text holds never gets here: its lines are listed.
 */
export function emptyResultText(
	panel: Pick<SearchPanel, 'query' | 'missedOnly' | 'day'>,
	sessions: SessionsKnown,
	text: Pick<TextResult, 'isDone'> | null = {isDone: true},
): string {
	const query = panel.query.trim();
	if (sessions === 'reading') return 'reading the sessions of every post…';
	if (!panel.missedOnly && panel.day === null) {
		if (query === '')
			return sessions === 'some' ? 'no talk matches' : 'These notes list no sessions; type to search their text.';
		if (!text?.isDone) return `searching the text for '${query}'…`;
		return `nothing matches '${query}', in the talks or the text — Ctrl-U clears the query`;
	}
	const what = `no ${panel.missedOnly ? 'missed talks' : 'talks'}${panel.day === null ? '' : ` on day ${panel.day}`}${query ? ` match '${query}'` : ''}`;
	const keys = [panel.missedOnly ? 'm clears missed' : '', panel.day === null ? '' : 'd changes the day']
		.filter(Boolean)
		.join(', ');
	return `${what} — ${keys}`;
}

/**
 * The panel's rows. Talks under their post's title, two rows each (title; speakers, day, note);
 * then the lines of the open post's text under a heading, then those of other posts under their
 * titles, one row each, with how many more a post holds.
 */
export type PanelRow =
	| {kind: 'post'; title: string}
	| {kind: 'title' | 'details' | 'line'; index: number}
	| {kind: 'group'; title: string}
	| {kind: 'more'; count: number};

// The rows made for a list of items: a typed character redraws the panel before its results change,
// and the talks' rows are made once for lines of text that come in after them.
const madeRows = new WeakMap<
	readonly SearchItem[],
	{openPostId: string; more: Readonly<Record<string, number>>; rows: PanelRow[]}
>();

export function panelRows(
	items: readonly SearchItem[],
	options: {openPostId: string; postTitle: (postId: string) => string; more: Readonly<Record<string, number>>},
): PanelRow[] {
	const lastRows = madeRows.get(items);
	if (lastRows && lastRows.openPostId === options.openPostId && lastRows.more === options.more) return lastRows.rows;
	const talkItems = talkItemsOf(items);
	const rows =
		talkItems && talkItems !== items
			? talkRows(talkItems, options).concat(lineRows(items, talkItems.length, options))
			: [...talkRows(items, options), ...lineRows(items, 0, options)];
	madeRows.set(items, {openPostId: options.openPostId, more: options.more, rows});
	return rows;
}

const madeTalkRows = new WeakMap<readonly SearchItem[], PanelRow[]>();

/** The talks' rows: each post's title once, then two rows a talk. */
function talkRows(items: readonly SearchItem[], options: {postTitle: (postId: string) => string}): PanelRow[] {
	const known = madeTalkRows.get(items);
	if (known) return known;
	const rows: PanelRow[] = [];
	let lastPost: string | null = null;
	for (const [index, item] of items.entries()) {
		if (item.kind !== 'talk') break;
		if (item.hit.session.postId !== lastPost) {
			lastPost = item.hit.session.postId;
			rows.push({kind: 'post', title: options.postTitle(lastPost)});
		}
		rows.push({kind: 'title', index}, {kind: 'details', index});
	}
	madeTalkRows.set(items, rows);
	return rows;
}

/** The lines' rows, from `from` on: the open post's under a heading, every other post's under its title. */
function lineRows(
	items: readonly SearchItem[],
	from: number,
	options: {openPostId: string; postTitle: (postId: string) => string; more: Readonly<Record<string, number>>},
): PanelRow[] {
	const rows: PanelRow[] = [];
	let lastLinePost: string | null = null;
	const closePost = () => {
		const count = lastLinePost === null ? 0 : (options.more[lastLinePost] ?? 0);
		if (count > 0) rows.push({kind: 'more', count});
	};
	for (let index = from; index < items.length; index++) {
		const item = items[index]!;
		if (item.kind !== 'line') continue;
		const {postId} = item.hit;
		if (postId !== lastLinePost) {
			closePost();
			// The open post's lines come first, under a heading of their own; every other post's under its title.
			const isFirstOpen = lastLinePost === null && postId === options.openPostId;
			if (isFirstOpen) rows.push({kind: 'group', title: 'Lines of this post'});
			else {
				if (lastLinePost === null || lastLinePost === options.openPostId)
					rows.push({kind: 'group', title: 'Lines of other posts'});
				rows.push({kind: 'post', title: options.postTitle(postId)});
			}
			lastLinePost = postId;
		}
		rows.push({kind: 'line', index});
	}
	closePost();
	return rows;
}

/** The first row shown: the selected entry in view (a talk's two rows), with its heading above it when it fits. */
export function windowStart(rows: readonly PanelRow[], selected: number, room: number): number {
	const at = rows.findIndex((row) => (row.kind === 'title' || row.kind === 'line') && row.index === selected);
	if (at === -1) return 0;
	const last = rows[at]!.kind === 'title' ? at + 1 : at;
	let header = at;
	while (header > 0 && (rows[header - 1]!.kind === 'post' || rows[header - 1]!.kind === 'group')) header--;
	return last - header + 1 <= room ? Math.max(0, Math.min(header, last + 1 - room)) : Math.max(0, last + 1 - room);
}

/** What the panel shows below its query and keys. */
export type PanelView = {
	/** `3 sessions · 12 lines · searching the text 40% · missed only`: beside the query. */
	count: string;
	/** Why the list is empty (naming the filters that hide what the query finds); null when it is not. */
	empty: string | null;
	/** The rows on screen, from the `start`th. */
	rows: PanelRow[];
	start: number;
};

/**
 * The panel's view for `room` rows of results: the rows made once per list of items, the window
 * keeping the selected entry (and its heading) in view.
 */
export function panelView(
	panel: SearchPanel,
	items: readonly SearchItem[],
	text: TextResult | null,
	options: {
		openPostId: string;
		postTitle: (postId: string) => string;
		more: Readonly<Record<string, number>>;
		room: number;
		sessions: SessionsKnown;
	},
): PanelView {
	const filters = [panel.missedOnly ? 'missed only' : '', panel.day === null ? '' : `day ${panel.day}`]
		.filter(Boolean)
		.join(', ');
	const talkCount = countTalks(items);
	const lineCount = items.length - talkCount;
	const searching =
		text && !text.isDone && text.total > 0
			? ` · searching the text ${Math.floor((100 * text.scanned) / text.total)}%`
			: '';
	const linesFound =
		lineCount > 0 || (text?.isDone && text.total > 0)
			? ` · ${lineCount + Object.values(text?.more ?? {}).reduce((sum, more) => sum + more, 0)} line${lineCount === 1 ? '' : 's'}`
			: '';
	// While the sessions are read, their count is not known yet: not "0 sessions".
	const sessionsFound =
		options.sessions === 'reading' ? '… sessions' : `${talkCount} session${talkCount === 1 ? '' : 's'}`;
	const count = `${sessionsFound}${linesFound}${searching}${filters ? ` · ${filters}` : ''}`;
	const empty =
		items.length === 0
			? emptyResultText(
					panel,
					options.sessions,
					panel.query.trim().length >= MIN_TEXT_QUERY && !hasTalkFilter(panel) ? text : {isDone: true},
				)
			: null;
	const rows = panelRows(items, options);
	const start = windowStart(rows, panel.selected, options.room);
	return {count, empty, rows: rows.slice(start, start + options.room), start};
}

/** The talks among the items: they come first, so the first line ends them. */
function countTalks(items: readonly SearchItem[]): number {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (items[middle]!.kind === 'talk') low = middle + 1;
		else high = middle;
	}
	return low;
}

/** A line of text cut to `width` around its first match (its start lost first), with the ranges moved along. */
export function snippet(text: string, ranges: MatchRange[], width: number): {text: string; ranges: MatchRange[]} {
	const first = ranges[0]?.[0] ?? 0;
	// The match starts a dozen columns in, or where the line starts.
	let from = textWidth(text) <= width || first < 16 ? 0 : Math.min(first - 12, Math.max(0, text.length - width + 1));
	// From the start of a word: the first space after the cut, if it comes before the match.
	const space = text.indexOf(' ', from);
	if (from > 0 && space !== -1 && space < first) from = space + 1;
	if (from <= 0) return {text, ranges};
	return {
		text: `…${text.slice(from)}`,
		ranges: ranges
			.filter(([, end]) => end >= from)
			.map(([start, end]) => [Math.max(start, from) - from + 1, end - from + 1]),
	};
}
