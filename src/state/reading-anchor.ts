/**
 * Where the reader was in a post, kept so that it survives a resize (another width), a restart and
 * an edit of the post. Pure: a rendered doc and numbers in, numbers out.
 */
import {blockAtLine} from '../render/locate.js';
import type {RenderedBlock, RenderedDoc} from '../render/types.js';

/** A reading position, independent of the width it was captured at. */
export type ReadingAnchor = {
	/** Source line of the block at the top of the pane (1-based, in post.body); 0 when the doc had no block. */
	sourceLine: number;
	/** The block's key in the short form `anchorKey` gives: matched by content after an edit. */
	blockKey: string;
	/** How far into the block the top of the pane is, as a fraction 0..1 of the block's rendered lines. */
	blockFraction: number;
	/** Name of the topic the position is in (or null). */
	topic: string | null;
	/** Overall progress 0..1 (top line / max scroll, 1 at the end). */
	progress: number;
};

/**
 * Where a post was left, and what of it has been read: the reader's own type. The store
 * (src/store/schema.ts) checks every one it reads or is given against it; this type does not
 * depend on the file's shape.
 */
export type PostPosition = {
	anchor: ReadingAnchor;
	/** Names of the topics seen so far. */
	readTopics: string[];
	/** Epoch milliseconds; the oldest positions are dropped first. */
	updatedAt: number;
	/** The end was reached. */
	done?: boolean;
};

/** A topic's name and its first rendered line (a 0-based index into `RenderedDoc.lines`). */
export type TopicLine = {name: string; line: number};

/** Keys up to this length are kept whole; longer ones as a prefix and a hash, so the store stays small. */
const keyLimit = 200;
const keyPrefixLength = 160;
const hashedKey = /…#[0-9a-f]{8}$/;
/** Word-set Dice coefficient a block needs to count as the same block, edited. */
const similarityThreshold = 0.6;

/**
 * The form of a block key kept in an anchor: short keys verbatim, long ones as their first 160
 * characters plus a hash of the whole, so an exact match still means the same content.
 */
export function anchorKey(key: string): string {
	if (key.length <= keyLimit) {
		return key;
	}
	let cut = keyPrefixLength;
	// Do not split a surrogate pair: a lone half would not survive the JSON round trip intact.
	const code = key.charCodeAt(cut - 1);
	if (code >= 0xd8_00 && code <= 0xdb_ff) {
		cut--;
	}
	return `${key.slice(0, cut)}…#${fnv1a(key)}`;
}

/**
 * Maps topics (whose `line` is a 1-based source line in post.body) to the rendered line where each
 * starts in `doc`: the first block at or after the topic's source line.
 */
export function renderedTopicLines(doc: RenderedDoc, topics: ReadonlyArray<{name: string; line: number}>): TopicLine[] {
	return topics.map((topic) => {
		const block = doc.blocks.find((candidate) => candidate.sourceLine >= topic.line);
		return {name: topic.name, line: block ? block.startLine : Math.max(0, doc.lines.length - 1)};
	});
}

/**
 * Captures the position whose top rendered line is `topLine` (0-based) in a pane `viewportHeight`
 * rows high.
 */
export function captureAnchor(
	doc: RenderedDoc,
	topLine: number,
	topicName: string | null,
	viewportHeight: number,
): ReadingAnchor {
	const lastLine = Math.max(0, doc.lines.length - 1);
	const top = clamp(Math.round(finiteOr(topLine, 0)), 0, lastLine);
	const maxScroll = maxScrollOf(doc, viewportHeight);
	const progress = maxScroll > 0 ? clamp(top / maxScroll, 0, 1) : 0;
	const topic = typeof topicName === 'string' ? topicName : null;
	const block = doc.blocks[blockAtLine(doc, top)];
	// Above the first block (the title, date and rule the reader shows first) there is no block to
	// name: the place is that far from the top, which restores as such (`g` stores the top itself).
	if (!block || top < block.startLine) {
		return {sourceLine: 0, blockKey: '', blockFraction: 0, topic: block ? null : topic, progress};
	}
	const blockFraction = block.lineCount > 0 ? clamp((top - block.startLine) / block.lineCount, 0, 1) : 0;
	return {sourceLine: block.sourceLine, blockKey: anchorKey(block.key), blockFraction, topic, progress};
}

