/** Line arithmetic on markdown source: where tokens start, counted from their raw text. */
import type {Tokens} from 'marked';

/** The number of `\n` in a text. */
export function countNewlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

/** The 1-based source line of each item of a list starting at `listLine` (item raws are slices of the list's raw). */
export function listItemLines(list: Tokens.List, listLine: number): number[] {
	const lines: number[] = [];
	let cursor = 0;
	let line = listLine;
	for (const item of list.items) {
		const found = list.raw.indexOf(item.raw, cursor);
		const start = found === -1 ? cursor : found;
		line += countNewlines(list.raw.slice(cursor, start));
		lines.push(line);
		line += countNewlines(item.raw);
		cursor = start + item.raw.length;
	}
	return lines;
}

/** `text` without the line breaks at its end: a scan from the end, where `/\n+$/` rescans every run of them (quadratic). */
export function trimNewlinesEnd(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
	return end === text.length ? text : text.slice(0, end);
}
