/** Items that name the person first: `Ann Lee - [Title](…)`, `**Ann Lee**: Title`. Split from items.ts. */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isArtifactLabel, isProse, isTalkPage, isTitleLike, isVideo, isRole} from './evidence.js';
import {personScore} from './people.js';
import {looksLikeSpeakers} from './speakers.js';
import {fold, noteOf, safeUrl, stripQuotes, type Candidate} from './item-text.js';

/** `Ann Lee - [Title](…)`, `Ann Lee: ["Title"](…)`: a person's name, a separator, the talk's link. */
export function speakerThenLink(inline: Token[]): Candidate | null {
	const [head, link] = inline;
	if (head?.type !== 'text' || link?.type !== 'link') return null;
	const match = /^(.{2,80}?)\s*(?:--|[-–—:])\s*$/.exec(head.raw);
	if (!match || personScore(match[1]!.replace(/\([^()]{1,60}\)$/, '').trim()) === 0) return null;
	const title = stripQuotes(fold(inlineText((link as Tokens.Link).tokens)));
	// (A recording's or talk page's link text is the title as the programme has it: `Click: A Pleasure to Use`,
	// `Python for science and stuff!` read as titles there, short of a paragraph's length.)
	const url = safeUrl((link as Tokens.Link).href);
	const recorded = isVideo(url) || isTalkPage(url);
	const prose = recorded ? title.split(/\s+/).length > 24 || /^\p{Ll}/u.test(title) : isProse(title);
	if (title === '' || isArtifactLabel(title) || personScore(title) === 2 || prose) return null;
	const rest = inline.slice(2);
	// `Madam Sandi Tells Your Future by Sandi Metz`: the video's title repeats the speaker.
	const speaker = match[1]!.trim();
	const by = title.lastIndexOf(' by ');
	const own = by > 0 && title.slice(by + 4).trim() === speaker ? title.slice(0, by).trim() : title;
	return {
		title: own,
		speakers: speaker,
		url,
		note: noteOf(rest.filter((token) => token.type === 'em')),
		evidence: 'talk',
	};
}

/**
 * `**Ann Lee**: Title`, `[Ann Lee](…) - [Title](…)`, `*Ann Lee*: Title, what I made of it`: a
 * person's name set apart (bold, italic or linked), a separator, then the talk's title.
 */
export function nameThenTitle(inline: Token[]): Candidate | null {
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
