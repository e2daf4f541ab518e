/** A post's markdown to screen rows at one width, with where each source block landed. */
import type {Token, Tokens} from 'marked';
import {
	completeBlock,
	lexAfterFirstBlocks,
	lexFirstBlocks,
	lexTokens,
	offsetAfterLine,
	type FirstBlocks,
} from '../markdown/lexer.js';
import {countNewlines, listItemLines, trimNewlinesEnd} from '../markdown/lines.js';
import {controlPicture, sanitizeMarkdown} from '../markdown/sanitize.js';
import {blockKey} from './block-key.js';
import {listMarkers, renderBlock, renderFootnotes, renderListItem, type BlockContext} from './blocks.js';
import type {FootnoteToken} from '../markdown/kramdown.js';
import {HIGHLIGHT_BUDGET_CHARS} from './code-block.js';
import {createInlineRenderer} from './inline.js';
import {stripStyles} from './plain.js';
import {narrowOnly} from './text-measure.js';
import {textWidth, truncateToWidth, wrapToWidth} from './text-width.js';
import {createTheme} from './theme.js';
import {isUrlWord} from './wrap-plain.js';
import type {RenderedBlock, RenderedDoc, RenderNeed, RenderOptions} from './types.js';

const sanitizeSource = sanitizeMarkdown;

/** A block before placement: its lines, and whether a blank line separates it from the next. */
type Piece = {sourceLine: number; key: string; lines: string[]; gapAfter: boolean};

function columns(width: number): number {
	return Number.isFinite(width) ? Math.max(1, Math.floor(width)) : 80;
}

/**
 * Where a rendering stands: the tokens not rendered yet, the notes gathered, and the rows and
 * blocks placed so far. Rendering is a walk over the tokens, one at a time, so that a document can
 * be rendered in part (the rows a screen shows) and finished later, with exactly the rows and blocks
 * rendering it at once gives.
 */
type Walk = {
	tokens: Token[];
	next: number;
	line: number;
	notes: FootnoteToken[];
	notesLine: number;
	lines: string[];
	blocks: RenderedBlock[];
	/** Whether the last block placed wants a blank row before the next one. */
	isGapPending: boolean;
	isDone: boolean;
};

function startWalk(tokens: Token[]): Walk {
	return {
		tokens,
		next: 0,
		line: 1,
		notes: [],
		notesLine: 0,
		lines: [],
		blocks: [],
		isGapPending: false,
		isDone: false,
	};
}

/** Renders and places the next token (and, after the last, the footnotes); false when nothing is left. */
function step(walk: Walk, width: number, context: BlockContext, keys: boolean, wholeUrls: boolean): boolean {
	if (walk.isDone) return false;
	const out: Piece[] = [];
	if (walk.next >= walk.tokens.length) {
		// As kramdown, a note nothing refers to is not shown (a topic printed alone carries every note of its post).
		const referenced = walk.notes.filter((note) => context.inline.isFootnoteReferenced(note.label));
		if (referenced.length > 0) footnotePiece(referenced, walk.notesLine, walk.blocks, width, context, keys, out);
		walk.isDone = true;
	} else {
		const index = walk.next++;
		const token = walk.tokens[index]!;
		completeBlock(token);
		// Rendered: the token tree is garbage now, while it is still young.
		walk.tokens[index] = undefined as unknown as Token;
		const tokenLine = walk.line;
		walk.line += countNewlines(token.raw ?? '');
		if (token.type === 'footnote') {
			// As kramdown: the notes come at the end, numbered in the order they are referenced; a label's first definition counts.
			const note = token as unknown as FootnoteToken;
			if (!walk.notes.some((seen) => seen.label === note.label)) walk.notes.push(note);
			walk.notesLine ||= tokenLine;
		} else {
			context.inline.html.openAnchors = [];
			context.inline.html.media = null;
			try {
				blockPieces(token, tokenLine, width, context, keys, out);
			} catch {
				// A block marked or the layout cannot handle (nesting past every cap): its source as text.
				out.push({sourceLine: tokenLine, key: '', lines: plainLines(token.raw ?? '', width), gapAfter: true});
			}
		}
	}
	for (const piece of out) placePiece(walk, piece, width, wholeUrls);
	return !walk.isDone;
}