/**
 * The top line to scroll to in `doc` (maybe rendered at another width, maybe of an edited post).
 * Tries, in order: the same block at the same source line; the same block moved; a block that reads
 * almost the same (preferring the same-named topic); the same-named topic's start; the progress
 * fraction. `topicLines` are rendered lines; `viewportHeight`, when given, makes the progress
 * fallback exact and clamps to the last scroll position. Never throws.
 */
export function restoreAnchor(
	doc: RenderedDoc,
	anchor: ReadingAnchor,
	topicLines?: readonly TopicLine[],
	viewportHeight?: number,
): number {
	try {
		const lineCount = Array.isArray(doc?.lines) ? doc.lines.length : 0;
		const height = typeof viewportHeight === 'number' && viewportHeight >= 1 ? viewportHeight : 1;
		const maxTop = Math.max(0, lineCount - height);
		const safe = sanitizeAnchor(anchor) ?? {sourceLine: 0, blockKey: '', blockFraction: 0, topic: null, progress: 0};
		const line = findLine(doc, safe, validTopicLines(topicLines), maxTop);
		return clamp(Math.round(finiteOr(line, 0)), 0, maxTop);
	} catch {
		return 0;
	}
}

/**
 * A clean anchor from untrusted data (a store file, an older version): numbers made finite and
 * clamped, strings checked. Undefined when it is not an anchor at all.
 */
export function sanitizeAnchor(value: unknown): ReadingAnchor | undefined {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}
	const record = value as Record<string, unknown>;
	const sourceLine =
		typeof record['sourceLine'] === 'number' && Number.isInteger(record['sourceLine']) && record['sourceLine'] > 0
			? record['sourceLine']
			: 0;
	const blockKey = typeof record['blockKey'] === 'string' ? record['blockKey'] : '';
	const topic = typeof record['topic'] === 'string' ? record['topic'] : null;
	if (sourceLine === 0 && blockKey === '' && topic === null && typeof record['progress'] !== 'number') {
		return undefined;
	}
	return {
		sourceLine,
		blockKey,
		blockFraction: clamp(finiteOr(record['blockFraction'], 0), 0, 1),
		topic,
		progress: clamp(finiteOr(record['progress'], 0), 0, 1),
	};
}

function findLine(doc: RenderedDoc, anchor: ReadingAnchor, topicLines: TopicLine[], maxTop: number): number {
	const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
	const hasKey = anchor.blockKey !== '';
	if (anchor.sourceLine > 0) {
		const exact = blocks.find(
			(block) => block.sourceLine === anchor.sourceLine && anchorKey(block.key) === anchor.blockKey,
		);
		if (exact) {
			return lineInBlock(exact, anchor.blockFraction);
		}
	}
	if (hasKey) {
		const moved = nearestBySource(
			blocks.filter((block) => anchorKey(block.key) === anchor.blockKey),
			anchor.sourceLine,
		);
		if (moved) {
			return lineInBlock(moved, anchor.blockFraction);
		}
		const similar = mostSimilarBlock(blocks, anchor, topicRanges(topicLines, anchor.topic));
		if (similar) {
			return lineInBlock(similar, anchor.blockFraction);
		}
	} else if (anchor.sourceLine > 0) {
		// A block without text (a rule, a spacer) or an anchor from before keys were kept: the
		// source line is all there is to go on.
		// Past the last block's start the line may be beyond a shortened post: leave that to progress.
		const index = blocks.findLastIndex((block) => block.sourceLine <= anchor.sourceLine);
		const block = blocks[index];
		if (block && (index < blocks.length - 1 || block.sourceLine === anchor.sourceLine)) {
			return block.startLine;
		}
	}
	const estimate = anchor.progress * maxTop;
	if (anchor.topic !== null) {
		const sameName = topicLines.filter((topic) => topic.name === anchor.topic);
		if (sameName.length > 0) {
			// Two topics may share a name (two "Q&A" sections): take the one nearest where we were.
			return sameName.reduce((best, topic) =>
				Math.abs(topic.line - estimate) < Math.abs(best.line - estimate) ? topic : best,
			).line;
		}
	}
	return estimate;
}

