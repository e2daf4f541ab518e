import {formatPostDate} from '../posts/post-name.js';
import {textWidth, truncateToWidth} from '../render/text-width.js';
import {SYMBOLS} from './symbols.js';

/** The progress column's width: `done` and `42%` fit; a post not opened yet shows nothing there. */
export const LABEL_WIDTH = 4;

/** Cuts plain text to `width` columns at its end, with `…` when something was left out. */
export function truncateEnd(text: string, width: number): string {
	return width >= 1 ? truncateToWidth(text, width) : '';
}

/** Cuts plain text to `width` columns in its middle, `…` where the cut is: its start and its end stay. */
export function truncateMiddle(text: string, width: number): string {
	if (textWidth(text) <= width) return text;
	if (width < 3) return truncateEnd(text, width);
	const chars = [...text];
	const tailRoom = Math.floor((width - 1) / 2);
	let tail = '';
	for (let index = chars.length - 1; index >= 0 && textWidth(chars[index]! + tail) <= tailRoom; index--)
		tail = chars[index]! + tail;
	let head = '';
	for (const char of chars) {
		if (textWidth(head + char) > width - 1 - textWidth(tail)) break;
		head += char;
	}
	return `${head}…${tail}`;
}

/** The widest a sidebar may grow to for its rows (the layout caps it as well). */
const FIT_MAX = 72;

/**
 * Columns a sidebar needs to show every post's row whole: marker, the longest title, the whole
 * date and the progress column. Titles are heads (read at start), so this reads no post.
 */
export function sidebarFitOf(posts: ReadonlyArray<{title: string}>): number {
	const most = FIT_MAX - 2 - 11 - 1 - LABEL_WIDTH;
	let longest = 0;
	for (const post of posts) {
		const {title} = post;
		// No character is wider than two columns: a title that short cannot be the widest.
		if (title.length * 2 <= longest) continue;
		// ASCII titles (nearly all) are as wide as they are long; the others are measured.
		longest = Math.max(longest, /^[\x20-\x7e]*$/.test(title) ? title.length : textWidth(title));
		if (longest >= most) break;
	}
	return Math.min(FIT_MAX, 2 + longest + 11 + 1 + LABEL_WIDTH);
}

/**
 * A post's sidebar row, exactly `width` columns: marker, title, date and progress. The title is
 * whole whenever it fits: the date gives way first (the whole date, then the year, which tells
 * one year's conference from another's), and only then is the title cut, at its end or, where
 * two cut titles would read the same, in its middle (keeping the year while the title keeps a
 * dozen columns). `label` is
 * the progress (`42%`, `done`, or '' for a post not opened yet) in a column of its own, or null
 * when places are not kept. The name part can be chosen; the facts are drawn quieter.
 */
export function sidebarPostRow(
	post: {title: string; date: Date | null},
	options: {width: number; isOpen: boolean; label: string | null; cut?: 'end' | 'middle'},
): {name: string; facts: string} {
	const {width, label} = options;
	const marker = options.isOpen ? SYMBOLS.openPost.mark : SYMBOLS.closedPost.mark;
	const labelColumn = label === null ? '' : ` ${label.padStart(LABEL_WIDTH)}`;
	const day = formatPostDate(post.date);
	const fixed = 2 + textWidth(labelColumn);
	const titleWidth = textWidth(post.title);
	const room = width - fixed;
	// The whole date, else the year, beside a whole title; a title that fits alone goes without;
	// a title cut anyway keeps the year while a dozen columns of it remain.
	const year = day.slice(0, 4);
	const date =
		day === ''
			? ''
			: titleWidth + 11 <= room
				? day
				: titleWidth + 5 <= room
					? year
					: titleWidth <= room
						? ''
						: room - 5 >= 12
							? year
							: '';
	const dateColumn = date ? ` ${date}` : '';
	const titleRoom = Math.max(0, room - textWidth(dateColumn));
	const title = options.cut === 'middle' ? truncateMiddle(post.title, titleRoom) : truncateEnd(post.title, titleRoom);
	const name = truncateToWidth(`${marker} ${title}${' '.repeat(Math.max(0, titleRoom - textWidth(title)))}`, width);
	return {name, facts: truncateToWidth(`${dateColumn}${labelColumn}`, Math.max(0, width - textWidth(name)))};
}

/** A topic's row, `width` columns: the mark (see SYMBOLS), the name cut at its end. */
export function sidebarTopicRow(name: string, mark: string, width: number): string {
	const row = `  ${mark} ${truncateEnd(name, Math.max(0, width - 4))}`;
	return row + ' '.repeat(Math.max(0, width - textWidth(row)));
}
