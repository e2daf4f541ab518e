import {Box, Text} from 'ink';
import {stripStyles} from '../../render/plain.js';
import {truncateToWidth} from '../../render/text-width.js';
import type {MatchSegment} from '../../state/find/find-matches.js';
import type {Find} from '../../state/find/find.js';
import type {UiTheme} from '../theme.js';
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
	theme: UiTheme;
};

/**
 * Marks the stretches of a row that matches cover (shown plain, so the marks stay exact); the
 * current match in its own style, so it stands out from the others as in less.
 */
function markFind(line: string, segments: Array<MatchSegment & {isCurrent: boolean}>, theme: UiTheme): string {
	const plain = stripStyles(line);
	let out = '';
	let at = 0;
	for (const segment of [...segments].sort((a, b) => a.from - b.from)) {
		if (segment.from < at) continue;
		const mark = segment.isCurrent ? theme.currentMatch : theme.match;
		out += plain.slice(at, segment.from) + mark.open + plain.slice(segment.from, segment.to) + mark.close;
		at = segment.to;
	}
	return out + plain.slice(at);
}

/** The match stretches on each visible row. */
function segmentsByRow(
	find: Find | null,
	top: number,
	height: number,
): Map<number, Array<MatchSegment & {isCurrent: boolean}>> {
	const rows = new Map<number, Array<MatchSegment & {isCurrent: boolean}>>();
	for (const [index, match] of (find?.matches ?? []).entries()) {
		for (const segment of match.segments) {
			if (segment.line < top || segment.line >= top + height) continue;
			const list = rows.get(segment.line) ?? [];
			list.push({...segment, isCurrent: index === find!.current});
			rows.set(segment.line, list);
		}
	}
	return rows;
}

/** The visible window of the rendered post: one rendered line is one row, never re-wrapped. */
export function ReaderPane({lines, top, width, height, find, flashLine, margin = 0, theme}: Props) {
	injectRenderFault(top > 0);
	const marks = segmentsByRow(find, top, height);
	const rows: string[] = [];
	for (let index = top; index < top + height; index++) {
		const line = lines[index];
		if (line === undefined) {
			rows.push('');
			continue;
		}
		const segments = marks.get(index);
		rows.push(segments ? markFind(line, segments, theme) : line);
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
