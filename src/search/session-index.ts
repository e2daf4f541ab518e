import Fuse from 'fuse.js';
import type {Session} from '../posts/types.js';
import {foldText} from './fold-text.js';
import {closestCorrections, editDistance} from './typo-correction.js';

/** The longest query searched for; the rest of a longer one is ignored. */
export const MAX_QUERY_CHARS = 200;
/** The longest word searched for: no talk has a longer one, and fuzzy matching costs grow with it. */
export const MAX_WORD_CHARS = 40;
/** The most words searched for: each word found nowhere costs a fuzzy search of the vocabulary. */
export const MAX_QUERY_WORDS = 8;

/** A session with what search also knows of its post. */
export type SearchableSession = Session & {postTitle: string; tags: string[]};

export type SessionFilter = {missedOnly?: boolean; day?: number | string; postId?: string};

/** Inclusive [start, end] indices into the displayed (original) field text. */
export type MatchRange = [start: number, end: number];

export type SessionHit = {
	session: SearchableSession;
	/** 0 is best. */
	score: number;
	matches: {title?: MatchRange[]; speakers?: MatchRange[]; day?: MatchRange[]; note?: MatchRange[]};
};

export type SessionIndex = {
	search(query: string, filter?: SessionFilter): SessionHit[];
	readonly size: number;
};

/** A stable key for a session across runs and edits: the post and the talk, not the line. */
export function sessionKey(session: Session): string {
	return `${session.postId}#${foldText(session.title).replace(/\s+/g, ' ').trim()}`;
}

type FieldName = 'title' | 'speakers' | 'day' | 'note' | 'postTitle' | 'tags';

/** Title first; speakers (people and organisations) next; the rest only tip the balance. */
const FIELDS: Array<{name: FieldName; weight: number}> = [
	{name: 'title', weight: 1},
	{name: 'speakers', weight: 0.85},
	{name: 'day', weight: 0.5},
	{name: 'note', weight: 0.5},
	{name: 'postTitle', weight: 0.3},
	{name: 'tags', weight: 0.3},
];

const SEPARATOR = '\n';

/** Typos are corrected against title, speakers, day and note: the fields that tell talks apart. */
const CORRECTABLE_FIELDS = 4;

/** One session prepared once: folded fields and where each sits in one joined string. */
type Entry = {
	session: SearchableSession;
	order: number;
	fields: string[];
	/** Every folded field joined: one `includes` tells whether a word is anywhere. */
	all: string;
	/** `all` with everything but letters and digits taken out: `Multi-Tenancy` and `Argo CD` as typed joined. */
	compact: string;
	/** Each field compacted, made on first use. */
	compactFields?: string[];
};

/** Letters and digits only: what is left of a word or field when spacing and hyphens do not count. */
export function compactText(text: string): string {
	let out = '';
	for (let index = 0; index < text.length; index++) if (isWordChar(text, index)) out += text[index];
	return out;
}

function prepare(session: SearchableSession, order: number): Entry {
	const raw: Record<FieldName, string> = {
		title: session.title,
		speakers: session.speakers ?? '',
		day: session.day ?? '',
		note: session.note ?? '',
		postTitle: session.postTitle,
		tags: session.tags.join(' '),
	};
	const fields = FIELDS.map((field) => foldText(raw[field.name]));
	// Title, speakers, day and note: the fields a joined or split word is looked for in.
	return {
		session,
		order,
		fields,
		all: fields.join(SEPARATOR),
		compact: fields.slice(0, CORRECTABLE_FIELDS).map(compactText).join(SEPARATOR),
	};
}

function compactFieldsOf(entry: Entry): string[] {
	entry.compactFields ??= entry.fields.map(compactText);
	return entry.compactFields;
}

function passes(session: SearchableSession, filter: SessionFilter): boolean {
	if (filter.missedOnly && !session.missed) return false;
	if (filter.postId !== undefined && session.postId !== filter.postId) return false;
	if (filter.day !== undefined) {
		if (typeof filter.day === 'number') return session.dayNumber === filter.day;
		const wanted = foldText(filter.day).trim();
		const number = /^(?:day\s*)?(\d+)$/.exec(wanted);
		return number ? session.dayNumber === Number(number[1]) : foldText(session.day ?? '') === wanted;
	}
	return true;
}

