import type {Post} from '../posts/types.js';
import {listHeight} from '../state/sidebar/sidebar.js';
import type {SidebarRows} from '../state/sidebar/sidebar-rows.js';
import {textWidth} from '../render/text-width.js';
import {sidebarPostRow, sidebarTopicRow, truncateEnd} from './sidebar-row.js';
import type {StyledRow} from './styled-rows.js';
import {SYMBOLS} from './symbols.js';
import type {UiTheme} from './theme.js';

export type SidebarInput = {
	posts: Post[];
	rows: SidebarRows;
	width: number;
	height: number;
	offset: number;
	/** Row of the cursor when the sidebar has focus, else -1. */
	cursor: number;
	/** The filter's line above the list (what is typed, how many posts it keeps), or null. */
	filter: {text: string; count: string} | null;
	openPost: number;
	/** The open post's section names, as the env gives them (a long post's first frame: those of its first blocks). */
	topicNames: readonly string[];
	currentTopic: number;
	/** A post's percentage, `done`, or '' before it is opened; null when positions are not kept. Asked for the rows drawn only. */
	progress: (postIndex: number) => string | null;
	/** Topic names of the open post already read. */
	readTopics: ReadonlySet<string>;
	theme: UiTheme;
};

/** Marks before a topic's name (the help's legend lists the same). */
const TOPIC_MARKS = {
	current: SYMBOLS.currentTopic.mark,
	read: SYMBOLS.readTopic.mark,
	unread: SYMBOLS.unreadTopic.mark,
};

/** The filter's line, `width` columns: the count on the right; a long query loses its start, where typing is not. */
function filterLine({text, count}: {text: string; count: string}, width: number): string {
	const room = Math.max(0, width - textWidth(count) - 1);
	const shown = textWidth(text) <= room ? text : room > 1 ? `…${truncateStart(text, room - 1)}` : '';
	return truncateEnd(`${shown}${' '.repeat(Math.max(1, width - textWidth(shown) - textWidth(count)))}${count}`, width);
}

/** The end of `text` that fits in `width` columns. */
function truncateStart(text: string, width: number): string {
	const chars = [...text];
	let used = 0;
	let start = chars.length;
	while (start > 0 && used + textWidth(chars[start - 1]!) <= width) used += textWidth(chars[--start]!);
	return chars.slice(start).join('');
}

/**
 * The sidebar's rows: the tree of posts, the open one showing its topics; the topic being read is
 * marked. Only the rows on screen are built. A filter, typed or kept, takes the first row.
 */
export function sidebarLines({
	posts,
	rows,
	width,
	height,
	offset,
	cursor,
	filter,
	openPost,
	topicNames,
	currentTopic,
	progress,
	readTopics,
	theme,
}: SidebarInput): StyledRow[] {
	const visible = rows.slice(offset, offset + listHeight(height, filter !== null));
	// Posts whose titles, cut at their end, would read the same on screen (`A better Toolforge…`
	// twice) are cut in the middle instead: their ends tell them apart.
	const postRows = new Map(
		visible.flatMap((row) =>
			row.kind === 'post'
				? [
						[
							row.postIndex,
							sidebarPostRow(posts[row.postIndex]!, {
								width,
								isOpen: row.postIndex === openPost,
								label: progress(row.postIndex),
							}),
						] as const,
					]
				: [],
		),
	);
	const names = [...postRows.values()].map((row) => row.name.slice(2).trimEnd());
	for (const [postIndex, row] of postRows) {
		if (!row.name.trimEnd().endsWith('…') || names.filter((name) => name === row.name.slice(2).trimEnd()).length < 2)
			continue;
		postRows.set(
			postIndex,
			sidebarPostRow(posts[postIndex]!, {
				width,
				isOpen: postIndex === openPost,
				label: progress(postIndex),
				cut: 'middle',
			}),
		);
	}
	const lines: StyledRow[] = [];
	if (filter !== null)
		lines.push({key: 'filter', style: {color: theme.accent, bold: true}, parts: [{text: filterLine(filter, width)}]});
	if (filter !== null && rows.length === 0)
		lines.push({key: 'none', style: {}, parts: [{text: truncateEnd('no post matches', width)}]});
	for (const [index, row] of visible.entries()) {
		const isCursor = offset + index === cursor;
		if (row.kind === 'post') {
			const isOpen = row.postIndex === openPost;
			const {name, facts} = postRows.get(row.postIndex)!;
			// The cursor is the whole row in inverse, as lazygit and glow draw theirs.
			if (isCursor)
				lines.push({key: `p${row.postIndex}`, style: {inverse: true, bold: isOpen}, parts: [{text: name + facts}]});
			else
				lines.push({
					key: `p${row.postIndex}`,
					style: {},
					parts: [
						{text: name, style: {bold: isOpen}},
						{text: facts, style: {color: theme.muted, dimColor: theme.dim}},
					],
				});
			continue;
		}
		const isCurrent = row.postIndex === openPost && row.topicIndex === currentTopic;
		const name = topicNames[row.topicIndex] ?? '';
		const mark = isCurrent ? TOPIC_MARKS.current : readTopics.has(name) ? TOPIC_MARKS.read : TOPIC_MARKS.unread;
		lines.push({
			key: `t${row.postIndex}-${row.topicIndex}`,
			style: {inverse: isCursor, color: isCurrent && !isCursor ? theme.accent : undefined, bold: isCurrent},
			parts: [{text: sidebarTopicRow(name, mark, width)}],
		});
	}
	return lines;
}
