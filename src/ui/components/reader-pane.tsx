import {Box, Text} from 'ink';
import {stripStyles} from '../../render/plain.js';
import {truncateToWidth} from '../../render/text-width.js';
import type {Find} from '../../state/find/find-reducer.js';
import {injectRenderFault} from '../fault-injection.js';

type Props = {
	lines: string[];
	top: number;
	width: number;
	height: number;
	find: Find | null;
	flashLine: number | null;
	/** Blank columns left of the text (the room a reading measure leaves). */
	margin?: number;
};

/** Marks each occurrence of the find in a line (shown plain, so the marks stay exact). */
function markFind(line: string, query: string): string {
	const plain = stripStyles(line);
	const lower = plain.toLowerCase();
	const needle = query.toLowerCase();
	let out = '';
	let at = 0;
	for (let index = lower.indexOf(needle); index !== -1; index = lower.indexOf(needle, index + needle.length)) {
		out += plain.slice(at, index) + '\u001B[7m' + plain.slice(index, index + needle.length) + '\u001B[27m';
		at = index + needle.length;
	}
	return out + plain.slice(at);
}

/** The visible window of the rendered post: one rendered line is one row, never re-wrapped. */
export function ReaderPane({lines, top, width, height, find, flashLine, margin = 0}: Props) {
	injectRenderFault(top > 0);
	const rows: string[] = [];
	for (let index = top; index < top + height; index++) {
		const line = lines[index];
		if (line === undefined) {
			rows.push('');
			continue;
		}
		rows.push(find && find.lines.includes(index) ? markFind(line, find.query) : line);
	}
	return (
		<Box flexDirection="column" width={width + margin} height={height} paddingLeft={margin}>
			{rows.map((row, index) => (
				<Text key={index} inverse={top + index === flashLine} wrap="truncate">
					{row === '' ? ' ' : truncateToWidth(row, width)}
				</Text>
			))}
		</Box>
	);
}
