/**
 * The reader's first frame, written before Ink, React and yoga are loaded (issue 25: the first start
 * after install compiles every module it runs, and the UI libraries are half of that). The rows
 * are the ones the widgets draw (sidebar-lines.ts, pane-rows.ts, status-text.ts), from the same
 * view (frame-parts.ts), styled as Ink styles a `<Text>` (chalk, in Ink's order); each is written at
 * the cell Ink's layout puts it in. Ink's own first frame, a moment later, writes the same cells
 * over them: test/e2e/early-frame.test.ts holds the two screens equal, cell by cell.
 *
 * Only the plain reading view is drawn early (the text in the pane, the sidebar beside it or not);
 * any other first view (too small, no posts, the list in the text's place) waits for Ink.
 */
import chalk from 'chalk';
import type {Library} from '../posts/types.js';
import type {ReaderEnv, ReaderState} from '../state/reader-state.js';
import {injectEarlyFrameFault} from './fault-injection.js';
import {sidebarRule, type FrameParts} from './frame-parts.js';
import {paneRows} from './pane-rows.js';
import {sidebarLines} from './sidebar-lines.js';
import {statusLines} from './status-text.js';
import type {StyledRow, TextStyle} from './styled-rows.js';

/** Text in a style, as Ink's `<Text>` applies it: dim, colour, bold, inverse, in that order. */
export function styled(text: string, style: TextStyle): string {
	let out = text;
	if (style.dimColor) out = chalk.dim(out);
	if (style.color) out = (chalk as unknown as Record<string, (text: string) => string>)[style.color]!(out);
	if (style.bold) out = chalk.bold(out);
	if (style.inverse) out = chalk.inverse(out);
	return out;
}

/** A row's text with its styles: each part in its own, the whole in the row's. */
export function rowText(row: StyledRow): string {
	return styled(row.parts.map((part) => (part.style ? styled(part.text, part.style) : part.text)).join(''), row.style);
}

/** Moves the cursor to a row and column (1-based), as absolute as Ink's layout is. */
const at = (row: number, column: number) => `\u001B[${row};${column}H`;

/**
 * The first frame as text to write on a cleared screen, or null when it is not the plain reading
 * view. The cursor is left at the top left, where Ink starts its first frame.
 */
export function earlyFrameText(
	parts: FrameParts,
	{state, env, library, color}: {state: ReaderState; env: ReaderEnv; library: Library; color: boolean},
): string | null {
	injectEarlyFrameFault();
	const {view, status, layout, theme} = parts;
	if (layout.isTooSmall || library.posts.length === 0 || view.pane !== 'text') return null;
	const out: string[] = [];
	const {sidebarWidth, paneHeight} = layout;
	if (sidebarWidth > 0) {
		const sidebar = sidebarLines({
			posts: library.posts,
			rows: view.rows,
			width: sidebarWidth,
			height: paneHeight,
			offset: view.sidebarOffset,
			cursor: state.focus === 'sidebar' ? state.sidebar.cursor : -1,
			filter: view.sidebarFilter,
			openPost: state.postIndex,
			topicNames: env.sectionNames(state.postIndex),
			currentTopic: view.topic,
			progress: view.progress,
			readTopics: view.readTopics,
			theme,
		});
		const {mark, style} = sidebarRule(view, theme, color);
		const rule = styled(mark, style);
		for (let row = 0; row < paneHeight; row++) {
			const line = sidebar[row];
			if (line) out.push(at(row + 1, 1), rowText(line));
			out.push(at(row + 1, sidebarWidth + 1), rule);
		}
	}
	const pane = paneRows({
		lines: view.doc.lines,
		top: state.top,
		height: paneHeight,
		width: layout.paneWidth,
		find: state.find,
		flashLine: state.flashLine,
		theme,
	});
	const column = (sidebarWidth > 0 ? sidebarWidth + 2 : 0) + layout.textMargin + 1;
	// Ink ends each row where its text ends (trimmed), leaving blank cells unwritten: so does this.
	for (const [row, line] of pane.entries()) {
		const text = rowText(line).trimEnd();
		if (text !== '') out.push(at(row + 1, column), text);
	}
	for (const [index, line] of statusLines(status).entries()) out.push(at(paneHeight + 1 + index, 1), rowText(line));
	return `${out.join('')}${at(1, 1)}`;
}
