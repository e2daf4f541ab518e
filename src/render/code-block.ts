/** Fenced and indented code: indented, highlighted when colour is on, every line clipped to the pane. */
import {DEFAULT_THEME, highlight, supportsLanguage, type Theme as HighlightTheme} from 'cli-highlight';
import {sanitizeText} from '../markdown/sanitize.js';
import {breakToWidth, visibleWidth} from './text-width.js';
import type {Theme} from './theme.js';

/**
 * Highlighting costs 1 to 2.5 ms per KB of code: past this much code in one document (far more
 * than a post of notes holds), the rest is shown unhighlighted, so a huge post still renders fast.
 */
export const HIGHLIGHT_BUDGET_CHARS = 12_000;

/** What a document's code blocks share while it renders: the highlighting budget left. */
export type CodeContext = {theme: Theme; color: boolean; highlightBudget: number};

/** A cli-highlight theme made of our own chalk's styles: any token class we do not name is left plain. */
function highlightTheme(theme: Theme): HighlightTheme {
	const {chalk} = theme;
	const styles: Record<string, (text: string) => string> = {
		keyword: chalk.blue,
		built_in: chalk.cyan,
		type: chalk.cyan,
		literal: chalk.magenta,
		number: chalk.magenta,
		regexp: chalk.red,
		string: chalk.green,
		symbol: chalk.magenta,
		class: chalk.cyan,
		title: chalk.yellow,
		comment: chalk.gray,
		doctag: chalk.gray,
		meta: chalk.gray,
		section: chalk.bold,
		tag: chalk.gray,
		name: chalk.blue,
		attr: chalk.cyan,
		attribute: chalk.cyan,
		variable: chalk.cyan,
		bullet: chalk.yellow,
		addition: chalk.green,
		deletion: chalk.red,
	};
	const plain = (text: string): string => text;
	// Every key cli-highlight knows must be ours, or it falls back to its own environment-dependent chalk.
	const complete: Record<string, (text: string) => string> = {default: plain};
	for (const key of Object.keys(DEFAULT_THEME)) complete[key] = styles[key] ?? plain;
	for (const [key, style] of Object.entries(styles)) complete[key] = style;
	return complete as HighlightTheme;
}

const themes = new WeakMap<Theme, HighlightTheme>();

/** Highlighted code, or null when it is not to be highlighted (no colour, no known language, budget spent). */
function highlighted(code: string, lang: string, context: CodeContext): string | null {
	const language =
		lang
			.trim()
			.split(/\s+/)[0]
			?.replace(/^\{?\.?/, '')
			.replace(/\}$/, '') ?? '';
	if (!context.color || language === '' || code.length > context.highlightBudget) return null;
	try {
		if (!supportsLanguage(language)) return null;
		context.highlightBudget -= code.length;
		let theme = themes.get(context.theme);
		if (theme === undefined) {
			theme = highlightTheme(context.theme);
			themes.set(context.theme, theme);
		}
		return highlight(code, {language, theme, ignoreIllegals: true});
	} catch {
		return null;
	}
}

/** Expands tabs to 4-column stops: a terminal would, and a tab's width is otherwise unknowable. */
function expandTabs(line: string): string {
	if (!line.includes('\t')) return line;
	let out = '';
	for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
	return out;
}

/** Marks the rows a long code line continues on: nothing of a command may be lost, or silently joined. */
export const CODE_CONTINUATION = '↪ ';

/** One code line as rows of `room` columns: whole, the rows after the first marked as its continuation. */
function codeRows(line: string, room: number, style: (text: string) => string): string[] {
	if (visibleWidth(line) <= room) return [style(line)];
	const marker = room > CODE_CONTINUATION.length + 4 ? CODE_CONTINUATION : '';
	const rows = breakToWidth(line, room - marker.length);
	return rows.map((row, index) => (index === 0 ? style(row) : marker + style(row)));
}

/**
 * The lines of a code block at `width`: indented by 4 (2 or none when narrow); a line longer than
 * the pane continues on the next rows behind `↪`, so printed output never drops a character.
 */
export function renderCodeBlock(text: string, lang: string, width: number, context: CodeContext): string[] {
	const indent = width >= 40 ? 4 : width >= 20 ? 2 : 0;
	const code = sanitizeText(text).split('\n').map(expandTabs).join('\n');
	const pad = ' '.repeat(indent);
	const room = Math.max(1, width - indent);
	const styled = highlighted(code, lang, context);
	const lines =
		styled === null
			? code.split('\n').flatMap((line) => codeRows(line, room, context.theme.code))
			: styled.split('\n').flatMap((line) => codeRows(line, room, (row) => row));
	return lines.map((line) => pad + line);
}
