/**
 * Front matter as almost every post writes it, read without the YAML library: `key: value` lines
 * whose values are plain, quoted or `true`/`false`-like words, flow lists (`[a, b]`) and block lists
 * (`- a` lines) of them. On a first start, with no cache, the YAML parser was compiled for the
 * first frame only to read such blocks (about 13 ms of V8 compiling, issue 25); the build keeps it
 * out of the bundle until a block needs it.
 *
 * The answer must be exactly what the YAML library gives (YAML 1.1, timestamps kept as strings:
 * front-matter.ts): anything this reader is not sure of, it does not read (undefined), and the
 * library does. That holds by construction, not by imitation: only the shapes above are read, a
 * plain word is a string only when none of the library's YAML 1.1 patterns for null, booleans,
 * integers and floats (copied below; test/posts/front-matter-simple.test.ts checks them against
 * the library's own) takes it, and the test compares both readers on generated blocks.
 */

/** YAML 1.1 null, as the library's `nullTag` (an empty value included). */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
/** YAML 1.1 booleans, as the library's `trueTag` and `falseTag`. */
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
/**
 * Every other YAML 1.1 pattern a plain scalar can match (numbers in all their forms, sexagesimal
 * included): a word any of them takes is left to the library.
 */
export const NOT_A_STRING: readonly RegExp[] = [
	/^[-+]?0b[0-1_]+$/,
	/^[-+]?0[0-7_]+$/,
	/^[-+]?[0-9][0-9_]*$/,
	/^[-+]?0x[0-9a-fA-F_]+$/,
	/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
];
export const YAML_11_WORDS = {NULL, TRUE, FALSE};

/** A key: a letter or underscore, then letters, digits, `_` and `-`. */
const KEY = /^[A-Za-z_][\w-]*$/;
/**
 * The characters a value may hold here: printable ones (YAML's), without tabs, the line breaks of
 * YAML 1.1 (U+0085, U+2028, U+2029), the byte order mark, or a lone surrogate.
 */
const PRINTABLE = /^[\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
/** A plain scalar may not start with one of YAML's indicators (here: nor with a quote or bracket). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
/** Longer blocks go to the library (the read is linear; this bounds what a block can hold). */
const MAX_CHARS = 16 * 1024;

type Scalar = string | boolean | null;
type Value = Scalar | Scalar[];

/** `yamlText`'s keys and values when it is all simple lines, else undefined (the library reads it). */
export function readSimpleFrontMatter(yamlText: string): Record<string, unknown> | undefined {
	if (yamlText.length > MAX_CHARS || !PRINTABLE.test(yamlText.replaceAll('\n', ' '))) return undefined;
	const data: Record<string, unknown> = {};
	const lines = yamlText.split('\n');
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		if (isBlank(line) || line.startsWith('#')) continue;
		const colon = line.indexOf(':');
		if (colon <= 0) return undefined;
		const key = line.slice(0, colon);
		if (!KEY.test(key) || key === '__proto__' || Object.hasOwn(data, key) || scalar(key, 'plain') !== key)
			return undefined;
		const rest = line.slice(colon + 1);
		if (rest !== '' && !rest.startsWith(' ')) return undefined;
		let value: Value | undefined;
		if (!isBlank(rest)) value = inlineValue(trimSpaces(rest));
		else {
			// Nothing after the colon: null, or the block list on the lines below.
			const list = blockList(lines, index + 1);
			if (list === undefined) return undefined;
			value = list.items.length === 0 ? null : list.items;
			index = list.next - 1;
		}
		if (value === undefined) return undefined;
		data[key] = value;
	}
	return data;
}

/** Spaces only: YAML's white space here (tabs are not read at all; a no-break space is text). */
function isBlank(line: string): boolean {
	return trimSpaces(line) === '';
}

function trimSpaces(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && text[start] === ' ') start++;
	while (end > start && text[end - 1] === ' ') end--;
	return text.slice(start, end);
}

