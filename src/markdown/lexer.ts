/**
 * The one way markdown is lexed. Blocks are lexed at once; each block's inline content the first
 * time something asks for it: inline lexing is most of marked's cost, the post model needs only a
 * few blocks' inline tokens, and a rendered block's token tree then dies young.
 *
 * Containment: nesting is capped before lexing (see nesting.ts), and a block whose inline content
 * still cannot be lexed becomes its source as plain text, never an exception.
 */
import {Lexer, Marked, type MarkedOptions, type Token, type Tokens} from 'marked';
import {footnoteLabels, kramdownExtensionFor} from './kramdown.js';
import {capNesting} from './nesting.js';
import {sanitizeMarkdown} from './sanitize.js';

/** A top-level markdown token with the 1-based source line it starts on. */
export type SourceBlock = {token: Token; line: number};

/** Inline token arrays not lexed yet, with the lexer and text that fill each. */
const pendingInline = new WeakMap<Token[], {lexer: Lexer; src: string}>();

const lexingOptions = new Map<string, MarkedOptions>();

/** Which kramdown tokenizers `source` can need: the key of its options. */
function optionsKey(source: string): string {
	return `${source.includes('[^')} ${source.includes('{:') || source.includes('{#')}`;
}

/** GFM with the kramdown tokenizers this source can need (see kramdownExtensionFor): how posts are read. */
function optionsFor(source: string): MarkedOptions {
	const key = optionsKey(source);
	let options = lexingOptions.get(key);
	if (options === undefined) {
		const [footnotes, attributes] = key.split(' ').map((flag) => flag === 'true');
		options = new Marked({gfm: true}, kramdownExtensionFor(footnotes!, attributes!)).defaults;
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
	return lexWithLexer(source, options).tokens;
}

/** `lexTokens`, with the lexer that made the tokens (its reference definitions and footnote labels). */
function lexWithLexer(source: string, options?: MarkedOptions): {tokens: Token[]; lexer: Lexer | undefined} {
	if (options === undefined && source.length >= SHARED_FROM && lastLexed?.source === source) {
		const {tokens, lexer} = lastLexed;
		lastLexed = undefined;
		return {tokens, lexer};
	}
	const prepared = prepareSource(source);
	const lexer = new Lexer({...(options ?? optionsFor(prepared))});
	const tokens = lexer.blockTokens(prepared, lexer.tokens);
	for (const queued of lexer.inlineQueue) pendingInline.set(queued.tokens, {lexer, src: queued.src});
	lexer.inlineQueue = [];
	if (options === undefined && source.length >= SHARED_FROM) lastLexed = {source, tokens: tokens.slice(), lexer};
	return {tokens, lexer};
}

/**
 * A long text lexed twice running (the reader renders a post and reads its topics from the same
 * body) is lexed once: the second caller gets the same tokens in an array of its own. Callers
 * never change a token (inline arrays are filled once, the same whoever asks first). Kept for that
 * one second caller only: a long post's tokens are not held for the rest of the run.
 */
const SHARED_FROM = 32 * 1024;
let lastLexed: {source: string; tokens: Token[]; lexer: Lexer} | undefined;

/**
 * The first blocks of a long text, lexed alone: what a long post's first frame needs (its first
 * screen and the topics in it), without lexing the whole post first. `tokens` are the text's own
 * first tokens, as lexing it whole gives them, except where a block below them changes them (a
 * reference definition or footnote further down): lexAfterFirstBlocks says so.
 */
export type FirstBlocks = {
	/** The text they are the first blocks of, as given (sanitised when lexed: sanitizeMarkdown). */
	source: string;
	/** Never changed by a caller: take a copy to walk. */
	tokens: readonly Token[];
	lexer: Lexer;
};

/** First blocks reach this far (characters) past what they are asked to cover; the text must be twice as long. */
export const FIRST_PART = 32 * 1024;

/** The last first blocks made, with how many characters of their text they cover. */
let lastFirst: (FirstBlocks & {covered: number}) | undefined;

/**
 * The first blocks of `source` (sanitised: sanitizeMarkdown) covering its first `through`
 * characters, or null when the text is not long enough to gain by it. The text is cut after a
 * blank line FIRST_PART past `through`, lexed, and the block at the cut dropped (it may go on past
 * it). Kept for the next call on the same text that they cover: the render and the topics of a
 * first frame share them.
 */
export function lexFirstBlocks(source: string, through = 0): FirstBlocks | null {
	if (lastFirst?.source === source && lastFirst.covered >= through) return lastFirst;
	const wanted = through + FIRST_PART;
	if (source.length < 2 * wanted) return null;
	const blank = source.indexOf('\n\n', wanted);
	if (blank === -1 || blank > source.length - wanted) return null;
	// Only the part is sanitised and prepared: both work line by line (the whole text's are done after the frame).
	const part = sanitizeMarkdown(source.slice(0, blank + 1));
	const prepared = prepareSource(part);
	// Options for the part: a kramdown tokenizer the part has no opening of changes none of its tokens.
	const lexer = new Lexer({...optionsFor(prepared)});
	const tokens = lexer.blockTokens(prepared, lexer.tokens);
	// The last block may go on past the cut (a list, a fence, a paragraph): dropped, the spaces after it too.
	let kept = tokens.length;
	while (kept > 0 && tokens[kept - 1]!.type === 'space') kept--;
	kept = Math.max(0, kept - 1);
	if (kept === 0) return null;
	const keptTokens = tokens.slice(0, kept);
	const keptInline = new Set<Token[]>();
	for (const token of keptTokens) collectInline(token, keptInline);
	for (const queued of lexer.inlineQueue)
		if (keptInline.has(queued.tokens)) pendingInline.set(queued.tokens, {lexer, src: queued.src});
	lexer.inlineQueue = [];
	let covered = 0;
	for (const token of keptTokens) covered += token.raw.length;
	lastFirst = {source, tokens: keptTokens, lexer, covered};
	return lastFirst;
}

/** The offset just past source line `line` (1-based) of `text` (0 for line 0), or its length. */
export function offsetAfterLine(text: string, line: number): number {
	let at = 0;
	for (let count = 0; count < line; count++) {
		const newline = text.indexOf('\n', at);
		if (newline === -1) return text.length;
		at = newline + 1;
	}
	return at;
}

/** Every inline array inside a block (as completeBlock finds them). */
function collectInline(token: Token, into: Set<Token[]>): void {
	if ('tokens' in token && Array.isArray(token.tokens)) {
		into.add(token.tokens as Token[]);
		for (const child of token.tokens as Token[]) collectInline(child, into);
	}
	if (token.type === 'list') for (const item of (token as Tokens.List).items) collectInline(item, into);
	if (token.type === 'table') {
		const table = token as Tokens.Table;
		for (const cell of [...table.header, ...table.rows.flat()]) into.add(cell.tokens);
	}
}

/**
 * The whole text's tokens after its first blocks were used: `continues` when the first blocks are
 * exactly its first tokens, read with the same definitions (so what was made of them stands), else
 * the first blocks must be made again from these tokens.
 */
export function lexAfterFirstBlocks(first: FirstBlocks): {tokens: Token[]; continues: boolean} {
	const {source} = first;
	if (lastFirst === first) lastFirst = undefined;
	const {tokens, lexer} = lexWithLexer(sanitizeMarkdown(source));
	const continues =
		lexer !== undefined &&
		first.tokens.every((token, index) => tokens[index]?.raw === token.raw && tokens[index]?.type === token.type) &&
		sameDefinitions(first.lexer, lexer);
	return {tokens, continues};
}

/** Whether two lexers know the same reference definitions and footnote labels. */
function sameDefinitions(first: Lexer, whole: Lexer): boolean {
	const links = (lexer: Lexer) => JSON.stringify(Object.entries(lexer.tokens.links ?? {}).sort());
	const labels = (lexer: Lexer) => [...(footnoteLabels(lexer) ?? [])].sort().join('\n');
	return links(first) === links(whole) && labels(first) === labels(whole);
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
	return withLines(lexTokens(body, options));
}

/** Top-level tokens that tile a text from its start, each with the line it starts on. */
export function withLines(tokens: readonly Token[]): SourceBlock[] {
	const blocks: SourceBlock[] = [];
	let line = 1;
	for (const token of tokens) {
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
		lexInlineInPieces(pending.lexer, pending.src, tokens);
	} catch {
		// Beyond the nesting caps marked can still recurse too deep: the text shows as written.
		tokens.length = 0;
		tokens.push({type: 'text', raw: pending.src, text: pending.src, escaped: false} as Tokens.Text);
	}
}

/**
 * How much text marked's inline lexer is given at once. Several of its inline rules rescan the rest
 * of the text from every opener that never closes (`<!--` and `<?` in a heading, a backtick run in
 * link text, `*a _` emphasis, a run of `!` through its e-mail lookahead): 80 KB of one such shape
 * took 45 to 77 s. The work of one piece grows with its openers times its length, so a piece ends
 * where that product passes OPENER_BUDGET, and at MAX_INLINE_PIECE characters at most: prose (an
 * opener every fifty characters or so) keeps lines of 2 KB whole, and the shared corpus has none
 * longer; text made of openers is read a few hundred characters at a time. Pieces are cut where
 * no link, code or parenthesis is open (see pieceEnd).
 */
export const MAX_INLINE_PIECE = 2048;
const OPENER_BUDGET = 96 * 1024;
/** Characters that start an inline construct marked may scan ahead from. */
const OPENERS = new Set(['*', '_', '~', '`', '[', ']', '!', '<', '\\', '&']);

/** Lexes inline `src` into `tokens`, in pieces (see above). */
function lexInlineInPieces(lexer: Lexer, src: string, tokens: Token[]): void {
	for (let start = 0; start < src.length;) {
		const end = pieceEnd(src, start);
		lexer.inlineTokens(start === 0 && end === src.length ? src : src.slice(start, end), tokens);
		start = end;
	}
}

/**
 * Where the piece of `src` starting at `start` ends, within the budget: after the last line
 * break, else after the last sentence's end, else after the last space, each taken only where no
 * bracket, parenthesis or code span is open (so a link is not cut in two); else after the last
 * space at all; else at the budget (never between the halves of a surrogate pair).
 */
function pieceEnd(src: string, start: number): number {
	const end = Math.min(src.length, start + MAX_INLINE_PIECE);
	let openers = 0;
	let limit = start;
	while (limit < end && openers * (limit - start) <= OPENER_BUDGET) {
		if (OPENERS.has(src[limit]!)) openers++;
		limit++;
	}
	if (limit >= src.length) return src.length;
	let depth = 0;
	let isInCode = false;
	let lineEnd = -1;
	let sentenceEnd = -1;
	let spaceEnd = -1;
	let anySpaceEnd = -1;
	for (let at = start; at < limit; at++) {
		const char = src[at]!;
		if (char === '`') isInCode = !isInCode;
		else if (isInCode) continue;
		else if (char === '[' || char === '(') depth++;
		else if ((char === ']' || char === ')') && depth > 0) depth--;
		if (char !== ' ' && char !== '\t' && char !== '\n') continue;
		anySpaceEnd = at + 1;
		if (depth > 0 || isInCode) continue;
		if (char === '\n') lineEnd = at + 1;
		else if ('.?!:;'.includes(src[at - 1] ?? '')) sentenceEnd = at + 1;
		else spaceEnd = at + 1;
	}
	for (const cut of [lineEnd, sentenceEnd, spaceEnd, anySpaceEnd]) if (cut > start) return cut;
	const code = src.charCodeAt(limit - 1);
	return code >= 0xd800 && code <= 0xdbff && limit - 1 > start ? limit - 1 : limit;
}

/** Inline tokens of `text` read alone (one line of a paragraph, say), lexed as blocks' inline text is. */
export function lexInline(text: string, options: MarkedOptions = {gfm: true}): Token[] {
	const lexer = new Lexer(options);
	const tokens: Token[] = [];
	lexInlineInPieces(lexer, text, tokens);
	return tokens;
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
