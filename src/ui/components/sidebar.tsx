import {Box, Text} from 'ink';
import type {Post} from '../../posts/types.js';
import type {SidebarRows} from '../../state/reader-state.js';
import {sectionsOf} from '../reader-env.js';
import {sidebarPostRow, sidebarTopicRow} from '../sidebar-row.js';
import {SYMBOLS} from '../symbols.js';
import type {UiTheme} from '../theme.js';

type Props = {
	posts: Post[];
	rows: SidebarRows;
	width: number;
	height: number;
	offset: number;
	/** Row of the cursor when the sidebar has focus, else -1. */
	cursor: number;
	openPost: number;
	currentTopic: number;
	/** A post's `unread`, percentage or `done`; empty when positions are not kept. Asked for the rows drawn only. */
	progress: (postIndex: number) => string;
	/** Topic names of the open post already read. */
	readTopics: ReadonlySet<string>;
	theme: UiTheme;
};

/** Marks before a topic's name (the help's legend lists the same). */
const TOPIC_MARKS = {current: SYMBOLS.currentTopic.mark, read: SYMBOLS.readTopic.mark, unread: SYMBOLS.unreadTopic.mark};

/** The tree of posts, the open one showing its topics; the topic being read is marked. Only the rows on screen are built. */
export function Sidebar({posts, rows, width, height, offset, cursor, openPost, currentTopic, progress, readTopics, theme}: Props) {
	const visible = rows.slice(offset, offset + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{visible.map((row, index) => {
				const isCursor = offset + index === cursor;
				const post = posts[row.postIndex]!;
				if (row.kind === 'post') {
					const isOpen = row.postIndex === openPost;
					const {name, facts} = sidebarPostRow(post, {width, isOpen, label: progress(row.postIndex)});
					// The cursor is the whole row in inverse, as lazygit and glow draw theirs.
					if (isCursor) {
						return (
							<Text key={`p${row.postIndex}`} inverse bold={isOpen} wrap="truncate">
								{name + facts}
							</Text>
						);
					}
					return (
						<Text key={`p${row.postIndex}`} wrap="truncate">
							<Text bold={isOpen}>{name}</Text>
							<Text color={theme.muted} dimColor={theme.dim}>{facts}</Text>
						</Text>
					);
				}
				const isCurrent = row.postIndex === openPost && row.topicIndex === currentTopic;
				const name = sectionsOf(post)[row.topicIndex]?.name ?? '';
				const mark = isCurrent ? TOPIC_MARKS.current : readTopics.has(name) ? TOPIC_MARKS.read : TOPIC_MARKS.unread;
				return (
					<Text key={`t${row.postIndex}-${row.topicIndex}`} inverse={isCursor} color={isCurrent && !isCursor ? theme.accent : undefined} bold={isCurrent} wrap="truncate">
						{sidebarTopicRow(name, mark, width)}
					</Text>
				);
			})}
		</Box>
	);
}
