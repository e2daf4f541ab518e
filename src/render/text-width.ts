/**
 * Measuring, clipping and wrapping possibly-styled text in terminal columns (CJK and emoji count
 * two). Styled means SGR and OSC 8 sequences: a line cut inside a styled run or a hyperlink closes
 * both at its end and reopens them on the next line, so no line leaks style into the next and no
 * hyperlink sequence is ever split. (wrap-ansi only knows BEL-terminated hyperlinks, and the
 * renderer emits ST-terminated ones, hence this small layout engine.)
 */
import stringWidth from 'string-width';
import {append} from './append.js';
import {CLIP_END, CLIP_START, HARD_BREAK} from './layout-markers.js';
import {stripStyles} from './plain.js';
import {SgrState} from './sgr-state.js';

const ELLIPSIS = '…';
const RESET = '\u001B[0m';
const LINK_CLOSE = '\u001B]8;;\u001B\\';
const linkOpen = (url: string): string => `\u001B]8;;${url}\u001B\\`;

// Characters one column wide each, as string-width counts them (checked over the whole BMP range
// in the tests): ASCII, Latin, general punctuation, control pictures, box drawing and geometric
// shapes short of the two emoji among them. Text made only of these skips grapheme segmentation,
// which is most of string-width's cost.
const narrowOnly = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2400-\u2426\u2500-\u25FC]*$/;
// Made on first use: creating one costs about 20 ms, at every start, before anything is drawn.
let segmenter: Intl.Segmenter | undefined;

const notNarrow = /[^\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2400-\u2426\u2500-\u25FC]+/g;

// string-width segments graphemes and tests emoji patterns: worth remembering for the words that recur.
const widthCache = new Map<string, number>();

// V8's grapheme segmenter slows down quadratically on long strings: long text is segmented in
// chunks, cut only where the next character cannot belong to the cluster before it.
const chunkSize = 256;
const mark = /^\p{M}/u;

function attachesAt(text: string, index: number): boolean {
	const code = text.codePointAt(index)!;
	if (text.charCodeAt(index - 1) === 0x20_0d) return true;
	return (
		(code >= 0xdc_00 && code <= 0xdf_ff) ||
		(code >= 0x1_f3_fb && code <= 0x1_f3_ff) ||
		(code >= 0xfe_00 && code <= 0xfe_0f) ||
		(code >= 0xe_00_20 && code <= 0xe_00_7f) ||
		code === 0x20_0d ||
		code === 0x20_e3 ||
		mark.test(text.slice(index, index + 2))
	);
}

function chunksOf(text: string): string[] {
	if (text.length <= chunkSize) return [text];
	const chunks: string[] = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(text.length, start + chunkSize);
		while (end < text.length && attachesAt(text, end)) end++;
		chunks.push(text.slice(start, end));
		start = end;
	}
	return chunks;
}

function cachedStringWidth(text: string): number {
	let width = widthCache.get(text);
	if (width === undefined) {
		width = 0;
		for (const chunk of chunksOf(text)) width += stringWidth(chunk);
		if (widthCache.size >= 10_000) widthCache.clear();
		if (text.length <= 64) widthCache.set(text, width);
	}
	return width;
}

/** Columns taken by unstyled text (no escape sequences). */
export function textWidth(text: string): number {
	if (narrowOnly.test(text)) return text.length;
	// Measure only the runs of other characters with string-width, each with the character before
	// it, which may combine with the run (a keycap digit, `©` and its emoji selector).
	let width = 0;
	let last = 0;
	notNarrow.lastIndex = 0;
	for (let match = notNarrow.exec(text); match !== null; match = notNarrow.exec(text)) {
		const from = match.index > last ? match.index - 1 : match.index;
		width += from - last + cachedStringWidth(text.slice(from, notNarrow.lastIndex));
		last = notNarrow.lastIndex;
	}
	return width + text.length - last;
}

