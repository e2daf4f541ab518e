/**
 * The renderer's own guard against control characters. The loader neutralises post bodies
 * already, but marked decodes numeric references (`&#27;` becomes a real ESC), callers may pass
 * any string, and the layout engine uses C0 characters as markers: so every string taken from a
 * token passes through `sanitizeInline`, and the whole source through `sanitizeSource`.
 */

// C0 but tab and newline, DEL, C1.
const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi overrides, embeddings and isolates reorder what is shown; zero-width spaces and the BOM hide text.
const invisible = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The visible stand-in for a control character: a U+2400 control picture, or `\x9b` for C1 (as the loader shows it). */
export function controlPicture(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x24_00 + code);
	if (code === 0x7f) return '\u2421';
	return `\\x${code.toString(16)}`;
}

/** Replaces control characters (tab and newline excepted) with pictures and drops invisible formatting. */
export function sanitizeInline(text: string): string {
	return text.replace(control, controlPicture).replace(invisible, '');
}

/** Like `sanitizeInline`, with CRLF read as a line break first (a lone CR stays a visible ␍, keeping line numbers). */
export function sanitizeSource(text: string): string {
	return sanitizeInline(text.replace(/\r\n/g, '\n'));
}
