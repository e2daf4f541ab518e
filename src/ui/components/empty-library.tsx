import {Box, Text} from 'ink';
import type {Library} from '../../posts/types.js';

/** No posts: say where we looked, what went wrong, and how to point elsewhere. */
export function EmptyLibrary({library, width, height}: {library: Library; width: number; height: number}) {
	const lines = [
		'No posts found.',
		'',
		`Looked in: ${library.searched.join(', ') || 'nothing'}`,
		...(library.warnings.length > 0
			? ['', 'Problems:', ...library.warnings.map((w) => `  ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`)]
			: []),
		'',
		'Point the reader at a folder or files of markdown notes:',
		'  kubecon-notes ~/blog/_posts',
		'',
		'q quits.',
	];
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines.slice(0, height).map((line, index) => (
				<Text key={index} wrap="truncate">
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
