/** Scrolling maths for the reader pane: pure, in rendered lines (0-based). */

/** The largest top line: the last page shows the end of the post, not blank rows. */
export function maxTop(lineCount: number, height: number): number {
	return Math.max(0, lineCount - Math.max(1, height));
}

export function clampTop(top: number, lineCount: number, height: number): number {
	return Math.min(Math.max(0, Math.round(top)), maxTop(lineCount, height));
}

/** Percent read: 100 once the end is on screen. */
export function percentRead(top: number, lineCount: number, height: number): number {
	const max = maxTop(lineCount, height);
	return max === 0 ? 100 : Math.round((Math.min(top, max) / max) * 100);
}

/** Index of the topic the top line is in (scroll-spy): the last one starting at or above it. */
export function topicAt(topicLines: number[], top: number): number {
	let current = -1;
	for (const [index, line] of topicLines.entries()) {
		if (line <= top) current = index;
		else break;
	}
	return current;
}

/** The first topic line below the top, or null at the last topic. */
export function nextTopicLine(topicLines: number[], top: number): number | null {
	return topicLines.find((line) => line > top) ?? null;
}

/** The topic line above the top (the current topic's own start when the top is inside it). */
export function previousTopicLine(topicLines: number[], top: number): number | null {
	let previous: number | null = null;
	for (const line of topicLines) {
		if (line < top) previous = line;
		else break;
	}
	return previous;
}

/**
 * The largest top a jump may set: a chosen heading goes to the top even near the end, with blank
 * rows below the last line (a reader asked for that topic, not for the last page).
 */
export function maxJumpTop(lineCount: number): number {
	return Math.max(0, lineCount - 1);
}

/** Scrolling stops at the last page, but from a jump past it `k` and `j` never leap back. */
export function clampScroll(top: number, from: number, lineCount: number, height: number): number {
	return Math.min(
		Math.max(0, Math.round(top)),
		Math.max(maxTop(lineCount, height), Math.min(from, maxJumpTop(lineCount))),
	);
}

/**
 * The topic being read (scroll-spy): the one the top line is in; once the end of the post is on
 * screen, the last topic whose heading is visible, so the last short topics can be current too.
 */
export function spyTopic(topicLines: number[], top: number, lineCount: number, height: number): number {
	const atTop = topicAt(topicLines, top);
	if (top < maxTop(lineCount, height)) return atTop;
	let last = atTop;
	for (const [index, line] of topicLines.entries()) if (line < top + height && index > last) last = index;
	return last;
}
