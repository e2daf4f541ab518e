import {Box, Text} from 'ink';
import {formatPostDate} from '../../posts/post-name.js';
import type {Post} from '../../posts/types.js';
import {textWidth, truncateToWidth} from '../../render/text-width.js';
import type {SidebarRow} from '../../state/reader-state.js';
import {sectionsOf} from '../reader-env.js';
import type {UiTheme} from '../theme.js';
import {truncateMiddle} from '../truncate-middle.js';

type Props = {
	posts: Post[];
	rows: SidebarRow[];
	width: number;
	height: number;
	offset: number;
	/** Row of the cursor when the sidebar has focus, else -1. */
	cursor: number;
	openPost: number;
	currentTopic: number;
	/** Per post: `unread`, a percentage, or `done`; empty when positions are not kept. */
	progress: readonly string[];
	/** Topic names of the open post already read. */
	readTopics: ReadonlySet<string>;
	theme: UiTheme;
};

/** The tree of posts, the open one showing its topics; the topic being read is marked. */
export function Sidebar({posts, rows, width, height, offset, cursor, openPost, currentTopic, progress, readTopics, theme}: Props) {
	const visible = rows.slice(offset, offset + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{visible.map((row, index) => {
				const isCursor = offset + index === cursor;
				const post = posts[row.postIndex]!;
				if (row.kind === 'post') {
					const isOpen = row.postIndex === openPost;
					const state = progress[row.postIndex] ?? '';
					const suffix = state ? ` ${state}` : '';
					const title = `${isOpen ? '▾' : '▸'} ${truncateMiddle(post.title, Math.max(2, width - textWidth(suffix) - 2))}`;
					const date = formatPostDate(post.date);
					return (
						<Box key={`p${row.postIndex}`} width={width}>
							<Text bold={isOpen} inverse={isCursor} wrap="truncate">
								{title}
							</Text>
							<Box flexGrow={1} />
							<Text dimColor={theme.dim} wrap="truncate">
								{suffix || (width - textWidth(title) > 12 ? ` ${date}` : '')}
							</Text>
						</Box>
					);
				}
				const isCurrent = row.postIndex === openPost && row.topicIndex === currentTopic;
				const name = sectionsOf(post)[row.topicIndex]?.name ?? '';
				const label = truncateToWidth(`  ${isCurrent ? '●' : readTopics.has(name) ? '✓' : '·'} ${name}`, width);
				return (
					<Text key={`t${row.postIndex}-${row.topicIndex}`} inverse={isCursor} color={isCurrent ? theme.accent : undefined} bold={isCurrent} dimColor={!isCurrent && theme.dim} wrap="truncate">
						{label}
					</Text>
				);
			})}
		</Box>
	);
}
