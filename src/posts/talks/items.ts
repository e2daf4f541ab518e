/**
 * One item (a bullet, a paragraph, a table row) read as a candidate talk: decoration and a time
 * slot off, then read by the shape it starts with (item-names, item-links, item-emphasis, item-plain).
 */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isTalkPage, isVideo} from './evidence.js';
import {speakersInText} from './people.js';
import {artifactUrl, isQuoted, meaningful, safeUrl, type Candidate} from './item-text.js';
import {speakerThenLink, nameThenTitle} from './item-names.js';
import {fromLink} from './item-links.js';
import {fromEmphasis} from './item-emphasis.js';
import {fromPlain} from './item-plain.js';

export {findLink, meaningful, noteOf, splitSpeakerFirst, splitTitle, stripQuotes, type Candidate} from './item-text.js';

/** A time slot before an item: `9:15 a.m. (50m) `, `10:00 - 10:40: `, `14h30 `. */
const TIME_SLOT =
	/^\s{0,3}\d{1,2}(?:[:.]\d{2}|h\d{0,2})(?:\s?[ap]\.?m\.?)?(\s?[-–]\s?\d{1,2}(?:[:.]\d{2}|h\d{0,2})(?:\s?[ap]\.?m\.?)?)?(?:\s\(\d{1,3}\s?(?:m|min|mins|minutes|h)\))?[\s:,|-]{1,4}(?=\S|$)/i;

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
				const found = readUnslotted(inline, null);
				if (found) found.slotted = true;
				return found;
			}
		}
	}
	return readUnslotted(inline, lineAfterLink(tokens));
}

/** `[Title](…)` alone on its line, then `Ann Lee` on the next: that next line, else null. */
function lineAfterLink(tokens: Token[]): string | null {
	const at = tokens.findIndex((token) => !(token.type === 'text' && token.raw.trim() === ''));
	if (tokens[at]?.type !== 'link') return null;
	const after = tokens
		.slice(at + 1, at + 8)
		.map((token) => (token.type === 'br' ? '\n' : token.type === 'image' ? '' : inlineText([token])))
		.join('');
	const lines = after.split('\n', 3);
	return lines.length >= 2 && lines[0]!.trim() === '' ? lines[1]!.trim() : null;
}

/** A topic label of one to four words before an item's link: `Testing: `, `From Papers We Love: `. */
const TOPIC_LABEL = /^\s{0,3}\p{L}[\p{L}\p{N}&/'’-]{0,20}(?: [\p{L}\p{N}&/'’-]{1,20}){0,3}:\s{1,3}$/u;

/** Reads an item's inline tokens once decoration and time slot are off. */
function readUnslotted(inline: Token[], nextLine: string | null): Candidate | null {
	if (inline.length === 0) return null;
	// `Testing: [Ann Lee - Title](video)`: a short topic label before a recording or talk page is the list's, not the title's.
	const [label, link] = inline;
	if (
		label?.type === 'text' &&
		link?.type === 'link' &&
		TOPIC_LABEL.test(label.raw) &&
		(isVideo(safeUrl((link as Tokens.Link).href)) || isTalkPage(safeUrl((link as Tokens.Link).href)))
	)
		return readUnslotted(inline.slice(1), null);
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
	if (head.type === 'link') return fromLink(head as Tokens.Link, rest, restText, nextLine);
	if (head.type === 'strong' || head.type === 'em') return fromEmphasis(head, rest, restText, readCandidate);
	return fromPlain(inline);
}

/** The url of a talk from its nested links (`* [Read the abstract](…)`), when it has none. */
export function nestedArtifactUrl(tokens: Token[]): string | null {
	return artifactUrl(tokens);
}
