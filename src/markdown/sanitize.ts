/**
 * Posts are files from anywhere: nothing in them may reach the terminal as a control sequence, or
 * reorder, hide or widen what is shown. Every string the markdown layer hands out has passed here.
 */

// C0 controls but tab and newline, DEL, and the C1 range (which some terminals obey as ESC-sequences).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/**
 * Dropped: bidi marks, embeddings, overrides and isolates (they reorder what is shown); zero-width
 * spaces, word joiners, invisible operators, the BOM and interlinear annotations (they hide text);
 * the soft hyphen, Hangul fillers and tag characters, which width libraries count as zero columns
 * but terminals draw (a row would overflow its box). ZWJ and ZWNJ stay: scripts and emoji need them.
 */
const INVISIBLE_CHARS =
	/[\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/gu;
// Line and paragraph separators are line breaks to some terminals and to none of our layout.
const SEPARATOR = /[\u2028\u2029]/g;
/**
 * The three sets above as one character class without the `u` flag, less the tag characters
 * (U+E0000–E007F), which are the surrogate pairs `\uDB40[\uDC00-\uDC7F]`.
 */
export const UNSAFE_CHARACTERS = String.raw`\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB`;
/** Any character of the three sets, in one pass: nearly every string is clean, and this test is all it pays. */
const ANY_UNSAFE = new RegExp(String.raw`[${UNSAFE_CHARACTERS}]|\uDB40[\uDC00-\uDC7F]`);

/** Shows a control character as a visible stand-in: U+2400 block pictures for C0, `\x9b` style for C1. */
export function controlPicture(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	return `\\x${code.toString(16)}`;
}

/** Neutralises control characters (visible stand-ins) and drops invisible or falsely zero-width ones. */
export function sanitizeText(text: string): string {
	if (!hasUnsafeCharacters(text)) return text;
	return text.replace(CONTROL, controlPicture).replace(INVISIBLE_CHARS, '').replace(SEPARATOR, ' ');
}

/**
 * Markdown made safe to lex and render: CRLF read as a line break (a lone CR stays a visible ␍),
 * controls neutralised. Line for line the same text, and line by line: the sanitised first lines
 * of a text are the first lines of the sanitised text.
 */
export function sanitizeMarkdown(text: string): string {
	return sanitizeText(text.replace(/\r\n/g, '\n'));
}

/**
 * A name for one line (an id or title made from a file or folder name, a path in a message): like
 * `sanitizeText`, with tab and newline pictured too, so a name never splits a line or a TSV field.
 */
export function sanitizeName(text: string): string {
	return sanitizeText(text).replace(/[\t\n]/g, controlPicture);
}

/** True when the text holds anything `sanitizeText` would change. */
export function hasUnsafeCharacters(text: string): boolean {
	return ANY_UNSAFE.test(text);
}

/** Deeper than this, a value is cut (null): front matter is parsed to at most 32 levels (front-matter.ts). */
const MAX_VALUE_DEPTH = 64;

/**
 * Sanitises every string inside a parsed YAML value (keys included); other values pass through.
 * Past MAX_VALUE_DEPTH (a value that contains itself has no bottom) the rest is null, and a
 * `__proto__` key is dropped, never set as the copy's prototype.
 */
export function sanitizeValue(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return sanitizeText(value);
	if (value instanceof Date || value === null || typeof value !== 'object') return value;
	if (depth >= MAX_VALUE_DEPTH) return null;
	if (Array.isArray(value)) return value.map((item) => sanitizeValue(item, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		const safeKey = sanitizeText(key);
		if (safeKey !== '__proto__') out[safeKey] = sanitizeValue(inner, depth + 1);
	}
	return out;
}

/**
 * Typed or pasted text for the find and search boxes: controls of every kind (C0, DEL, C1), bidi
 * and invisible formatting are dropped, not pictured; nobody means to search for them.
 */
export function filterTypedText(text: string): string {
	if (!hasUnsafeCharacters(text)) return text;
	return text
		.replace(CONTROL, '')
		.replace(/[\t\n]/g, '')
		.replace(INVISIBLE_CHARS, '')
		.replace(SEPARATOR, '');
}

/** Only these schemes are shown as links, made clickable or opened; anything else is text. */
export function isSafeUrl(url: string): boolean {
	return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/**
 * A URL the opener may hand to the system: a safe scheme and nothing an opener could read as a
 * second argument or a command (no whitespace or control anywhere). A mailto link loses its query
 * (`?attach=`, `?body=`): the opener gets the address alone. Null when it must not be opened.
 */
export function openableUrl(url: string): string | null {
	const target = url.trim();
	if (!isSafeUrl(target) || /[\s\u0000-\u001F\u007F-\u009F]/u.test(target) || hasUnsafeCharacters(target)) return null;
	if (/^mailto:/i.test(target)) {
		const query = target.search(/[?#]/);
		const address = query === -1 ? target : target.slice(0, query);
		return address.length > 'mailto:'.length ? address : null;
	}
	return target;
}

/**
 * JSON text safe for a terminal: JSON.stringify escapes C0 but leaves DEL, C1, bidi and invisible
 * formatting raw; these become `\uXXXX` too (they only ever occur inside strings, so this is valid).
 */
export function escapeJsonText(json: string): string {
	return json.replace(
		/[\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g,
		(found) =>
			Array.from(
				{length: found.length},
				(_, index) => `\\u${found.charCodeAt(index).toString(16).padStart(4, '0')}`,
			).join(''),
	);
}
