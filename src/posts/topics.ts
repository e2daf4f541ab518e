import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, type SourceBlock} from '../markdown/index.js';
import type {Topic} from './types.js';

/**
 * A paragraph that is nothing but bold text (`__On storage__`) is a topic in many themes' posts;
 * so is one in bold italics (`***Myth #1: …***`), which kramdown renders bold.
 */
export function boldOnlyName(block: SourceBlock): string | null {
	if (block.token.type !== 'paragraph') return null;
	// Cheap test on the source first: most paragraphs are prose and need no inline lexing.
	if (!isBoldShaped(block.token.raw)) return null;
	const inline = inlineTokens(block.token).filter((token) => !(token.type === 'text' && token.raw.trim() === ''));
	if (inline.length !== 1 || !isBoldToken(inline[0]!)) return null;
	const name = inlineText([inline[0]!]).trim();
	return name === '' ? null : name;
}

/** `**x**`, or bold italics however nested: `***x***` lexes as emphasis around strong (or the reverse). */
function isBoldToken(token: Token): boolean {
	if (token.type === 'strong') return true;
	if (token.type !== 'em') return false;
	const inner = ((token as Tokens.Em).tokens ?? []).filter(
		(child) => !(child.type === 'text' && child.raw.trim() === ''),
	);
	return inner.length === 1 && inner[0]!.type === 'strong';
}

/** Starts and ends with `**` or `__`: the only paragraphs that can be bold-only. */
export function isBoldShaped(raw: string): boolean {
	const trimmed = raw.trim();
	return /^(\*\*|__)/.test(trimmed) && /(\*\*|__)$/.test(trimmed);
}

type TopicStart = Pick<Topic, 'name' | 'kind' | 'depth' | 'line'>;

function topicStart(block: SourceBlock): TopicStart | null {
	if (block.token.type === 'heading') {
		const heading = block.token as Tokens.Heading;
		const name = inlineText(inlineTokens(heading)).trim();
		return name === '' ? null : {name, kind: 'heading', depth: heading.depth, line: block.line};
	}
	const bold = boldOnlyName(block);
	return bold === null ? null : {name: bold, kind: 'bold', depth: 7, line: block.line};
}

/** The blocks that start a topic, in order. */
function topicStarts(blocks: SourceBlock[]): TopicStart[] {
	return blocks.map(topicStart).filter((start): start is TopicStart => start !== null);
}

/**
 * Whether the text before the first topic is an introduction: it holds text (`hasText`), and not
 * only reference definitions (`[logo]: …`), which no one reads as one.
 */
function hasIntroduction(blocks: SourceBlock[], firstLine: number, hasText: boolean): boolean {
	return hasText && blocks.some((block) => block.line < firstLine && !['space', 'def'].includes(block.token.type));
}

/** The topics of a body and its introduction; a body without topics is one topic named `title`. */
export function extractTopics(
	body: string,
	blocks: SourceBlock[],
	title: string,
): {intro: Topic | null; topics: Topic[]} {
	const lines = body.split('\n');
	const starts = topicStarts(blocks);
	const section = (start: TopicStart, endLine: number): Topic => ({
		...start,
		endLine,
		text: lines.slice(start.line - 1, endLine).join('\n'),
	});
	const lastLine = lastTextLine(lines);
	if (starts.length === 0) {
		return {intro: null, topics: [section({name: title, kind: 'whole', depth: 1, line: 1}, Math.max(1, lastLine))]};
	}
	const topics = starts.map((start, index) =>
		section(start, Math.max(start.line, (starts[index + 1]?.line ?? lastLine + 1) - 1)),
	);
	const firstLine = starts[0]!.line;
	const introText = lines.slice(0, firstLine - 1).join('\n');
	const hasIntro = hasIntroduction(blocks, firstLine, introText.trim() !== '');
	return {
		intro: hasIntro ? section({name: 'Introduction', kind: 'intro', depth: 0, line: 1}, firstLine - 1) : null,
		topics,
	};
}

/**
 * The sidebar's sections (the introduction, then the topics) among a long post's first blocks
 * (lexFirstBlocks): the same names and lines `extractTopics` gives for them, for a first frame drawn
 * before the post is lexed whole. Empty when those blocks start no topic.
 */
export function firstSections(blocks: SourceBlock[]): Array<{name: string; line: number}> {
	const starts = topicStarts(blocks);
	if (starts.length === 0) return [];
	const firstLine = starts[0]!.line;
	// As extractTopics: blocks before the first topic tile the lines before it.
	const hasText = blocks.some((block) => block.line < firstLine && block.token.raw.trim() !== '');
	const hasIntro = hasIntroduction(blocks, firstLine, hasText);
	return [...(hasIntro ? [{name: 'Introduction', line: 1}] : []), ...starts.map(({name, line}) => ({name, line}))];
}

function lastTextLine(lines: string[]): number {
	let last = lines.length;
	while (last > 1 && lines[last - 1]!.trim() === '') last--;
	return last;
}
