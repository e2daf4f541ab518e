/**
 * What every shape of item shares: the candidate it makes, its links, the title split from its
 * speakers, its note. Split from items.ts; the shapes live in item-*.ts, items.ts reads an item.
 */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../../markdown/sanitize.js';
import {isArtifactLabel, isProse, isTitleLike, isRole} from './evidence.js';
import {peopleOf, personScore} from './people.js';
import {looksLikeSpeakers, readingLeniently, readingNamesFirst} from './speakers.js';

/**
 * What one item (a bullet, a paragraph, a table row) says about a talk, and how sure that is:
 * `talk` when it looks like one by itself, `title` when it is short and title-like (a talk only
 * with support around it), `none` when it is prose, a tool link or a talk's own link.
 */
export type Candidate = {
	title: string;
	speakers: string | null;
	url: string | null;
	note: string | null;
	evidence: 'talk' | 'title' | 'none';
	/** The text around it says the author missed it (`This is a talk I didn't attend…`). */
	missed?: boolean;
	/** A title-shaped link to some other page: a talk only under a lead-in that announces talks. */
	linkedTitle?: boolean;
	/** A time range stands in front (`10:00 - 10:40 Title`): a line of a timetable. */
	slotted?: boolean;
	/** It links a section of the same page (`[Title](#title)`): a table of contents entry. */
	anchor?: boolean;
};

