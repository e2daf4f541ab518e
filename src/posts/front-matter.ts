import {parseDocument} from 'yaml';
import type {FrontMatterMemo} from './front-matter-memo.js';
import {readSimpleFrontMatter} from './front-matter-simple.js';

/** A front matter block split off a post, parsed as leniently as Jekyll's Ruby YAML reads it. */
export type FrontMatter = {
	/** Parsed keys; empty when there was no block or it could not be read. */
	data: Record<string, unknown>;
	/** The text after the block (the whole text when there is none). */
	body: string;
	/** Lines the block took, fences included: body line N is file line N + bodyLineOffset. */
	bodyLineOffset: number;
	/** True when a front matter block was present (even an empty one). */
	present: boolean;
	/** What could not be read, with the file line where known. */
	problem?: {line?: number; message: string};
};

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits `---` front matter off `text` (newlines already normalised to \n) and parses it; a block
 * `memo` has seen is taken from it instead of parsed again.
 */
export function splitFrontMatter(text: string, memo?: FrontMatterMemo): FrontMatter {
	// Walked line by line with indexOf: splitting and re-joining the whole post cost more than the YAML.
	const lineEnd = (from: number) => {
		const end = text.indexOf('\n', from);
		return end === -1 ? text.length : end;
	};
	const firstEnd = lineEnd(0);
	if (!OPEN.test(text.slice(0, firstEnd))) {
		return {data: {}, body: text, bodyLineOffset: 0, present: false};
	}
	let close = -1;
	let closeStart = firstEnd + 1;
	for (let index = 1; closeStart <= text.length && firstEnd < text.length; index++) {
		const end = lineEnd(closeStart);
		if (CLOSE.test(text.slice(closeStart, end))) {
			close = index;
			break;
		}
		closeStart = end + 1;
	}
	if (close === -1) {
		return {
			data: {},
			body: text,
			bodyLineOffset: 0,
			present: false,
			problem: {line: 1, message: 'front matter starts with --- but never ends; read as text'},
		};
	}
	const closeEnd = lineEnd(closeStart);
	const yamlText = text.slice(firstEnd + 1, Math.max(firstEnd + 1, closeStart - 1));
	const body = closeEnd < text.length ? text.slice(closeEnd + 1) : '';
	let parsed = memo?.get(yamlText);
	if (!parsed) {
		parsed = parseYaml(yamlText);
		memo?.set(yamlText, parsed);
	}
	return {
		data: parsed.data,
		body,
		bodyLineOffset: close + 1,
		present: true,
		// YAML line 1 is file line 2, after the opening fence.
		...(parsed.problem
			? {problem: {message: parsed.problem.message, ...(parsed.problem.line ? {line: parsed.problem.line + 1} : {})}}
			: {}),
	};
}

/** What a block's YAML text parses to (the problem's line is the YAML text's). */
export type ParsedYaml = {data: Record<string, unknown>; problem?: {line?: number; message: string}};

/**
 * Ruby's YAML (1.1) is what Jekyll uses: `yes`/`no` are booleans, keys may repeat (last wins),
 * and a tab in indentation is tolerated often enough that real blogs contain it. We try the strict
 * reading first, then one with tabs expanded; only when both fail is it a problem, and then the
 * simple `key: value` lines are still salvaged so the post keeps its title and date. `simple: false`
 * always asks the library (the tests compare both readers).
 */
