import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, lexBlocks, type SourceBlock} from '../../markdown/index.js';
import {
	leadsIntoTalks,
	isMissedSection,
	saysMissed,
	announcesOtherThings,
	announcesTalks,
	isNegated,
	MISSED,
	namesDay,
} from './evidence.js';
import type {Candidate} from './items.js';
import {paragraphTalks, speakersLine, tableTalks} from './shapes.js';
import {dayLabel, type Grouping} from './groups.js';
import {splitSpeakers} from './speakers.js';
import {decideHeadings, type HeadingDecision} from './decision.js';
import {readHeadings} from './headings.js';
import {countsTopHeadings} from './heading-prose.js';
import {proseTalks} from './prose.js';
import {collectList} from './lists.js';
import {withFullNames, withoutRepeats} from './repeats.js';
import {expandHtmlHeadings} from './html-headings.js';
import {boldOnlyName} from '../topics.js';
import type {ParsedPost, Session} from '../types.js';

export {dayNumber} from './evidence.js';

/** Words of a paragraph that may name the group of the list below it. */
const LEAD_IN =
	/\b(sessions?|talks?|attended|keynotes?|schedule|agenda|tracks?|workshops?|day\s*\d+|(first|second|third|fourth|fifth|last|final)\s+day|day\s+(one|two|three|four|five)|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/i;

/** A grouping whose text is read lazily: most paragraphs never need their inline tokens. */
function lazyGrouping(token: Token, isHeading: boolean): Grouping {
	let text: string | undefined;
	return {
		get text() {
			text ??= inlineText(inlineTokens(token)).replace(/\s+/g, ' ').trim();
			return text;
		},
		isHeading,
	};
}

/** Where a list sits: the groupings above it and whether they support title-like items. */
export type Context = {
	groupings: Grouping[];
	supported: boolean;
	negated: boolean;
	hasTalks: boolean;
	otherThings?: boolean;
	forced?: boolean;
	/** Inside a talk's own section: the headings above the talk say nothing about its lists. */
	insideTalk?: boolean;
};

export type Sink = {
	/** Adds a talk; `verdict` says how it was found (null when it was traced already). */
	add(
		candidate: Candidate,
		line: number,
		groupings: Grouping[],
		verdict: {kind: TalkVerdict['kind']; why: string} | null,
	): void;
	/** A candidate left out, with why (for `sessions --explain`). */
	miss(kind: TalkVerdict['kind'], text: string, line: number, why: string): void;
};

/** What was decided about one candidate, and why: `kubecon-notes sessions --explain`. */
export type TalkVerdict = {
	/** 1-based line in the body. */
	line: number;
	kind: 'heading' | 'list item' | 'paragraph' | 'table row';
	/** The talk's title when accepted; the candidate's text when not. */
	text: string;
	speakers: string | null;
	accepted: boolean;
	/** The decision in a few words. */
	why: string;
	/** The evidence for (+) and against (-) it, when it was weighed. */
	evidence: string[];
};

/** The verdict on a heading or bold paragraph weighed by decideHeadings, its evidence signed. */
function weighedVerdict(decision: HeadingDecision, line: number, kind: 'heading' | 'paragraph'): TalkVerdict {
	const {candidate, accepted, why} = decision;
	return {
		line,
		kind,
		text: accepted ? candidate.title : candidate.text,
		speakers: accepted ? candidate.speakers : null,
		accepted,
		why,
		evidence: candidate.evidence.map((item) => `${item.weight > 0 ? '+' : ''}${item.weight} ${item.reason}`),
	};
}

export type TalkOptions = {
	/** Front matter `talks: false`: the author says the post lists no talks. */
	none?: boolean;
	/**
	 * The front matter's title: a first heading that repeats it (with a byline under it, as posts
	 * moved from other blogs often have) names the post, not a talk.
	 */
	title?: string;
	/** Called with every decision, accepted or not. */
	trace?: (verdict: TalkVerdict) => void;
};

/** Text compared as a title is: case, runs of spaces and the ends' punctuation aside. */
const titleKey = (text: string) =>
	text
		.toLowerCase()
		.replace(/[\s*_"'“”]+/g, ' ')
		.trim();

/** A title that is the post's own title, its years aside: the conference, not a talk. */
function namesThePost(text: string, title: string | undefined): boolean {
	if (!title) return false;
	const key = (value: string) =>
		titleKey(value)
			.replace(/\b(?:19|20)\d{2}\b/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	const own = key(text);
	return own.includes(' ') && own === key(title);
}

/** The blocks without the post's first heading when that heading is the post's own title. */
function withoutTitleHeading(blocks: SourceBlock[], title: string | undefined): SourceBlock[] {
	if (!title) return blocks;
	const first = blocks.findIndex((block) => block.token.type === 'heading');
	if (first === -1) return blocks;
	const heading = blocks[first]!.token as {text?: unknown};
	if (typeof heading.text !== 'string' || titleKey(heading.text) !== titleKey(title)) return blocks;
	return [...blocks.slice(0, first), ...blocks.slice(first + 1)];
}

/** `{: .talks}` / `{: .not-talks}`: the author's word on the block before it. */
type Mark = 'talks' | 'not-talks';

// A kramdown attribute list as the last line of a list or table (it is lexed into them).
const TRAILING_IAL = /\n {0,3}\{:([^}\n]{0,200})\}[ \t]*$/;

function markOf(attributes: string): Mark | null {
	if (/(?:^|\s)\.not-talks(?![\w-])/.test(attributes)) return 'not-talks';
	if (/(?:^|\s)\.talks(?![\w-])/.test(attributes)) return 'talks';
	return null;
}

/** The blocks the author marked, by index: an attribute list on the line after a heading, list or table. */
function authorMarks(blocks: SourceBlock[]): Map<number, Mark> {
	const marks = new Map<number, Mark>();
	blocks.forEach((block, index) => {
		const {token} = block;
		if ((token.type as string) === 'blockAttributes' && index > 0) {
			const mark = markOf(token.raw.trim().slice(2, -1));
			if (mark) marks.set(index - 1, mark);
		} else if (token.type === 'list' || token.type === 'table') {
			const found = TRAILING_IAL.exec(token.raw.trimEnd());
			const mark = found ? markOf(found[1]!) : null;
			if (mark) marks.set(index, mark);
		}
	});
	return marks;
}

/**
 * The sessions of a body, found by how they look: bullet lists of talks, talk paragraphs, one
 * heading per talk, tables of talks. Each keeps its line, and the day it sits under.
 */
export function extractSessions(
	markdownBlocks: SourceBlock[],
	postId: string,
	bodyLineOffset: number,
	options: TalkOptions = {},
): Session[] {
	const sessions: Session[] = [];
	const anchors = new Set<Session>();
	// Sections written as HTML (`<h3>Talk</h3>`) are read as the markdown they stand for.
	const blocks = withoutTitleHeading(expandHtmlHeadings(markdownBlocks), options.title);
	const {trace} = options;
	if (options.none) {
		trace?.({
			line: 1,
			kind: 'paragraph',
			text: 'talks: false',
			speakers: null,
			accepted: false,
			why: 'the front matter says the post lists no talks (talks: false)',
			evidence: [],
		});
		return sessions;
	}
	const sink: Sink = {
		miss(kind, text, line, why) {
			trace?.({line, kind, text, speakers: null, accepted: false, why, evidence: []});
		},
		add(candidate, line, groupings, verdict) {
			// `[Open Source Summit Europe in Vienna](…)`: the conference the post is about, not one of its talks.
			if (candidate.speakers === null && namesThePost(candidate.title, options.title)) {
				trace?.({
					line,
					kind: verdict?.kind ?? 'paragraph',
					text: candidate.title,
					speakers: null,
					accepted: false,
					why: "names the conference of the post's title, not a talk",
					evidence: [],
				});
				return;
			}
			const before = sessions.length;
			if (verdict)
				trace?.({
					line,
					kind: verdict.kind,
					text: candidate.title,
					speakers: candidate.speakers,
					accepted: true,
					why: verdict.why,
					evidence: [],
				});
			const split = candidate.speakers ? splitSpeakers(candidate.speakers) : {people: [], organizations: []};
			sessions.push({
				title: candidate.title,
				speakers: candidate.speakers,
				...split,
				url: candidate.url,
				...dayLabel(groupings),
				note: candidate.note,
				// Its note says so, the text around it says so, or it sits in a section of talks missed.
				missed:
					(candidate.note !== null && MISSED.test(candidate.note)) ||
					candidate.missed === true ||
					groupings.some((grouping) => isMissedSection(grouping.text)),
				postId,
				line,
				fileLine: line + bodyLineOffset,
			});
			if (candidate.anchor && sessions.length > before) anchors.add(sessions.at(-1)!);
		},
	};
	const headingCandidates = readHeadings(blocks);
	const firstHeading = blocks.findIndex((block) => block.token.type === 'heading');
	const intro = blocks
		.slice(0, firstHeading === -1 ? 0 : firstHeading)
		.filter((block) => block.token.type === 'paragraph');
	// The opening supports the headings as talks only when it leads into them (`The sessions I attended:`),
	// not when it mentions talks in passing (`Last week I gave a talk at elm-conf and attended…`).
	const introTexts = intro.map((block) => inlineText(inlineTokens(block.token)).trim());
	const introAnnounces =
		introTexts.some((text) => announcesTalks(text) && (text.endsWith(':') || leadsIntoTalks(text))) ||
		countsTopHeadings(introTexts, headingCandidates);
	const headingDecisions = new Map(
		decideHeadings(headingCandidates, introAnnounces).map((decision) => [decision.candidate.block, decision]),
	);
	const marks = authorMarks(blocks);
	for (const [index, decision] of headingDecisions) {
		const mark = marks.get(index);
		if (mark === 'talks' && !decision.accepted)
			Object.assign(decision, {accepted: true, why: 'the author marked it {: .talks}'});
		if (mark === 'not-talks') Object.assign(decision, {accepted: false, why: 'the author marked it {: .not-talks}'});
	}
	// A heading marked {: .not-talks} leaves out its whole section.
	let skipUnder: number | null = null;
	// The headings above the current block, outermost first; a talk heading groups nothing.
	let headings: Array<{depth: number; grouping: Grouping}> = [];
	let previous: Grouping | null = null;
	// The depth of the talk heading whose section we are in (its lists are that talk's notes).
	let talkDepth: number | null = null;
	const headingGroupings = () => headings.map((entry) => entry.grouping).reverse();
	blocks.forEach((block, index) => {
		const {token} = block;
		if (token.type === 'space' || token.type === 'def') return;
		if (skipUnder !== null) {
			if (token.type === 'heading' && (token as Tokens.Heading).depth <= skipUnder) skipUnder = null;
			else return;
		}
		let nextIndex = index + 1;
		while (blocks[nextIndex]?.token.type === 'space') nextIndex++;
		const next = blocks[nextIndex];
		if (token.type === 'list') {
			// The paragraph just above names the group when it reads like a lead-in.
			// (`Some that I missed and plan on watching next:` names the group too.)
			const leadIn =
				previous && !previous.isHeading && !LEAD_IN.test(previous.text) && !isMissedSection(previous.text)
					? null
					: previous;
			const groupings = [leadIn, ...headingGroupings()].filter((grouping): grouping is Grouping => grouping !== null);
			const leadText = previous?.text ?? '';
			// Under `### Talk title`, `Tools from the slides:` lists tools: `## Talks` further up speaks of the talks.
			const insideTalk = talkDepth !== null;
			const supporting = insideTalk ? (leadIn ? [leadIn] : []) : groupings;
			const context: Context = {
				groupings,
				insideTalk,
				supported: supporting.some((grouping) => announcesTalks(grouping.text) || namesDay(grouping.text)),
				negated: previous !== null && isNegated(leadText),
				otherThings: previous !== null && announcesOtherThings(leadText),
				hasTalks: false,
				forced: marks.get(index) === 'talks',
			};
			if (marks.get(index) === 'not-talks')
				sink.miss(
					'list item',
					`${(token as Tokens.List).items.length} items`,
					block.line,
					'the author marked the list {: .not-talks}',
				);
			else collectList(token as Tokens.List, block.line, context, sink);
			previous = null;
			return;
		}
		if (token.type === 'heading') {
			const depth = (token as Tokens.Heading).depth;
			headings = headings.filter((entry) => entry.depth < depth);
			if (talkDepth !== null && depth <= talkDepth) talkDepth = null;
			const decision = headingDecisions.get(index);
			if (decision) {
				trace?.(weighedVerdict(decision, block.line, 'heading'));
			}
			if (marks.get(index) === 'not-talks') skipUnder = depth;
			if (decision?.accepted) {
				const {candidate} = decision;
				talkDepth = depth;
				sink.add(
					{
						title: candidate.title,
						speakers: candidate.speakers,
						url: candidate.url,
						note: null,
						evidence: 'talk',
						missed: saysMissed(candidate.sectionText, candidate.title) && !candidate.twin,
					},
					block.line,
					headingGroupings(),
					null,
				);
				if (candidate.twin)
					sink.add(
						{
							...candidate.twin,
							note: null,
							evidence: 'talk',
							missed: saysMissed(candidate.sectionText, candidate.twin.title),
						},
						block.line,
						headingGroupings(),
						{kind: 'heading', why: 'a second talk in the same heading'},
					);
				previous = null;
				return;
			}
			const grouping = lazyGrouping(token, true);
			headings.push({depth, grouping});
			previous = grouping;
			return;
		}
		if (token.type === 'paragraph') {
			const boldName = boldOnlyName(block);
			const decided = boldName === null ? undefined : headingDecisions.get(index);
			if (decided) {
				trace?.(weighedVerdict(decided, block.line, 'paragraph'));
			}
			if (decided?.accepted) {
				// A bold title with the evidence of a talk is one, and (as a bold paragraph) a topic too.
				const {candidate} = decided;
				sink.add(
					{
						title: candidate.title,
						speakers: candidate.speakers,
						url: candidate.url,
						note: null,
						evidence: 'talk',
						missed: saysMissed(candidate.sectionText, candidate.title),
					},
					block.line,
					headingGroupings(),
					null,
				);
				previous = null;
				return;
			}
			if (boldName !== null && speakersLine(next) !== null) {
				// `**Talk title**` then `Speakers: …`: a talk, and (as a bold paragraph) a topic too.
				sink.add(
					{title: boldName, speakers: speakersLine(next), url: null, note: null, evidence: 'talk'},
					block.line,
					headingGroupings(),
					{kind: 'paragraph', why: 'a bold title with a speakers line below'},
				);
				previous = null;
				return;
			}
			if (boldName !== null) {
				// A bold-only paragraph is a topic: it groups like a heading does, below every heading.
				const grouping = lazyGrouping(token, true);
				headings = [...headings.filter((entry) => entry.depth < 7), {depth: 7, grouping}];
				previous = grouping;
				return;
			}
			const underTalks = headings.length > 0 && announcesTalks(headings.at(-1)!.grouping.text);
			const shaped = speakersLine(block) === null ? paragraphTalks(block, underTalks) : [];
			for (const talk of shaped)
				sink.add(talk, talk.line, headingGroupings(), {
					kind: 'paragraph',
					why: talk.speakers ? 'a talk-shaped paragraph: a title and its speakers' : 'a paragraph linking a talk page',
				});
			// Titles named in prose, beside the words that say they are talks.
			const inProse = shaped.length === 0 && speakersLine(block) === null ? proseTalks(block) : [];
			for (const talk of inProse)
				sink.add(talk, talk.line, headingGroupings(), {
					kind: 'paragraph',
					why: talk.speakers
						? `named in prose with its speaker (${talk.speakers})`
						: 'named in prose beside words that say it is a talk',
				});
			const found = [...shaped, ...inProse];
			previous = found.length > 0 ? null : lazyGrouping(token, false);
			return;
		}
		if (token.type === 'table') {
			const mark = marks.get(index);
			if (mark === 'not-talks')
				sink.miss(
					'table row',
					`${(token as Tokens.Table).rows.length} rows`,
					block.line,
					'the author marked the table {: .not-talks}',
				);
			else
				for (const talk of tableTalks(block, mark === 'talks'))
					sink.add(talk, talk.line, headingGroupings(), {
						kind: 'table row',
						why: mark === 'talks' ? 'the author marked the table {: .talks}' : 'a row of a table of talks',
					});
		}
		previous = null;
	});
	return withFullNames(
		withoutRepeats(
			sessions.sort((a, b) => a.line - b.line),
			anchors,
		),
		blocks,
	);
}

/**
 * Every decision about a post's talks, accepted or not, in body order: what `kubecon-notes
 * sessions --explain` prints. Lines are the file's.
 */
export function explainTalks(post: Pick<ParsedPost, 'body' | 'bodyLineOffset' | 'id' | 'frontMatter'>): TalkVerdict[] {
	const verdicts: TalkVerdict[] = [];
	let blocks: SourceBlock[];
	try {
		blocks = lexBlocks(post.body);
	} catch {
		return verdicts;
	}
	const talks = post.frontMatter['talks'];
	const none = talks === false || (typeof talks === 'string' && /^(?:false|no|off)$/i.test(talks.trim()));
	const title = post.frontMatter['title'];
	extractSessions(blocks, post.id, post.bodyLineOffset, {
		none,
		...(typeof title === 'string' ? {title} : {}),
		trace: (verdict) => verdicts.push({...verdict, line: verdict.line + post.bodyLineOffset}),
	});
	return verdicts.sort((a, b) => a.line - b.line);
}
