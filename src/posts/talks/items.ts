import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../../markdown/sanitize.js';
import {isArtifactLabel, isBreak, isProse, isTalkPage, isTitleLike, isVideo, isRole} from './evidence.js';
import {personScore, speakersInText} from './people.js';
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

/** Words that start a title before a colon, never a person: `Lightning Talk: …`, `Deep Dive: …`. */
const TITLE_HEADS =
	/\b(?:Talk|Keynote|Panel|Workshop|Tutorial|Intro|Introduction|Deep|Dive|Session|Lightning|Update|Case|Study|Project|Maintainer|Track|Day|Part)\b/;

/** A label naming a talk's kind or slot before its title: `Keynote:`, `Track B:`, `Day 2:`, `Room 101:`. */
const SLOT_LABEL =
	/^(?:(?:opening|closing|morning|afternoon|evening)\s+)?(?:keynote|talk|session|lightning\s+talk|workshop|tutorial|panel|track\s+\w{1,12}|room\s+\w{1,12}|day\s+\w{1,6}|morning|afternoon|evening)s?$/i;

/** A time slot before an item: `9:15 a.m. (50m) `, `10:00 - 10:40: `, `14h30 `. */
const TIME_SLOT =
	/^\s{0,3}\d{1,2}(?:[:.]\d{2}|h\d{0,2})(?:\s?[ap]\.?m\.?)?(\s?[-–]\s?\d{1,2}(?:[:.]\d{2}|h\d{0,2})(?:\s?[ap]\.?m\.?)?)?(?:\s\(\d{1,3}\s?(?:m|min|mins|minutes|h)\))?[\s:,|-]{1,4}(?=\S|$)/i;