export function parseYaml(yamlText: string, {simple = true}: {simple?: boolean} = {}): ParsedYaml {
	if (yamlText.trim() === '') return {data: {}};
	// Most blocks are simple `key: value` lines: read without the library (front-matter-simple.ts).
	const read = simple ? readSimpleFrontMatter(yamlText) : undefined;
	if (read) return {data: read};
	// The parser recurses once per level: thousands of levels overflow its stack, and after one
	// such overflow V8 can end the whole process compiling a pattern ("RegExpCompiler Allocation
	// failed"), which no catch sees. Nesting that deep is never front matter: it is not parsed.
	// And it resolves each alias by searching the document: 8,000 aliases took 4 s.
	// And it reads about 150 KB a second here: a megabyte of front matter held every command 8 s.
	const shape = yamlText.length > MAX_YAML_CHARS ? {depth: 0, aliases: 0} : yamlShape(yamlText);
	if (yamlText.length > MAX_YAML_CHARS || shape.depth > MAX_YAML_NESTING || shape.aliases > MAX_YAML_ALIASES) {
		const what =
			yamlText.length > MAX_YAML_CHARS
				? `is longer than ${MAX_YAML_CHARS / 1024} KB`
				: shape.depth > MAX_YAML_NESTING
					? `nested more than ${MAX_YAML_NESTING} levels deep`
					: `holds more than ${MAX_YAML_ALIASES} aliases`;
		return {data: salvage(yamlText), problem: {message: `front matter ${what}; read as key: value lines`}};
	}
	const first = tryParse(yamlText);
	if (!('error' in first)) return first;
	const detabbed = yamlText.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
	const second = detabbed === yamlText ? first : tryParse(detabbed);
	if (!('error' in second)) return second;
	return {
		data: salvage(yamlText),
		problem: {
			message: `front matter is not valid YAML (${first.error.message})`,
			...(first.error.line ? {line: first.error.line} : {}),
		},
	};
}

/** Parsed data (with a problem when part of it had to be cut), or why it could not be parsed. */
type Attempt =
	| {data: Record<string, unknown>; problem?: {message: string; line?: number}}
	| {error: {message: string; line?: number}};

function tryParse(yamlText: string): Attempt {
	// Timestamps stay strings: parsePostDate reads every date shape one way, zone included.
	const document = parseDocument(yamlText, {
		version: '1.1',
		uniqueKeys: false,
		prettyErrors: true,
		// Its warnings go to the process's stderr, with the post's text in them, over the reader's screen.
		logLevel: 'error',
		customTags: (tags) => tags.filter((tag) => typeof tag === 'object' && tag.tag !== 'tag:yaml.org,2002:timestamp'),
	});
	const error = document.errors[0];
	if (error) {
		const line = error.linePos?.[0]?.line;
		// The library's message repeats the source; its first sentence is the useful part.
		const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		return {error: {message, ...(line ? {line} : {})}};
	}
	let parsed: unknown;
	try {
		parsed = document.toJS({maxAliasCount: 100});
	} catch (error) {
		// An alias bomb (`Excessive alias count…`) throws here, outside the parse errors.
		return {error: {message: error instanceof Error ? error.message.split('\n')[0]! : String(error)}};
	}
	if (parsed === null || parsed === undefined) return {data: {}};
	if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed instanceof Map || parsed instanceof Set) {
		return {error: {message: 'front matter is not a set of keys', line: 1}};
	}
	const cut = {loop: '', deep: '', many: ''};
	const data = plainValue(parsed, 0, new Set(), {nodes: 0}, cut, '') as Record<string, unknown>;
	const key = cut.loop || cut.deep || cut.many;
	if (!key) return {data};
	const what = cut.loop
		? 'refers to itself (an alias inside its own anchor); the loop is cut'
		: cut.deep
			? `is nested more than ${MAX_VALUE_DEPTH} levels deep; cut there`
			: `holds more than ${MAX_VALUE_NODES} values; the rest is left out`;
	const line = yamlText.split('\n').findIndex((text) => text.startsWith(`${key}:`));
	return {
		data,
		problem: {
			message: `front matter value ${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)} ${what}`,
			...(line === -1 ? {} : {line: line + 1}),
		},
	};
}

/** Longer front matter than this is not parsed (see parseYaml): real blocks are a few hundred bytes. */
export const MAX_YAML_CHARS = 128 * 1024;
/** Deeper front matter than this is not parsed (see parseYaml). */
export const MAX_YAML_NESTING = 100;
/** Front matter with more aliases (`*name`) than this is not parsed (see parseYaml). */
export const MAX_YAML_ALIASES = 1000;
/** Values nested deeper than this are cut (null) where they are met. */
export const MAX_VALUE_DEPTH = 32;
/** The most values (strings, numbers, lists, maps) one post's front matter may hold. */
export const MAX_VALUE_NODES = 100_000;

