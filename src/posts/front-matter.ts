import {parseDocument} from 'yaml';
import type {FrontMatterMemo} from './front-matter-memo.js';

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
 * simple `key: value` lines are still salvaged so the post keeps its title and date.
 */
function parseYaml(yamlText: string): ParsedYaml {
	if (yamlText.trim() === '') return {data: {}};
	const first = tryParse(yamlText);
	if (!('error' in first)) return {data: first.data};
	const detabbed = yamlText.replace(/^\t+/gm, tabs => '  '.repeat(tabs.length));
	const second = detabbed === yamlText ? first : tryParse(detabbed);
	if (!('error' in second)) return {data: second.data};
	return {
		data: salvage(yamlText),
		problem: {message: `front matter is not valid YAML (${first.error.message})`, ...(first.error.line ? {line: first.error.line} : {})},
	};
}

type Attempt = {data: Record<string, unknown>} | {error: {message: string; line?: number}};

function tryParse(yamlText: string): Attempt {
	// Timestamps stay strings: parsePostDate reads every date shape one way, zone included.
	const document = parseDocument(yamlText, {
		version: '1.1',
		uniqueKeys: false,
		prettyErrors: true,
		customTags: tags => tags.filter(tag => typeof tag === 'object' && tag.tag !== 'tag:yaml.org,2002:timestamp'),
	});
	const error = document.errors[0];
	if (error) {
		const line = error.linePos?.[0]?.line;
		// The library's message repeats the source; its first sentence is the useful part.
		const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		return {error: {message, ...(line ? {line} : {})}};
	}
	let value: unknown;
	try {
		value = document.toJS({maxAliasCount: 100});
	} catch (error) {
		// An alias bomb (`Excessive alias count…`) throws here, outside the parse errors.
		return {error: {message: error instanceof Error ? error.message.split('\n')[0]! : String(error)}};
	}
	if (value === null || value === undefined) return {data: {}};
	if (typeof value !== 'object' || Array.isArray(value)) {
		return {error: {message: 'front matter is not a set of keys', line: 1}};
	}
	return {data: value as Record<string, unknown>};
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