/** Letters and digits: ASCII by code, the rest by Unicode class (rarer, slower). */
function isWordChar(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	if (Number.isNaN(code)) return false;
	if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
	return /[\p{L}\p{N}]/u.test(text[index]!);
}

const isDigit = (text: string, index: number) => {
	const code = text.charCodeAt(index);
	return code >= 48 && code <= 57;
};

/** How well a word matched inside a field: whole word, word start, or inside a word. */
function quality(field: string, index: number, length: number): number {
	const starts = !isWordChar(field, index - 1);
	const ends = !isWordChar(field, index + length);
	return starts && ends ? 1.2 : starts ? 1 : 0.6;
}

/** An entry's running score: how well, and how many of the query's words (as matched) it holds. */
type Scored = {entry: Entry; score: number; words: number; matched: string[]};

/**
 * Scores one word (as written, folded) in `entry`; 0 when it is not there. A word not there as
 * written may be there with spacing and hyphens aside (`multitenancy` in `Multi-Tenancy`,
 * `redhat` in `Red Hat`): `compact` is the word so reduced, or null when that is no other word.
 */
function wordScore(
	entry: Entry,
	word: string,
	isNumber: boolean,
	fieldCount = FIELDS.length,
	compact: string | null = null,
): number {
	if (!entry.all.includes(word)) {
		if (compact === null || compact.length < 3 || !entry.compact.includes(compact)) return 0;
		let best = 0;
		for (const [fieldIndex, field] of compactFieldsOf(entry)
			.slice(0, Math.min(fieldCount, CORRECTABLE_FIELDS))
			.entries()) {
			if (field.includes(compact)) best = Math.max(best, 0.9 * FIELDS[fieldIndex]!.weight);
		}
		return best;
	}
	let best = 0;
	for (const [fieldIndex, field] of entry.fields.slice(0, fieldCount).entries()) {
		const weight = FIELDS[fieldIndex]!.weight;
		if (weight * 1.2 <= best) continue;
		for (let index = field.indexOf(word); index !== -1; index = field.indexOf(word, index + 1)) {
			if (isNumber && isDigit(field, index - 1)) continue;
			best = Math.max(best, quality(field, index, word.length) * weight);
		}
	}
	return best;
}

/** Where the matched words stand in the displayed fields: computed only for hits that are shown. */
function rangesOf(entry: Entry, words: string[]): Map<number, MatchRange[]> {
	const ranges = new Map<number, MatchRange[]>();
	for (const word of words) {
		const isNumber = /^\d+$/.test(word);
		let found = false;
		for (const [fieldIndex, field] of entry.fields.entries()) {
			for (let index = field.indexOf(word); index !== -1; index = field.indexOf(word, index + word.length)) {
				if (isNumber && isDigit(field, index - 1)) continue;
				addRange(ranges, fieldIndex, [index, index + word.length - 1]);
				found = true;
			}
		}
		if (found) continue;
		// Matched with spacing aside: highlight from its first letter to its last in the original.
		const compact = compactText(word);
		if (compact.length < 3) continue;
		for (const [fieldIndex, field] of entry.fields.slice(0, CORRECTABLE_FIELDS).entries()) {
			const positions: number[] = [];
			for (let index = 0; index < field.length; index++) if (isWordChar(field, index)) positions.push(index);
			const joined = compactFieldsOf(entry)[fieldIndex]!;
			for (let index = joined.indexOf(compact); index !== -1; index = joined.indexOf(compact, index + compact.length)) {
				addRange(ranges, fieldIndex, [positions[index]!, positions[index + compact.length - 1]!]);
			}
		}
	}
	return ranges;
}

function addRange(ranges: Map<number, MatchRange[]>, field: number, range: MatchRange): void {
	const list = ranges.get(field);
	if (list) list.push(range);
	else ranges.set(field, [range]);
}

/**
 * Sessions folded for an index a few at a time: the reader prepares them between frames (a library
 * of 100,000 posts takes seconds), then makes the index of them at once.
 */
export class PreparedSessions {
	readonly entries: Entry[] = [];

	add(session: SearchableSession): void {
		this.entries.push(prepare(session, this.entries.length));
	}
}

