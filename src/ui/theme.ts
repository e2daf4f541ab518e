/** Which background the colours are chosen for. */
export type Background = 'dark' | 'light';

/** A style as the escape sequences that open and close it (marks go inside already styled lines). */
export type Mark = {open: string; close: string};

const INVERSE: Mark = {open: '\u001B[7m', close: '\u001B[27m'};
const UNDERLINE: Mark = {open: '\u001B[4m', close: '\u001B[24m'};
const INVERSE_BOLD: Mark = {open: '\u001B[1;7m', close: '\u001B[22;27m'};

/** Colours of the reader, by role; with colour off every role is plain or inverse only. */
export type UiTheme = {
	accent: string | undefined;
	/** Quieter text (dates, progress, details): dim on a dark background, grey on a light one. */
	dim: boolean;
	muted: string | undefined;
	rule: string | undefined;
	flash: string | undefined;
	/** Find marks as SGR open and close: every match, and the current one (distinct, colour or not). */
	match: Mark;
	currentMatch: Mark;
};

/**
 * Roles in the 16 ANSI colours, chosen per background: cyan and yellow read on dark and vanish on
 * white, so a light terminal gets blue and magenta; `dim` is kept for dark only (many light themes
 * draw faint text barely visible).
 */
export function uiTheme(color: boolean, background: Background = 'dark'): UiTheme {
	if (!color) {
		return {
			accent: undefined,
			dim: false,
			muted: undefined,
			rule: undefined,
			flash: undefined,
			match: UNDERLINE,
			currentMatch: INVERSE_BOLD,
		};
	}
	if (background === 'light') {
		return {
			accent: 'blue',
			dim: false,
			muted: 'gray',
			rule: 'gray',
			flash: 'magenta',
			match: INVERSE,
			currentMatch: {open: '\u001B[1;97;45m', close: '\u001B[22;39;49m'},
		};
	}
	return {
		accent: 'cyan',
		dim: true,
		muted: undefined,
		rule: 'gray',
		flash: 'yellow',
		match: INVERSE,
		currentMatch: {open: '\u001B[1;30;43m', close: '\u001B[22;39;49m'},
	};
}