/** The footnotes after a short rule, as one block placed after every other (blocks stay in source order). */
function footnotePiece(
	notes: FootnoteToken[],
	firstLine: number,
	placed: RenderedBlock[],
	width: number,
	context: BlockContext,
	keys: boolean,
	out: Piece[],
): void {
	let lines: string[];
	try {
		lines = [context.theme.hr('─'.repeat(Math.min(width, 20))), ...renderFootnotes(notes, width, context)];
	} catch {
		lines = notes.flatMap((note) => plainLines(note.raw, width));
	}
	const sourceLine = Math.max(firstLine, out.at(-1)?.sourceLine ?? placed.at(-1)?.sourceLine ?? 1);
	const key = keys
		? lines
				.slice(1)
				.map((row) => stripStyles(row))
				.join(' ')
				.replace(/\s+/g, ' ')
				.trim()
		: '';
	out.push({sourceLine, key, lines, gapAfter: true});
}

/** One top-level block's pieces; a list gives one per item. */
function blockPieces(
	token: Token,
	tokenLine: number,
	width: number,
	context: BlockContext,
	keys: boolean,
	out: Piece[],
): void {
	if (token.type === 'list') {
		// Each item is a block of its own, so a session bullet can be found and kept in view.
		const list = token as Tokens.List;
		const {markers, width: markerWidth} = listMarkers(list, 0);
		const itemLines = listItemLines(list, tokenLine);
		for (const [item, entry] of list.items.entries()) {
			const lines = renderListItem(entry, markers[item]!, markerWidth, width, context, 0);
			const isLast = item === list.items.length - 1;
			out.push({sourceLine: itemLines[item]!, key: keys ? blockKey(entry) : '', lines, gapAfter: isLast || list.loose});
		}
		return;
	}
	const lines = renderBlock(token, width, context);
	if (lines.length > 0) out.push({sourceLine: tokenLine, key: keys ? blockKey(token) : '', lines, gapAfter: true});
}

/** Markdown source shown as it is written, wrapped at `width`. */
function plainLines(markdown: string, width: number): string[] {
	return trimNewlinesEnd(sanitizeSource(markdown))
		.split('\n')
		.flatMap((line) => {
			const wrapped = wrapToWidth(line.replace(/\t/g, ' '), width);
			return wrapped.length === 0 ? [''] : wrapped;
		});
}

// Controls that must never reach the terminal, ESC included: the final check of every line.
const unsafe = /[\u0000-\u001A\u001C-\u001F\u007F-\u009F]/;

/**
 * True for a printed row that is a URL kept whole (wrap-plain.ts): what comes before its last word
 * (indentation, a bullet, a quote bar) fits the width, and that word is a URL.
 */
function isWholeUrlRow(plain: string, width: number): boolean {
	const lastSpace = plain.lastIndexOf(' ');
	return lastSpace < width && isUrlWord(plain.slice(lastSpace + 1));
}

/** The last guard: one row, at most `width` columns (a whole URL's row when printing), only our own escape sequences. */
function finishLine(line: string, width: number, wholeUrls = false): string {
	// Nearly every line: narrow characters only, so no control, no escape, one column per unit.
	if (narrowOnly.test(line))
		return line.length > width && !(wholeUrls && isWholeUrlRow(line, width)) ? truncateToWidth(line, width) : line;
	let safe = line;
	if (unsafe.test(safe))
		safe = safe
			.replace(/[\t\n\r\u0001\u0002]/g, ' ')
			.replace(/[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F]/g, controlPicture);
	let plain = stripStyles(safe);
	if (plain.includes('\u001B')) {
		// An ESC outside our SGR/OSC 8 sequences: show every ESC, dropping the styling of this line.
		safe = plain.replace(/\u001B/g, controlPicture);
		plain = safe;
	}
	return textWidth(plain) > width && !(wholeUrls && isWholeUrlRow(plain, width)) ? truncateToWidth(safe, width) : safe;
}

