/**
 * Wrapping text that holds no escape sequence and no layout marker: the common case (every
 * paragraph without colour), done without the styled layout's bookkeeping. Same layout as
 * `wrapToWidth` in text-width.ts, which sends such text here.
 */
import {append} from './append.js';
import {LineBuilder} from './styled-line.js';
import {textWidth} from './text-measure.js';

// `narrowOnly` with the whitespace a paragraph holds: one column per UTF-16 unit, every unit a grapheme.
export const narrowText =
	/^[\t\n\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2400-\u2426\u2500-\u25FC]*$/;

/** How a word wider than a row is laid out: broken between graphemes, or (printing) kept whole when it is a URL. */
export type WrapOptions = {
	/**
	 * A URL wider than the row stands whole on a row of its own, wider than the width: printed text
	 * is read by grep and by terminals that detect links, and a URL cut in two is neither found nor
	 * detected. The reader, whose rows are screen rows, breaks it (as one OSC 8 link).
	 */
	wholeUrls?: boolean;
};

// A scheme, `www.` or `mailto:` after opening punctuation: `(https://…)` as a link's target is printed.
const urlStart = /^[("'<[]{0,3}(?:[a-z][\w+.-]{0,30}:\/\/|www\.|mailto:)/i;

/** True when a word (its first characters are enough) is a URL, possibly in brackets or quotes. */
export function isUrlWord(word: string): boolean {
	return urlStart.test(word.length > 48 ? word.slice(0, 48) : word);
}

/**
 * `wrapPlain` for narrow text (which has no escape or marker either): with whitespace folded to
 * single spaces, a column is a UTF-16 unit, so each row is a slice ending at the last space that
 * fits; no word is measured or copied.
 */
export function wrapNarrow(text: string, width: number, options: WrapOptions = {}): string[] {
	// Whitespace runs, tabs and newlines become one space each (a single space, the usual gap, stays).
	const folded =
		text.includes('\n') || text.includes('  ') || text.includes('\t') ? text.replace(/[ \t\n]{2,}|[\t\n]/g, ' ') : text;
	const lines: string[] = [];
	let start = folded.charCodeAt(0) === 0x20 ? 1 : 0;
	const end =
		folded.length > start && folded.charCodeAt(folded.length - 1) === 0x20 ? folded.length - 1 : folded.length;
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
		if (options.wholeUrls === true && isUrlWord(folded.slice(start, start + 48))) {
			const stop = wordEnd === -1 || wordEnd > end ? end : wordEnd;
			lines.push(folded.slice(start, stop));
			start = stop + 1;
			continue;
		}
		const rows = Math.max(1, Math.floor(((wordEnd === -1 ? end : wordEnd) - start - 1) / width));
		for (let row = 0; row < rows; row++) lines.push(folded.slice(start + row * width, start + (row + 1) * width));
		start += rows * width;
	}
	return lines;
}

/** `wrapToWidth` for text without escapes or markers: the same layout, without the bookkeeping. */
export function wrapPlain(text: string, width: number, options: WrapOptions = {}): string[] {
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
		if (options.wholeUrls === true && isUrlWord(word)) {
			lines.push(word);
			line = [];
			column = 0;
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