/** Speakers after a title: `by Ann Lee, Acme`, `with Bo`, `- Ann Lee, Acme`, `Speakers: …`. */
// (Also as other languages write `by`: `av`, `af`, `von`, `par`, `por`, `door`.)
const BY =
	/^\s*(?:(by|with|presented\s+by|speakers?\s*:|presenters?\s*:|av|af|von|par|por|door)|([-–—:]))\s+([^\n([]+)/i;

function safeUrl(href: string): string | null {
	return isSafeUrl(href) ? sanitizeText(href.trim()) : null;
}

function fold(text: string): string {
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

function allLinks(tokens: Token[]): Tokens.Link[] {
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
	const headScore = personScore(head.replace(/\([^()]{1,60}\)$/, '').trim());
	if (
		tail === '' ||
		!(headScore === 2 || (headScore === 1 && readingLeniently())) ||
		personScore(tail) === 2 ||
		// (`Chalmer Lowe - bokeh: Data Visualization`: a title may start with a project's lower-case name.)
		!isTitleLike(tail.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase())) ||
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
function speakersAfter(after: string): string | null {
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
function artifactUrl(tokens: Token[]): string | null {
	const link = allLinks(tokens).find((candidate) => isArtifactLabel(inlineText(candidate.tokens)));
	return link ? safeUrl(link.href) : null;
}

function isQuoted(text: string): boolean {
	const trimmed = text.trim();
	return trimmed.length > 4 && stripQuotes(trimmed) !== trimmed;
}

/** `Ann Lee - [Title](…)`, `Ann Lee: ["Title"](…)`: a person's name, a separator, the talk's link. */
function speakerThenLink(inline: Token[]): Candidate | null {
	const [head, link] = inline;
	if (head?.type !== 'text' || link?.type !== 'link') return null;
	const match = /^(.{2,80}?)\s*(?:--|[-–—:])\s*$/.exec(head.raw);
	if (!match || personScore(match[1]!.replace(/\([^()]{1,60}\)$/, '').trim()) === 0) return null;
	const title = stripQuotes(fold(inlineText((link as Tokens.Link).tokens)));
	if (title === '' || isArtifactLabel(title) || personScore(title) === 2 || isProse(title)) return null;
	const rest = inline.slice(2);
	// `Madam Sandi Tells Your Future by Sandi Metz`: the video's title repeats the speaker.
	const speaker = match[1]!.trim();
	const by = title.lastIndexOf(' by ');
	const own = by > 0 && title.slice(by + 4).trim() === speaker ? title.slice(0, by).trim() : title;
	return {
		title: own,
		speakers: speaker,
		url: safeUrl((link as Tokens.Link).href),
		note: noteOf(rest.filter((token) => token.type === 'em')),
		evidence: 'talk',
	};
}

/**
 * `**Ann Lee**: Title`, `[Ann Lee](…) - [Title](…)`, `*Ann Lee*: Title, what I made of it`: a
 * person's name set apart (bold, italic or linked), a separator, then the talk's title.
 */
function nameThenTitle(inline: Token[]): Candidate | null {
	const [head, separator, ...rest] = inline;
	if (!head || !separator || !(head.type === 'strong' || head.type === 'em' || head.type === 'link')) return null;
	const name = fold(inlineText([head]));
	// A linked name must be a known one: `[Node Autoscaling Showdown](…) — Ann Lee` is a title first.
	const score = personScore(name);
	if (!name.includes(' ') || score === 0 || (head.type === 'link' && score < 2)) return null;
	if (
		head.type === 'link' &&
		(isTalkPage(safeUrl((head as Tokens.Link).href)) || isVideo(safeUrl((head as Tokens.Link).href)))
	)
		return null;
	if (separator.type !== 'text') return null;
	const lead = /^\s*(?:[:：]|--|[-–—])\s*/.exec(separator.raw);
	if (!lead) return null;
	const after = separator.raw.slice(lead[0].length);
	const link = after.trim() === '' && rest[0]?.type === 'link' ? (rest[0] as Tokens.Link) : null;
	// The title runs to a sentence's end, a ` - ` before a remark, or the link's end.
	const text = link ? fold(inlineText(link.tokens)) : fold(after.split(/\s[-–—]\s|(?<=[a-z]{2})[.!](?:\s|$)/)[0]!);
	const title = stripQuotes(text.replace(/(?<![\s,;:])[\s,;:]+$/, ''));
	if (
		title === '' ||
		personScore(title) === 2 ||
		looksLikeSpeakers(title) ||
		!isTitleLike(title) ||
		isRole(title) ||
		isArtifactLabel(title)
	)
		return null;
	return {
		title,
		speakers: name,
		url: link ? safeUrl(link.href) : null,
		note: null,
		evidence: score === 2 ? 'talk' : 'title',
	};
}

/** Reads one item's inline tokens. */
export function readCandidate(tokens: Token[]): Candidate | null {
	const inline = meaningful(tokens);
	// `🎤 [Title](…)`: a leading emoji or symbol is decoration, not part of the title.
	if (inline[0]?.type === 'text' && /^[^\p{L}\p{N}]+$/u.test(inline[0].raw.trim()) && inline.length > 1) inline.shift();
	else if (inline[0]?.type === 'text') {
		const text = inline[0] as Tokens.Text;
		const stripped = text.raw.replace(/^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]+/u, '');
		if (stripped !== text.raw && stripped !== '')
			inline[0] = {...text, raw: stripped, text: stripped, tokens: undefined} as Tokens.Text;
	}
	// `9:15 a.m. (50m) [Title](…)`, `10:00-10:40 Title`: the slot in front is the schedule's, not the title's.
	if (inline[0]?.type === 'text') {
		const text = inline[0] as Tokens.Text;
		const slot = TIME_SLOT.exec(text.raw);
		if (slot) {
			const rest = text.raw.slice(slot[0].length);
			if (rest.trim() === '') inline.shift();
			else inline[0] = {...text, raw: rest, text: rest, tokens: undefined} as Tokens.Text;
			if (slot[1] !== undefined && inline.length > 0) {
				const found = readUnslotted(inline);
				if (found) found.slotted = true;
				return found;
			}
		}
	}
	return readUnslotted(inline);
}

/** Reads an item's inline tokens once decoration and time slot are off. */
function readUnslotted(inline: Token[]): Candidate | null {
	if (inline.length === 0) return null;
	const speakerFirst = speakerThenLink(inline) ?? nameThenTitle(inline);
	if (speakerFirst) return speakerFirst;
	// `Watch ["Title"](…) by Ann Lee`: a quoted link is the title, whatever leads up to it.
	const quoted = inline.findIndex(
		(token) => token.type === 'link' && isQuoted(inlineText((token as Tokens.Link).tokens)),
	);
	if (quoted > 0) {
		const after = inline.slice(quoted + 1);
		const found = fromLink(
			inline[quoted] as Tokens.Link,
			after,
			inlineText(after.filter((token) => token.type !== 'em')),
		);
		if (found && found.speakers === null) {
			// `… attended Gene Kim’s presentation ["Title"](…)`: the speaker in the sentence leading up to it.
			const before = inlineText(inline.slice(0, quoted)).replace(/\s+/g, ' ');
			const sentence = before.slice(
				Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! ')) + 1,
			);
			const named = speakersInText(sentence);
			if (named.length > 0) {
				found.speakers = named.at(-1)!;
				found.evidence = 'talk';
			}
		}
		return found;
	}
	const head = inline[0]!;
	const rest = inline.slice(1);
	const restText = inlineText(rest.filter((token) => token.type !== 'em'));
	if (head.type === 'link') return fromLink(head as Tokens.Link, rest, restText);
	if (head.type === 'strong' || head.type === 'em') return fromEmphasis(head, rest, restText);
	return fromPlain(inline);
}

function fromLink(link: Tokens.Link, rest: Token[], restText: string): Candidate | null {
	const text = inlineText(link.tokens);
	const url = safeUrl(link.href);
	// A bare URL, or a talk's own link (`slides`), names no talk.
	if (isArtifactLabel(text) || text.trim() === link.href.trim())
		return {title: fold(text), speakers: null, url, note: null, evidence: 'none'};
	// `[Amjith Ramanujam - Awesome Command Line Tools](video)`: the speaker first inside the link
	// (first of all when the siblings that name people put them first).
	// (Only for a recording or a talk page, or beside siblings written so: `[Martin Fowler - Microservices](article)` is an article.)
	const first = isVideo(url) || isTalkPage(url) || readingLeniently() ? splitSpeakerFirst(fold(text)) : null;
	const byTail = readingNamesFirst() && first ? null : splitTitle(text);
	let split = byTail === null || byTail.speakers === null ? (first ?? byTail ?? splitTitle(text)) : byTail;
	// `[Title, Ann Lee](video)`: a recording or talk page whose text ends with a person's name after a comma.
	if (split.speakers === null && (isVideo(url) || isTalkPage(url))) {
		const folded = fold(text);
		const comma = folded.lastIndexOf(', ');
		const head = folded.slice(0, Math.max(comma, 0));
		const tail = folded.slice(comma + 2);
		if (comma > 0 && personScore(tail) === 2 && isTitleLike(head)) split = {title: head, speakers: tail};
	}
	const paren = /^\s*\(([^()]+)\)\s*$/.exec(restText)?.[1];
	const parenSpeakers = paren !== undefined && /[,&]/.test(paren) && looksLikeSpeakers(paren) ? paren.trim() : null;
	const speakers = split.speakers ?? speakersAfter(restText) ?? parenSpeakers;
	const note =
		parenSpeakers !== null
			? noteOf(rest.filter((token) => token.type === 'em'))
			: noteOf(
					rest.filter((token) => token.type === 'em' || (token.type === 'text' && /^\s*\(.*\)\s*$/.test(token.raw))),
				);
	// `[Joe Armstrong](…/speaker/Joe+Armstrong) gave…`: a link naming a person is the person's page, not a talk.
	const person =
		split.speakers === null &&
		(personScore(split.title) === 2 || (personScore(split.title) === 1 && /\/speakers?\//i.test(url ?? '')));
	const evidence = person
		? 'none'
		: speakers !== null || isTalkPage(url)
			? 'talk'
			: (isVideo(url) || url === null) && isTitleLike(split.title)
				? 'title'
				: 'none';
	if (split.title === '') return null;
	const linkedTitle = evidence === 'none' && !person && isTitleLike(split.title) && !isBreak(split.title);
	const anchor = link.href.trim().startsWith('#');
	return {
		title: stripQuotes(split.title),
		speakers,
		url,
		note,
		evidence: isBreak(split.title) ? 'none' : evidence,
		...(linkedTitle ? {linkedTitle} : {}),
		...(anchor ? {anchor} : {}),
	};
}

function fromEmphasis(head: Token, rest: Token[], restText: string): Candidate | null {
	const title = stripQuotes(
		fold(inlineText([head]))
			.replace(/[:：]$/, '')
			.trim(),
	);
	if (title === '') return null;
	// `**YouTube:** [link](…)`, `**Slides**: TBD`: a talk's own field, never a talk.
	if (isArtifactLabel(title)) return {title, speakers: null, url: null, note: null, evidence: 'none'};
	// `**Keynote:** Title by Ann Lee`, `*Track B:* [Title](…)`: the kind or slot first, the talk after it.
	if (SLOT_LABEL.test(title) && (/[:：]\s*$/.test(inlineText([head])) || /^\s*[:：–—-]\s*\S/.test(restText))) {
		const tail = rest.map((token, index) => {
			if (index !== 0 || token.type !== 'text') return token;
			const cut = token.raw.replace(/^\s*[:：–—-]?\s*/, '');
			return {...token, raw: cut, text: cut, tokens: undefined} as Tokens.Text;
		});
		const after = readCandidate(tail);
		if (after && after.evidence !== 'none' && isTitleLike(after.title)) return after;
	}
	const inner = findLink([head]);
	const innerUrl = inner ? safeUrl(inner.href) : null;
	const split = inner ? {title, speakers: null} : splitTitle(title);
	// `**Title** (Lina Park, CNCF): summary`: speakers in parentheses right after the title.
	const paren = /^\s*\(([^()]+)\)/.exec(restText)?.[1];
	const parenSpeakers = paren !== undefined && looksLikeSpeakers(paren) ? paren.trim() : null;
	// `**"Title"** ▣ include video.html` then `Ann Lee` on the item's next line.
	const nextLine = restText
		.split('\n')
		.slice(1)
		.map((line) => line.trim())
		.find((line) => line !== '');
	const lineSpeakers =
		nextLine && nextLine.length <= 80
			? looksLikeSpeakers(nextLine.replace(/^(?:by|with|speakers?:)\s+/i, ''))
				? nextLine.replace(/^(?:by|with|speakers?:)\s+/i, '')
				: // (`Speaker: Ann Lee and the Acme team`: after `Speaker:`, the names up to the words that go on.)
					/^(?:by|speakers?:)\s/i.test(nextLine)
					? speakersAfter(nextLine)
					: null
			: null;
	// (`**Title** av *Ann Lee* handlade om…`: an emphasised name after the word for `by`.)
	const emphasisedBy = /^\s*(?:by|av|af|von|par|por|door)\s*$/i.test(inlineText(rest.slice(0, 1)))
		? rest[1]?.type === 'em' || rest[1]?.type === 'strong'
			? fold(inlineText([rest[1]!]))
			: null
		: null;
	const speakers =
		split.speakers ??
		speakersAfter(restText.split('\n')[0]!) ??
		(emphasisedBy !== null && personScore(emphasisedBy) > 0 ? emphasisedBy : null) ??
		parenSpeakers ??
		lineSpeakers;
	// Without speakers, a parenthesised remark after the title is its note: `_Keynote_ (missed)`.
	const remark = speakers ? null : /^\s*\(([^()]*)\)\s*$/.exec(restText)?.[1]?.trim();
	const restLinks = allLinks(rest);
	const onlyArtifacts = restLinks.length > 0 && restLinks.every((link) => isArtifactLabel(inlineText(link.tokens)));
	const url = innerUrl ?? (restLinks[0] ? safeUrl(restLinks[0].href) : null);
	const plainRest = restText
		.replace(/\([^()]*\)/g, '')
		.replace(/[,\s]+/g, ' ')
		.trim();
	let evidence: Candidate['evidence'] = 'none';
	const recorded = /▣ (?:include\s+\S*video|youtube|vimeo|video)/i.test(restText) || isVideo(url);
	if (speakers !== null || isTalkPage(url) || ((onlyArtifacts || recorded) && isTitleLike(split.title)))
		evidence = 'talk';
	else if (isTitleLike(split.title) && (plainRest === '' || remark)) evidence = 'title';
	// `**Title** - what I made of it`: a title-shaped head before other words, a talk only beside talks.
	const lead = evidence === 'none' && split.title.includes(' ') && isTitleLike(split.title) && !isBreak(split.title);
	return {
		title: split.title,
		speakers,
		url,
		note: noteOf(rest.filter((token) => token.type === 'em')) ?? (remark || null),
		evidence,
		...(lead ? {linkedTitle: true} : {}),
	};
}

/** `« Title » : Ann Lee nous a montré…`, `"Title" - Ann Lee`: a quoted title first, then who gave it. */
function quotedFirst(text: string): {title: string; speakers: string | null} | null {
	const trimmed = text.trim();
	const close = {'«': '»', '"': '"', '“': '”'}[trimmed[0] ?? ''];
	if (!close) return null;
	const end = trimmed.indexOf(close, 1);
	if (end < 3 || end > 200) return null;
	const title = trimmed.slice(1, end).trim();
	const rest = trimmed.slice(end + 1).replace(/^\s*(?:[:\-–—,]|by\b)?\s*/, '');
	const words = rest.split(/\s+/);
	const run: string[] = [];
	for (const word of words) {
		if (run.length >= 4 || !/^\p{Lu}[\p{L}'’.-]*$/u.test(word)) break;
		run.push(word);
	}
	const named = run.join(' ');
	const speakers = personScore(named) > 0 ? named : (speakersInText(rest)[0] ?? null);
	return {title, speakers};
}

function fromPlain(all: Token[]): Candidate | null {
	// A bare URL (`https://youtu.be/…` on the title's next line) is the talk's link, not its text.
	const bare = all.find(
		(token): token is Tokens.Link =>
			token.type === 'link' && (token as Tokens.Link).text.trim() === (token as Tokens.Link).href.trim(),
	);
	const inline = bare ? all.filter((token) => token !== bare) : all;
	const last = inline.length - 1;
	// A trailing italic remark: `Keynote _(missed it)_`.
	const noteStart = last > 0 && inline[last]!.type === 'em' ? last : inline.length;
	let text = fold(inlineText(inline.slice(0, noteStart)));
	let note = noteOf(inline.slice(noteStart));
	const paren = trailingParen(text);
	let parenSpeakers: string | null = null;
	if (paren && note === null && !looksLikeSpeakers(paren[1])) {
		text = paren[0];
		note = noteOf([{type: 'text', raw: paren[1], text: paren[1]} as Tokens.Text]);
	} else if (paren) {
		// `Scaling Etcd (Ann Lee, Acme)`, `Title (Ann Lee)`: the speakers in parentheses.
		text = paren[0];
		parenSpeakers = paren[1].trim();
	}
	if (text === '') return null;
	const link = findLink(inline) ?? bare ?? null;
	const url = link ? safeUrl(link.href) : null;
	let {title, speakers} = parenSpeakers === null ? splitTitle(text) : {title: text, speakers: parenSpeakers};
	// `Ann Lee: Contributing to SIG Docs`: a person's name (Capitalised words, not `Argo CD`) before a colon.
	const colon = /^((?:\p{Lu}\p{Ll}+\s){1,2}\p{Lu}\p{Ll}+):\s+(\S.*)$/u.exec(text);
	// (`Ann Lee: Title - what I made of it`: the title ends where a remark starts, when the whole reads as one.)
	const colonTitle = colon
		? isTitleLike(colon[2]!)
			? colon[2]!
			: fold(colon[2]!.split(/\s[-–—]\s|(?<=[a-z]{2})[.!](?:\s|$)/)[0]!)
		: '';
	if (
		speakers === null &&
		colon &&
		!TITLE_HEADS.test(colon[1]!) &&
		isTitleLike(colonTitle) &&
		!looksLikeSpeakers(colonTitle) &&
		(colonTitle === colon[2] || personScore(colon[1]!) === 2)
	)
		({title, speakers} = {title: colonTitle, speakers: colon[1]!});
	if (speakers === null) {
		const first = splitSpeakerFirst(text) ?? quotedFirst(text);
		if (first) ({title, speakers} = first);
	}

	if (speakers === null) {
		// `Title by Ann Lee`; not `Wikis - invented by Ward Cunningham` (a participle before `by` is a sentence).
		const at = text.indexOf(' by ');
		const head = at > 0 ? text.slice(0, at).trim() : '';
		const tail = at > 0 ? text.slice(at + 4).trim() : '';
		if (at > 0 && !/ed$/.test(head.split(' ').at(-1) ?? '') && looksLikeSpeakers(tail))
			({title, speakers} = {title: head, speakers: tail});
	}
	// `Timothy St. Clair - Senior Staff Engineer, VMware`, `Bryan Liles - Sr Staff Eng`: a person introduced, not a talk.
	const introduced = /\s[-–—]\s/.exec(text);
	if (
		personScore(title) === 2 ||
		(introduced &&
			personScore(text.slice(0, introduced.index)) === 2 &&
			isRole(text.slice(introduced.index + introduced[0].length)))
	)
		return {title, speakers: null, url, note, evidence: 'none'};
	if (speakers !== null && !isProse(title)) return {title, speakers, url, note, evidence: 'talk'};
	if (link && isArtifactLabel(inlineText(link.tokens)) && isTitleLike(title.split(/[-–—:(]/)[0]!.trim())) {
		// `Keynote - [slides](…)`: the title is what comes before its links.
		const own = fold(cutAtArtifacts(title));
		// `Title (Ann Lee): [Slides](…), [Video](…)`: the speakers in parentheses, the links its own.
		const inParens = trailingParen(own.replace(/(?<![:\s])[:\s]+$/, ''));
		if (inParens && looksLikeSpeakers(inParens[1]))
			return {title: inParens[0], speakers: inParens[1].trim(), url: artifactUrl(inline), note, evidence: 'talk'};
		return {
			title: own.replace(/(?<![:\s])[:\s]+$/, ''),
			speakers: null,
			url: artifactUrl(inline),
			note,
			evidence: 'title',
		};
	}
	return {
		title,
		speakers: null,
		url,
		note,
		evidence:
			isTalkPage(url) && !isProse(title) ? 'talk' : (!link || link === bare) && isTitleLike(title) ? 'title' : 'none',
	};
}

/** The text before a talk's own links (`Title - slides, video`): a scan for the first artifact word. */
function cutAtArtifacts(title: string): string {
	const match = /\b(?:slides?|video|replay|recording|abstract)\b/i.exec(title);
	if (!match) return title;
	return title.slice(0, match.index).replace(/(?<![\s\-–—:(])[\s\-–—:(]+$/, '');
}

/** `Title (remark)` as `[title, remark]`: the last parenthesis closing the text, found by a scan. */
function trailingParen(text: string): [string, string] | null {
	const trimmed = text.trimEnd();
	if (!trimmed.endsWith(')')) return null;
	const open = trimmed.lastIndexOf('(');
	if (open <= 0 || trimmed.indexOf(')', open) !== trimmed.length - 1) return null;
	const head = trimmed.slice(0, open).trimEnd();
	return head === '' ? null : [head, trimmed.slice(open + 1, -1)];
}

/** The url of a talk from its nested links (`* [Read the abstract](…)`), when it has none. */
export function nestedArtifactUrl(tokens: Token[]): string | null {
	return artifactUrl(tokens);
}