/** The text's graphemes with their widths; one column per code unit when the text is all narrow. */
function* graphemesOf(text: string): Generator<[string, number]> {
	if (narrowOnly.test(text)) {
		for (const char of text) yield [char, 1];
		return;
	}
	for (const chunk of chunksOf(text)) for (const {segment} of (segmenter ??= new Intl.Segmenter()).segment(chunk)) yield [segment, textWidth(segment)];
}

/** Columns a possibly-styled string takes in a terminal. */
export function visibleWidth(text: string): number {
	return textWidth(stripStyles(text));
}

type Piece =
	| {kind: 'sgr'; parameters: string; sequence: string}
	| {kind: 'link'; url: string}
	| {kind: 'text'; text: string; width: number}
	| {kind: 'space'; text: string}
	| {kind: 'break'}
	| {kind: 'clip-start'}
	| {kind: 'clip-end'};

// SGR | OSC 8 (ST or BEL) | a whitespace run | a layout marker. Anything between is text.
const pieceSplitter = /\u001B\[([0-9;]*)m|\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u001B\\|\u0007)|[ \t\n]+|[\r\u0001\u0002]/g;

const textPiece = (text: string): Piece => ({kind: 'text', text, width: textWidth(text)});

function* pieces(text: string): Generator<Piece> {
	pieceSplitter.lastIndex = 0;
	let last = 0;
	for (let match = pieceSplitter.exec(text); match !== null; match = pieceSplitter.exec(text)) {
		if (match.index > last) yield textPiece(text.slice(last, match.index));
		last = pieceSplitter.lastIndex;
		const token = match[0];
		if (match[1] !== undefined) yield {kind: 'sgr', parameters: match[1], sequence: token};
		else if (match[2] !== undefined) yield {kind: 'link', url: match[2]};
		else if (token === HARD_BREAK) yield {kind: 'break'};
		else if (token === CLIP_START) yield {kind: 'clip-start'};
		else if (token === CLIP_END) yield {kind: 'clip-end'};
		else yield {kind: 'space', text: token};
	}
	if (last < text.length) yield textPiece(text.slice(last));
}

/** Accumulates styled lines, closing and reopening style and hyperlink at each line boundary. */
class LineBuilder {
	readonly lines: string[] = [];
	column = 0;
	// Joined at the line's end: a flat string, not a rope holding every word alive.
	private parts: string[] = [];
	private hasText = false;
	private readonly sgr = new SgrState();
	private link = '';

	constructor(readonly width: number) {}

	escape(piece: Piece): void {
		if (piece.kind === 'sgr') {
			this.sgr.apply(piece.parameters);
			this.parts.push(piece.sequence);
		} else if (piece.kind === 'link') {
			// Always re-emitted in the ST form, whatever terminator came in.
			this.link = piece.url;
			this.parts.push(piece.url === '' ? LINK_CLOSE : linkOpen(piece.url));
		}
	}

	text(text: string, width: number): void {
		this.parts.push(text);
		this.column += width;
		this.hasText = true;
	}

	/** Ends the current line (an empty one too) and starts the next with the style in force. */
	end(): void {
		if (this.hasText && this.link !== '') this.parts.push(LINK_CLOSE);
		if (this.hasText && !this.sgr.isEmpty) this.parts.push(RESET);
		this.lines.push(this.hasText ? this.parts.join('') : '');
		this.parts = [];
		if (!this.sgr.isEmpty) this.parts.push(this.sgr.open());
		if (this.link !== '') this.parts.push(linkOpen(this.link));
		this.column = 0;
		this.hasText = false;
	}

	/** Appends text grapheme by grapheme, breaking lines when `wrap`, else stopping (with an ellipsis) at the width. */
	graphemes(text: string, wrap: boolean, room: number): boolean {
		for (const [segment, segmentWidth] of graphemesOf(text)) {
			let width = segmentWidth;
			let shown = segment;
			if (width > this.width) {
				// Wider than the whole pane (a CJK character at width 1): it cannot be shown.
				shown = ELLIPSIS;
				width = 1;
			}
			if (this.column + width > room) {
				if (!wrap) return false;
				if (this.column > 0) this.end();
			}
			this.text(shown, width);
		}
		return true;
	}
}

