import {Box, Text} from 'ink';
import {textWidth, truncateToWidth} from '../../render/text-width.js';

type Props = {width: number; left: string; right: string; hint: string};

/** The bottom line: where you are on the left, position and the main keys on the right. */
export function StatusLine({width, left, right, hint}: Props) {
	const tail = `${right}  ${hint}`;
	const room = Math.max(0, width - textWidth(tail) - 2);
	const head = truncateToWidth(left, room);
	const gap = Math.max(1, width - textWidth(head) - textWidth(tail) - 1);
	const line = truncateToWidth(` ${head}${' '.repeat(gap)}${tail}`, width);
	return (
		<Box width={width} height={1}>
			<Text inverse wrap="truncate">
				{line + ' '.repeat(Math.max(0, width - textWidth(line)))}
			</Text>
		</Box>
	);
}
