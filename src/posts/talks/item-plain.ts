/** Items of plain text: `Title - Ann Lee`, `Ann Lee: Title`, `Title (Ann Lee)`, `Title by Ann Lee`. Split from items.ts. */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isArtifactLabel, isProse, isTalkPage, isTitleLike, isRole} from './evidence.js';
import {personScore, speakersInText} from './people.js';
import {looksLikeSpeakers} from './speakers.js';
import {
	artifactUrl,
	findLink,
	fold,
	noteOf,
	safeUrl,
	splitSpeakerFirst,
	splitTitle,
	type Candidate,
} from './item-text.js';

/** Words that start a title before a colon, never a person: `Lightning Talk: …`, `Deep Dive: …`. */
const TITLE_HEADS =
	/\b(?:Talk|Keynote|Panel|Workshop|Tutorial|Intro|Introduction|Deep|Dive|Session|Lightning|Update|Case|Study|Project|Maintainer|Track|Day|Part)\b/;

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

export function fromPlain(all: Token[]): Candidate | null {
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
