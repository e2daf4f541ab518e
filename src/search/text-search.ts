/**
 * Search over the text of every post, line by line, beside the talk search (session-index.ts): a
 * reader types `/netfilter` and finds the word where the notes say it. Pure, and run in slices:
 * a search is a job stepped until a clock says stop, so a library of thousands of posts never
 * holds up the keys typed meanwhile.
 *
 * A line is matched as the reader shows it: markdown syntax taken off (link targets, emphasis,
 * heading and list marks, tags), folded as the talk search folds (case and accents: `zieba` finds
 * Zięba), the query as one phrase (spaces folded), as a find (Ctrl-F) matches it, so that after a
 * jump `n` and `N` step through the same matches. Every pattern here is a scan, never a regex
 * over the text that could backtrack.
 */
import {decodeEntities} from '../markdown/entities.js';
import {sanitizeText} from '../markdown/sanitize.js';
import {foldText} from './fold-text.js';
import type {MatchRange} from './session-index.js';

/** What the search reads of a post. */
/** A post to search: its body given, or read by `loadBody()` when the search comes to it (a disk read). */
export type TextPost = {readonly id: string; readonly title: string} & (
	{readonly body: string} | {loadBody(): {readonly body: string}}
);

const bodyOf = (post: TextPost): string => ('body' in post ? post.body : post.loadBody().body);

/** One line of a post's text holding the query. */
export type TextHit = {
	postId: string;
	/** 1-based line in the post's body. */
	line: number;
	/** The line as shown: markup off, blanks folded, safe for a terminal. */
	text: string;
	/** Where the query stands in `text`, inclusive. */
	ranges: MatchRange[];
	/** Higher is better: whole words over word starts over insides, headings over text. */
	score: number;
	/** Occurrences in the same paragraph before this line: the jump lands on the right one. */
	before: number;
};

/** Lines found per post other than the open one, at most: the rest are counted. */
export const LINES_PER_POST = 5;
/** Lines kept in all, at most. */
export const MAX_TEXT_HITS = 300;
/** Shorter queries search the talks only: two letters already match nearly every line. */
export const MIN_TEXT_QUERY = 2;
const MAX_QUERY = 200;

/** What a search has found so far. */
export type TextResult = {
	query: string;
	/** The post searched first (the open one), by index. */
	first: number;
	/** In the order shown: the open post's lines, then each other post's, posts ranked. */
	hits: TextHit[];
	/** Lines found but not listed, per post id. */
	more: Record<string, number>;
	scanned: number;
	total: number;
	isDone: boolean;
	/** Once done: the needle and the posts it was found in, which a longer query need only search. */
	found: {needle: string; posts: readonly number[]} | null;
};

export type TextSearchJob = {
	/** Searches until `shouldStop()` says so (asked between lines); true once every post is done. */
	step(shouldStop: () => boolean): boolean;
	result(): TextResult;
};

/**
 * A post prepared once: its lines folded and joined by newlines, where each starts there and in
 * the body (the shown text of a hit is made from the body's line), and what kind each line is.
 */
type Prepared = {folded: string; starts: Int32Array; sourceStarts: Int32Array; kinds: Uint8Array};

const HEADING = 1;
/** A line that starts a new paragraph of its own (a heading, a list item, a quote, a table row). */
const OWN_BLOCK = 2;
const BLANK = 4;

// Posts are immutable once made (a changed post is a new object), so their preparation is kept,
// and a preparation cut short by the clock is taken up again by the next search.
const preparedPosts = new WeakMap<object, Prepared>();
type Partial = {lines: string[]; kinds: number[]; sourceStarts: number[]; from: number};
const partialPosts = new WeakMap<object, Partial>();

/** The query as the text is matched: folded, blanks to one space, capped. */
export function textNeedle(query: string): string {
	return foldText(query.slice(0, MAX_QUERY)).trim().replace(/\s+/g, ' ');
}

/**
 * Searches `posts` for `query`, the post at `first` first (its lines are found at once and listed
 * before the others'). A query shorter than MIN_TEXT_QUERY finds nothing.
 */
