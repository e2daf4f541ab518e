import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, listItemLines, type SourceBlock} from '../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../markdown/sanitize.js';
import {looksLikeSpeakers, splitSpeakers} from './speakers.js';
import {isBoldShaped} from './topics.js';
import type {Session} from './types.js';

/** A paragraph or heading that introduces a session list, or names its day. */
const LEAD_IN = /\b(sessions?|talks?|attended|keynotes?|schedule|agenda|tracks?|workshops?|day\s*\d+|(first|second|third|fourth|fifth|last|final)\s+day|day\s+(one|two|three|four|five)|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/i;

/** A note saying the author could not attend: the talk is left to watch later. */
const MISSED = /\b(couldn['’]?t|could not|can['’]?t|cannot|didn['’]?t|did not|wasn['’]?t able|unable|not able|missed|skipped|no room|room (was )?full|full room|not attend|to watch|watch (it )?later)\b/i;

const TALK_HOST = /^https?:\/\/([\w-]+\.)*(sched\.com|sched\.co|sessionize\.com|pretalx\.com|events\.linuxfoundation\.org)\b/i;

const ORDINALS: Record<string, number> = {first: 1, one: 1, second: 2, two: 2, third: 3, three: 3, fourth: 4, four: 4, fifth: 5, five: 5};

/** `Sessions I attended on the first day:` -> 1; `Day 2` -> 2; null when no day is named. */
export function dayNumber(text: string): number | null {
	const digits = /\bday\s*(\d{1,2})\b/i.exec(text);
	if (digits) return Number(digits[1]);
	const ordinal = /\b(first|second|third|fourth|fifth)\s+day\b|\bday\s+(one|two|three|four|five)\b/i.exec(text);
	const word = ordinal?.[1] ?? ordinal?.[2];
	return word ? ORDINALS[word.toLowerCase()]! : null;
}

/** A heading or paragraph that may name the group of the list below it; its text is read lazily. */
type Grouping = {readonly text: string; isHeading: boolean};

function lazyGrouping(token: Token, isHeading: boolean): Grouping {
	let text: string | undefined;
	return {
		get text() {
			text ??= inlineText(inlineTokens(token)).trim();
			return text;
		},
		isHeading,
	};
}

function groupLabel(groupings: Grouping[]): {day: string | null; dayNumber: number | null} {
	for (const grouping of groupings) {
		const number = dayNumber(grouping.text);
		if (number !== null) return {day: `Day ${number}`, dayNumber: number};
	}
	for (const grouping of groupings) {
		const label = grouping.text.replace(/[:.]\s*$/, '').trim();
		// A heading names its group; a lead-in sentence only when it is short enough to be a label.
		if (label !== '' && (grouping.isHeading || label.length <= 32)) return {day: label, dayNumber: null};
	}
	return {day: null, dayNumber: null};
}

/** The parts of one bullet, before it is known whether its list is a session list. */
type Bullet = {title: string; speakers: string | null; url: string | null; note: string | null; isTalkLink: boolean};

function readBullet(item: Tokens.ListItem): Bullet | null {
	const first = item.tokens.find(token => token.type === 'text' || token.type === 'paragraph');
	const inline = inlineTokens(first).filter(token => !(token.type === 'text' && token.raw.trim() === ''));
	if (inline.length === 0) return null;
	const head = inline[0]!;
	const rest = inline.slice(1);
	const firstLink = findLink(inline);
	if (head.type === 'link') {
		const link = head as Tokens.Link;
		const {title, speakers} = splitTitle(inlineText(link.tokens));
		const url = safeUrl(link.href);
		return {title, speakers, url, note: noteOf(rest), isTalkLink: (url !== null && TALK_HOST.test(url)) || speakers !== null};
	}
	if (head.type === 'strong' || head.type === 'em') {
		// `**Title** by Speaker ([slides](…), [video](…))`, and the same with an italic title.
		const after = inlineText(rest);
		const by = /^\s*(?:by|with|[-–—])\s+([^([]+)/i.exec(after);
		// Speakers end where a link or a dash before one starts: `by Bob Ray — https://…`.
		const speakers = by ? by[1]!.split(/\s+[-–—]\s+|\s*\b(?:https?:\/\/|mailto:)/)[0]!.trim().replace(/[,.]$/, '') : null;
		// Without speakers, a parenthesised remark after the title is its note: `_Keynote_ (missed)`.
		const remark = by ? null : /^\s*\(([^()]*)\)\s*$/.exec(after)?.[1]?.trim();
		return {
			title: inlineText([head]).trim(),
			speakers: speakers === '' ? null : speakers,
			url: firstLink ? safeUrl(firstLink.href) : null,
			note: noteOf(rest.filter(token => token.type === 'em')) ?? (remark || null),
			isTalkLink: speakers !== null || firstLink !== null,
		};
	}
	const noteStart = trailingNoteStart(inline);
	const {title, speakers} = splitTitle(inlineText(inline.slice(0, noteStart)).trim());
	if (title === '') return null;
	return {title, speakers, url: firstLink ? safeUrl(firstLink.href) : null, note: noteOf(inline.slice(noteStart)), isTalkLink: false};
}

function findLink(tokens: Token[]): Tokens.Link | null {
	for (const token of tokens) {
		if (token.type === 'link') return token as Tokens.Link;
		if ('tokens' in token && Array.isArray(token.tokens)) {
			const inner = findLink(token.tokens);
			if (inner) return inner;
		}
	}
	return null;
}

function safeUrl(href: string): string | null {
	return isSafeUrl(href) ? sanitizeText(href.trim()) : null;
}

/** Title and speakers split at the last ` - ` (a title may itself hold ` - ` or `:`). */
function splitTitle(text: string): {title: string; speakers: string | null} {
	// Greedy first group: the split is at the last dash. Speakers stay as written, spacing included.
	const match = /^([\s\S]*\S)\s+[-–—]\s+(\S[\s\S]*)$/.exec(text.trim());
	if (match && looksLikeSpeakers(match[2]!)) return {title: fold(match[1]!), speakers: match[2]!.trim()};
	return {title: fold(text), speakers: null};
}

function fold(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Index of a trailing italic remark in a plain bullet (`Keynote _(missed it)_`), or the end. */
function trailingNoteStart(inline: Token[]): number {
	const last = inline.length - 1;
	return last > 0 && inline[last]!.type === 'em' ? last : inline.length;
}

/** A trailing italic or parenthesised remark: `_(room full)_`, `(room full)`, `*great talk*`. */
function noteOf(tokens: Token[]): string | null {
	const text = inlineText(tokens.filter(token => token.type !== 'link'))
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[-–—:,]\s*/, '')
		.replace(/^\((.*)\)$/, '$1')
		.replace(/^\(\s*[,\s]*\)$/, '')
		.trim();
	return text === '' ? null : text;
}

/** Sessions of a body: every bullet of its session lists, with the day it sits under. */
export function extractSessions(blocks: SourceBlock[], postId: string, bodyLineOffset: number): Session[] {
	const sessions: Session[] = [];
	let heading: Grouping | null = null;
	let previous: Grouping | null = null;
	for (const block of blocks) {
		const {token} = block;
		if (token.type === 'space' || token.type === 'def') continue;
		if (token.type === 'list') {
			const leadIn = previous && LEAD_IN.test(previous.text) ? previous : null;
			const groupings = [leadIn, heading].filter((grouping): grouping is Grouping => grouping !== null);
			collectList(token as Tokens.List, block.line, groupings, leadIn !== null || (heading !== null && LEAD_IN.test(heading.text)), sessions, postId, bodyLineOffset);
			previous = null;
			continue;
		}
		if (token.type === 'heading') {
			heading = lazyGrouping(token, true);
			previous = heading;
		} else if (token.type === 'paragraph') {
			// A bold-only paragraph is a topic: it groups like a heading does.
			const isBoldTopic = isBoldShaped(token.raw) && inlineTokens(token).every(inner => inner.type === 'strong' || inner.raw.trim() === '');
			previous = lazyGrouping(token, isBoldTopic);
			if (isBoldTopic) heading = previous;
		} else {
			previous = null;
		}
	}
	return sessions;
}

function collectList(
	list: Tokens.List,
	line: number,
	groupings: Grouping[],
	hasLeadIn: boolean,
	into: Session[],
	postId: string,
	bodyLineOffset: number,
): void {
	const itemLines = listItemLines(list, line);
	const bullets = list.items.map(readBullet);
	const talkLinks = bullets.filter(bullet => bullet?.isTalkLink).length;
	// Ordinary link lists ("See also:") are not sessions: a list counts when most of its items are
	// talk links, or when it follows a lead-in that announces sessions.
	const isSessionList = hasLeadIn || talkLinks * 2 > list.items.length;
	list.items.forEach((item, index) => {
		const nested = item.tokens.find((token): token is Tokens.List => token.type === 'list');
		const bullet = bullets[index];
		const itemLine = itemLines[index]!;
		if (nested && (!bullet || !bullet.isTalkLink)) {
			// `* Day 1` with the talks nested under it: the item names the group.
			const label = bullet ? bullet.title : '';
			const nestedLine = itemLine + item.raw.slice(0, item.raw.indexOf(nested.raw)).split('\n').length - 1;
			collectList(nested, nestedLine, [{text: label, isHeading: true}, ...groupings], hasLeadIn || LEAD_IN.test(label), into, postId, bodyLineOffset);
			return;
		}
		if (!isSessionList || !bullet) return;
		const split = bullet.speakers ? splitSpeakers(bullet.speakers) : {people: [], organizations: []};
		into.push({
			title: bullet.title,
			speakers: bullet.speakers,
			...split,
			url: bullet.url,
			...groupLabel(groupings),
			note: bullet.note,
			missed: bullet.note !== null && MISSED.test(bullet.note),
			postId,
			line: itemLine,
			fileLine: itemLine + bodyLineOffset,
		});
	});
}
