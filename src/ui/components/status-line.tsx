import {Box, Text} from 'ink';
import {statusText, type StatusParts} from '../status-text.js';

/** The bottom line: where you are on the left, position and the main keys on the right. */
export function StatusLine({width, parts}: {width: number; parts: StatusParts}) {
	return (
		<Box width={width} height={1}>
			<Text inverse wrap="truncate">
				{statusText(parts, width)}
			</Text>
		</Box>
	);
}
