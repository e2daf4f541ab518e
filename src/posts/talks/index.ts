import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, lexBlocks, listItemLines, type SourceBlock} from '../../markdown/index.js';
import {
	leadsIntoTalks,
	isTitleLike,
	isMissedSection,
	saysMissed,
	announcesOtherThings,
	announcesTalks,
	isArtifactLabel,
	isBreak,
	isNegated,
	isTalkPage,
	isVideo,
	MISSED,
	namesDay,
} from './evidence.js';
import {nestedArtifactUrl, readCandidate, type Candidate} from './items.js';
import {paragraphTalks, speakersLine, tableTalks} from './shapes.js';
import {dayLabel, type Grouping} from './groups.js';
import {splitSpeakers, withLenientNames} from './speakers.js';
import {personScore} from './people.js';
import {decideHeadings} from './decision.js';
import {isTitleCaseTitle, readHeadings} from './headings.js';
import {proseTalks} from './prose.js';
import {expandHtmlHeadings} from './html-headings.js';
import {boldOnlyName} from '../topics.js';
import type {Post, Session} from '../types.js';

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
type Context = {
	groupings: Grouping[];
	supported: boolean;
	negated: boolean;
	hasTalks: boolean;
	otherThings?: boolean;
	forced?: boolean;
	/** Inside a talk's own section: the headings above the talk say nothing about its lists. */
	insideTalk?: boolean;
};

