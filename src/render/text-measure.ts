/**
 * Measuring text in terminal columns (CJK and emoji count two), fast for the text notes are made
 * of: narrow-only text skips grapheme segmentation, recurring words are cached, long text is
 * segmented in chunks. The layout built on it (clipping and wrapping styled text) is in
 * text-width.ts.
 */
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
export function* graphemesOf(text: string): Generator<[string, number]> {
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

