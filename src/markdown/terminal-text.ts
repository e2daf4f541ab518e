/**
 * The last gate before a terminal or pipe: text may carry the program's own SGR styling and OSC 8
 * hyperlinks, and nothing else that a terminal would obey. What `less -R` lets through, and less.
 */
import {sanitizeText} from './sanitize.js';

/** The sequences the program itself writes: SGR (`ESC [ … m`) and OSC 8 hyperlinks (ST or BEL ended, printable target). */
export const OWN_SEQUENCE = /\u001B\[[0-9;:]*m|\u001B\]8;[\u0020-\u003A\u003C-\u007E]*;[\u0021-\u007E]*(?:\u001B\\|\u0007)/g;

/**
 * Text made safe for a terminal: SGR and OSC 8 sequences kept, every other control (ESC, CSI, OSC,
 * BEL, C1, CR) shown as a visible stand-in, bidi and invisible formatting dropped. Tab and newline stay.
 */
export function terminalSafe(text: string): string {
	return keepingOnly(OWN_SEQUENCE, text);
}

/**
 * What a full-screen frame may hold besides our styling: the cursor moves, erasures and the few
 * private modes Ink and the reader use (cursor shown/hidden, alternate screen, synchronised update,
 * bracketed paste). Mouse tracking, window titles, clipboard writes and terminal queries are not here.
 */
const SCREEN_SEQUENCE = new RegExp(
	`${OWN_SEQUENCE.source}|\\u001B\\[[0-9;]*[A-HJKSTfsu]|\\u001B\\[\\?(?:25|1049|2026|2004)[hl]|\\u001B[78]`,
	'g',
);

/** Like `terminalSafe`, for a reader frame: Ink's cursor and screen sequences pass as well. */
export function screenSafe(text: string): string {
	return keepingOnly(SCREEN_SEQUENCE, text);
}

/** `text` with the sequences `allowed` matches kept as they are and everything between sanitised. */
function keepingOnly(allowed: RegExp, text: string): string {
	if (!text.includes('\u001B')) return sanitizeText(text);
	let out = '';
	let from = 0;
	allowed.lastIndex = 0;
	for (let match = allowed.exec(text); match !== null; match = allowed.exec(text)) {
		out += sanitizeText(text.slice(from, match.index)) + match[0];
		from = match.index + match[0].length;
	}
	return out + sanitizeText(text.slice(from));
}
