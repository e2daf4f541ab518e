/**
 * One heading per talk, the most common way people write up the talks they saw: the heading is the
 * title, the speaker is in it (`Title - Ann Lee`, `Ann Lee: Title`, `Title by Ann Lee`), on the
 * next line (`by Ann Lee`, `Ann Lee (Acme)`), or in the section's first sentences (`Ann Lee gave…`).
 * Each heading gathers evidence; headings under one parent are decided together.
 */
import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, type SourceBlock} from '../../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../../markdown/sanitize.js';
import {
	announcesTalks,
	isArtifactLabel,
	isBreak,
	isSectionName,
	isTalkPage,
	isTitleLike,
	isVideo,
	mentionsTalk,
	namesDay,
	type Evidence,
} from './evidence.js';
import {findLink, readCandidate} from './items.js';
import {isEchoed, isGivenName, peopleOf, personScore, speakersInText} from './people.js';
import {paragraphTalks, speakersBelow} from './shapes.js';
import {isTitleCaseTitle, looseSplit, nameHeading, nameLine, resolveHandle, splitHeading} from './heading-speakers.js';
import {boldOnlyName} from '../topics.js';
import {SESSION_CODE, stripNumbering, stripQuotes, stripRoundupLabel, stripSlot, twinTalks} from './heading-title.js';
import {onePersonNamed, saysSomeoneSpoke} from './heading-prose.js';

/** A heading read as a possible talk. */
export type HeadingCandidate = {
	/** Index of the heading among the body's blocks. */
	block: number;
	line: number;
	depth: number;
	/** Index (in the candidate list) of the nearest heading above with a smaller depth. */
	parent: number | null;
	/** The heading's text, markup removed. */
	text: string;
	title: string;
	speakers: string | null;
	url: string | null;
	/** How the speaker was read from the heading; speaker-first forms need siblings of the same form. */
	form: 'tail' | 'by' | 'with' | 'paren' | 'first' | 'on' | 'below' | 'body' | null;
	evidence: Evidence[];
	/** Why it cannot be a talk, whatever else it has. */
	excluded: string | null;
	/** The text of the section's own blocks (to the next heading). */
	body: string;
	/** The section's text (for `I missed this talk`). */
	sectionText: string;
	/** A split on the shape of names only (`by Cantino and Stout`): taken when siblings are split alike. */
	loose?: {title: string; speakers: string; form: NonNullable<HeadingCandidate['form']>};
	/** Speakers the section's own text names (`Ann Lee gave…`), whatever the heading says. */
	bodySpeakers?: string[];
	/** The heading reads as a person's name (`Uncle Bob Martin`): whoever spoke, not what the talk was called. */
	nameShaped?: boolean;
	/** Its section opens with a bullet list, as notes taken in a talk do. */
	overNotes?: boolean;
	/** A second talk written in the same heading (`Ann: [A](…) vs. Bo: [B](…)`). */
	twin?: {title: string; speakers: string | null; url: string | null};
};

const safeUrl = (href: string | undefined) =>
	href !== undefined && isSafeUrl(href) ? sanitizeText(href.trim()) : null;
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Session formats that are not one talk: `Lightning talks`, `Grok talks`, `Open spaces`. */
const FORMAT_NAME =
	/^(?:(?:the|some|more|other)\s+)?(?:lightning|grok|flash|ignite|open|unconference|hallway)\s*(?:talks?|spaces?|sessions?|track)?s?$|^(?:(?:panel|audience|open|final)\s+)?(?:q\s?&\s?a|questions(?:\s+and\s+answers)?|ama)$/i;

/** Embeds and links that belong to a recorded or presented talk. */
const EMBED =
	/<iframe\b[^>]{0,400}(?:youtube|vimeo|speakerdeck|slideshare|media\.ccc)|<amp-youtube\b|class="speakerdeck-embed"|▣ (?:youtube|vimeo|video|speakerdeck|slideshare)\b/i;

