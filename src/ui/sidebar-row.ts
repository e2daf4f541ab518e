import {formatPostDate} from '../posts/post-name.js';
import {textWidth, truncateToWidth} from '../render/text-width.js';
import {SYMBOLS} from './symbols.js';

/** The progress column's width: `unread`, the widest label, so a title's cut never moves with it. */
export const LABEL_WIDTH = 6;

/** Cuts plain text to `width` columns at its end, with `…` when something was left out. */
export function truncateEnd(text: string, width: number): string {
	return width >= 1 ? truncateToWidth(text, width) : '';
}

/**
 * A post's sidebar row, exactly `width` columns: marker, the title cut at its end, the date (the
 * whole date when there is room, else the year: posts from one conference series differ there),
 * and the progress label right-aligned in a column of its own. The name part can be chosen; the
 * facts are drawn quieter.
 */
export function sidebarPostRow(post: {title: string; date: Date | null}, options: {width: number; isOpen: boolean; label: string}): {name: string; facts: string} {
	const {width, label} = options;
	const marker = options.isOpen ? SYMBOLS.openPost.mark : SYMBOLS.closedPost.mark;
	const labelColumn = label ? ` ${label.padStart(LABEL_WIDTH)}` : '';
	const day = formatPostDate(post.date);
	// The title keeps at least a dozen columns; the date shrinks to the year, then goes.
	const fixed = 2 + textWidth(labelColumn);
	const date = width - fixed - 11 >= 16 ? day : width - fixed - 5 >= 12 ? day.slice(0, 4) : '';
	const dateColumn = date ? ` ${date}` : '';
	const titleWidth = Math.max(0, width - fixed - textWidth(dateColumn));
	const title = truncateEnd(post.title, titleWidth);
	const name = truncateToWidth(`${marker} ${title}${' '.repeat(Math.max(0, titleWidth - textWidth(title)))}`, width);
	return {name, facts: truncateToWidth(`${dateColumn}${labelColumn}`, Math.max(0, width - textWidth(name)))};
}

/** A topic's row, `width` columns: the mark (see SYMBOLS), the name cut at its end. */
export function sidebarTopicRow(name: string, mark: string, width: number): string {
	const row = `  ${mark} ${truncateEnd(name, Math.max(0, width - 4))}`;
	return row + ' '.repeat(Math.max(0, width - textWidth(row)));
}