/** A piece's rows after the rows so far: a blank row between blocks belongs to the block above it. */
function placePiece(walk: Walk, piece: Piece, width: number, wholeUrls: boolean): void {
	const {lines, blocks} = walk;
	if (walk.isGapPending) {
		lines.push('');
		blocks[blocks.length - 1]!.lineCount++;
	}
	const startLine = lines.length;
	for (const line of piece.lines) lines.push(finishLine(line, width, wholeUrls));
	blocks.push({sourceLine: piece.sourceLine, startLine, lineCount: lines.length - startLine, key: piece.key});
	walk.isGapPending = piece.gapAfter;
}

/** When rendering fails (it should not), the source itself, wrapped, as one block: never an exception. */
function fallback(markdown: string, width: number, color: boolean): RenderedDoc {
	let lines: string[];
	try {
		lines = plainLines(String(markdown), width).map((line) => finishLine(line, width));
	} catch {
		lines = [truncateToWidth('(this post could not be shown)', width)];
	}
	return {
		width,
		color,
		lines,
		blocks: lines.length === 0 ? [] : [{sourceLine: 1, startLine: 0, lineCount: lines.length, key: ''}],
	};
}

// One per combination of options: made on first use, then reset for each document.
const contexts = new Map<string, BlockContext>();

/** A theme and inline renderer for these options, of its own. */
function newContext(color: boolean, hyperlinks: boolean, wholeUrls: boolean): BlockContext {
	const theme = createTheme(color);
	return {
		theme,
		inline: createInlineRenderer({theme, color, hyperlinks}),
		code: {theme, color, highlightBudget: HIGHLIGHT_BUDGET_CHARS},
		html: {theme, color, hyperlinks},
		wrap: {wholeUrls},
	};
}

/** The theme and inline renderer for these options, with no state left from the last document. */
function blockContext(color: boolean, hyperlinks: boolean, wholeUrls: boolean): BlockContext {
	const name = `${color} ${hyperlinks} ${wholeUrls}`;
	let context = contexts.get(name);
	if (context === undefined) {
		context = newContext(color, hyperlinks, wholeUrls);
		contexts.set(name, context);
	}
	context.inline.reset();
	context.code.highlightBudget = HIGHLIGHT_BUDGET_CHARS;
	return context;
}

/**
 * Renders markdown to terminal lines of at most `options.width` columns. Without colour the lines
 * hold no escape sequence at all; with it, SGR styling and (with `hyperlinks`) OSC 8 hyperlinks
 * for http, https and mailto targets. Blocks are the top-level tokens, a list counting one block
 * per item; together they cover every line, in source order.
 *
 * With `until`, rendering stops as soon as the rows so far satisfy it (progressive.ts): the doc
 * then carries `partial`, which renders the rest; the rows it has are the first rows of the whole.
 */
export function renderMarkdown(markdown: string, options: RenderOptions, until?: RenderNeed): RenderedDoc {
	if (until === undefined) return render(markdown, options, true);
	return renderInPart(markdown, options, until);
}

/**
 * The lines of `renderMarkdown`, for printing: the same rows, without the blocks' keys, except that
 * a URL wider than the width is not broken but stands whole on a row of its own (grep finds it, a
 * terminal detects it).
 */
export function renderLines(markdown: string, options: RenderOptions): string[] {
	return render(markdown, options, false).lines;
}

