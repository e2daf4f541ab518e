/** What can be said of a doc rendered in part (a long post's first frame) before the rest is. */
import {blockAtLine} from './locate.js';
import type {RenderedDoc} from './types.js';

/**
 * How far into the post the row `top` is, in percent of its source lines: the rows below are not
 * counted yet, so the source is the measure until they are. 100 only for a whole doc's end.
 */
export function estimatedPercent(doc: RenderedDoc, top: number): number {
	const total = doc.partial?.sourceLineCount ?? 0;
	if (total <= 1) return 0;
	const block = doc.blocks[blockAtLine(doc, top)];
	const line = block && top >= block.startLine ? block.sourceLine : 1;
	return Math.min(99, Math.round(((line - 1) / total) * 100));
}

/** `1–33/…`: the rows on screen, of a count not known yet. */
export function partialPositionText(top: number, height: number, doc: RenderedDoc, percent: number): string {
	return `${top + 1}–${Math.min(doc.lines.length, top + height)}/… ${percent}%`;
}