/**
 * The parsed value as plain data, the one walk over it everything after relies on: a value that
 * contains itself (`title: &x [*x]` resolves to a list holding itself) becomes null where it
 * loops, anything deeper than MAX_VALUE_DEPTH or past MAX_VALUE_NODES is left out, sets become
 * lists and maps objects, and a `__proto__` key is dropped (it would set the object's prototype).
 * `cut` gets the top-level key under which each kind of cut first happened.
 */
function plainValue(
	value: unknown,
	depth: number,
	path: Set<object>,
	count: {nodes: number},
	cut: {loop: string; deep: string; many: string},
	key: string,
): unknown {
	if (++count.nodes > MAX_VALUE_NODES) {
		cut.many ||= key;
		return null;
	}
	if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
	if (path.has(value)) {
		cut.loop ||= key;
		return null;
	}
	if (depth >= MAX_VALUE_DEPTH) {
		cut.deep ||= key;
		return null;
	}
	path.add(value);
	const inner = (item: unknown, itemKey: string) =>
		plainValue(item, depth + 1, path, count, cut, depth === 0 ? itemKey : key);
	let out: unknown;
	if (Array.isArray(value) || value instanceof Set) {
		out = [...value].map((item) => inner(item, key));
	} else {
		const object: Record<string, unknown> = {};
		const entries =
			value instanceof Map
				? [...value.entries()].map(([entryKey, item]) => [String(entryKey), item] as const)
				: Object.entries(value);
		for (const [entryKey, item] of entries) if (entryKey !== '__proto__') object[entryKey] = inner(item, entryKey);
		out = object;
	}
	path.delete(value);
	return out;
}

/**
 * How deep `yamlText` could nest (the deepest open flow collection, `[` or `{` outside quotes,
 * plus the widest indentation and compact markers, `- - -` or `? `, of a line) and how many
 * aliases it holds (`*` starting a token). One pass; estimates that err on the high side.
 */
function yamlShape(yamlText: string): {depth: number; aliases: number} {
	let aliases = 0;
	let flow = 0;
	let deepest = 0;
	let quote = '';
	let lineStart = true;
	let column = 0;
	for (let index = 0; index < yamlText.length; index++) {
		const char = yamlText[index]!;
		if (char === '\n') {
			lineStart = true;
			column = 0;
			if (quote === '') continue;
		}
		if (quote !== '') {
			if (quote === '"' && char === '\\') index++;
			else if (char === quote) quote = '';
			continue;
		}
		if (lineStart && (char === ' ' || char === '-' || char === '?' || char === '\t')) {
			column++;
			deepest = Math.max(deepest, flow + column);
			continue;
		}
		lineStart = false;
		if (char === '#' && /\s/.test(yamlText[index - 1] ?? ' ')) {
			const end = yamlText.indexOf('\n', index);
			index = end === -1 ? yamlText.length : end - 1;
		} else if ((char === '"' || char === "'") && /[\s:,[{-]/.test(yamlText[index - 1] ?? ' ')) quote = char;
		else if (char === '[' || char === '{') deepest = Math.max(deepest, ++flow + column);
		else if ((char === ']' || char === '}') && flow > 0) flow--;
		else if (char === '*' && /[\s:,[{]/.test(yamlText[index - 1] ?? ' ')) aliases++;
	}
	return {depth: deepest, aliases};
}

/** Reads `key: value` lines one by one, for front matter that no YAML parser accepts. */
function salvage(yamlText: string): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const line of yamlText.split('\n')) {
		// The key by a pattern, the value by trimming: `(.*?)[ \t]*$` backtracked on a run of spaces.
		const key = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(line);
		const value = key ? line.slice(key[0].length).trim() : '';
		if (!key || value === '') continue;
		data[key[1]!] = unquote(value);
	}
	return data;
}

function unquote(value: string): string {
	const quoted = /^(["'])(.*)\1$/.exec(value);
	return quoted ? quoted[2]! : value;
}
