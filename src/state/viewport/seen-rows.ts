/**
 * What of the open post has been on screen, so a topic counts as read once all of its section has
 * been seen (paging through it, or a short one shown whole), not when its heading passes the top.
 * Pure: rows of one rendering of one post, as sorted, disjoint [start, end) ranges.
 */

/**
 * The rows seen of one post at one width (`lineCount` tells a re-rendered post apart), and the
 * names of the sections wholly seen since the post was opened, at any width.
 */
export type SeenRows = {
	postId: string;
	width: number;
	lineCount: number;
	ranges: Array<[start: number, end: number]>;
	topics: readonly string[];
};

/** `ranges` with [start, end) added, kept sorted and merged (touching ranges join: pages overlap or abut). */
export function addRange(ranges: ReadonlyArray<[number, number]>, start: number, end: number): Array<[number, number]> {
	if (end <= start) return [...ranges];
	const out: Array<[number, number]> = [];
	let merged: [number, number] = [start, end];
	let placed = false;
	for (const range of ranges) {
		if (range[1] < merged[0]) out.push(range);
		else if (range[0] > merged[1]) {
			if (!placed) out.push(merged);
			placed = true;
			out.push(range);
		} else merged = [Math.min(range[0], merged[0]), Math.max(range[1], merged[1])];
	}
	if (!placed) out.push(merged);
	return out;
}

/** Whether rows [start, end) lie inside one range: seen without a gap. */
export function isCovered(ranges: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
	return ranges.some(([from, to]) => from <= start && to >= Math.max(end, start + 1));
}

/**
 * The sections wholly seen: section `i` runs from `topicLines[i]` to the next section's start (the
 * end of the post for the last). A section with no rows of its own (two headings on one row) counts
 * once its first row was seen.
 */
export function sectionsSeen(
	ranges: ReadonlyArray<[number, number]>,
	topicLines: readonly number[],
	lineCount: number,
): number[] {
	// Each section's end, from the last one back: the next start below it (topic lines are in order).
	const ends: number[] = [];
	let end = lineCount;
	for (let index = topicLines.length - 1; index >= 0; index--) {
		ends[index] = Math.min(lineCount, end);
		if (topicLines[index]! < end) end = topicLines[index]!;
	}
	return topicLines.flatMap((start, index) => (isCovered(ranges, start, ends[index]!) ? [index] : []));
}
