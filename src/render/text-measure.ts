/**
 * Measuring text in terminal columns (CJK and emoji count two), fast for the text notes are made
 * of: narrow-only text skips grapheme segmentation, recurring words are cached, long text is
 * segmented in chunks. The layout built on it (clipping and wrapping styled text) is in
 * text-width.ts.
 *
 * A grapheme takes the columns string-width gives it or the columns terminals that measure code
 * point by code point (wcwidth: xterm, tmux, VTE, the Linux console) give it, whichever is more.
 * They disagree on Indic and Southeast Asian clusters (`क्षत्रिय`: 4 to string-width, 6 to tmux
 * and xterm, which count each consonant and spacing vowel sign), where the terminal's count is the
 * true one, and on emoji sequences (a ZWJ family: 2 to string-width and tmux 3.3, 3 to xterm.js,
 * 6 to VTE), where terminals disagree among themselves: there the larger count keeps the row short
 * of the edge in all of them, so no row wraps and the frame never scrolls. Ink measures with this
 * too (narrow-text.ts), so its layout and the rows agree.
 */
import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';
import {NARROW_CHARACTERS, NARROW_TEXT} from './narrow-text.js';
import {stripStyles} from './plain.js';

// Text made only of characters one column wide each (narrow-text.ts) skips grapheme segmentation,
// which is most of string-width's cost.
export const narrowOnly = NARROW_TEXT;
// Made on first use: creating one costs about 20 ms, at every start, before anything is drawn.
let segmenter: Intl.Segmenter | undefined;

const notNarrow = new RegExp(`[^${NARROW_CHARACTERS}]+`, 'g');

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
		for (const chunk of chunksOf(text))
			for (const {segment} of (segmenter ??= new Intl.Segmenter()).segment(chunk)) width += graphemeWidth(segment);
		if (widthCache.size >= 10_000) widthCache.clear();
		if (text.length <= 64) widthCache.set(text, width);
	}
	return width;
}

// Graphemes recur far more than words do (a script has a few hundred): each is measured once.
const graphemeCache = new Map<string, number>();

/** A grapheme's columns: string-width's count or the per-code-point count, whichever is more (see above). */
function graphemeWidth(grapheme: string): number {
	let width = graphemeCache.get(grapheme);
	if (width === undefined) {
		width = Math.max(stringWidth(grapheme), codePointWidths(grapheme));
		if (graphemeCache.size >= 10_000) graphemeCache.clear();
		if (grapheme.length <= 32) graphemeCache.set(grapheme, width);
	}
	return width;
}

// Marks that do not advance (Mn, Me) and format characters (ZWJ, variation selectors' kin) take no
// column in wcwidth; spacing marks (Mc) take one. The soft hyphen is drawn. Controls never reach
// the terminal as they are (they are pictured): none is counted, as string-width counts none.
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

/** What terminals that measure each code point (wcwidth) give `text`: wide and fullwidth 2, marks and format 0, the rest 1. */
export function codePointWidths(text: string): number {
	let width = 0;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		// Hangul medial vowels and final consonants join the syllable before them.
		if ((code >= 0x11_60 && code <= 0x11_ff) || (code >= 0xd7_b0 && code <= 0xd7_ff)) continue;
		if (code !== 0xad && zeroWidth.test(char)) continue;
		width += code < 0x11_00 ? 1 : eastAsianWidth(code);
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
export function* graphemesOf(text: string): Generator<[string, number]> {
	if (narrowOnly.test(text)) {
		for (const char of text) yield [char, 1];
		return;
	}
	for (const chunk of chunksOf(text))
		for (const {segment} of (segmenter ??= new Intl.Segmenter()).segment(chunk)) yield [segment, textWidth(segment)];
}

/** Columns a possibly-styled string takes in a terminal. */
export function visibleWidth(text: string): number {
	return textWidth(stripStyles(text));
}

type StringWidth = (text: string, options?: object) => number;

/**
 * string-width as Ink is given it (scripts/build.mjs): styled text is measured as the reader
 * measures its rows, so Ink's layout, its grid of cells and the rows agree with the terminal.
 * Calls with options, and text holding escapes other than SGR and OSC 8, go to string-width.
 */
export function withTerminalWidths(stringWidth: StringWidth): StringWidth {
	return (text, options) => {
		if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
		const plain = text.includes('\u001B') ? stripStyles(text) : text;
		return plain.includes('\u001B') || plain.includes('\u009B') ? stringWidth(text) : textWidth(plain);
	};
}