function lineInBlock(block: RenderedBlock, fraction: number): number {
	const offset = Math.round(fraction * block.lineCount);
	return block.startLine + clamp(offset, 0, Math.max(0, block.lineCount - 1));
}

function nearestBySource(blocks: RenderedBlock[], sourceLine: number): RenderedBlock | undefined {
	let best: RenderedBlock | undefined;
	for (const block of blocks) {
		if (!best || Math.abs(block.sourceLine - sourceLine) < Math.abs(best.sourceLine - sourceLine)) {
			best = block;
		}
	}
	return best;
}

type Range = {start: number; end: number};

function topicRanges(topicLines: TopicLine[], name: string | null): Range[] {
	if (name === null) {
		return [];
	}
	const sorted = [...topicLines].sort((a, b) => a.line - b.line);
	const ranges: Range[] = [];
	for (const [index, topic] of sorted.entries()) {
		if (topic.name === name) {
			ranges.push({start: topic.line, end: sorted[index + 1]?.line ?? Number.POSITIVE_INFINITY});
		}
	}
	return ranges;
}

function mostSimilarBlock(blocks: RenderedBlock[], anchor: ReadingAnchor, ranges: Range[]): RenderedBlock | undefined {
	const wanted = wordSet(anchor.blockKey.replace(hashedKey, ''));
	if (wanted.size === 0) {
		return undefined;
	}
	// Compare like with like: a stored long key is only a prefix, so cut candidates the same way.
	const isPrefix = hashedKey.test(anchor.blockKey);
	let best: {block: RenderedBlock; score: number; inTopic: boolean} | undefined;
	for (const block of blocks) {
		const text = isPrefix ? block.key.slice(0, keyPrefixLength) : block.key;
		const score = dice(wanted, wordSet(text));
		if (score < similarityThreshold) {
			continue;
		}
		const inTopic = ranges.some((range) => block.startLine >= range.start && block.startLine < range.end);
		if (!best || isBetter({block, score, inTopic}, best, anchor.sourceLine)) {
			best = {block, score, inTopic};
		}
	}
	return best?.block;
}

function isBetter(
	candidate: {block: RenderedBlock; score: number; inTopic: boolean},
	best: {block: RenderedBlock; score: number; inTopic: boolean},
	sourceLine: number,
): boolean {
	if (candidate.inTopic !== best.inTopic) {
		return candidate.inTopic;
	}
	if (candidate.score !== best.score) {
		return candidate.score > best.score;
	}
	return Math.abs(candidate.block.sourceLine - sourceLine) < Math.abs(best.block.sourceLine - sourceLine);
}

function wordSet(text: string): Set<string> {
	return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function dice(a: Set<string>, b: Set<string>): number {
	if (a.size === 0 || b.size === 0) {
		return 0;
	}
	let shared = 0;
	for (const word of a) {
		if (b.has(word)) {
			shared++;
		}
	}
	return (2 * shared) / (a.size + b.size);
}

function validTopicLines(topicLines: unknown): TopicLine[] {
	if (!Array.isArray(topicLines)) {
		return [];
	}
	return topicLines.filter(
		(topic): topic is TopicLine =>
			typeof topic === 'object' &&
			topic !== null &&
			typeof topic.name === 'string' &&
			typeof topic.line === 'number' &&
			Number.isFinite(topic.line),
	);
}

function maxScrollOf(doc: RenderedDoc, viewportHeight: number): number {
	const height = Math.max(1, Math.floor(finiteOr(viewportHeight, 1)));
	return Math.max(0, doc.lines.length - height);
}

function finiteOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), high);
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, enough to tell edits apart. */
function fnv1a(text: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}
