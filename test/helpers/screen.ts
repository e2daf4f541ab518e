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

/**
 * Ink's first frame is written: the reader writes an early frame before Ink loads (issue 25), and
 * Ink's own is the next synchronized write. Keys sent before it work (they wait in the terminal);
 * what a test counts of the bytes a key writes starts after it.
 */
export const inkFrameDrawn = (session: Session) => (session.raw().match(/\u001B\[\?2026l/g) ?? []).length >= 2;
