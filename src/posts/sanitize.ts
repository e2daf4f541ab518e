/**
 * Posts are files from anywhere: nothing in them may reach the terminal as a control sequence.
 * Every string read from a post passes through here once, at load time.
 */

// C0 controls but tab and newline, DEL, and the C1 range (which some terminals obey as ESC-sequences).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi overrides, embeddings and isolates reorder what is shown; zero-width spaces, marks and the
// BOM hide text. ZWJ and ZWNJ stay: scripts and emoji sequences need them.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Shows a control character as a visible stand-in: U+2400 block pictures for C0, `\x9b` style for C1. */
export function controlPicture(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	return `\\x${code.toString(16)}`;
}

/** Neutralises control characters: visible stand-ins for C0/C1, removal for invisible formatting. */
export function sanitizeText(text: string): string {
	return text.replace(CONTROL, controlPicture).replace(INVISIBLE, '');
}

/** True when the text holds anything `sanitizeText` would change. */
export function hasUnsafeCharacters(text: string): boolean {
	CONTROL.lastIndex = 0;
	INVISIBLE.lastIndex = 0;
	const unsafe = CONTROL.test(text) || INVISIBLE.test(text);
	CONTROL.lastIndex = 0;
	INVISIBLE.lastIndex = 0;
	return unsafe;
}

/** Sanitises every string inside a parsed YAML value (keys included); other values pass through. */
export function sanitizeValue(value: unknown): unknown {
	if (typeof value === 'string') return sanitizeText(value);
	if (Array.isArray(value)) return value.map(sanitizeValue);
	if (value instanceof Date || value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) out[sanitizeText(key)] = sanitizeValue(inner);
	return out;
}

/** Only these schemes are shown as links or opened; anything else is text. */
export function isSafeUrl(url: string): boolean {
	return /^(https?:\/\/|mailto:)/i.test(url.trim());
}
