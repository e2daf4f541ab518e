/**
 * The last gate before a terminal or pipe: text may carry the program's own SGR styling and OSC 8
 * hyperlinks, and nothing else that a terminal would obey. What `less -R` lets through, and less.
 */
import {sanitizeText, UNSAFE_CHARACTERS} from './sanitize.js';

/** The sequences the program itself writes: SGR (`ESC [ … m`) and OSC 8 hyperlinks (ST or BEL ended, printable target). */
export const OWN_SEQUENCE =
	/\u001B\[[0-9;:]*m|\u001B\]8;[\u0020-\u003A\u003C-\u007E]*;[\u0021-\u007E]*(?:\u001B\\|\u0007)/g;

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
export const SCREEN_SEQUENCE = new RegExp(
	`${OWN_SEQUENCE.source}|\\u001B\\[[0-9;]*[A-HJKSTfsu]|\\u001B\\[\\?(?:25|1049|2026|2004)[hl]|\\u001B[78]`,
	'g',
);

/** Like `terminalSafe`, for a reader frame: Ink's cursor and screen sequences pass as well. */
export function screenSafe(text: string): string {
	return keepingOnly(SCREEN_SEQUENCE, text);
}

// The first character that is unsafe or starts an escape sequence (ESC is a control), or the
// first half of a tag character.
const UNSAFE_FROM = new RegExp(String.raw`[${UNSAFE_CHARACTERS}\uDB40]`, 'g');
// Each allowed set anchored (sticky), to be tried at an ESC.
const anchored = new Map<RegExp, RegExp>();

/**
 * True when every unsafe character of `text` lies inside one of the `allowed` sequences, so that
 * `keepingOnly(allowed, text)` would return it as it is: one scan, stopping only at ESCs, instead
 * of sanitising every run between two sequences (a styled line has dozens). Every allowed sequence
 * starts with ESC, so the one tried at an ESC is the one the walk below would find there.
 */
function onlyAllowedSequences(allowed: RegExp, text: string): boolean {
	let here = anchored.get(allowed);
	if (!here) anchored.set(allowed, (here = new RegExp(allowed.source, 'y')));
	UNSAFE_FROM.lastIndex = 0;
	for (let found = UNSAFE_FROM.exec(text); found !== null; found = UNSAFE_FROM.exec(text)) {
		if (found[0] !== '\u001B') return false;
		here.lastIndex = found.index;
		if (!here.test(text)) return false;
		UNSAFE_FROM.lastIndex = here.lastIndex;
	}
	return true;
}

/** `text` with the sequences `allowed` matches kept as they are and everything between sanitised. */
function keepingOnly(allowed: RegExp, text: string): string {
	if (!text.includes('\u001B')) return sanitizeText(text);
	if (onlyAllowedSequences(allowed, text)) return text;
	let out = '';
	let from = 0;
	allowed.lastIndex = 0;
	for (let match = allowed.exec(text); match !== null; match = allowed.exec(text)) {
		out += sanitizeText(text.slice(from, match.index)) + match[0];
		from = match.index + match[0].length;
	}
	return out + sanitizeText(text.slice(from));
}