export function searchText(
	posts: readonly TextPost[],
	query: string,
	first: number,
	narrowFrom: TextResult | null = null,
): TextSearchJob {
	const needle = textNeedle(query);
	// Typing on narrows: a query that extends a finished one is found only where that one was.
	const within =
		narrowFrom?.found && needle.startsWith(narrowFrom.found.needle) && narrowFrom.found.needle.length >= MIN_TEXT_QUERY
			? new Set(narrowFrom.found.posts)
			: null;
	const candidates = within ? [...within].sort((a, b) => a - b) : [...posts.keys()];
	const order = [
		...(within && !within.has(first) ? [] : [first]),
		...candidates.filter((index) => index !== first),
	].filter((index) => index >= 0 && index < posts.length);
	const matchedPosts: number[] = [];
	const isSearched = needle.length >= MIN_TEXT_QUERY;
	let next = isSearched ? 0 : order.length;
	const openHits: TextHit[] = [];
	const others: Array<{post: number; hits: TextHit[]; count: number; best: number}> = [];
	let kept = 0;

	const prepare = (postIndex: number, shouldStop: () => boolean): Prepared | null => {
		const post = posts[postIndex]!;
		const known = preparedPosts.get(post);
		if (known) return known;
		let work = partialPosts.get(post);
		if (!work) partialPosts.set(post, (work = {lines: [], kinds: [], sourceStarts: [], from: 0}));
		const body = bodyOf(post);
		// Line by line through the body, a few hundred lines a turn (a 1 MB post takes several).
		while (work.from <= body.length) {
			const end = body.indexOf('\n', work.from);
			const stop = end === -1 ? body.length : end;
			const {text, kind} = plainLine(body.slice(work.from, stop));
			work.lines.push(foldText(text));
			work.kinds.push(kind);
			work.sourceStarts.push(work.from);
			work.from = stop + 1;
			if (work.lines.length % 256 === 0 && shouldStop()) return null;
		}
		const starts = new Int32Array(work.lines.length);
		let offset = 0;
		for (const [index, line] of work.lines.entries()) {
			starts[index] = offset;
			offset += line.length + 1;
		}
		const prepared = {
			folded: work.lines.join('\n'),
			starts,
			sourceStarts: Int32Array.from(work.sourceStarts),
			kinds: Uint8Array.from(work.kinds),
		};
		preparedPosts.set(post, prepared);
		partialPosts.delete(post);
		return prepared;
	};

	const scan = (postIndex: number, prepared: Prepared) => {
		const post = posts[postIndex]!;
		const isOpen = postIndex === first;
		const room = isOpen ? MAX_TEXT_HITS : LINES_PER_POST;
		const found: TextHit[] = [];
		let count = 0;
		let line = 0;
		let lastLine = -1;
		// Occurrences so far in the paragraph of the line being looked at.
		let inParagraph = 0;
		const {folded, starts, kinds} = prepared;
		for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
			while (line + 1 < starts.length && starts[line + 1]! <= at) {
				line++;
				// A blank line, or a line that is a block of its own, starts a new paragraph.
				if ((kinds[line]! & OWN_BLOCK) !== 0 || (kinds[line - 1]! & BLANK) !== 0) inParagraph = 0;
			}
			const start = at - starts[line]!;
			// The newline between two lines is no letter: a match at a line's edge is at a word's edge.
			const quality = matchQuality(folded, at, needle.length) + ((kinds[line]! & HEADING) !== 0 ? 0.3 : 0);
			if (line !== lastLine) {
				count++;
				lastLine = line;
				if (found.length < room && kept < MAX_TEXT_HITS) {
					const body = bodyOf(post);
					const sourceEnd = body.indexOf('\n', prepared.sourceStarts[line]!);
					const text = plainLine(
						body.slice(prepared.sourceStarts[line]!, sourceEnd === -1 ? undefined : sourceEnd),
					).text;
					found.push({postId: post.id, line: line + 1, text, ranges: [], score: 0, before: inParagraph});
					kept++;
				}
			}
			const hit = found.at(-1);
			if (hit?.line === line + 1) {
				hit.ranges.push([start, start + needle.length - 1]);
				// The line's best occurrence (posts are ranked by their count of lines too).
				hit.score = Math.max(hit.score, quality);
			}
			inParagraph++;
		}
		if (count === 0) return;
		matchedPosts.push(postIndex);
		// Best first; among equals, in the order of the text.
		found.sort((a, b) => b.score - a.score || a.line - b.line);
		if (isOpen) openHits.push(...found);
		else others.push({post: postIndex, hits: found, count, best: found[0]?.score ?? 0});
	};

	const result = (): TextResult => {
		const ranked = [...others].sort((a, b) => b.best - a.best || b.count - a.count || a.post - b.post);
		const more: Record<string, number> = {};
		for (const group of ranked)
			if (group.count > group.hits.length) more[posts[group.post]!.id] = group.count - group.hits.length;
		const isDone = next >= order.length;
		return {
			query,
			first,
			hits: [...openHits, ...ranked.flatMap((group) => group.hits)],
			more,
			scanned: isSearched ? next : 0,
			total: isSearched ? order.length : 0,
			isDone,
			found: isDone && isSearched ? {needle, posts: matchedPosts} : null,
		};
	};

	return {
		step(shouldStop) {
			while (next < order.length) {
				const postIndex = order[next]!;
				const prepared = prepare(postIndex, shouldStop);
				if (!prepared) return false;
				scan(postIndex, prepared);
				next++;
				if (shouldStop()) return next >= order.length;
			}
			return true;
		},
		result,
	};
}