function groupWidth(group: Piece[]): number {
	let width = 0;
	for (const piece of group) if (piece.kind === 'text') width += piece.width;
	return width;
}

/**
 * Lays out one clipped span: on its own line; wider than the pane it is cut with an ellipsis, or,
 * with `wrap`, broken between graphemes over several lines (a placeholder's long URL stays whole).
 */
function layoutClip(builder: LineBuilder, span: Piece[], wrap = false): void {
	let total = 0;
	for (const piece of span) total += piece.kind === 'text' ? piece.width : piece.kind === 'space' ? 1 : 0;
	const fits = builder.column + total <= builder.width;
	if (!fits && wrap) {
		wrapSpan(builder, span);
		return;
	}
	let clipped = false;
	for (const piece of span) {
		if (piece.kind === 'sgr' || piece.kind === 'link') {
			builder.escape(piece);
		} else if (!clipped && (piece.kind === 'text' || piece.kind === 'space')) {
			const text = piece.kind === 'text' ? piece.text : ' ';
			if (fits) builder.text(text, piece.kind === 'text' ? piece.width : 1);
			else if (!builder.graphemes(text, false, builder.width - 1)) {
				builder.text(ELLIPSIS, 1);
				clipped = true;
			}
		}
	}
}

/** A span too wide for one line, word-wrapped: words move to the next row whole, longer ones (a URL) break between graphemes. */
function wrapSpan(builder: LineBuilder, span: Piece[]): void {
	let pendingSpace = false;
	for (const piece of span) {
		if (piece.kind === 'sgr' || piece.kind === 'link') builder.escape(piece);
		else if (piece.kind === 'space') pendingSpace = builder.column > 0;
		else if (piece.kind === 'text') {
			const gap = pendingSpace ? 1 : 0;
			pendingSpace = false;
			if (builder.column + gap + piece.width <= builder.width) {
				if (gap) builder.text(' ', 1);
				builder.text(piece.text, piece.width);
				continue;
			}
			if (builder.column > 0) builder.end();
			builder.graphemes(piece.text, true, builder.width);
		}
	}
}

/** `wrapToWidth` for text without escapes or markers: the same layout, without the bookkeeping. */
function wrapPlain(text: string, width: number): string[] {
	const lines: string[] = [];
	let line: string[] = [];
	let column = 0;
	for (const word of text.split(/[ \t\n]+/)) {
		if (word === '') continue;
		const wordWidth = textWidth(word);
		if (column > 0 && column + 1 + wordWidth <= width) {
			line.push(word);
			column += 1 + wordWidth;
			continue;
		}
		if (column > 0) lines.push(line.join(' '));
		if (wordWidth <= width) {
			line = [word];
			column = wordWidth;
			continue;
		}
		const builder = new LineBuilder(width);
		builder.graphemes(word, true, width);
		column = builder.column;
		builder.end();
		line = [builder.lines.pop()!];
		append(lines, builder.lines);
	}
	if (column > 0) lines.push(line.join(' '));
	return lines;
}

/**
 * Wraps styled text into lines of at most `width` columns: words move to the next line whole when
 * they fit one, longer words (URLs, CJK runs) are broken between graphemes. Runs of whitespace
 * fold to one space; `HARD_BREAK` ends a line; a `CLIP_START`…`CLIP_END` span gets a line of its
 * own, clipped. Leading and trailing empty lines are dropped.
 */
