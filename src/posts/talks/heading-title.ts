/**
 * A heading's text made a title: numbering, a session slot or code and quotes around it taken off,
 * and two talks written in one heading told apart. Split from headings.ts, which weighs the evidence.
 */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../../markdown/sanitize.js';
import {isTalkPage} from './evidence.js';
import {peopleOf} from './people.js';

const safeUrl = (href: string | undefined) =>
	href !== undefined && isSafeUrl(href) ? sanitizeText(href.trim()) : null;
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `1. `, `1) `, `1-) `, `#3 - `: numbering in front of a title. */
export function stripNumbering(text: string): string {
	// `1. `, `1-) `, `Talk 3: `: a place in a list, not the title.
	const match = /^(?:#?\d{1,3}\s?[-.):]{1,3}\)?\s+|(?:talk|session|keynote)\s?#?\d{1,3}\s?[:.)\-–]\s+)/i.exec(text);
	return match ? text.slice(match[0].length).trim() : text;
}

const ORDINALS = new Set([
	'first',
	'second',
	'third',
	'fourth',
	'fifth',
	'sixth',
	'seventh',
	'eighth',
	'ninth',
	'tenth',
	'last',
	'final',
	'next',
]);

/** `First Session: Title`, `Post-Lunch Third Session - Title`: the slot is not part of the title. */
/** A conference's session code in front of a title: `STG351 - Title`, `DEV307-R: Title`. */
export const SESSION_CODE = /^([A-Z]{2,5}\d{2,4}[A-Z]?(?:-[A-Z]\d?)?)\s{1,3}[-–—:|]\s{1,3}(?=\S)/;

/** A roundup's label before a title: `Shameless plug: Title`, `Bonus: Title`, `Honourable mention - Title`. */
const ROUNDUP_LABEL =
	/^(?:(?:a\s)?shameless\s(?:self[-\s])?plug|self[-\s]plug|bonus(?:\stalk)?|honou?rable\smentions?)\s{0,2}[:\-–—]\s{1,3}(?=\S)/i;

export function stripRoundupLabel(text: string): string {
	const label = ROUNDUP_LABEL.exec(text);
	return label ? text.slice(label[0].length) : text;
}

export function stripSlot(text: string): string {
	const words = text.split(' ');
	for (let index = 0; index < Math.min(4, words.length - 1); index++) {
		const word = words[index]!.toLowerCase();
		const next = words[index + 1]!.toLowerCase().replace(/[:\-–—]$/, '');
		if ((ORDINALS.has(word) || /^\d{1,2}(?:st|nd|rd|th)$/.test(word)) && /^(?:session|slot|talk)$/.test(next)) {
			let rest = words.slice(index + 2);
			if (/[:\-–—]$/.test(words[index + 1]!)) return rest.join(' ');
			if (rest[0] && /^[:\-–—]$/.test(rest[0])) rest = rest.slice(1);
			else return text;
			return rest.join(' ');
		}
	}
	return stripRoom(text);
}

/** `SDN/NFV room - Title`, `Room 101: Title`, `Go devroom – Title`: the room is where, not what. */
function stripRoom(text: string): string {
	for (const separator of [' - ', ' – ', ' — ', ': ']) {
		const at = text.indexOf(separator);
		if (at <= 0) continue;
		const words = text.slice(0, at).trim().split(/\s+/);
		const rest = text.slice(at + separator.length).trim();
		if (words.length <= 4 && rest !== '' && words.some((word) => /^(?:room|devroom|track|stage|hall)$/i.test(word)))
			return rest;
	}
	return text;
}

/** `"Title"`, `“Title”`, `« Title »`: quotes around a whole title are not part of it. */
export function stripQuotes(text: string): string {
	const trimmed = text.trim();
	const pairs: Array<[string, string]> = [
		['"', '"'],
		['“', '”'],
		['«', '»'],
		['„', '“'],
		['‘', '’'],
	];
	for (const [open, close] of pairs) {
		if (trimmed.length > 2 && trimmed.startsWith(open) && (trimmed.endsWith(close) || trimmed.endsWith(`${close}.`))) {
			const inner = trimmed.slice(open.length, trimmed.lastIndexOf(close)).trim();
			if (!inner.includes(open) && !inner.includes(close)) return inner;
		}
	}
	return trimmed;
}

/** `Ann: [A](talk) vs. Bo: [B](talk)` and `"A" et "B"`: two talks in one heading. */
export function twinTalks(
	tokens: Token[],
):
	| [
			{title: string; speakers: string | null; url: string | null},
			{title: string; speakers: string | null; url: string | null},
	  ]
	| null {
	const links = tokens.filter((token) => token.type === 'link') as Tokens.Link[];
	if (links.length === 2 && links.every((link) => isTalkPage(safeUrl(link.href)))) {
		const at = tokens.indexOf(links[1]!);
		const between = fold(inlineText(tokens.slice(tokens.indexOf(links[0]!) + 1, at)));
		const joint = /^(?:vs\.?|versus|\+|and|&|et)\s(.*)$/i.exec(between.replace(/(?<![:\s])[:\s]+$/, ''));
		if (!joint) return null;
		const before = fold(inlineText(tokens.slice(0, tokens.indexOf(links[0]!)))).replace(/(?<![:\s])[:\s]+$/, '');
		const second = joint[1]!.trim();
		return [
			{
				title: stripQuotes(fold(inlineText(links[0]!.tokens))),
				speakers: before && peopleOf(before) ? before : null,
				url: safeUrl(links[0]!.href),
			},
			{
				title: stripQuotes(fold(inlineText(links[1]!.tokens))),
				speakers: second && peopleOf(second) ? second : null,
				url: safeUrl(links[1]!.href),
			},
		];
	}
	const text = fold(inlineText(tokens));
	const quoted = /^["“]([^"“”]{3,120})["”]\s+(?:et|and|&|\+|vs\.?)\s+["“]([^"“”]{3,120})["”]$/.exec(text);
	if (quoted)
		return [
			{title: quoted[1]!, speakers: null, url: null},
			{title: quoted[2]!, speakers: null, url: null},
		];
	return null;
}