/** Speakers after a title: `by Ann Lee, Acme`, `with Bo`, `- Ann Lee, Acme`, `Speakers: …`. */
// (Also as other languages write `by`: `av`, `af`, `von`, `par`, `por`, `door`.)
const BY =
	/^\s*(?:(by|with|presented\s+by|speakers?\s*:|presenters?\s*:|av|af|von|par|por|door)|([-–—:]))\s+([^\n([]+)/i;

export function safeUrl(href: string): string | null {
	return isSafeUrl(href) ? sanitizeText(href.trim()) : null;
}

export function fold(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Removes the whitespace-only text tokens between inline parts. */
export function meaningful(tokens: Token[]): Token[] {
	// An image's alt text (`![Debian - Pacemaker][x]`) has the shape of a talk and is never one.
	return tokens.filter(
		(token) =>
			!(token.type === 'text' && token.raw.trim() === '') &&
			token.type !== 'br' &&
			token.type !== 'image' &&
			!(token.type === 'html' && /^<br\s*\/?>$/i.test(token.raw.trim())),
	);
}

export function findLink(tokens: Token[]): Tokens.Link | null {
	for (const token of tokens) {
		if (token.type === 'link') return token as Tokens.Link;
		if ('tokens' in token && Array.isArray(token.tokens)) {
			const inner = findLink(token.tokens);
			if (inner) return inner;
		}
	}
	return null;
}

export function allLinks(tokens: Token[]): Tokens.Link[] {
	const links: Tokens.Link[] = [];
	for (const token of tokens) {
		if (token.type === 'link') links.push(token as Tokens.Link);
		else if ('tokens' in token && Array.isArray(token.tokens)) links.push(...allLinks(token.tokens));
	}
	return links;
}

/** Title and speakers split at the last ` - ` when the tail is speaker-shaped. */
export function splitTitle(text: string): {title: string; speakers: string | null} {
	const trimmed = text.trim();
	// The last ` - ` (or `--`, an en or em dash, a bar) between words; a scan, not a backtracking pattern.
	for (let at = trimmed.length - 2; at > 0; at--) {
		const char = trimmed[at]!;
		if (!'-–—|'.includes(char) || !/\s/.test(trimmed[at + 1] ?? '')) continue;
		let start = at;
		if (char === '-' && trimmed[at - 1] === '-') start = at - 1;
		if (!/\s/.test(trimmed[start - 1] ?? '')) continue;
		const title = trimmed.slice(0, start).trim();
		const speakers = trimmed.slice(at + 1).trim();
		if (title !== '' && looksLikeSpeakers(speakers)) return {title: fold(title), speakers};
		break;
	}
	return {title: fold(trimmed), speakers: null};
}

/** `Ann Lee - Title`: a person's name first, the title after the first dash. */
export function splitSpeakerFirst(text: string): {title: string; speakers: string} | null {
	const match = /\s(?:--|[-–—:])\s/.exec(text);
	if (!match) return null;
	const head = text.slice(0, match.index).trim();
	const tail = text.slice(match.index + match[0].length).trim();
	const bare = head.replace(/\([^()]{1,60}\)$/, '').trim();
	// (`Ann Lee, Bo Chan, Cy Diaz - Title`: several people first, each with a name's shape.)
	const headScore = bare.includes(',') ? (peopleOf(bare)?.score ?? 0) : personScore(bare);
	const capital = tail.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
	if (
		tail === '' ||
		!(headScore === 2 || (headScore === 1 && readingLeniently())) ||
		personScore(tail) === 2 ||
		// (`Chalmer Lowe - bokeh: Data Visualization`: a title may start with a project's lower-case name;
		// beside siblings written name first, a long title need only not be prose: `Sep Lee - Magic Method, on the wall`.)
		!(isTitleLike(capital) || (readingNamesFirst() && !isProse(capital) && /^\p{Lu}/u.test(tail))) ||
		isRole(tail)
	)
		return null;
	return {title: stripQuotes(fold(tail)), speakers: head};
}

/** `"Title"`, `“Title”`: quotes around a whole title are not part of it. */
export function stripQuotes(text: string): string {
	const trimmed = text.trim();
	const match = /^["“«„]\s?([^"“”«»„]{1,200}?)\s?["”»“]\.?$/.exec(trimmed);
	return match ? match[1]!.trim() : trimmed;
}

/** A trailing italic or parenthesised remark: `_(room full)_`, `(room full)`, `*great talk*`. */
export function noteOf(tokens: Token[]): string | null {
	const text = inlineText(tokens.filter((token) => token.type !== 'link'))
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[-–—:,]\s*/, '')
		.replace(/^\((.*)\)$/, '$1')
		.trim();
	// A note of punctuation alone (`-`, `()`, `, ,`) says nothing.
	return text === '' || /^[\p{P}\p{S}\s]*$/u.test(text) ? null : text;
}

/** Speakers named after a title, cut where a link, a dash or the line ends. */
export function speakersAfter(written: string): string | null {
	// (`[Title](…), by Ann Lee, was…`: a comma may stand before the `by`.)
	const after = written.replace(/^\s{0,3},\s{0,3}(?=(?:presented\s)?by\s)/i, '');
	const by = BY.exec(after);
	if (!by) return null;
	let speakers = by[3]!
		.split(/(?<!\s)\s+[-–—]\s|\b(?:https?:\/\/|mailto:)/)[0]!
		.trim()
		.replace(/[,.:;]$/, '')
		.trim();
	// `- Ana Costa (Contoso)`: an organisation in parentheses belongs to the name; `(slides, video)` does not.
	const org = /^\(([^()\n]{1,60})\)/.exec(after.slice(by.index + by[0].length));
	if (org && /^\p{Lu}/u.test(org[1]!) && looksLikeSpeakers(`${speakers}, ${org[1]}`))
		speakers = `${speakers} (${org[1]})`;
	if (speakers === '') return null;
	// After `by`, the names up to the first word that goes on the sentence (`by Isa is not…`).
	if (by[1]) {
		const words = speakers.split(/\s+/);
		let end = words.findIndex(
			(word, index) =>
				index > 0 &&
				// (A number starts the next title, never a name: `by Ann Lee and 50 Years of Unix`.)
				(/^\p{N}/u.test(word) ||
					(/^\p{Ll}/u.test(word) && !/^(?:and|und|et|y|de|da|van|von|der|del|dos|la|le)$/.test(word))),
		);
		// A sentence ends the names too: `by Ann Lee. This was…`.
		const stop = words.findIndex(
			(word) => /[.!?]$/.test(word) && !/^\p{Lu}\.$/u.test(word) && !/^(?:Inc|Ltd|Corp|Co|Jr|Sr|Dr)\.$/.test(word),
		);
		if (stop !== -1 && (end === -1 || stop < end)) end = stop + 1;
		const names = (end === -1 ? words : words.slice(0, end))
			.join(' ')
			.replace(/[,.:;]$/, '')
			.replace(/\s(?:and|und|et|y|&)$/, '');
		if (names === '' || names.split(/\s+/).length > 12) return null;
		return end === -1 || /^[\p{Lu}@]/u.test(names) ? names : null;
	}
	return looksLikeSpeakers(speakers) ? speakers : null;
}

/** The first link among a talk's own links (slides, replay), when the talk has no page of its own. */
export function artifactUrl(tokens: Token[]): string | null {
	const link = allLinks(tokens).find((candidate) => isArtifactLabel(inlineText(candidate.tokens)));
	return link ? safeUrl(link.href) : null;
}

export function isQuoted(text: string): boolean {
	const trimmed = text.trim();
	return trimmed.length > 4 && stripQuotes(trimmed) !== trimmed;
}
