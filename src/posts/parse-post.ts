import {splitFrontMatter} from './front-matter.js';
import type {FrontMatterMemo} from './front-matter-memo.js';
import {expandLiquid, liquidLimit, renderLiquid} from './liquid.js';
import {
	capNesting,
	countNewlines,
	inlineText,
	inlineTokens,
	lexBlocks,
	sanitizeName,
	sanitizeText,
	sanitizeValue,
	type SourceBlock,
} from '../markdown/index.js';
import {parsePostDate, parsePostName, titleFromSlug} from './post-name.js';
import {extractSessions} from './talks/index.js';
import {extractTopics, firstSections} from './topics.js';
import {lexFirstBlocks, offsetAfterLine, withLines, type FirstBlocks} from '../markdown/lexer.js';
import type {ParsedPost, PostWarning, Session, Topic} from './types.js';

/** Where a post's text came from. */
export type PostSource = {
	/** Decoded text of the file. */
	text: string;
	id: string;
	/** Absolute path, or `-` for standard input. */
	path: string;
	/** How warnings name the file. */
	displayPath: string;
};

const DEFAULT_SEPARATORS = ['<!--more-->', '<!-- more -->'];

/**
 * Parses one post: front matter, Liquid, excerpt, topics and sessions. Never throws on odd text.
 * `frontMatter`: blocks parsed before (front-matter-memo.ts).
 */