/**
 * The session index behind the reader's search panel and `kubecon-notes sessions`.
 *
 * Each word of the query is looked for as written (folded: case and accents ignored); a word found
 * nowhere is corrected to the closest words the sessions do have (fuse.js over their vocabulary),
 * so a typo still finds the talk. Sessions holding
 * every word come first; when none holds them all, those holding the most. While the query grows
 * by typing, a search whose words were all found as written narrows: only its results are searched
 * again, which keeps a keystroke cheap at 10,000 sessions.
 */
export function createSessionIndex(sessions: SearchableSession[] | PreparedSessions): SessionIndex {
	const entries = sessions instanceof PreparedSessions ? [...sessions.entries] : sessions.map(prepare);
	// Built on the first typo: every distinct word of every session, for fuse.js to correct against,
	// and the same words by length, for the swapped letters fuse.js misses (`ectd` for `etcd`).
	let vocabulary: Fuse<string> | undefined;
	let byLength: Map<number, string[]> | undefined;
	// The last search whose words all matched as written, with every session holding them all.
	let last: {query: string; entries: Entry[]} | null = null;

	/** The words of the sessions closest to a word found nowhere as written, with their closeness. */
	const corrections = (word: string): Array<{word: string; closeness: number}> => {
		if (!vocabulary) {
			const words = new Set<string>();
			// The talks' own words only: the post title and tags are on every session of a post, so a
			// typo corrected to `kubecon` would return all of them.
			for (const entry of entries)
				for (const part of entry.fields
					.slice(0, CORRECTABLE_FIELDS)
					.join(' ')
					.split(/[^\p{L}\p{N}]+/u))
					if (part.length >= 2) words.add(part);
			vocabulary = new Fuse([...words], {includeScore: true, threshold: 0.34, ignoreLocation: true});
			byLength = new Map();
			for (const known of words) {
				const list = byLength.get(known.length) ?? [];
				list.push(known);
				byLength.set(known.length, list);
			}
		}
		const found = vocabulary
			.search(word, {limit: 8})
			.map((hit) => ({word: hit.item, closeness: 0.8 * (1 - (hit.score ?? 1))}));
		// Two letters swapped is one edit (Damerau): look for words one edit away of the same length.
		if (word.length >= 4 && word.length <= MAX_WORD_CHARS) {
			for (const known of byLength!.get(word.length) ?? []) {
				if (
					known !== word &&
					known[0] === word[0] &&
					editDistance(word, known, 2) === 1 &&
					!found.some((hit) => hit.word === known)
				)
					found.push({word: known, closeness: 0.7});
			}
		}
		return closestCorrections(word, found);
	};

	// Per-search scratch, indexed by entry order: typed arrays keep a 10,000-hit keystroke cheap.
	const scores = new Float64Array(entries.length);
	const counts = new Uint16Array(entries.length);

	const run = (words: string[], pool: Entry[]): {hits: Scored[]; exact: boolean} => {
		scores.fill(0);
		counts.fill(0);
		// Words a typo stood for, per entry; entries matched as written use the query's words.
		const corrected = new Map<Entry, string[]>();
		let exact = true;
		for (const word of words) {
			let found = false;
			// `3` means day 3, not the 3 inside 2023: a number matches only where a number starts.
			const isNumber = /^\d+$/.test(word);
			const compact = isNumber ? null : compactText(word);
			for (const entry of pool) {
				const score = wordScore(entry, word, isNumber, FIELDS.length, compact);
				if (score > 0) {
					found = true;
					scores[entry.order]! += score;
					counts[entry.order]!++;
				}
			}
			if (found) continue;
			exact = false;
			// A typo: the word stands for its closest real words, each counted once per session.
			const best = new Map<Entry, {score: number; word: string}>();
			for (const correction of corrections(word)) {
				for (const entry of entries) {
					const score = wordScore(entry, correction.word, false, CORRECTABLE_FIELDS) * correction.closeness;
					if (score > (best.get(entry)?.score ?? 0)) best.set(entry, {score, word: correction.word});
				}
			}
			for (const [entry, hit] of best) {
				scores[entry.order]! += hit.score;
				counts[entry.order]!++;
				const list = corrected.get(entry) ?? words.filter((other) => other !== word);
				list.push(hit.word);
				corrected.set(entry, list);
			}
		}
		let most = 0;
		for (const entry of exact ? pool : entries) most = Math.max(most, counts[entry.order]!);
		const hits: Scored[] = [];
		if (most > 0) {
			for (const entry of exact ? pool : entries) {
				if (counts[entry.order] === most)
					hits.push({entry, score: scores[entry.order]!, words: most, matched: corrected.get(entry) ?? words});
			}
		}
		return {hits, exact: exact && most === words.length};
	};

	return {
		size: entries.length,
		search(query, givenFilter = {}) {
			// Capped before matching: a 20,000-character paste would keep fuzzy matching busy for minutes.
			const parsed = readDay(foldText(query.slice(0, MAX_QUERY_CHARS)).trim().replace(/\s+/g, ' '), entries);
			const capped = parsed.rest;
			// `day 2` in the query is that day's talks, as `--day 2` is.
			const filter: SessionFilter = parsed.day === null ? givenFilter : {...givenFilter, day: parsed.day};
			const words =
				capped === ''
					? []
					: capped
							.split(' ')
							.slice(0, MAX_QUERY_WORDS)
							.map((word) => word.slice(0, MAX_WORD_CHARS));
			const folded = words.join(' ');
			if (words.length === 0) {
				return entries
					.filter((entry) => passes(entry.session, filter))
					.map((entry) => ({session: entry.session, score: 0, matches: {}}));
			}
			let result = last && isNarrowing(last.query, folded) ? run(words, last.entries) : null;
			// Narrowing is exact only while every word is found as written; otherwise search everything.
			if (!result || !result.exact) result = run(words, entries);
			last = result.exact ? {query: folded, entries: result.hits.map((hit) => hit.entry)} : null;
			const hasFilter = filter.missedOnly || filter.day !== undefined || filter.postId !== undefined;
			return (hasFilter ? result.hits.filter((hit) => passes(hit.entry.session, filter)) : result.hits)
				.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order)
				.map((hit) => new LazyHit(hit, words.length));
		},
	};
}

