import {Box, Text} from 'ink';
import {truncateToWidth} from '../../render/text-width.js';
import {helpSections} from '../keymap.js';

/** The key table, from the same data the keys are resolved with. */
export function HelpOverlay({width, height}: {width: number; height: number}) {
	const lines: Array<{text: string; isTitle: boolean}> = [{text: 'Keys  (Esc, ? or q closes)', isTitle: true}];
	for (const section of helpSections()) {
		lines.push({text: '', isTitle: false}, {text: section.title, isTitle: true});
		for (const row of section.rows) lines.push({text: `  ${row.keys.padEnd(14)} ${row.help}`, isTitle: false});
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines.slice(0, height).map((line, index) => (
				<Text key={index} bold={line.isTitle} wrap="truncate">
					{truncateToWidth(line.text, width) || ' '}
				</Text>
			))}
		</Box>
	);
}

/** A titled list of lines over the pane (the warnings), cut to fit. */
export function TextOverlay({title, lines, width, height}: {title: string; lines: string[]; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(title, width)}
			</Text>
			{lines.slice(0, height - 1).map((line, index) => (
				<Text key={index} wrap="truncate">
					{truncateToWidth(line, width) || ' '}
				</Text>
			))}
		</Box>
	);
}
