import {visibleWidth as textWidth, truncateToWidth, wrapToWidth} from '../render/text-width.js';
import {truncateEnd} from './sidebar-row.js';
import type {StyledRow} from './styled-rows.js';

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

/**
 * The status area's rows, each exactly `width` columns, at most `maxRows`: the status line alone,
 * or, for a message too long for it (a link the opener could not open), the message wrapped over
 * rows above it, so that what it says is never cut: a URL starts a row of its own and runs on over
 * the next ones whole. The last row is the status line with the message's end.
 */
export function statusRows(parts: StatusParts, width: number, maxRows: number): string[] {
	const {message} = parts;
	const tail = parts.right.replace(/ \d+%$/, '');
	if (message === null || maxRows <= 1 || width < 10 || textWidth(message) + 3 + textWidth(tail) <= width)
		return [statusText(parts, width)];
	const wrapped = wrapToWidth(message, width - 2);
	const last = wrapped.at(-1) ?? '';
	const lastFits = textWidth(last) + 3 + textWidth(tail) <= width;
	const above = lastFits ? wrapped.slice(0, -1) : wrapped;
	const rows = above.map((row) => ` ${row}${' '.repeat(Math.max(0, width - 1 - textWidth(row)))}`);
	rows.push(statusText({...parts, message: lastFits ? last : ''}, width));
	// Too many for the screen: the start of the message gives way (its last rows hold the link).
	return rows.length > maxRows ? rows.slice(rows.length - maxRows) : rows;
}

/** The status line's rows as drawn: in inverse. */
export function statusLines(rows: readonly string[]): StyledRow[] {
	return rows.map((text, index) => ({key: String(index), style: {inverse: true}, parts: [{text}]}));
}

/** The find prompt in the (inverse) status line; a kept query shows selected, in reverse of the line. */
export function findPrompt({input, isKept}: {input: string; isKept: boolean}): string {
	return isKept ? `Find: \u001B[27m${input}\u001B[7m▏` : `Find: ${input}▏`;
}
