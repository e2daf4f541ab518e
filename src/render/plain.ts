/** Styled text to plain text. */

/** The two kinds of escape sequence the renderer emits: SGR (`ESC [ … m`) and OSC 8 hyperlinks (ST or BEL terminated). */
export const STYLE_SEQUENCE = /\u001B\[[0-9;]*m|\u001B\]8;[^;\u0007\u001B]*;[^\u0007\u001B]*(?:\u001B\\|\u0007)/g;

/** Removes SGR and OSC 8 sequences from a rendered line, leaving the text a terminal would show. */
export function stripStyles(line: string): string {
	return line.includes('\u001B') ? line.replace(STYLE_SEQUENCE, '') : line;
}
