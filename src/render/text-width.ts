/**
 * Measuring, clipping and wrapping possibly-styled text in terminal columns (CJK and emoji count
 * two). Styled means SGR and OSC 8 sequences: a line cut inside a styled run or a hyperlink closes
 * both at its end and reopens them on the next line, so no line leaks style into the next and no
 * hyperlink sequence is ever split. (wrap-ansi only knows BEL-terminated hyperlinks, and the
 * renderer emits ST-terminated ones, hence this small layout engine.)
 */
import {CLIP_END, CLIP_START, HARD_BREAK} from './layout-markers.js';
import {stripStyles} from './plain.js';
import {ELLIPSIS, LineBuilder, pieces, textPiece, type Piece} from './styled-line.js';
import {narrowOnly, textWidth} from './text-measure.js';
import {isUrlWord, narrowText, wrapNarrow, wrapPlain, type WrapOptions} from './wrap-plain.js';

// `narrowText` with the layout markers: text whose words are all narrow once its escapes are removed.
// What `pieces()` splits at, but whitespace: SGR | OSC 8 (ST or BEL) | a layout marker.
const escapeOrMarker =
	/\u001B\[([0-9;]*)m|\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u001B\\|\u0007)|[\r\u0001\u0002]/g;
const isBlank = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a;
const narrowMarked =
	/^[\t\n\r\u0001\u0002\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2400-\u2426\u2500-\u25FC]*$/;

/** Measuring lives in text-measure.ts; these stay importable from here, beside the layout. */
export {textWidth, visibleWidth} from './text-measure.js';

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

/**
 * Wraps styled text into lines of at most `width` columns: words move to the next line whole when
 * they fit one, longer words (URLs, CJK runs) are broken between graphemes. Runs of whitespace
 * fold to one space; `HARD_BREAK` ends a line; a `CLIP_START`…`CLIP_END` span gets a line of its
 * own, clipped. Leading and trailing empty lines are dropped. With `wholeUrls`, a URL wider than a
 * row is not broken: it stands whole on a row of its own, the one row wider than `width`.
 */
export function wrapToWidth(text: string, width: number, options: WrapOptions = {}): string[] {
	const columns = Math.max(1, width);
	// Narrow text holds no escape and no marker (they are controls): one test decides most paragraphs.
	if (Number.isInteger(columns) && narrowText.test(text)) return wrapNarrow(text, columns, options);
	if (!/[\u0001\u0002\r\u001B]/.test(text)) return wrapPlain(text, columns, options);
	const wholeUrls = options.wholeUrls === true;
	const builder = new LineBuilder(columns);
	// Every word is narrow: its width is its length (most styled paragraphs), else it is measured.
	const narrow = narrowMarked.test(stripStyles(text));
	// The word being gathered, up to the next whitespace or marker: its texts (with their widths) and escapes.
	// Reused from word to word: `size` entries are the current word's.
	const group: Array<string | Piece> = [];
	const widths: number[] = [];
	let size = 0;
	let wordWidth = 0;
	let pendingSpace = false;
	let afterClip = false;
	let clip: Piece[] | null = null;

	const flush = (): void => {
		if (size === 0) return;
		if (wordWidth === 0) {
			// Escapes only (or zero-width text, which is dropped): they take effect where the line stands.
			for (let index = 0; index < size; index++) {
				const item = group[index]!;
				if (typeof item !== 'string') builder.escape(item);
			}
		} else {
			afterClip = false;
			const gap = pendingSpace && builder.column > 0 ? 1 : 0;
			pendingSpace = false;
			if (builder.column + gap + wordWidth <= builder.width) {
				if (gap) builder.text(' ', 1);
			} else if (builder.column > 0) {
				builder.end();
			}
			if (wholeUrls && wordWidth > builder.width && isUrlWord(wordText())) {
				// Whole on its row; the next word starts the next row (its closing escapes stay on this one).
				for (let index = 0; index < size; index++) {
					const item = group[index]!;
					if (typeof item !== 'string') builder.escape(item);
					else builder.text(item, widths[index]!);
				}
				builder.column = Math.max(builder.column, builder.width);
				size = 0;
				wordWidth = 0;
				return;
			}
			for (let index = 0; index < size; index++) {
				const item = group[index]!;
				if (typeof item !== 'string') builder.escape(item);
				else if (builder.column + widths[index]! <= builder.width) builder.text(item, widths[index]!);
				else builder.graphemes(item, true, builder.width);
			}
		}
		size = 0;
		wordWidth = 0;
	};

	// The start of the word being gathered, as text: enough to tell a URL.
	const wordText = (): string => {
		let word = '';
		for (let index = 0; index < size && word.length < 48; index++) {
			const item = group[index]!;
			if (typeof item === 'string') word += item;
		}
		return word;
	};

	const addText = (piece: string): void => {
		const pieceWidth = narrow ? piece.length : textWidth(piece);
		if (clip !== null) {
			clip.push({kind: 'text', text: piece, width: pieceWidth});
			return;
		}
		group[size] = piece;
		widths[size++] = pieceWidth;
		wordWidth += pieceWidth;
	};

	const addEscape = (piece: Piece): void => {
		if (clip !== null) {
			clip.push(piece);
			return;
		}
		group[size] = piece;
		widths[size++] = 0;
	};

	const addSpace = (from: number, to: number): void => {
		if (clip !== null) {
			clip.push({kind: 'space', text: text.slice(from, to)});
			return;
		}
		flush();
		if (builder.column > 0) pendingSpace = true;
	};

	// Text between two escapes or markers: its words and whitespace runs, found by a plain scan.
	const addRun = (from: number, to: number): void => {
		let at = from;
		while (at < to) {
			let end = at;
			while (end < to && !isBlank(text.charCodeAt(end))) end++;
			if (end > at) addText(text.slice(at, end));
			if (end === to) return;
			let next = end + 1;
			while (next < to && isBlank(text.charCodeAt(next))) next++;
			addSpace(end, next);
			at = next;
		}
	};

	// The pieces `pieces()` yields, taken in place: a pattern finds the escapes and markers only.
	escapeOrMarker.lastIndex = 0;
	let last = 0;
	for (let match = escapeOrMarker.exec(text); match !== null; match = escapeOrMarker.exec(text)) {
		if (match.index > last) addRun(last, match.index);
		last = escapeOrMarker.lastIndex;
		const token = match[0];
		if (match[1] !== undefined) {
			addEscape({kind: 'sgr', parameters: match[1], sequence: token});
		} else if (match[2] !== undefined) {
			addEscape({kind: 'link', url: match[2]});
		} else if (clip !== null) {
			if (token === CLIP_END) {
				layoutClip(builder, clip, true);
				builder.end();
				clip = null;
				afterClip = true;
				pendingSpace = false;
			}
		} else if (token === HARD_BREAK) {
			flush();
			// An image placeholder already ended its line; a break right after it is that same break.
			if (!(afterClip && builder.column === 0)) builder.end();
			afterClip = false;
			pendingSpace = false;
		} else if (token === CLIP_START) {
			flush();
			if (builder.column > 0) builder.end();
			clip = [];
		}
	}
	if (last < text.length) addRun(last, text.length);
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
		else if (piece.kind === 'break' || piece.kind === 'clip-start' || piece.kind === 'clip-end')
			span.push(textPiece(' '));
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