/** A value on the key's line: a flow list, a quoted or a plain scalar. */
function inlineValue(text: string): Value | undefined {
	if (text.startsWith('[')) return flowList(text);
	return scalar(text, 'block');
}

/**
 * The `- item` lines from `from` on, all at one indentation (blank and comment lines between),
 * each a scalar; `next` is the first line after them. Undefined for anything else indented.
 */
function blockList(lines: string[], from: number): {items: Scalar[]; next: number} | undefined {
	const items: Scalar[] = [];
	let indent = -1;
	let next = from;
	for (let index = from; index < lines.length; index++) {
		const line = lines[index]!;
		if (isBlank(line) || line.startsWith('#')) continue;
		const depth = line.length - line.replace(/^ +/, '').length;
		if (!line.startsWith('- ', depth)) {
			// A line that is not an item ends the list if it is a key's (at column 0), else it is not ours.
			if (depth === 0 && !line.startsWith('-')) break;
			return undefined;
		}
		if (indent === -1) indent = depth;
		else if (depth !== indent) return undefined;
		const text = trimSpaces(line.slice(depth + 2));
		if (text === '' || text.startsWith('[')) return undefined;
		const item = scalar(text, 'block');
		if (item === undefined) return undefined;
		items.push(item);
		next = index + 1;
	}
	// Comment or blank lines after the last item belong to what follows.
	return {items, next: items.length === 0 ? from : next};
}

/** `[a, "b", c]` on one line, of scalars; `[]` is empty. */
function flowList(text: string): Scalar[] | undefined {
	if (!text.endsWith(']')) return undefined;
	const inside = text.slice(1, -1);
	if (isBlank(inside)) return [];
	const items: Scalar[] = [];
	for (const part of splitFlowItems(inside) ?? []) {
		const item = scalar(trimSpaces(part), 'flow');
		if (item === undefined) return undefined;
		items.push(item);
	}
	return items.length === 0 ? undefined : items;
}

/** The items of a flow list's inside, split at commas outside quotes; undefined on anything odd. */
function splitFlowItems(inside: string): string[] | undefined {
	const parts: string[] = [];
	let start = 0;
	let quote = '';
	for (let index = 0; index < inside.length; index++) {
		const char = inside[index]!;
		if (quote !== '') {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") {
			if (!isBlank(inside.slice(start, index))) return undefined;
			quote = char;
		} else if (char === ',') {
			parts.push(inside.slice(start, index));
			start = index + 1;
		}
	}
	if (quote !== '') return undefined;
	parts.push(inside.slice(start));
	return parts;
}

/**
 * One scalar, trimmed: quoted (double without escapes, single with `''`), or plain. In a flow list
 * a plain one may hold no flow indicator; nowhere may it hold `: ` or ` #`, or end with `:`.
 */
function scalar(text: string, context: 'block' | 'flow' | 'plain'): Scalar | undefined {
	if (text === '') return undefined;
	const first = text[0]!;
	if (first === '"' || first === "'") return quoted(text, first);
	if (INDICATORS.includes(first) || text.endsWith(':') || text.includes(': ') || text.includes(' #')) return undefined;
	if (context === 'flow' && /[[\]{},:#]/.test(text)) return undefined;
	if (NULL.test(text)) return null;
	if (TRUE.test(text)) return true;
	if (FALSE.test(text)) return false;
	if (NOT_A_STRING.some((pattern) => pattern.test(text))) return undefined;
	return text;
}

/** A quoted scalar that is the whole text: `"…"` holding no `\` or `"`, or `'…'` with `''` for `'`. */
function quoted(text: string, quote: '"' | "'"): string | undefined {
	if (text.length < 2 || !text.endsWith(quote)) return undefined;
	const inside = text.slice(1, -1);
	if (quote === '"') return inside.includes('"') || inside.includes('\\') ? undefined : inside;
	// Every quote inside comes in pairs.
	if (inside.replaceAll("''", '').includes("'")) return undefined;
	return inside.replaceAll("''", "'");
}
