import {Box, Text} from 'ink';
import {formatPostDate} from '../../posts/post-name.js';
import type {Post} from '../../posts/types.js';
import {truncateToWidth} from '../../render/text-width.js';
import type {SidebarRow} from '../../state/reader-reducer.js';
import {sectionsOf} from '../reader-env.js';
import type {UiTheme} from '../theme.js';

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
	theme: UiTheme;
};

/** The tree of posts, the open one showing its topics; the topic being read is marked. */
export function Sidebar({posts, rows, width, height, offset, cursor, openPost, currentTopic, theme}: Props) {
	const visible = rows.slice(offset, offset + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{visible.map((row, index) => {
				const isCursor = offset + index === cursor;
				const post = posts[row.postIndex]!;
				if (row.kind === 'post') {
					const isOpen = row.postIndex === openPost;
					const date = formatPostDate(post.date);
					const label = truncateToWidth(`${isOpen ? '▾' : '▸'} ${post.title}`, width);
					return (
						<Box key={`p${row.postIndex}`} flexDirection="column">
							<Text bold={isOpen} inverse={isCursor} wrap="truncate">
								{label}
							</Text>
						</Box>
					);
				}
				const isCurrent = row.postIndex === openPost && row.topicIndex === currentTopic;
				const name = sectionsOf(post)[row.topicIndex]?.name ?? '';
				const label = truncateToWidth(`  ${isCurrent ? '●' : '·'} ${name}`, width);
				return (
					<Text key={`t${row.postIndex}-${row.topicIndex}`} inverse={isCursor} color={isCurrent ? theme.accent : undefined} bold={isCurrent} dimColor={!isCurrent && theme.dim} wrap="truncate">
						{label}
					</Text>
				);
			})}
		</Box>
	);
}