/** A hit whose highlight ranges are worked out only if something reads them (the panel shows a few). */
class LazyHit implements SessionHit {
	readonly session: SearchableSession;
	readonly score: number;
	#scored: Scored;
	#matches: SessionHit['matches'] | undefined;

	constructor(scored: Scored, wordCount: number) {
		this.session = scored.entry.session;
		this.score = Math.max(0, 1 - scored.score / (1.2 * wordCount));
		this.#scored = scored;
	}

	get matches(): SessionHit['matches'] {
		this.#matches ??= toMatches(rangesOf(this.#scored.entry, this.#scored.matched));
		return this.#matches;
	}
}

const DAY_WORDS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	first: 1,
	second: 2,
	third: 3,
	fourth: 4,
	fifth: 5,
};

/**
 * `day 2`, `day2`, `day two`, `second day` in a query: the day, and the query without it. In notes
 * whose talks have no day numbers at all, `day 2` is two words to look for.
 */
export function readDay(
	query: string,
	entries: ReadonlyArray<{session: {dayNumber: number | null}}>,
): {day: number | null; rest: string} {
	const match =
		/(?:^|\s)day\s?(\d{1,2}|one|two|three|four|five)(?=\s|$)|(?:^|\s)(first|second|third|fourth|fifth)\sday(?=\s|$)/.exec(
			query,
		);
	if (!match) return {day: null, rest: query};
	const token = match[1] ?? match[2]!;
	const day = /^\d+$/.test(token) ? Number(token) : DAY_WORDS[token]!;
	if (!entries.some((entry) => entry.session.dayNumber !== null)) return {day: null, rest: query};
	return {
		day,
		rest: (query.slice(0, match.index) + ' ' + query.slice(match.index + match[0].length)).trim().replace(/\s+/g, ' '),
	};
}

/** Growing the last word, or adding words, only narrows a substring search. */
function isNarrowing(previous: string, next: string): boolean {
	return previous !== '' && next.startsWith(previous);
}

function toMatches(ranges: Map<number, MatchRange[]>): SessionHit['matches'] {
	const matches: SessionHit['matches'] = {};
	for (const [field, list] of ranges) {
		const name = FIELDS[field]!.name;
		if (name === 'title' || name === 'speakers' || name === 'day' || name === 'note') matches[name] = mergeRanges(list);
	}
	return matches;
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const merged: MatchRange[] = [];
	for (const range of sorted) {
		const previous = merged.at(-1);
		if (previous && range[0] <= previous[1] + 1) previous[1] = Math.max(previous[1], range[1]);
		else merged.push([range[0], range[1]]);
	}
	return merged;
}