/** `keys` false is printing: no block keys, and whole URLs. */
function render(markdown: string, options: RenderOptions, keys: boolean): RenderedDoc {
	const width = columns(options.width);
	const color = options.color === true;
	const wholeUrls = !keys;
	try {
		const context = blockContext(color, color && options.hyperlinks === true, wholeUrls);
		const source = sanitizeSource(typeof markdown === 'string' ? markdown : String(markdown ?? ''));
		const walk = startWalk(lexTokens(source));
		while (step(walk, width, context, keys, wholeUrls));
		return {width, color, lines: walk.lines, blocks: walk.blocks};
	} catch {
		return fallback(markdown, width, color);
	}
}

/**
 * The reader's render of a long post: blocks until `until` holds, the rest when asked. The walk has
 * its own block context (the shared ones are reset by every other render in between), so the rows
 * are those a render at once gives.
 */
function renderInPart(markdown: string, options: RenderOptions, until: RenderNeed): RenderedDoc {
	const width = columns(options.width);
	const color = options.color === true;
	const hyperlinks = color && options.hyperlinks === true;
	const whole = (): RenderedDoc => render(markdown, options, true);
	let walk: Walk;
	let context: BlockContext;
	let sourceLineCount = 1;
	// The first blocks only, lexed alone (lexFirstBlocks): the whole text is lexed when the walk
	// needs a block past them, or the rest.
	let first: FirstBlocks | null = null;
	try {
		context = newContext(color, hyperlinks, false);
		// Sanitised as it is lexed (lexFirstBlocks sanitises the first blocks' text alone): line for line the same.
		const text = typeof markdown === 'string' ? markdown : String(markdown ?? '');
		sourceLineCount = countNewlines(text) + 1;
		first = lexFirstBlocks(
			text,
			until.throughSourceLine === undefined ? 0 : offsetAfterLine(text, until.throughSourceLine),
		);
		walk = startWalk(first ? first.tokens.slice() : lexTokens(sanitizeSource(text)));
	} catch {
		return whole();
	}
	/** The next step; past the first blocks, on with the whole text's tokens (from the start if they differ). */
	const stepOn = (): boolean => {
		if (first && walk.next >= walk.tokens.length) {
			const {tokens, continues} = lexAfterFirstBlocks(first);
			first = null;
			if (continues) {
				for (let index = 0; index < walk.next; index++) tokens[index] = undefined as unknown as Token;
				walk.tokens = tokens;
			} else {
				context = newContext(color, hyperlinks, false);
				walk = startWalk(tokens);
			}
		}
		return step(walk, width, context, true, false);
	};
	let finished: RenderedDoc | undefined;
	const finish = (): RenderedDoc => {
		if (finished) return finished;
		try {
			while (stepOn());
			finished = {width, color, lines: walk.lines, blocks: walk.blocks};
		} catch {
			finished = whole();
		}
		return finished;
	};
	const advance = (need: RenderNeed): RenderedDoc => {
		if (finished) return finished;
		try {
			while (!isMet(walk, need) && stepOn());
		} catch {
			return finish();
		}
		if (walk.isDone) return finish();
		return {
			width,
			color,
			lines: walk.lines.slice(),
			blocks: walk.blocks.map((block) => ({...block})),
			partial: {
				sourceLineCount,
				renderedSourceLines: walk.line - 1,
				more: advance,
				whole: finish,
			},
		};
	};
	return advance(until);
}

/** Whether the rows placed so far are enough: as many rows, and past the block holding a source line by as many. */
function isMet(walk: Walk, need: RenderNeed): boolean {
	if (walk.lines.length < need.rows) return false;
	if (need.throughSourceLine === undefined) return true;
	// The block holding that line is placed whole, its blank row after it too, when a later block is.
	const last = walk.blocks.at(-1);
	if (!last || last.sourceLine <= need.throughSourceLine) return false;
	const holding = walk.blocks.findLast((block) => block.sourceLine <= need.throughSourceLine!);
	return walk.lines.length >= (holding ? holding.startLine + holding.lineCount : 0) + need.rows;
}
