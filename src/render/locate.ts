/** From source lines to rendered lines and back, through a rendered doc's blocks. */
import type {RenderedDoc} from './types.js';

/** Index of the last element for which `isAtOrBefore` holds, in a list where it holds for a prefix; -1 if none. */
function lastAtOrBefore(count: number, isAtOrBefore: (index: number) => boolean): number {
	let low = 0;
	let high = count - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (isAtOrBefore(middle)) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}
	return found;
}

/**
 * Rendered line where the block containing 1-based source line `sourceLine` starts (0 if before
 * all). A line between blocks, or inside one that renders to nothing, belongs to the block before.
 */
export function lineForSource(doc: RenderedDoc, sourceLine: number): number {
	const index = lastAtOrBefore(doc.blocks.length, (block) => doc.blocks[block]!.sourceLine <= sourceLine);
	return index === -1 ? 0 : doc.blocks[index]!.startLine;
}

/**
 * The block index whose rendered lines contain `line`: the first block for lines before it, the
 * last for lines past the end, -1 when the doc has no block.
 */
export function blockAtLine(doc: RenderedDoc, line: number): number {
	if (doc.blocks.length === 0) return -1;
	return Math.max(
		0,
		lastAtOrBefore(doc.blocks.length, (block) => doc.blocks[block]!.startLine <= line),
	);
}
