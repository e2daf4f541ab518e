import {Box, Text} from 'ink';
import {truncateToWidth} from '../../render/text-width.js';
import {helpLines, type OverlayLine} from '../overlay-lines.js';

/** The first line shown when scrolled to `top`: the reducer clamps too; this covers a resize. */
const firstShown = (top: number, count: number, room: number) => Math.min(top, Math.max(0, count - room));

/** The key table, from the same data the keys are resolved with; j/k scroll it where it does not fit. */
export function HelpOverlay({width, height, top}: {width: number; height: number; top: number}) {
	const lines = helpLines(width);
	const room = height - 1;
	const first = firstShown(top, lines.length, room);
	const more = lines.length > room ? `  (${first + room < lines.length ? 'Space for more' : 'b back up'})` : '';
	const shown: OverlayLine[] = [
		{text: `Keys  (Esc, ? or q closes)${more}`, isTitle: true},
		...lines.slice(first, first + room),
	];
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				<Text key={index} bold={line.isTitle} wrap="truncate">
					{truncateToWidth(line.text, width) || ' '}
				</Text>
			))}
		</Box>
	);
}

/** A titled list of lines over the pane (the warnings), scrolled from `top`. */
export function TextOverlay({
	title,
	lines,
	width,
	height,
	top,
}: {
	title: string;
	lines: string[];
	width: number;
	height: number;
	top: number;
}) {
	const first = firstShown(top, lines.length, height - 1);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(title, width)}
			</Text>
			{lines.slice(first, first + height - 1).map((line, index) => (
				<Text key={index} wrap="truncate">
					{truncateToWidth(line, width) || ' '}
				</Text>
			))}
		</Box>
	);
}
