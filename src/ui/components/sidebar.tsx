import {Box, Text} from 'ink';
import {sidebarLines, type SidebarInput} from '../sidebar-lines.js';
import type {StyledRow} from '../styled-rows.js';

/** One row as Ink text: its parts, each with its own style where it has one. */
export function RowText({row}: {row: StyledRow}) {
	const [only] = row.parts;
	return (
		<Text {...row.style} wrap="truncate">
			{row.parts.length === 1 && only && !only.style
				? only.text
				: row.parts.map((part, index) => (
						<Text key={index} {...part.style}>
							{part.text}
						</Text>
					))}
		</Text>
	);
}

/** The tree of posts, the open one showing its topics (sidebar-lines.ts builds the rows). */
export function Sidebar(props: SidebarInput) {
	return (
		<Box flexDirection="column" width={props.width} height={props.height}>
			{sidebarLines(props).map((row) => (
				<RowText key={row.key} row={row} />
			))}
		</Box>
	);
}
