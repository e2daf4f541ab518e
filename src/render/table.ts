/**
 * Tables laid out to the pane: a bordered grid whose columns shrink (cells wrap) until it fits,
 * or, when the pane is too narrow for every column to stay readable, one `Header: value` line
 * per cell, row after row. Drawn here rather than by cli-table3 so widths are measured the way
 * the rest of the renderer measures them and cells may hold hyperlinks. Printed (`wholeUrls`), a
 * table with a URL wider than its column is stacked too, the URL whole on a line of its own.
 */
import type {Tokens} from 'marked';
import {append, maxOf} from './append.js';
import {stripMarkers} from './layout-markers.js';
import {stripStyles} from './plain.js';
import {textWidth, visibleWidth, wrapToWidth} from './text-width.js';
import type {Theme} from './theme.js';
import {isUrlWord, type WrapOptions} from './wrap-plain.js';

/** Below this many columns per cell (or the cell's own width, if smaller), a table is stacked instead. */
const minimumColumn = 6;

type Align = 'left' | 'center' | 'right' | null;

/** The largest `cap` for which the columns, each clamped to [floor, want] by it, fit `available`. */
function waterLevel(floor: number[], want: number[], available: number): number[] {
	const clamp = (cap: number) => want.map((width, index) => Math.min(width, Math.max(floor[index]!, cap)));
	const sum = (widths: number[]) => widths.reduce((total, width) => total + width, 0);
	let low = 0;
	let high = maxOf(want, 1);
	while (low < high) {
		const cap = Math.ceil((low + high) / 2);
		if (sum(clamp(cap)) <= available) low = cap;
		else high = cap - 1;
	}
	const widths = clamp(low);
	let left = available - sum(widths);
	for (let index = 0; index < widths.length && left > 0; index++) {
		if (widths[index]! < want[index]!) {
			widths[index]!++;
			left--;
		}
	}
	return widths;
}

/**
 * Widths for columns wanting `natural` columns within `available`. Each column first keeps room
 * for its longest word (`words`), so shrinking wraps between words; only when even that cannot fit
 * do the longest words get broken, widest columns first.
 */
export function fitColumns(natural: number[], available: number, words: number[] = natural): number[] {
	const total = natural.reduce((sum, width) => sum + width, 0);
	if (total <= available) return natural;
	const floor = natural.map((width, index) => Math.min(width, words[index] ?? width));
	const floorTotal = floor.reduce((sum, width) => sum + width, 0);
	if (floorTotal <= available) return waterLevel(floor, natural, available);
	return waterLevel(
		floor.map(() => 1),
		floor,
		available,
	);
}

function pad(line: string, width: number, align: Align): string {
	const room = Math.max(0, width - visibleWidth(line));
	if (align === 'right') return ' '.repeat(room) + line;
	if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + line + ' '.repeat(room - Math.floor(room / 2));
	return line + ' '.repeat(room);
}

// Targets and other long unbroken strings wrap anyway: they do not set a column's minimum.
const breakable = /:\/\/|^\S{25,}$/;

function longestWord(cell: string): number {
	let longest = 1;
	for (const word of stripMarkers(stripStyles(cell)).split(/\s+/)) {
		if (!breakable.test(word)) longest = Math.max(longest, textWidth(word));
	}
	return longest;
}

function naturalWidth(cell: string): number {
	let widest = 0;
	for (const line of wrapToWidth(cell, Number.POSITIVE_INFINITY)) widest = Math.max(widest, visibleWidth(line));
	return widest;
}

/** True when a cell holds a URL wider than `width` (a grid would have to break it). */
function hasWideUrl(cell: string, width: number): boolean {
	if (!cell.includes(':') && !cell.includes('www.')) return false;
	return stripMarkers(stripStyles(cell))
		.split(/\s+/)
		.some((word) => textWidth(word) > width && isUrlWord(word));
}

function stacked(header: string[], rows: string[][], width: number, theme: Theme, wrap: WrapOptions = {}): string[] {
	const lines: string[] = [];
	const rule = theme.tableBorder('─'.repeat(Math.min(width, 20)));
	for (const [index, row] of rows.entries()) {
		if (index > 0) lines.push(rule);
		for (const [column, cell] of row.entries()) {
			const name = header[column] ?? '';
			const label = visibleWidth(name) === 0 ? `Column ${column + 1}` : name;
			append(lines, wrapToWidth(`${theme.tableHeader(label)}: ${cell}`, width, wrap));
		}
	}
	if (rows.length === 0) append(lines, wrapToWidth(header.map((name) => theme.tableHeader(name)).join(' · '), width));
	return lines;
}

/**
 * A table at `width`, cells rendered by `inline`. Every line is at most `width` columns wide;
 * no cell text is dropped (the grid wraps it, the stacked form gives it whole lines).
 */
export function renderTable(
	token: Tokens.Table,
	width: number,
	theme: Theme,
	inline: (cell: Tokens.TableCell) => string,
	wrap: WrapOptions = {},
): string[] {
	const header = token.header.map(inline);
	const columns = header.length;
	const rows = token.rows.map((row) =>
		Array.from({length: columns}, (_, index) => (row[index] ? inline(row[index]) : '')),
	);
	const align: Align[] = Array.from({length: columns}, (_, index) => token.align[index] ?? null);
	if (columns === 0) return [];
	const natural = Array.from({length: columns}, (_, column) =>
		maxOf(
			rows.map((row) => naturalWidth(row[column]!)),
			Math.max(1, naturalWidth(header[column]!)),
		),
	);
	// `│ a │ b │`: one border per column plus one, and a space either side of each cell.
	const available = width - (3 * columns + 1);
	const needed = natural.reduce((sum, columnWidth) => sum + Math.min(columnWidth, minimumColumn), 0);
	if (available < needed) return stacked(header, rows, width, theme);

	const words = Array.from({length: columns}, (_, column) =>
		maxOf(
			rows.map((row) => longestWord(row[column]!)),
			longestWord(header[column]!),
		),
	);
	const widths = fitColumns(natural, available, words);
	// Printed text never breaks a URL: a table that would is stacked.
	if (wrap.wholeUrls === true && rows.some((row) => row.some((cell, column) => hasWideUrl(cell, widths[column]!))))
		return stacked(header, rows, width, theme, wrap);
	const border = (left: string, middle: string, right: string): string =>
		theme.tableBorder(left + widths.map((columnWidth) => '─'.repeat(columnWidth + 2)).join(middle) + right);
	const bar = theme.tableBorder('│');
	const rowLines = (cells: string[], isHeader: boolean): string[] => {
		const wrapped = cells.map((cell, column) => {
			const lines = wrapToWidth(cell, widths[column]!);
			return isHeader ? lines.map((line) => theme.tableHeader(line)) : lines;
		});
		const height = maxOf(
			wrapped.map((lines) => lines.length),
			1,
		);
		return Array.from(
			{length: height},
			(_, line) =>
				`${bar} ${wrapped.map((lines, column) => pad(lines[line] ?? '', widths[column]!, align[column]!)).join(` ${bar} `)} ${bar}`,
		);
	};
	const bodyRows = rows.map((row) => rowLines(row, false));
	// Rule between body rows only when a row wrapped: otherwise rows are told apart by their lines.
	const ruled = bodyRows.some((lines) => lines.length > 1);
	const lines = [border('┌', '┬', '┐'), ...rowLines(header, true), border('├', '┼', '┤')];
	for (const [index, row] of bodyRows.entries()) {
		if (index > 0 && ruled) lines.push(border('├', '┼', '┤'));
		append(lines, row);
	}
	lines.push(border('└', '┴', '┘'));
	return lines;
}
