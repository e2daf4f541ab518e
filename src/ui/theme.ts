/** Which background the colours are chosen for. */
export type Background = 'dark' | 'light';

/** Colours of the reader, by role; with colour off every role is plain or inverse only. */
export type UiTheme = {
	accent: string | undefined;
	/** Quieter text (dates, progress, details): dim on a dark background, grey on a light one. */
	dim: boolean;
	muted: string | undefined;
	rule: string | undefined;
	flash: string | undefined;
	/** Find marks: every match, and the current one (distinct in colour and without). */
	match: {inverse: boolean; color: string | undefined; bold: boolean};
	currentMatch: {inverse: boolean; color: string | undefined; bold: boolean};
};

/**
 * Roles in the 16 ANSI colours, chosen per background: cyan and yellow read on dark and vanish on
 * white, so a light terminal gets blue and magenta; `dim` is kept for dark only (many light themes
 * draw faint text barely visible).
 */
export function uiTheme(color: boolean, background: Background = 'dark'): UiTheme {
	if (!color) {
		return {accent: undefined, dim: false, muted: undefined, rule: undefined, flash: undefined, match: {inverse: true, color: undefined, bold: false}, currentMatch: {inverse: true, color: undefined, bold: true}};
	}
	if (background === 'light') {
		return {accent: 'blue', dim: false, muted: 'gray', rule: 'gray', flash: 'magenta', match: {inverse: true, color: undefined, bold: false}, currentMatch: {inverse: true, color: 'magenta', bold: true}};
	}
	return {accent: 'cyan', dim: true, muted: undefined, rule: 'gray', flash: 'yellow', match: {inverse: true, color: undefined, bold: false}, currentMatch: {inverse: true, color: 'yellow', bold: true}};
}
