/**
 * Measuring, clipping and wrapping possibly-styled text in terminal columns (CJK and emoji count
 * two). Styled means SGR and OSC 8 sequences: a line cut inside a styled run or a hyperlink closes
 * both at its end and reopens them on the next line, so no line leaks style into the next and no
 * hyperlink sequence is ever split. (wrap-ansi only knows BEL-terminated hyperlinks, and the
 * renderer emits ST-terminated ones, hence this small layout engine.)
 */
import {append} from './append.js';
import {ELLIPSIS, LineBuilder, pieces, textPiece, type Piece} from './styled-line.js';
import {narrowOnly, textWidth} from './text-measure.js';

/** Measuring lives in text-measure.ts; these stay importable from here, beside the layout. */
export {textWidth, visibleWidth} from './text-measure.js';

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

// `narrowOnly` with the whitespace a paragraph holds: one column per UTF-16 unit, every unit a grapheme.
const narrowText = /^[\t\n\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2400-\u2426\u2500-\u25FC]*$/;

/**
 * `wrapPlain` for narrow text (which has no escape or marker either): with whitespace folded to single spaces, a column is a UTF-16 unit,
 * so each row is a slice ending at the last space that fits; no word is measured or copied.
 */
function wrapNarrow(text: string, width: number): string[] {
	// Whitespace runs, tabs and newlines become one space each (a single space, the usual gap, stays).
	const folded = /[\t\n]| {2}/.test(text) ? text.replace(/[ \t\n]{2,}|[\t\n]/g, ' ') : text;
	const lines: string[] = [];
	let start = folded.charCodeAt(0) === 0x20 ? 1 : 0;
	const end = folded.length > start && folded.charCodeAt(folded.length - 1) === 0x20 ? folded.length - 1 : folded.length;
	while (start < end) {
		if (end - start <= width) {
			lines.push(start === 0 && end === folded.length ? folded : folded.slice(start, end));
			break;
		}
		const limit = start + width;
		const space = folded.charCodeAt(limit) === 0x20 ? limit : folded.lastIndexOf(' ', limit);
		if (space > start) {
			lines.push(folded.slice(start, space));
			start = space + 1;
			continue;
		}
		// The word at `start` is wider than a row: whole rows of it; its rest begins the next row.
		const wordEnd = folded.indexOf(' ', start);
		const rows = Math.max(1, Math.floor(((wordEnd === -1 ? end : wordEnd) - start - 1) / width));
		for (let row = 0; row < rows; row++) lines.push(folded.slice(start + row * width, start + (row + 1) * width));
		start += rows * width;
	}
	return lines;
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
	const columns = Math.max(1, width);
	// Narrow text holds no escape and no marker (they are controls): one test decides most paragraphs.
	if (Number.isInteger(columns) && narrowText.test(text)) return wrapNarrow(text, columns);
	if (!/[\u0001\u0002\r\u001B]/.test(text)) return wrapPlain(text, columns);
	const builder = new LineBuilder(columns);
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
