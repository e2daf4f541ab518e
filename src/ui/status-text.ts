import {visibleWidth as textWidth, truncateToWidth} from '../render/text-width.js';
import {truncateEnd} from './sidebar-row.js';

/** What the status line holds: where you are (a message instead, when there is one), position, keys. */
export type StatusParts = {title: string; topic: string; message: string | null; right: string; hint: string};

/**
 * The status line's text at a width, exactly `width` columns. What gives way, in order: the post
 * title (the sidebar names it already; it is cut at its end, then dropped), the key hint, and only
 * then the topic, which says where in the post you are.
 */
export function statusText({title, topic, message, right, hint}: StatusParts, width: number): string {
	// Tails from the fullest to the barest: the percentage goes last (the range says as much).
	const bare = right.replace(/ \d+%$/, '');
	const tails = [hint ? `${right}  ${hint}` : right, right, bare];
	const head = (room: number): string | null => {
		if (message !== null) return truncateEnd(message, room);
		if (!topic) return truncateEnd(title, room);
		if (textWidth(topic) > room) return null;
		const titleRoom = room - textWidth(topic) - 3;
		// A title cut shorter than a word says nothing: the topic alone then.
		return titleRoom >= 8 ? `${truncateEnd(title, titleRoom)} › ${topic}` : topic;
	};
	let tail = bare;
	let left: string | null = null;
	for (const candidate of tails) {
		left = head(Math.max(0, width - 3 - textWidth(candidate)));
		tail = candidate;
		if (left !== null) break;
	}
	left ??= truncateEnd(topic, Math.max(0, width - 3 - textWidth(tail)));
	const gap = Math.max(1, width - 2 - textWidth(left) - textWidth(tail));
	const cut = truncateToWidth(` ${left}${' '.repeat(gap)}${tail} `, width);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}
