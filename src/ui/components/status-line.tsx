import {Box} from 'ink';
import {statusLines} from '../status-text.js';
import {RowText} from './sidebar.js';

/**
 * The bottom line: where you are on the left, position and the main keys on the right; a message
 * too long for it takes rows above it (status-text.ts's statusRows).
 */
export function StatusLine({width, rows}: {width: number; rows: string[]}) {
	return (
		<Box width={width} height={rows.length} flexDirection="column">
			{statusLines(rows).map((row) => (
				<RowText key={row.key} row={row} />
			))}
		</Box>
	);
}
