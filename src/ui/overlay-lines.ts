import type {PostWarning} from '../posts/types.js';
import {wrapToWidth} from '../render/text-width.js';
import {helpSections} from './keymap.js';
import {LABELS, SYMBOLS} from './symbols.js';

export type OverlayLine = {text: string; isTitle: boolean};

const KEY_COLUMN = 17;

// The key table never changes: the reducer (to stop scrolling at the end) and the view both ask
// for the same width on each key, so the last one is kept.
let lastHelp: {width: number; lines: OverlayLine[]} | undefined;

/** The key table as the help shows it at a width: help that does not fit wraps under itself. */
export function helpLines(width: number): OverlayLine[] {
	if (lastHelp?.width === width) return lastHelp.lines;
	const lines: OverlayLine[] = [];
	const indent = ' '.repeat(KEY_COLUMN);
	for (const section of helpSections()) {
		lines.push({text: '', isTitle: false}, {text: section.title, isTitle: true});
		for (const row of section.rows) {
			const [first = '', ...rest] = wrapToWidth(row.help, Math.max(10, width - KEY_COLUMN));
			lines.push(
				{text: `  ${row.keys.padEnd(KEY_COLUMN - 3)} ${first}`, isTitle: false},
				...rest.map((text) => ({text: indent + text, isTitle: false})),
			);
		}
	}
	lines.push({text: '', isTitle: false}, {text: 'What the marks mean', isTitle: true});
	for (const {mark, meaning} of [...Object.values(SYMBOLS), ...LABELS]) {
		const [first = '', ...rest] = wrapToWidth(meaning, Math.max(10, width - KEY_COLUMN));
		lines.push(
			{text: `  ${mark.padEnd(KEY_COLUMN - 3)} ${first}`, isTitle: false},
			...rest.map((text) => ({text: indent + text, isTitle: false})),
		);
	}
	lastHelp = {width, lines};
	return lines;
}

/** One warning a line, `file:line: problem`; a long one wraps, indented, rather than losing its end. */
export function warningLines(warnings: PostWarning[], width: number): string[] {
	return warnings
		.map((warning) => `${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`)
		.flatMap((line) =>
			wrapToWidth(line, Math.max(10, width - 2)).map((text, index) => (index === 0 ? text : `  ${text}`)),
		);
}
