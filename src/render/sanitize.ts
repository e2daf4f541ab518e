/**
 * The renderer's own guard against control characters. The loader neutralises post bodies
 * already, but marked decodes numeric references (`&#27;` becomes a real ESC), callers may pass
 * any string, and the layout engine uses C0 characters as markers: so every string taken from a
 * token passes through `sanitizeInline`, and the whole source through `sanitizeSource`.
 */
import {sanitizeText} from '../posts/sanitize.js';

export {controlPicture} from '../posts/sanitize.js';

/** Replaces control characters (tab and newline excepted) with pictures and drops invisible formatting. */
export const sanitizeInline = sanitizeText;

/** Like `sanitizeInline`, with CRLF read as a line break first (a lone CR stays a visible ␍, keeping line numbers). */
export function sanitizeSource(text: string): string {
	return sanitizeInline(text.replace(/\r\n/g, '\n'));
}
