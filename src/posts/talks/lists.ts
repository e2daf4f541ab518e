/**
 * Lists of talks: each item read once (`readItems`), then the list decided as a group
 * (`collectList`): its lead-in, its headings, and how many siblings carry evidence of their own.
 * Split from index.ts.
 */
import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, listItemLines, type SourceBlock} from '../../markdown/index.js';
import {
	announcesTalks,
	isArtifactLabel,
	isBreak,
	isNegated,
	isTalkPage,
	isTitleLike,
	isVideo,
	leadsIntoTalks,
	namesDay,
	saysMissed,
} from './evidence.js';
import type {Grouping} from './groups.js';
import {isTitleCaseTitle} from './heading-speakers.js';
import type {Context, Sink} from './index.js';
import {nestedArtifactUrl, readCandidate, type Candidate} from './items.js';
import {speakersAfter} from './item-text.js';
import {personScore} from './people.js';
import {proseTalks} from './prose.js';
import {withLenientNames} from './speakers.js';

/** The candidates of a list's items, read once. */
type Item = {candidate: Candidate | null; nested: Tokens.List | null; offset: number; raw: string; tokens: Token[]};

/** Items read once per list: the evidence pass and the collecting pass share them. */
const itemCache = new WeakMap<Tokens.List, Item[]>();

export function readItems(list: Tokens.List): Item[] {
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
		// `Presented by Ann Lee` on a line of the item's own after its title: the item is that person's talk.
		const presenters = candidate && candidate.speakers === null ? presentedBy(item.tokens) : null;
		if (
			candidate &&
			presenters !== null &&
			(candidate.evidence !== 'none' || isTitleLike(candidate.title) || isShortHead(candidate.title))
		) {
			candidate.speakers = presenters === '' ? null : presenters;
			candidate.evidence = 'talk';
		}
		// A title whose nested items are only its slides, replay or abstract is a talk, not a group.
		const ownLinks =
			nested !== null && candidate !== null && nested.items.every((nestedItem) => isArtifactItem(nestedItem));
		if (ownLinks && candidate.evidence === 'title') candidate.evidence = 'talk';
		return {candidate, nested, offset: lines[index]!, raw: item.raw, tokens: item.tokens};
	});
}

/**
 * The people a `Presented by …` line of an item's later paragraphs names ('' when they are only
 * handles, `@ann`, which name no one by name), else null.
 */
function presentedBy(tokens: Token[]): string | null {
	const first = tokens.findIndex((token) => token.type === 'text' || token.type === 'paragraph');
	for (const token of tokens.slice(first + 1)) {
		if (token.type !== 'paragraph' && token.type !== 'text') continue;
		for (const line of inlineText(inlineTokens(token)).split('\n')) {
			if (!/^\s{0,3}presented\s+by\s/i.test(line)) continue;
			const names = speakersAfter(line.trim());
			if (names === null) return null;
			return names
				.split(/,|&|\band\b/)
				.map((name) => name.trim())
				.filter((name) => name !== '' && !name.startsWith('@'))
				.join(', ');
		}
	}
	return null;
}

/** A head of a few words that is not a sentence: `Introducing example.net`. */
const isShortHead = (title: string) => title.split(' ').length <= 10 && !/[.!?:;,]$/.test(title);

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

/** Words wholly in quotes: `"Just add caching"`. */
const QUOTED = /^["“][^"“”]{1,200}["”]$/;

export function collectList(list: Tokens.List, line: number, context: Context, sink: Sink): void {
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
	// `10h - 10h50 : Title` on every line: a timetable, whose lines other than breaks are its sessions.
	const timetable =
		leaves.length >= 3 &&
		leaves.every((item) => item.candidate?.slotted === true) &&
		leaves.filter((item) => item.candidate!.evidence !== 'none').length * 2 > leaves.length;
	// Under `Here are the talks I missed:`, items that are each one bold or linked title are the talks.
	const boldTitles =
		context.supported &&
		!context.insideTalk &&
		context.groupings.length > 0 &&
		leadsIntoTalks(context.groupings[0]!.text) &&
		leaves.length >= 2 &&
		leaves.every((item) => wholeTitle(item.tokens[0]));
	const titlesCount =
		programme ||
		timetable ||
		boldTitles ||
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
			if (
				candidate.evidence === 'none' &&
				!(linkedTitles && candidate.linkedTitle) &&
				!(timetable && !isBreak(candidate.title) && /^[\p{L}\p{N}"“'‘]/u.test(candidate.title)) &&
				!(boldTitles && !isBreak(candidate.title))
			) {
				// `Kate's well-researched talk on [Title][2] …`: a bullet of prose may name talks as a paragraph does.
				const prose = item.tokens[0] !== undefined && item.tokens[0].raw.split(/\s+/).length >= 4;
				const inProse = prose
					? proseTalks({token: {...item.tokens[0]!, type: 'paragraph'}, line: itemLine} as SourceBlock)
					: [];
				for (const talk of inProse)
					sink.add(talk, lineInItem(item.raw, itemLine, talk.title, talk.line), context.groupings, {
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
			// In a talk's notes, `* Ann Lee: "Just add caching"` quotes what someone said: a quote, not a talk.
			if (
				context.insideTalk === true &&
				candidate.url === null &&
				candidate.speakers !== null &&
				QUOTED.test(candidate.title)
			) {
				sink.miss('list item', candidate.title, itemLine, "a person's words quoted in a talk's notes");
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
			sink.add({...other, missed}, lineInItem(item.raw, itemLine, other.title, itemLine), context.groupings, {
				kind: 'list item',
				why: 'a second talk page or recording linked in the same item',
			});
	}
}

/** The line of a multi-line item that holds a title (the jump lands on it), else `fallback`. */
function lineInItem(raw: string, itemLine: number, title: string, fallback: number): number {
	const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
	const probe = key(title).trim().slice(0, 12);
	if (probe === '') return fallback;
	const rows = raw.split('\n');
	const at = rows.findIndex((row) => key(row).includes(probe));
	return at === -1 ? fallback : itemLine + at;
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
	const inline = inlineTokens(token);
	visit(inline);
	const found: Candidate[] = [];
	for (const link of links.slice(0, 12)) {
		// `… and [B](…) by Bo Chan`: a link of the item's own line keeps the words after it, up to the next link.
		const at = inline.indexOf(link);
		const next = at === -1 ? -1 : inline.findIndex((other, index) => index > at && other.type === 'link');
		const candidate = readCandidate(at === -1 ? [link] : inline.slice(at, next === -1 ? undefined : next));
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

/** The item's first line is one bold or linked title and nothing else, not ending like a sentence. */
function wholeTitle(token: Token | undefined): boolean {
	const inline = inlineTokens(token).filter((inner) => !(inner.type === 'text' && inner.raw.trim() === ''));
	if (inline.length !== 1 || !['strong', 'link'].includes(inline[0]!.type)) return false;
	const text = inlineText([inline[0]!]).trim();
	return text.length >= 3 && text.length <= 140 && !/[.!;,:]$/.test(text);
}
