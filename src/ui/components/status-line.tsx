import {Box, Text} from 'ink';

/**
 * The bottom line: where you are on the left, position and the main keys on the right; a message
 * too long for it takes rows above it (status-text.ts's statusRows).
 */
export function StatusLine({width, rows}: {width: number; rows: string[]}) {
	return (
		<Box width={width} height={rows.length} flexDirection="column">
			{rows.map((row, index) => (
				<Text key={index} inverse wrap="truncate">
					{row}
				</Text>
			))}
		</Box>
	);
}

/** The find prompt in the (inverse) status line; a kept query shows selected, in reverse of the line. */
export function findPrompt({input, isKept}: {input: string; isKept: boolean}): string {
	return isKept ? `Find: \u001B[27m${input}\u001B[7m▏` : `Find: ${input}▏`;
}