/** Mostly written in a script without capitals: Chinese, Japanese, Korean. */
const CASELESS = /^[^\p{L}]{0,4}[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The text of a block for evidence: inline text for paragraphs, raw for the rest. */
function blockText(block: SourceBlock): string {
	const token = block.token;
	if (token.type === 'paragraph' || token.type === 'heading') return inlineText(inlineTokens(token));
	if (token.type === 'list')
		return (token as Tokens.List).items
			.map((item) =>
				inlineText(inlineTokens(item.tokens.find((inner) => inner.type === 'text' || inner.type === 'paragraph'))),
			)
			.join('\n');
	return token.raw;
}

function collectLinks(tokens: Token[], out: Tokens.Link[]): void {
	for (const token of tokens) {
		if (token.type === 'link') out.push(token as Tokens.Link);
		else if ('tokens' in token && Array.isArray(token.tokens)) collectLinks(token.tokens, out);
		if (token.type === 'list') for (const item of (token as Tokens.List).items) collectLinks(item.tokens, out);
	}
}

/** Every heading of the body with what it says about a talk. */
export function readHeadings(blocks: SourceBlock[]): HeadingCandidate[] {
	const candidates: HeadingCandidate[] = [];
	const stack: number[] = [];
	// A paragraph that is nothing but bold text is a topic (depth 7, below every heading), and may be a talk's title.
	const asHeading = (block: SourceBlock): Tokens.Heading | null => {
		if (block.token.type === 'heading') return block.token as Tokens.Heading;
		if (block.token.type !== 'paragraph' || boldOnlyName(block) === null) return null;
		const inner = inlineTokens(block.token).find((token) => token.raw.trim() !== '');
		const tokens = inner && 'tokens' in inner && Array.isArray(inner.tokens) ? (inner.tokens as Token[]) : [];
		return {type: 'heading', raw: block.token.raw, depth: 7, text: boldOnlyName(block)!, tokens} as Tokens.Heading;
	};
	const isSectionStart = (block: SourceBlock) => asHeading(block) !== null;
	blocks.forEach((block, index) => {
		const heading = asHeading(block);
		if (!heading) return;
		while (stack.length > 0 && candidates[stack.at(-1)!]!.depth >= heading.depth) stack.pop();
		const parent = stack.at(-1) ?? null;
		// The section: this heading's own blocks, to the next heading of any depth.
		let end = index + 1;
		while (end < blocks.length && !isSectionStart(blocks[end]!)) end++;
		let subtreeEnd = end;
		while (subtreeEnd < blocks.length && !((asHeading(blocks[subtreeEnd]!)?.depth ?? 99) <= heading.depth))
			subtreeEnd++;
		const content = (from: number, to: number) =>
			blocks.slice(from, to).filter((inner) => inner.token.type !== 'space' && inner.token.type !== 'def');
		const candidate = readHeading(
			block,
			heading,
			parent,
			content(index + 1, end),
			blocks[end],
			content(index + 1, Math.min(subtreeEnd, end + 12)),
		);
		candidate.block = index;
		candidates.push(candidate);
		stack.push(candidates.length - 1);
	});
	return candidates;
}

function readHeading(
	block: SourceBlock,
	heading: Tokens.Heading,
	parent: number | null,
	own: SourceBlock[],
	nextHeading: SourceBlock | undefined,
	subtree: SourceBlock[],
): HeadingCandidate {
	const tokens = inlineTokens(heading);
	const raw = fold(inlineText(tokens))
		.replace(/[:：]$/, '')
		.trim();
	const evidence: Evidence[] = [];
	// `🇫🇷 Title`: a flag or an emoji in front is decoration.
	const undecorated = raw.replace(/^[\p{Extended_Pictographic}\p{So}\p{Regional_Indicator}\uFE0F\u200D\s]+(?=\S)/u, '');
	const numbered = stripNumbering(undecorated.replace(/[\u200B-\u200D\uFEFF]/g, ''));
	const coded = SESSION_CODE.exec(numbered);
	const unslotted = stripSlot(coded ? numbered.slice(coded[0].length) : numbered);
	const unlabelled = stripRoundupLabel(unslotted);
	const text = stripQuotes(unlabelled);
	if (unslotted !== numbered)
		evidence.push(
			coded
				? {weight: 2, reason: `named by its session code (${coded[1]})`}
				: {weight: 2, reason: 'named as a session slot (First Session: …)'},
		);
	// (`Shameless plug: Title` in a roundup of talks: one more of them, the author's own.)
	if (unlabelled !== unslotted) evidence.push({weight: 1, reason: "a roundup's label before its title"});
	const firstBlocks = own.slice(0, 3);
	const body = firstBlocks.map(blockText).join('\n');
	const sectionRaw = own.map((inner) => inner.token.raw).join('\n');
	const link = findLink(tokens);
	const url = link ? safeUrl(link.href) : null;
	const candidate: HeadingCandidate = {
		block: -1,
		line: block.line,
		depth: heading.depth,
		parent,
		text,
		title: text,
		speakers: null,
		url,
		form: null,
		evidence,
		excluded: null,
		body,
		sectionText: '',
	};
	if (text === '') candidate.excluded = 'empty';
	else if (isSectionName(text) || isBreak(text)) candidate.excluded = 'a section name, not a title';
	else if (FORMAT_NAME.test(text)) candidate.excluded = 'a session format, not one talk';
	else if (namesDay(text) && !/[:\-–]\s*\S/.test(text)) candidate.excluded = 'names a day';
	else if (
		announcesTalks(text) &&
		!/^(?:(?:the|opening|closing|morning|final|day\s+\w+)\s+)?(?:keynote|talk|session)$/i.test(text)
	)
		candidate.excluded = 'announces talks (a group, not one)';
	else if (/[?!]{2}/.test(text)) candidate.excluded = 'reads as a sentence';
	else if (/^(?:by|speakers?|presenters?|presented\s+by|with)\b/i.test(text))
		candidate.excluded = 'names the speakers of the heading above';

	const twin = twinTalks(tokens);
	if (twin) {
		candidate.title = twin[0].title;
		candidate.speakers = twin[0].speakers;
		candidate.url = twin[0].url;
		candidate.form = twin[0].speakers ? 'first' : null;
		candidate.twin = twin[1];
		evidence.push({weight: 3, reason: 'two linked talks in one heading'});
	} else {
		const split = splitHeading(text, body);
		if (split?.guess) candidate.loose = {title: split.title, speakers: split.speakers, form: split.form};
		else if (split) {
			candidate.title = split.title.replace(/[:：]$/, '').trim();
			candidate.speakers = split.speakers;
			candidate.form = split.form;
			evidence.push({
				weight: split.score >= 2 ? 3 : 1.5,
				reason: `speaker in the heading (${split.form}${split.score >= 2 ? '' : ', shape only'}): ${split.speakers}`,
			});
		}
	}
	// A long heading is a sentence, unless a speaker follows a long title (`Title: Subtitle - Ann Lee, Role, Org`).
	if (candidate.title.split(' ').length > (candidate.speakers === null ? 18 : 26))
		candidate.excluded ??= 'reads as a sentence';
	if (candidate.form === null && !candidate.loose) {
		const loose = looseSplit(text);
		if (loose) candidate.loose = loose;
	}
	candidate.title = stripQuotes(candidate.title);
	// `Title by [@ann](twitter)`, `Title [(Ann Lee)](twitter)`: a link on the speaker is the person's page, not the talk's.
	const linkText = link ? fold(inlineText(link.tokens)).replace(/^\(|\)$/g, '') : '';
	if (linkText !== '' && candidate.speakers?.includes(linkText) && !candidate.title.includes(linkText))
		candidate.url = null;
	if (url && isTalkPage(url)) evidence.push({weight: 3, reason: `links a talk page: ${url}`});
	else if (url && (isVideo(url) || /confreaks|\.mp4$|\.webm$|video/i.test(url)))
		evidence.push({weight: 2, reason: `links a recording: ${url}`});
	else if (url && link && isArtifactLabel(inlineText(link.tokens)))
		evidence.push({weight: 1, reason: 'links slides or a recording'});

	const sectionText = own.map(blockText).join('\n');
	candidate.sectionText = own
		.filter((inner) => inner.token.type === 'paragraph')
		.slice(0, 3)
		.map(blockText)
		.join('\n')
		.replace(/\s+/g, ' ');
	const subtreeText = subtree.map(blockText).join('\n');
	const asPeople = peopleOf(text);
	if (
		candidate.form === null &&
		asPeople &&
		(asPeople.score === 2 ||
			asPeople.people.some((person) => isEchoed(person, subtreeText)) ||
			// `### Tomomi Imura` then `Her talk was "…"`: the heading names whoever gave the talk below.
			(text.includes(' ') && /\b(?:his|her|their)\s+(?:talk|keynote|session|presentation)\b/i.test(subtreeText)))
	)
		candidate.excluded ??= 'only a name (the speaker of what follows)';
	// The line or heading below: `by Ann Lee`, `Speakers: …`, `Ann Lee (Acme) @ann`, `* *Ann and Bo*`.
	const next = own[0] ?? nextHeading;
	if (candidate.speakers === null && next && candidate.excluded === null) {
		const below =
			speakersBelow(next) ?? nameLine(next) ?? nameHeading(own.length === 0 ? next : undefined, heading.depth);
		if (below) {
			const resolved = /^\[?@/.test(below) ? resolveHandle(below, subtree.map(blockText).join('\n')) : below;
			if (resolved !== null) {
				candidate.speakers = resolved;
				candidate.form = 'below';
			}
			evidence.push({weight: 3, reason: `speakers on the next line: ${below}`});
		}
	}
	if (EMBED.test(sectionRaw)) evidence.push({weight: 1.5, reason: 'a recording or slides embedded below'});
	const links: Tokens.Link[] = [];
	for (const inner of own.slice(0, 6))
		if (inner.token.type === 'paragraph' || inner.token.type === 'list') collectLinks([inner.token], links);
	if (links.some((inner) => isTalkPage(safeUrl(inner.href))))
		evidence.push({weight: 1, reason: 'a talk page linked below'});
	else if (
		links.some((inner) => isArtifactLabel(inlineText(inner.tokens)) || /speakerdeck|slideshare/.test(inner.href))
	)
		evidence.push({weight: 1, reason: 'slides linked below'});
	// `- @ann` alone on a bullet of the notes (not the first, which is read above as the speakers line).
	if (
		!evidence.some((item) => item.reason.startsWith('speakers on the next line')) &&
		own.slice(0, 6).some((inner) => inner.token.type === 'list' && hasHandleItem(inner.token as Tokens.List))
	)
		evidence.push({weight: 1, reason: "a speaker's handle on a bullet below"});
	if (mentionsTalk(body)) evidence.push({weight: 1, reason: 'its text speaks of a talk'});
	// (A known given name among its words: `Uncle Bob Martin`, not `People Patterns`.)
	if (candidate.form === null && asPeople && text.split(' ').some((word) => isGivenName(word)))
		candidate.nameShaped = true;
	if (own[0]?.token.type === 'list') candidate.overNotes = true;
	// Notes taken in a talk: a bullet list right under a Title Case title of three words or more
	// (not a name: `### Ann Q. Lee` over bullets is whoever spoke, not what the talk was called).
	if (own[0]?.token.type === 'list' && isTitleCaseTitle(candidate.title) && candidate.nameShaped !== true)
		evidence.push({weight: 1, reason: 'a Title Case title over bullet notes'});
	// The first sentence that names anyone: later ones speak of other people (`…pairs well with Sandi Metz's keynote`).
	const sentences = own
		.filter((inner) => inner.token.type === 'paragraph')
		.slice(0, 2)
		.flatMap((inner) => blockText(inner).split(/(?<=[.!?])\s+(?=\p{Lu})/u));
	let named: string[] = [];
	for (const sentence of sentences.slice(0, 4)) {
		named = speakersInText(sentence);
		if (named.length > 0) break;
	}
	candidate.bodySpeakers = named;
	// `Iterative Chef by @fnichol` over `Fletcher Nichol gave…`: the person the handle spells, else the one
	// the section says gave the talk, else the handle.
	if (candidate.speakers?.startsWith('@'))
		candidate.speakers =
			resolveHandle(candidate.speakers, subtreeText) ?? (named.length === 1 ? named[0]! : candidate.speakers);
	// `### "A" and "B"` then `…with [Ann Lee](…) and [Bo Chan](…)`: two linked people, one for each talk, in order.
	if (candidate.twin && candidate.speakers === null && candidate.twin.speakers === null) {
		const people = links
			.map((inner) => fold(inlineText(inner.tokens)))
			.filter((label, index, all) => personScore(label) === 2 && all.indexOf(label) === index);
		if (people.length === 2) {
			candidate.speakers = people[0]!;
			candidate.twin.speakers = people[1]!;
			candidate.form = 'body';
		}
	}
	if (named.length > 0) {
		evidence.push({weight: 2, reason: `its text names the speaker: ${named.join(', ')}`});
		if (candidate.speakers === null) {
			candidate.speakers = named.join(' & ');
			candidate.form = 'body';
		}
	} else if (candidate.speakers === null) {
		// `…as Ann Lee pointed out in the second talk`: one person in the section, likely its speaker.
		const person = onePersonNamed(sentences);
		if (person) {
			evidence.push({weight: 0.5, reason: `its text names one person: ${person}`});
			candidate.speakers = person;
			candidate.form = 'body';
		}
	}
	if (!mentionsTalk(body) && saysSomeoneSpoke(body)) evidence.push({weight: 1, reason: 'its text says someone spoke'});
	if (
		candidate.speakers !== null &&
		candidate.form === 'tail' &&
		evidence.length === 1 &&
		personScore(candidate.speakers) === 1 &&
		!isEchoed(candidate.speakers, sectionText)
	) {
		// `Extreme Makeover - Rubygems Edition`: the shape of a name with nothing else behind it.
		evidence[0] = {weight: 0.5, reason: `maybe a speaker in the heading: ${candidate.speakers}`};
	}
	// A long title before its speaker is judged on its opening words (`Kubernetes: This Job is Too Hard: …`).
	const judged =
		candidate.speakers !== null && candidate.form !== 'body'
			? candidate.title
					.split(' ')
					.slice(0, 12)
					.join(' ')
					.replace(/[:;,]$/, '')
			: candidate.title;
	// (Scripts without capitals, `海量在线交易背后的运维监控体系建设`, have no title case to judge.)
	if (!isTitleLike(judged) && !/^[\p{Ll}]/u.test(candidate.title) && !CASELESS.test(judged))
		evidence.push({weight: -1, reason: 'not shaped like a title'});
	if ((candidate.form === null || candidate.form === 'body') && listsTalks(own))
		candidate.excluded ??= 'the talks are listed below it';
	return candidate;
}

/** A bullet that is a handle alone (`@ann_lee`), as notes write down who spoke. */
function hasHandleItem(list: Tokens.List): boolean {
	return list.items.some((item) => /^\s{0,3}@[\w.]{2,40}\s{0,3}$/.test(item.text.split('\n')[0]!));
}

/** A section that lists talks of its own (talk paragraphs, a list of talks): its heading groups them. */
function listsTalks(own: SourceBlock[]): boolean {
	return own.some((block) => {
		if (block.token.type === 'paragraph') return paragraphTalks(block, false).length > 0;
		if (block.token.type !== 'list') return false;
		const items = (block.token as Tokens.List).items;
		const talks = items.filter(
			(item) =>
				readCandidate(inlineTokens(item.tokens.find((inner) => inner.type === 'text' || inner.type === 'paragraph')))
					?.evidence === 'talk',
		).length;
		return talks >= 2 || (talks === 1 && items.length === 1);
	});
}

/** The weight a heading's evidence adds up to. */
export function scoreOf(evidence: Evidence[]): number {
	return evidence.reduce((sum, item) => sum + item.weight, 0);
}
