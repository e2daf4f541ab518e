import {Box} from 'ink';
import type {Find} from '../../state/find/find.js';
import type {UiTheme} from '../theme.js';
import {injectRenderFault} from '../fault-injection.js';
import {paneRows} from '../pane-rows.js';
import {RowText} from './sidebar.js';

type Props = {
	lines: string[];
	top: number;
	width: number;
	height: number;
	find: Find | null;
	flashLine: number | null;
	/** Blank columns left of the text (the room a reading measure leaves). */
	margin?: number;
	theme: UiTheme;
};

/** The visible window of the rendered post (pane-rows.ts builds the rows). */
export function ReaderPane({lines, top, width, height, find, flashLine, margin = 0, theme}: Props) {
	injectRenderFault(top > 0);
	return (
		<Box flexDirection="column" width={width + margin} height={height} paddingLeft={margin}>
			{paneRows({lines, top, height, width, find, flashLine, theme}).map((row) => (
				<RowText key={row.key} row={row} />
			))}
		</Box>
	);
}
