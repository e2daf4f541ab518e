/**
 * Front matter parsed before, kept in the cache folder: each block's YAML text and what it parsed
 * to. Printing a library parses every post's front matter in one short process, where the YAML
 * parser never warms up: about 0.2 ms a post against 0.04 warm, a fifth of reading 1,000 posts.
 * Keyed by the exact text, so an edited block is parsed again; only data JSON keeps exactly
 * (strings, finite numbers, booleans, null, arrays and plain objects) is kept. A file that cannot
 * be read, or was written by another version, is the same as none.
 */
import {join} from 'node:path';
import {
	codeIdentity,
	isLeftOut,
	libraryHash,
	readOwnFile,
	usableCacheDirectory,
	writeCacheFile,
} from '../cache-directory.js';
import type {ParsedYaml} from './front-matter.js';

/** Bumped when this file's layout changes; what parsing gives changes with the code's identity, part of the key too. */
const FORMAT = 2;

export type FrontMatterMemo = {
	get(yamlText: string): ParsedYaml | undefined;
	set(yamlText: string, parsed: ParsedYaml): void;
	/** Writes the blocks seen this run, if that is not what the file holds (and any was asked for). Never throws. */
	save(): void;
};

type MemoFile = {version: string; entries: Record<string, ParsedYaml>};

/**
 * The memo of the library read from `paths` (resolved folders and files), written by the code known
 * as `identity` (codeIdentity()); none without a cache folder.
 */
export function openFrontMatterMemo(
	paths: string[],
	directory: string | null = usableCacheDirectory(),
	identity: string = codeIdentity(),
): FrontMatterMemo {
	if (directory === null || isLeftOut('front-matter-memo'))
		return {get: () => undefined, set: () => undefined, save: () => undefined};
	const file = join(directory, `front-matter-${libraryHash(paths)}.json`);
	const version = `${FORMAT}/${identity}`;
	const old = readMemo(file, version);
	const used = new Map<string, ParsedYaml>();
	let isNew = false;
	let isAsked = false;
	return {
		get(yamlText) {
			isAsked = true;
			const parsed = Object.hasOwn(old, yamlText) ? old[yamlText] : undefined;
			if (parsed) used.set(yamlText, parsed);
			return parsed;
		},
		set(yamlText, parsed) {
			isAsked = true;
			if (!isJsonExact(parsed.data)) return;
			used.set(yamlText, parsed);
			isNew = true;
		},
		save() {
			// Not asked at all (every post came from the printed memo): what the file holds still stands.
			if (!isAsked || (!isNew && used.size === Object.keys(old).length)) return;
			if (writeCacheFile(file, JSON.stringify({version, entries: Object.fromEntries(used)} satisfies MemoFile)))
				isNew = false;
		},
	};
}

function readMemo(file: string, version: string): Record<string, ParsedYaml> {
	try {
		const parsed = JSON.parse(readOwnFile(file).toString('utf8')) as Partial<MemoFile>;
		if (parsed.version !== version || typeof parsed.entries !== 'object' || parsed.entries === null) return {};
		// Each entry is checked when used: a tampered one is parsed again.
		const entries: Record<string, ParsedYaml> = Object.create(null);
		for (const [text, value] of Object.entries(parsed.entries)) if (isParsedYaml(value)) entries[text] = value;
		return entries;
	} catch {
		return {};
	}
}

function isParsedYaml(value: unknown): value is ParsedYaml {
	if (typeof value !== 'object' || value === null) return false;
	const {data, problem} = value as {data?: unknown; problem?: unknown};
	if (typeof data !== 'object' || data === null || Array.isArray(data) || !isJsonExact(data)) return false;
	if (problem === undefined) return true;
	if (typeof problem !== 'object' || problem === null) return false;
	const {message, line} = problem as {message?: unknown; line?: unknown};
	return typeof message === 'string' && (line === undefined || (typeof line === 'number' && Number.isInteger(line)));
}

/** True when JSON gives this value back as it is: no Date, Map, binary, undefined, NaN or Infinity. */
export function isJsonExact(value: unknown, depth = 0): boolean {
	if (depth > 64) return false;
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
	if (Array.isArray(value)) return value.every((item) => isJsonExact(item, depth + 1));
	if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
	return Object.entries(value as Record<string, unknown>).every(
		([key, item]) => key !== '__proto__' && isJsonExact(item, depth + 1),
	);
}