export function wrapToWidth(text: string, width: number): string[] {
	if (!/[\u0001\u0002\r\u001B]/.test(text)) return wrapPlain(text, Math.max(1, width));
	const builder = new LineBuilder(Math.max(1, width));
	let group: Piece[] = [];
	let pendingSpace = false;
	let afterClip = false;
	let clip: Piece[] | null = null;

	const flush = (): void => {
		if (group.length === 0) return;
		const current = group;
		group = [];
		const wordWidth = groupWidth(current);
		if (wordWidth === 0) {
			for (const piece of current) builder.escape(piece);
			return;
		}
		afterClip = false;
		const gap = pendingSpace && builder.column > 0 ? 1 : 0;
		pendingSpace = false;
		if (builder.column + gap + wordWidth <= builder.width) {
			if (gap) builder.text(' ', 1);
		} else if (builder.column > 0) {
			builder.end();
		}
		for (const piece of current) {
			if (piece.kind !== 'text') builder.escape(piece);
			else if (builder.column + piece.width <= builder.width) builder.text(piece.text, piece.width);
			else builder.graphemes(piece.text, true, builder.width);
		}
	};

	for (const piece of pieces(text)) {
		if (clip !== null) {
			if (piece.kind === 'clip-end') {
				layoutClip(builder, clip, true);
				builder.end();
				clip = null;
				afterClip = true;
				pendingSpace = false;
			} else if (piece.kind !== 'clip-start' && piece.kind !== 'break') {
				clip.push(piece);
			}
			continue;
		}
		switch (piece.kind) {
			case 'text':
			case 'sgr':
			case 'link':
				group.push(piece);
				break;
			case 'space':
				flush();
				if (builder.column > 0) pendingSpace = true;
				break;
			case 'break':
				flush();
				// An image placeholder already ended its line; a break right after it is that same break.
				if (!(afterClip && builder.column === 0)) builder.end();
				afterClip = false;
				pendingSpace = false;
				break;
			case 'clip-start':
				flush();
				if (builder.column > 0) builder.end();
				clip = [];
				break;
			case 'clip-end':
				break;
		}
	}
	flush();
	if (clip !== null) {
		layoutClip(builder, clip, true);
		builder.end();
	} else if (builder.column > 0) {
		builder.end();
	}
	const {lines} = builder;
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start] === '') start++;
	while (end > start && lines[end - 1] === '') end--;
	return start === 0 && end === lines.length ? lines : lines.slice(start, end);
}

/**
 * Cuts a styled line to at most `width` columns, ending it with `…` when something was cut; style
 * and hyperlink are closed at the end. Layout markers and whitespace are kept as single spaces.
 */
export function truncateToWidth(line: string, width: number): string {
	if (!(width >= 1)) return '';
	const columns = Math.floor(width);
	if (!line.includes('\u001B') && !/[\r\t\n\u0001\u0002]/.test(line)) {
		if (textWidth(line) <= columns) return line;
		if (narrowOnly.test(line)) return `${line.slice(0, columns - 1)}${ELLIPSIS}`;
	}
	// Whitespace keeps its width here (code lines are clipped with this); markers become spaces.
	const span: Piece[] = [];
	for (const piece of pieces(line)) {
		if (piece.kind === 'space') span.push(textPiece(' '.repeat(piece.text.length)));
		else if (piece.kind === 'break' || piece.kind === 'clip-start' || piece.kind === 'clip-end') span.push(textPiece(' '));
		else span.push(piece);
	}
	const builder = new LineBuilder(columns);
	layoutClip(builder, span);
	builder.end();
	return builder.lines[0] ?? '';
}

/**
 * Breaks a styled line into rows of at most `width` columns between graphemes, whitespace kept as
 * written (code): style and hyperlink are closed at each row's end and reopened on the next.
 */
export function breakToWidth(line: string, width: number): string[] {
	const columns = Math.max(1, Math.floor(width));
	const builder = new LineBuilder(columns);
	for (const piece of pieces(line)) {
		if (piece.kind === 'sgr' || piece.kind === 'link') builder.escape(piece);
		else if (piece.kind === 'text') builder.graphemes(piece.text, true, columns);
		else if (piece.kind === 'space') builder.graphemes(' '.repeat(piece.text.length), true, columns);
		else builder.graphemes(' ', true, columns);
	}
	builder.end();
	return builder.lines;
}

/** `truncateToWidth` under the name the printed-output code uses: at most `width` columns, `…` when cut. */
export const fitToWidth = truncateToWidth;
