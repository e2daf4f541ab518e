import type {Session} from './pseudo-terminal.js';

/** The reader has drawn a frame: its status line shows a position `A–B/M P%` (or `N/M P%`). */
export const FIRST_FRAME = /\d+\/\d+ \d+%/;

/** The screen's last non-empty row: the reader's status line. */
export const statusLine = (session: Session) => session.screen().trimEnd().split('\n').at(-1) ?? '';

/** The pane's first row: right of the sidebar's rule when there is one. */
export const paneTop = (session: Session) => {
	const row = session.screen().split('\n')[0]!;
	// The rule is heavy (┃) while the sidebar has the focus.
	const rule = row.search(/[│┃]/);
	return (rule === -1 ? row : row.slice(rule + 1)).trim();
};
