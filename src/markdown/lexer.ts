/**
 * The one way markdown is lexed. Blocks are lexed at once; each block's inline content the first
 * time something asks for it: inline lexing is most of marked's cost, the post model needs only a
 * few blocks' inline tokens, and a rendered block's token tree then dies young.
 *
 * Containment: nesting is capped before lexing (see nesting.ts), and a block whose inline content
 * still cannot be lexed becomes its source as plain text, never an exception.
 */
import {Lexer, Marked, type MarkedOptions, type Token, type Tokens} from 'marked';
import {kramdownExtensionFor} from './kramdown.js';
import {capNesting} from './nesting.js';

/** A top-level markdown token with the 1-based source line it starts on. */
export type SourceBlock = {token: Token; line: number};

/** Inline token arrays not lexed yet, with the lexer and text that fill each. */
const pendingInline = new WeakMap<Token[], {lexer: Lexer; src: string}>();

const lexingOptions = new Map<string, MarkedOptions>();

/** GFM with the kramdown tokenizers this source can need (see kramdownExtensionFor): how posts are read. */
function optionsFor(source: string): MarkedOptions {
	const footnotes = source.includes('[^');
	const attributes = source.includes('{:') || source.includes('{#');
	const key = `${footnotes} ${attributes}`;
	let options = lexingOptions.get(key);
	if (options === undefined) {
		options = new Marked({gfm: true}, kramdownExtensionFor(footnotes, attributes)).defaults;
		lexingOptions.set(key, options);
	}
	return options;
}

/**
 * Block-lexes `source` (prepared first: see `prepareSource`); inline arrays are filled by
 * `inlineTokens` or `completeBlock`. `options`, when given, come from a marked instance that uses
 * `kramdownExtension`; by default GFM with the kramdown tokenizers the source can need. Throws
 * only if marked itself fails on the blocks.
 */
export function lexTokens(source: string, options?: MarkedOptions): Token[] {
	const prepared = prepareSource(source);
	const lexer = new Lexer({...(options ?? optionsFor(prepared))});
	const tokens = lexer.blockTokens(prepared, lexer.tokens);
	for (const queued of lexer.inlineQueue) pendingInline.set(queued.tokens, {lexer, src: queued.src});
	lexer.inlineQueue = [];
	return tokens;
}

// A reference definition with TABs around its URL: `[logo]:<TAB><TAB>/x.png "Title"`.
const TABBED_DEFINITION = /^( {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:)[ \t]+(\S+)(?:[ \t]+(\S.*))?$/gm;

/**
 * The source as it is lexed, line for line the same text: nesting capped, and reference
 * definitions written with TABs between `]:`, the URL and the title given single spaces.
 * kramdown (Jekyll) and CommonMark take those as definitions; marked 18 takes only spaces,
 * so such a line, and every definition below it, would print raw.
 */
export function prepareSource(source: string): string {
	const capped = capNesting(source).text;
	if (!capped.includes('\t')) return capped;
	return capped.replace(TABBED_DEFINITION, (line: string, label: string, url: string, title: string | undefined) =>
		line.includes('\t') ? `${label} ${url}${title === undefined ? '' : ` ${title}`}` : line,
	);
}

/** Lexes a body into top-level tokens, each with its start line (the tokens' raw texts tile the body). */
export function lexBlocks(body: string, options?: MarkedOptions): SourceBlock[] {
	const blocks: SourceBlock[] = [];
	let line = 1;
	for (const token of lexTokens(body, options)) {
		blocks.push({token, line});
		for (let index = token.raw.indexOf('\n'); index !== -1; index = token.raw.indexOf('\n', index + 1)) line++;
	}
	return blocks;
}

/** Fills one pending inline array; on failure it holds the source as one text token. */
function complete(tokens: Token[]): void {
	const pending = pendingInline.get(tokens);
	if (!pending) return;
	pendingInline.delete(tokens);
	try {
		pending.lexer.state.inRawBlock = false;
		pending.lexer.inlineTokens(pending.src, tokens);
	} catch {
		// Beyond the nesting caps marked can still recurse too deep: the text shows as written.
		tokens.length = 0;
		tokens.push({type: 'text', raw: pending.src, text: pending.src, escaped: false} as Tokens.Text);
	}
}

/** Inline tokens of a block-level token (a paragraph, a heading, or the text of a tight list item). */
export function inlineTokens(token: Token | undefined): Token[] {
	if (!token || !(token.type === 'paragraph' || token.type === 'text' || token.type === 'heading')) return [];
	const tokens = (token as Tokens.Paragraph).tokens ?? [];
	complete(tokens);
	return tokens;
}

/** Fills in every inline array inside a block (paragraphs, headings, list items' text, table cells…). */
export function completeBlock(token: Token): void {
	if ('tokens' in token && Array.isArray(token.tokens)) {
		const children = token.tokens as Token[];
		if (pendingInline.has(children)) complete(children);
		else for (const child of children) completeBlock(child);
	}
	if (token.type === 'list') for (const item of (token as Tokens.List).items) completeBlock(item);
	if (token.type === 'table') {
		const table = token as Tokens.Table;
		for (const cell of [...table.header, ...table.rows.flat()]) complete(cell.tokens);
	}
}
