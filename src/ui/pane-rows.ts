import {stripStyles} from '../render/plain.js';
import {truncateToWidth} from '../render/text-width.js';
import type {MatchSegment} from '../state/find/find-matches.js';
import type {Find} from '../state/find/find.js';
import type {StyledRow} from './styled-rows.js';
import type {UiTheme} from './theme.js';

export type PaneInput = {
	lines: string[];
	top: number;
	height: number;
	/** Columns the text is cut to. */
	width: number;
	find: Find | null;
	flashLine: number | null;
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
export function paneRows({lines, top, height, width, find, flashLine, theme}: PaneInput): StyledRow[] {
	const marks = segmentsByRow(find, top, height);
	const rows: StyledRow[] = [];
	for (let index = top; index < top + height; index++) {
		const line = lines[index];
		const segments = line === undefined ? undefined : marks.get(index);
		const row = line === undefined ? '' : segments ? markFind(line, segments, theme) : line;
		rows.push({
			key: String(index - top),
			style: {inverse: index === flashLine},
			parts: [{text: row === '' ? ' ' : truncateToWidth(row, width)}],
		});
	}
	return rows;
}