type Sink = {
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

export type TalkOptions = {
	/** Front matter `talks: false`: the author says the post lists no talks. */
	none?: boolean;
	/** Called with every decision, accepted or not. */
	trace?: (verdict: TalkVerdict) => void;
};

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
	const blocks = expandHtmlHeadings(markdownBlocks);
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
	const introAnnounces = intro.some((block) => {
		const text = inlineText(inlineTokens(block.token)).trim();
		return announcesTalks(text) && (text.endsWith(':') || leadsIntoTalks(text));
	});
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
				const {candidate} = decision;
				trace?.({
					line: block.line,
					kind: 'heading',
					text: decision.accepted ? candidate.title : candidate.text,
					speakers: decision.accepted ? candidate.speakers : null,
					accepted: decision.accepted,
					why: decision.why,
					evidence: candidate.evidence.map((item) => `${item.weight > 0 ? '+' : ''}${item.weight} ${item.reason}`),
				});
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
				const {candidate} = decided;
				trace?.({
					line: block.line,
					kind: 'paragraph',
					text: decided.accepted ? candidate.title : candidate.text,
					speakers: decided.accepted ? candidate.speakers : null,
					accepted: decided.accepted,
					why: decided.why,
					evidence: candidate.evidence.map((item) => `${item.weight > 0 ? '+' : ''}${item.weight} ${item.reason}`),
				});
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
 * `Joel gave us a demo`: a speaker named by a first name only is the person the post names in
 * full elsewhere (`Joel Spolsky`), when it names exactly one such person.
 */
function withFullNames(sessions: Session[], blocks: SourceBlock[]): Session[] {
	const single = sessions.filter((session) => session.people.some((person) => !person.includes(' ')));
	if (single.length === 0) return sessions;
	const text = blocks.map((block) => block.token.raw).join('\n');
	const cache = new Map<string, string | null>();
	const fullName = (first: string): string | null => {
		if (!cache.has(first)) {
			const found = new Set<string>();
			for (let at = text.indexOf(first); at !== -1 && found.size < 3; at = text.indexOf(first, at + first.length)) {
				if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
				// Two words exactly: `John James Audubon` is not `John James`.
				const next = /^ (\p{Lu}[\p{Ll}'’-]+)(?![\p{L}'’-]| \p{Lu})/u.exec(
					text.slice(at + first.length, at + first.length + 40),
				);
				if (next && personScore(`${first} ${next[1]}`) === 2) found.add(`${first} ${next[1]}`);
			}
			cache.set(first, found.size === 1 ? [...found][0]! : null);
		}
		return cache.get(first)!;
	};
	for (const session of single) {
		const people = session.people.map((person) => (person.includes(' ') ? person : (fullName(person) ?? person)));
		if (people.some((person, index) => person !== session.people[index])) {
			session.people = people;
			if (session.speakers !== null && !session.speakers.includes(',') && !session.speakers.includes('&'))
				session.speakers = people.join(' & ');
		}
	}
	return sessions;
}

/**
 * A talk named again just below itself (`## Title` then `*Title* by Ann…`) is one talk: the first
 * mention stays, with the speakers the second one adds.
 */
function withoutRepeats(all: Session[], anchors: Set<Session>): Session[] {
	// A table of contents (`[Title](#title)`) names the talks that have sections below: one talk each.
	const fold = (title: string) =>
		title
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim();
	const sessions = all.filter(
		(session) =>
			!(
				anchors.has(session) &&
				all.some((other) => other !== session && !anchors.has(other) && fold(other.title) === fold(session.title))
			),
	);
	const kept: Session[] = [];
	for (const session of sessions) {
		const key = session.title
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim();
		// Short titles repeat as different talks (`Keynote` on each day).
		// (A short title comes back as the same talk only right below itself: `### Generation gaps` then its link.)
		const short = key.split(' ').length < 3;
		const earlier =
			short && kept.every((other) => session.line - other.line > 3 || other.line >= session.line)
				? undefined
				: kept.find(
						(other) =>
							other.line < session.line &&
							session.line - other.line <= (short ? 3 : 12) &&
							other.title
								.toLowerCase()
								.replace(/[^\p{L}\p{N}]+/gu, ' ')
								.trim() === key,
					);
		if (!earlier) {
			kept.push(session);
			continue;
		}
		if (earlier.speakers === null && session.speakers !== null)
			Object.assign(earlier, {
				speakers: session.speakers,
				people: session.people,
				organizations: session.organizations,
			});
	}
	return kept;
}

/** The candidates of a list's items, read once. */
type Item = {candidate: Candidate | null; nested: Tokens.List | null; offset: number; raw: string; tokens: Token[]};

/** Items read once per list: the evidence pass and the collecting pass share them. */
const itemCache = new WeakMap<Tokens.List, Item[]>();

function readItems(list: Tokens.List): Item[] {
	const cached = itemCache.get(list);
	if (cached) return cached;
	const items = readItemsUncached(list);
	itemCache.set(list, items);
	return items;
}

/** Each item with its line offset from the list's first line. */
function readItemsUncached(list: Tokens.List): Item[] {
	const lines = listItemLines(list, 0);
	const firsts = list.items.map((item) =>
		inlineTokens(item.tokens.find((token) => token.type === 'text' || token.type === 'paragraph')),
	);
	const read = firsts.map((tokens) => readCandidate(tokens));
	// Siblings written alike: when most items name speakers, an item's name-shaped tail is a name too.
	const named = read.filter((candidate) => candidate?.speakers).length;
	// Or most items are written `Name - Title` / `Title - Name` with the shape of a name on one side.
	const dashed = firsts.filter((tokens) => {
		const text = inlineText(tokens.slice(0, 3)).replace(/\s+/g, ' ').slice(0, 300);
		const at = text.indexOf(' - ');
		const last = text.lastIndexOf(' - ');
		return at > 0 && (personScore(text.slice(0, at)) > 0 || personScore(text.slice(last + 3).split(/[(:,]/)[0]!) > 0);
	}).length;
	if (named >= 1 && (named * 2 >= read.length || (dashed * 2 >= read.length && dashed >= 3)) && read.length >= 2) {
		// Which side the named siblings put their people on.
		const sides = read.filter((candidate) => candidate?.speakers);
		const first = sides.filter((candidate) => {
			const text = inlineText(firsts[read.indexOf(candidate)]!);
			return text.indexOf(candidate!.speakers!) < text.indexOf(candidate!.title);
		}).length;
		const namesFirst = first * 2 > sides.length;
		read.forEach((candidate, index) => {
			if (candidate && candidate.speakers === null)
				read[index] = withLenientNames(() => readCandidate(firsts[index]!), namesFirst);
		});
	}
	return list.items.map((item, index) => {
		const nested = item.tokens.find((token): token is Tokens.List => token.type === 'list') ?? null;
		const candidate = read[index]!;
		// A title whose nested items are only its slides, replay or abstract is a talk, not a group.
		const ownLinks =
			nested !== null && candidate !== null && nested.items.every((nestedItem) => isArtifactItem(nestedItem));
		if (ownLinks && candidate.evidence === 'title') candidate.evidence = 'talk';
		return {candidate, nested, offset: lines[index]!, raw: item.raw, tokens: item.tokens};
	});
}

function isArtifactItem(item: Tokens.ListItem): boolean {
	const inline = inlineTokens(item.tokens.find((token) => token.type === 'text' || token.type === 'paragraph'));
	const links = inline.filter((token) => token.type === 'link') as Tokens.Link[];
	return links.length > 0 && links.every((link) => isArtifactLabel(inlineText(link.tokens)));
}

/** Lines from an item's first line to its nested list: the nested raw text is de-indented, so match by line. */
function nestedListOffset(itemRaw: string, nested: Tokens.List): number {
	const first = nested.raw.split('\n')[0]!.trim();
	const rows = itemRaw.split('\n');
	const at = rows.findIndex((row, index) => index > 0 && row.trim() === first);
	return at === -1 ? 1 : at;
}

/** True when any item of the list, or of its nested lists, looks like a talk by itself. */
function hasTalkItems(list: Tokens.List): boolean {
	return readItems(list).some(
		(item) => item.candidate?.evidence === 'talk' || (item.nested !== null && hasTalkItems(item.nested)),
	);
}

function collectList(list: Tokens.List, line: number, context: Context, sink: Sink): void {
	if (context.negated) {
		sink.miss('list item', `${list.items.length} items`, line, 'the lead-in says these are not talks');
		return;
	}
	const items = readItems(list);
	const hasTalks = context.hasTalks || hasTalkItems(list);
	const leaves = items.filter((item) => !(item.nested && item.candidate?.evidence !== 'talk'));
	const talks = leaves.filter((item) => item.candidate?.evidence === 'talk').length;
	const titles = leaves.filter((item) => item.candidate?.evidence === 'title').length;
	// Title-like items (`* Keynote`) are talks beside talk-shaped ones, under a lead-in that
	// announces talks or names a day, or when talk-shaped items are most of the list.
	// The nearest grouping says what the list is: under `### Keynotes`, a nested `- History:` list is history.
	const announced =
		context.groupings.length > 0 &&
		announcesTalks(context.groupings[0]!.text) &&
		!(context.insideTalk === true && context.groupings[0]!.isHeading);
	// A list whose every item links a recording (`- [Title](…/talk.mp4)`) is a list of talks.
	const recordings = leaves.filter(
		(item) => item.candidate !== null && isVideo(item.candidate.url) && isTitleLike(item.candidate.title),
	).length;
	// Under a day or a lead-in, three or more Title Case titles and nothing else read as a programme.
	const programme =
		context.supported &&
		leaves.length >= 3 &&
		leaves.every(
			(item) => item.candidate !== null && item.candidate.evidence !== 'none' && isTitleCaseTitle(item.candidate.title),
		);
	const titlesCount =
		programme ||
		(leaves.length >= 2 && recordings === leaves.length) ||
		(hasTalks && (context.supported || talks * 2 >= talks + titles)) ||
		(announced && leaves.length > 0 && titles + talks === leaves.length);
	// Under `Here are the sessions I live blogged:`, title-shaped links to any page are the talks; so are
	// `**Title** - what I thought` heads beside siblings that are talks by their own evidence.
	const everyTitled =
		leaves.length > 0 &&
		leaves.every(
			(item) =>
				item.candidate !== null &&
				(item.candidate.evidence !== 'none' || item.candidate.linkedTitle === true || isBreak(item.candidate.title)),
		);
	const linkedTitles = everyTitled && (announced || talks >= 2 || (talks >= 1 && context.supported));
	for (const item of items) {
		const {candidate} = item;
		if (item.nested && candidate?.evidence !== 'talk') {
			// `* Day 1` with the talks nested under it: the item names the group.
			const label: Grouping = {text: candidate?.title ?? '', isHeading: true};
			const nestedLine = line + item.offset + nestedListOffset(item.raw, item.nested);
			// A label of its own (`History:`) speaks for its items; only a day or talks label keeps the list's support.
			const supported =
				announcesTalks(label.text) ||
				namesDay(label.text) ||
				(context.supported && label.text.replaceAll(':', '').trim() === '');
			collectList(
				item.nested,
				nestedLine,
				{
					groupings: [label, ...context.groupings],
					supported,
					negated: isNegated(label.text),
					hasTalks,
					forced: context.forced,
				},
				sink,
			);
			continue;
		}
		const itemLine = line + item.offset;
		if (!candidate || candidate.title === '') continue;
		if (!context.forced) {
			if (candidate.evidence === 'none' && !(linkedTitles && candidate.linkedTitle)) {
				// `Kate's well-researched talk on [Title][2] …`: a bullet of prose may name talks as a paragraph does.
				const prose = item.tokens[0] !== undefined && item.tokens[0].raw.split(/\s+/).length >= 4;
				const inProse = prose
					? proseTalks({token: {...item.tokens[0]!, type: 'paragraph'}, line: itemLine} as SourceBlock)
					: [];
				for (const talk of inProse)
					sink.add(talk, talk.line, context.groupings, {
						kind: 'list item',
						why: talk.speakers
							? `named in the item's prose with its speaker (${talk.speakers})`
							: "named in the item's prose beside words that say it is a talk",
					});
				if (inProse.length > 0) continue;
				sink.miss(
					'list item',
					candidate.title,
					itemLine,
					'nothing says it is a talk (no speaker, no talk page, not title-shaped)',
				);
				continue;
			}
			// `Quality`, `Policy`: one plain word is a point of prose, not a talk, unless it names one (`Keynote`).
			if (
				candidate.evidence === 'title' &&
				candidate.url === null &&
				candidate.speakers === null &&
				!candidate.title.includes(' ') &&
				!/^(?:keynote|panel|workshop|tutorial|lightning|opening|closing|welcome|q&a|ama|demo)s?$/i.test(candidate.title)
			) {
				sink.miss('list item', candidate.title, itemLine, 'a single plain word, not a talk');
				continue;
			}
			if (candidate.evidence === 'title' && !titlesCount) {
				sink.miss(
					'list item',
					candidate.title,
					itemLine,
					'title-shaped, but neither a lead-in nor its siblings say the list is talks',
				);
				continue;
			}
			// Under `Blog posts I read:` a `Title - Author` link is a post, unless it is a talk page or a recording.
			if (context.otherThings && !isTalkPage(candidate.url) && !isVideo(candidate.url)) {
				sink.miss('list item', candidate.title, itemLine, 'the lead-in names other things (posts, books, tools)');
				continue;
			}
		}
		// `* [Talk](…)` with `* [Read the abstract](…)` nested: those links are the talk's own.
		const url =
			candidate.url ??
			(item.nested
				? nestedArtifactUrl(item.nested.items.flatMap((nestedItem) => inlineTokens(nestedItem.tokens[0])))
				: null);
		// `This is a talk I didn't attend but watched on a plane`: the item's own paragraphs say it was missed.
		const more = item.tokens
			.slice(1)
			.filter((token) => token.type === 'paragraph' || token.type === 'text')
			.map((token) => token.raw)
			.join(' ');
		const why = context.forced
			? 'the author marked the list {: .talks}'
			: candidate.evidence === 'talk'
				? candidate.speakers
					? `talk-shaped: a title and its speakers (${candidate.speakers})`
					: 'talk-shaped: it links a talk page'
				: 'title-shaped, in a list that is talks (lead-in or siblings)';
		const missed = candidate.missed === true || (more !== '' && saysMissed(more, candidate.title));
		sink.add({...candidate, url, missed}, itemLine, context.groupings, {kind: 'list item', why});
		// `[A](…/talks/a) and [B](…/talks/b) by Ann Lee`: each recording or talk page the item links is a talk.
		for (const other of otherTalkLinks(item.tokens[0], candidate))
			sink.add({...other, missed}, itemLine, context.groupings, {
				kind: 'list item',
				why: 'a second talk page or recording linked in the same item',
			});
	}
}

/** The item's other links to talk pages or recordings whose text reads as a talk's title. */
function otherTalkLinks(token: Token | undefined, first: Candidate): Candidate[] {
	const ownPage = (url: string | null) =>
		url !== null &&
		(isTalkPage(url) || isVideo(url) || /^https?:\/\/(?:[\w-]+\.)*(?:speakerdeck|slideshare)\./i.test(url));
	if (!ownPage(first.url)) return [];
	const links: Tokens.Link[] = [];
	const visit = (tokens: Token[]) => {
		for (const inner of tokens) {
			if (inner.type === 'link') links.push(inner as Tokens.Link);
			else if ('tokens' in inner && Array.isArray(inner.tokens)) visit(inner.tokens);
		}
	};
	visit(inlineTokens(token));
	const found: Candidate[] = [];
	for (const link of links.slice(0, 12)) {
		const candidate = readCandidate([link]);
		if (
			candidate === null ||
			candidate.url === null ||
			candidate.url === first.url ||
			candidate.title === first.title ||
			!ownPage(candidate.url) ||
			!isTitleLike(candidate.title) ||
			isArtifactLabel(candidate.title)
		)
			continue;
		found.push(candidate);
	}
	return found;
}

/**
 * Every decision about a post's talks, accepted or not, in body order: what `kubecon-notes
 * sessions --explain` prints. Lines are the file's.
 */
export function explainTalks(post: Pick<Post, 'body' | 'bodyLineOffset' | 'id' | 'frontMatter'>): TalkVerdict[] {
	const verdicts: TalkVerdict[] = [];
	let blocks: SourceBlock[];
	try {
		blocks = lexBlocks(post.body);
	} catch {
		return verdicts;
	}
	const talks = post.frontMatter['talks'];
	const none = talks === false || (typeof talks === 'string' && /^(?:false|no|off)$/i.test(talks.trim()));
	extractSessions(blocks, post.id, post.bodyLineOffset, {
		none,
		trace: (verdict) => verdicts.push({...verdict, line: verdict.line + post.bodyLineOffset}),
	});
	return verdicts.sort((a, b) => a.line - b.line);
}