export function parsePost(source: PostSource, options: {frontMatter?: FrontMatterMemo} = {}): ParsedPost {
	const warnings: PostWarning[] = [];
	// Ids, names and titles made from file and folder names are made safe here, where the post is built.
	const id = sanitizeName(source.id);
	const file = sanitizeName(source.displayPath);
	const warn = (message: string, line?: number) =>
		warnings.push({file, message: sanitizeName(message), ...(line ? {line} : {})});
	const text = sanitizeText(source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
	const name = parsePostName(source.path === '-' ? 'stdin' : sanitizeName(baseName(source.path)));

	const split = splitFrontMatter(text, options.frontMatter);
	const frontMatter = sanitizeValue(split.data) as Record<string, unknown>;
	if (split.problem) warn(split.problem.message, split.problem.line);
	else if (!split.present && source.path !== '-')
		warn('no front matter; title and date come from the text and the file name', 1);
	else if (split.present && Object.keys(frontMatter).length === 0) warn('front matter is empty', 1);

	const separators =
		typeof frontMatter['excerpt_separator'] === 'string' && frontMatter['excerpt_separator'] !== ''
			? [frontMatter['excerpt_separator']]
			: DEFAULT_SEPARATORS;
	const {before, body: bodyWithLiquid} = cutExcerpt(split.body, separators);

	const title = stringField(frontMatter['title']) ?? firstHeading(bodyWithLiquid) ?? titleFromSlug(name.slug);
	// Nesting is capped before anything lexes the body, so the reader and every command see one text.
	const liquid = expandLiquid(bodyWithLiquid, {page: {...frontMatter, title}});
	if (liquid.isOverLimit)
		warn(
			`its Liquid would make the post longer than ${(liquidLimit(bodyWithLiquid.length) / 1024 / 1024).toFixed(1)} MB; shown with the Liquid as written`,
		);
	const nested = capNesting(liquid.text);
	const body = nested.text;
	if (nested.capped) warn(`markdown nested too deeply (${nested.capped}); read with the nesting cut`);

	let date = name.date;
	if (frontMatter['date'] !== undefined && frontMatter['date'] !== null) {
		const parsed = parsePostDate(frontMatter['date']);
		if (parsed) date = parsed;
		else
			warn(
				`date ${JSON.stringify(String(frontMatter['date']).slice(0, 60))} is not a date${name.date ? "; using the file name's" : ''}`,
				lineOfKey(text, 'date', split.present),
			);
	}

	// Topics, sessions and the excerpt need the markdown lexed: done on first use, so a library of
	// a thousand posts opens without lexing posts nobody looks at.
	let structure: {blocks: SourceBlock[]; intro: Topic | null; topics: Topic[]} | undefined;
	// Sessions apart from topics: the reader's first frame shows the open post's topics, and only the
	// session search needs its sessions (finding them is about half of parsing a post).
	let sessions: Session[] | undefined;
	const lexed = () => {
		if (!structure) {
			let blocks: SourceBlock[];
			try {
				blocks = lexBlocks(body);
			} catch {
				// Past the nesting caps marked may still fail: the post shows, without topics or sessions.
				warn('markdown too deeply nested to read its structure; shown without topics');
				blocks = [];
			}
			try {
				structure = {blocks, ...extractTopics(body, blocks, title)};
			} catch {
				warn('markdown too deeply nested to read its structure; shown without topics');
				structure = {blocks: [], ...extractTopics(body, [], title)};
			}
		}
		return structure;
	};
	let excerpt = stringField(frontMatter['excerpt']);
	// The sections of the first blocks (a long post's first frame), kept for the blocks they come from.
	let sectionsFrom: {first: FirstBlocks; sections: Array<{name: string; line: number}>} | undefined;

	const post: ParsedPost = {
		id,
		path: source.path,
		slug: name.slug,
		title,
		date,
		tags: listField(frontMatter['tags']),
		categories: [...listField(frontMatter['categories']), ...listField(frontMatter['category'])],
		author: stringField(frontMatter['author']),
		get excerpt() {
			// The text before the separator is lexed with the body's reference definitions, so
			// `![logo][logo]` there is known as an image.
			const definitions = lexed()
				.blocks.filter((block) => block.token.type === 'def')
				.map((block) => block.token.raw.trim());
			excerpt ??=
				before === null
					? firstParagraph(lexed().blocks)
					: plainText([renderLiquid(before, {page: {...frontMatter, title}}), '', ...definitions].join('\n'));
			return excerpt;
		},
		published: !isFalse(frontMatter['published']),
		frontMatter,
		body,
		bodyLineOffset: split.bodyLineOffset,
		get intro() {
			return lexed().intro;
		},
		get topics() {
			return lexed().topics;
		},
		firstSections(throughLine = 0) {
			if (structure) return null;
			try {
				const first = lexFirstBlocks(body, offsetAfterLine(body, throughLine));
				if (!first) return null;
				if (first !== sectionsFrom?.first) sectionsFrom = {first, sections: firstSections(withLines(first.tokens))};
				return sectionsFrom.sections;
			} catch {
				return null;
			}
		},
		get sessions() {
			if (!sessions) {
				try {
					// Front matter `talks: false`: the author says the post lists no talks.
					sessions = extractSessions(lexed().blocks, id, split.bodyLineOffset, {
						none: isFalse(frontMatter['talks']),
						...(typeof frontMatter['title'] === 'string' ? {title: frontMatter['title']} : {}),
					});
				} catch {
					warn('markdown too deeply nested to read its sessions; shown without them');
					sessions = [];
				}
			}
			return sessions;
		},
		warnings,
		// Read already: the post is its own body.
		loadBody: () => post,
	};
	return post;
}

/** Ruby's YAML reads `no`, `off` and `false` as false; a quoted "false" is still a draft in intent. */
function isFalse(value: unknown): boolean {
	return value === false || (typeof value === 'string' && /^(false|no|off)$/i.test(value.trim()));
}

/** Removes the first excerpt separator, keeping the line count; `before` is the text ahead of it. */
function cutExcerpt(body: string, separators: string[]): {before: string | null; body: string} {
	let at = -1;
	let separator = '';
	for (const candidate of separators) {
		const index = body.indexOf(candidate);
		if (index !== -1 && (at === -1 || index < at)) {
			at = index;
			separator = candidate;
		}
	}
	if (at === -1) return {before: null, body};
	const rest = body.slice(at + separator.length);
	return {before: body.slice(0, at), body: body.slice(0, at) + '\n'.repeat(countNewlines(separator)) + rest};
}

function stringField(value: unknown): string | null {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.replace(/\s+/g, ' ').trim();
	return trimmed === '' ? null : trimmed;
}

/** `[a, b]`, a block list, or Jekyll's space-separated string. */
function listField(value: unknown): string[] {
	if (Array.isArray(value))
		return value
			.flatMap((item) => (item === null || typeof item === 'object' ? [] : [String(item).trim()]))
			.filter(Boolean);
	if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
	if (typeof value === 'number') return [String(value)];
	return [];
}

/**
 * The text of the first `# Heading` line, closing hashes dropped (`# Title #`, as CommonMark reads
 * them: after a space). Read line by line with indexOf: the pattern it replaces backtracked
 * polynomially on a heading followed by thousands of spaces (4,000 took 47 s).
 */
export function firstHeading(body: string): string | null {
	for (let start = 0; start < body.length;) {
		const newline = body.indexOf('\n', start);
		const end = newline === -1 ? body.length : newline;
		if (body[start] === '#' && (body[start + 1] === ' ' || body[start + 1] === '\t')) {
			let text = body.slice(start + 1, end).trim();
			const hashes = /[ \t]#+$/.exec(text);
			if (hashes) text = text.slice(0, hashes.index).trimEnd();
			else if (/^#+$/.test(text)) text = '';
			if (text !== '') return plainText(text);
		}
		start = end + 1;
	}
	return null;
}

/** An excerpt is read from at most this much of the first paragraph's source. */
const MAX_EXCERPT_SOURCE = 4096;

function firstParagraph(blocks: SourceBlock[]): string {
	// (A paragraph longer than that is no image alone: not lexed to find out.)
	const paragraph = blocks.find(
		(block) =>
			block.token.type === 'paragraph' && (block.token.raw.length > MAX_EXCERPT_SOURCE || !isImageOnly(block.token)),
	);
	if (!paragraph) return '';
	// A paragraph of 100 KB is no excerpt: its start is, read on its own (lexing all of it cost as
	// much as rendering the post, for a line nothing shows whole).
	const {raw} = paragraph.token;
	if (raw.length > MAX_EXCERPT_SOURCE) {
		const space = raw.lastIndexOf(' ', MAX_EXCERPT_SOURCE);
		return `${plainText(raw.slice(0, space > MAX_EXCERPT_SOURCE / 2 ? space : MAX_EXCERPT_SOURCE))}…`;
	}
	return inlineText(inlineTokens(paragraph.token)).replace(/\s+/g, ' ').trim();
}

function isImageOnly(token: SourceBlock['token']): boolean {
	return inlineTokens(token).every((inner) => inner.type === 'image' || inner.raw.trim() === '');
}

/** Markdown to one line of text (for excerpts and titles): images left out; the source itself if it cannot be lexed. */
function plainText(markdown: string): string {
	let text: string;
	try {
		text = lexBlocks(markdown)
			.map((block) => inlineText(inlineTokens(block.token).filter((token) => token.type !== 'image')))
			.filter(Boolean)
			.join(' ');
	} catch {
		text = sanitizeText(markdown);
	}
	return text.replace(/\s+/g, ' ').trim();
}

function lineOfKey(text: string, key: string, hasFrontMatter: boolean): number | undefined {
	if (!hasFrontMatter) return undefined;
	const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
	return index === -1 ? undefined : index + 1;
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
