/** Items that start with a link: `[Title](…) by Ann Lee`, `[Title - Ann Lee](video)`. Split from items.ts. */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isArtifactLabel, isBreak, isGenericMention, isTalkPage, isTitleLike, isVideo} from './evidence.js';
import {personScore} from './people.js';
import {looksLikeSpeakers, readingLeniently, readingNamesFirst} from './speakers.js';
import {
	fold,
	noteOf,
	safeUrl,
	speakersAfter,
	splitSpeakerFirst,
	splitTitle,
	stripQuotes,
	type Candidate,
} from './item-text.js';

export function fromLink(
	link: Tokens.Link,
	rest: Token[],
	restText: string,
	/** The line after the link when the link is its line's whole text. */
	nextLine: string | null = null,
): Candidate | null {
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
		// (A name's shape is enough beside siblings that name people: `[Title, Max Brunsfeld](video)`.)
		const named = personScore(tail) === 2 || (personScore(tail) === 1 && readingLeniently());
		if (comma > 0 && named && isTitleLike(head)) split = {title: head, speakers: tail};
	}
	// `[Hypermedia APIs - Less Hype, More Media](…) by Ann Lee`: a `by` after the link says whose it is,
	// and the whole link is the title.
	const byAfter = /^\s*(?:by|presented\s+by)\s/i.test(restText) ? speakersAfter(restText) : null;
	if (byAfter !== null && split.speakers !== null) split = {title: fold(text), speakers: null};
	// `[Title](video)` alone on its line, `Ann Lee` on the next (a recording or talk page, or a known name).
	const below =
		nextLine !== null &&
		nextLine.length <= 80 &&
		looksLikeSpeakers(nextLine) &&
		(isVideo(url) || isTalkPage(url) || personScore(nextLine) === 2)
			? nextLine
			: null;
	const paren = /^\s*\(([^()]+)\)\s*$/.exec(restText)?.[1];
	const parenSpeakers = paren !== undefined && /[,&]/.test(paren) && looksLikeSpeakers(paren) ? paren.trim() : null;
	const speakers =
		split.speakers ?? speakersAfter(restText) ?? parenSpeakers ?? (split.speakers === null ? below : null);
	const note =
		parenSpeakers !== null
			? noteOf(rest.filter((token) => token.type === 'em'))
			: noteOf(
					rest.filter((token) => token.type === 'em' || (token.type === 'text' && /^\s*\(.*\)\s*$/.test(token.raw))),
				);
	// `[Joe Armstrong](…/speaker/Joe+Armstrong) gave…`: a link naming a person is the person's page, not a talk;
	// nor is a repository named by its own name, nor a mention of a keynote by its kind.
	// `[Watch DHH’s Keynote](…)` names a speaker's talk by its kind only, with no title.
	// `[tfortools](https://github.com/intel/tfortools) by Mark Ryan`: a repository named by its own name is a tool.
	const repository =
		/^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/[^/?#\s]{1,100}\/([^/?#\s]{1,100})\/?$/i.exec(
			url ?? '',
		)?.[1];
	const namesNoTalk =
		(repository !== undefined && repository.toLowerCase() === fold(text).toLowerCase()) ||
		isGenericMention(split.title) ||
		(split.speakers === null &&
			(personScore(split.title) === 2 || (personScore(split.title) === 1 && /\/speakers?\//i.test(url ?? ''))));
	const evidence = namesNoTalk
		? 'none'
		: speakers !== null || isTalkPage(url)
			? 'talk'
			: (isVideo(url) || url === null) && isTitleLike(split.title)
				? 'title'
				: 'none';
	if (split.title === '') return null;
	const linkedTitle = evidence === 'none' && !namesNoTalk && isTitleLike(split.title) && !isBreak(split.title);
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