/** The characters the inline scan stops at: the rest is copied as it is. */
const SPECIAL = /[\\*`|_![\]<{]/g;

/** The characters markup is made of: a line without any is shown as it is written. */
const MARKUP = /[*_`[\]<>!|{\\&#>]/;

/** Letters and digits: ASCII by code, the rest by Unicode class. */
function isWordChar(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	if (Number.isNaN(code)) return false;
	if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
	return /[\p{L}\p{N}]/u.test(text[index]!);
}

/** Whole word 1.2, word start 1, inside a word 0.6 (as the talk search weighs them). */
function matchQuality(text: string, index: number, length: number): number {
	const starts = !isWordChar(text, index - 1);
	const ends = !isWordChar(text, index + length);
	return starts && ends ? 1.2 : starts ? 1 : 0.6;
}

/**
 * A source line as the reader shows its words: block marks (heading, quote, list, table pipes)
 * and inline markup (emphasis, code ticks, link targets, images' addresses, HTML tags, kramdown
 * attribute lists) taken off, entities decoded, blanks folded, sanitised. A scan, in linear time.
 */
export function plainLine(source: string): {text: string; kind: number} {
	let rest = source.length > 4000 ? source.slice(0, 4000) : source;
	let kind = 0;
	const trimmed = rest.trim();
	if (trimmed === '') return {text: '', kind: BLANK | OWN_BLOCK};
	// Most lines of notes are plain sentences: nothing to take off but runs of blanks.
	if (!MARKUP.test(trimmed) && !/^(?:\d{1,9}[.)]|[-+~])/.test(trimmed))
		return {text: sanitizeText(trimmed).replace(/\s+/g, ' '), kind};
	// Code fences and reference definitions show nothing of their own.
	if (/^(?:`{3}|~{3})/.test(trimmed)) return {text: '', kind: BLANK | OWN_BLOCK};
	if (/^\[[^\]]{1,200}\]:\s/.test(trimmed)) return {text: '', kind: BLANK | OWN_BLOCK};
	rest = trimmed;
	// Quote marks, then a heading's or a list item's.
	while (rest.startsWith('>')) {
		rest = rest.slice(1).trimStart();
		kind |= OWN_BLOCK;
	}
	const heading = /^#{1,6}(?:\s|$)/.exec(rest);
	if (heading) {
		kind |= HEADING | OWN_BLOCK;
		rest = rest.slice(heading[0].length);
		let end = rest.length;
		while (end > 0 && rest[end - 1] === '#') end--;
		rest = rest.slice(0, end);
	} else {
		const item = /^(?:[-*+]|\d{1,9}[.)])\s/.exec(rest);
		if (item) {
			kind |= OWN_BLOCK;
			rest = rest.slice(item[0].length);
		} else if (rest.startsWith('|')) kind |= OWN_BLOCK;
	}
	let out = '';
	// The next `)`, `]`, `>` or `}` at or after a place, each looked for once per stretch: a line
	// of a thousand `](` would otherwise search the rest of the line a thousand times.
	const found = new Map<string, {from: number; at: number}>();
	const next = (char: string, from: number): number => {
		const known = found.get(char);
		if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
		const at = rest.indexOf(char, from);
		found.set(char, {from, at});
		return at;
	};
	SPECIAL.lastIndex = 0;
	for (let index = 0; index < rest.length; index++) {
		// Plain stretches are copied whole, up to the next character that may be markup.
		SPECIAL.lastIndex = index;
		const special = SPECIAL.exec(rest);
		if (!special) {
			out += rest.slice(index);
			break;
		}
		if (special.index > index) out += rest.slice(index, special.index);
		index = special.index;
		const char = rest[index]!;
		if (char === '\\' && index + 1 < rest.length && /[!-/:-@[-`{-~]/.test(rest[index + 1]!)) {
			out += rest[++index];
			continue;
		}
		if (char === '*' || char === '`' || char === '|') {
			out += char === '|' ? ' ' : '';
			continue;
		}
		if (char === '_' && (!isWordChar(rest, index - 1) || !isWordChar(rest, index + 1))) continue;
		if (char === '!' && rest[index + 1] === '[') continue;
		if (char === '[') continue;
		if (char === ']') {
			// A link's target, `(…)` or `[ref]`, is not text.
			const close = rest[index + 1] === '(' ? ')' : rest[index + 1] === '[' ? ']' : '';
			if (close) {
				const end = next(close, index + 2);
				if (end !== -1 && end - index < 1000) index = end;
			}
			continue;
		}
		if (char === '<') {
			// A tag shows nothing; an autolink shows its address.
			const end = next('>', index + 1);
			const inside = end !== -1 && end - index < 500 ? rest.slice(index + 1, end) : '';
			if (/^(?:https?:|mailto:)/i.test(inside)) {
				out += inside;
				index = end;
				continue;
			}
			if (/^[/!?a-zA-Z]/.test(inside)) {
				out += ' ';
				index = end;
				continue;
			}
		}
		if (char === '{' && rest[index + 1] === ':') {
			// A kramdown attribute list, `{: .class}`.
			const end = next('}', index + 2);
			if (end !== -1 && end - index < 300) {
				index = end;
				continue;
			}
		}
		out += char;
	}
	const text = sanitizeText(decodeEntities(out)).replace(/\s+/g, ' ').trim();
	return {text, kind};
}
