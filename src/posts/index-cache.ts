/**
 * The index cache: each post's head (what the sidebar shows), keyed by path, size and modification
 * time, in one file in the user's cache folder. A second start over 5,000 posts reads that one file
 * and stats the posts instead of reading them. A stale entry is read again; a cache that cannot be
 * read, or was written by another version, is rebuilt without a word: it only ever saves time.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join, sep} from 'node:path';
import type {FileStamp, PostHead} from './post-head.js';
import type {PostWarning} from './types.js';
import {hasUnsafeCharacters} from '../markdown/sanitize.js';

declare const KUBECON_NOTES_VERSION: string | undefined;

/** Bumped when PostHead, the parsing behind it or this file's layout changes; the package version is part of the key too. */
const FORMAT = 2;
const VERSION = `${FORMAT}/${typeof KUBECON_NOTES_VERSION === 'string' ? KUBECON_NOTES_VERSION : 'dev'}`;

/** Libraries this small gain nothing from a cache file. */
const MIN_POSTS = 2;

/**
 * One file's entry, an array rather than an object: JSON.parse over 5,000 entries takes half the
 * time without a key per field, and the file is half the size. The path is relative to the
 * file's `root` (the folder every cached path is under).
 */
type Entry = [path: string, size: number, mtimeMs: number, slug: string, title: string, date: number | null, tags: string[], categories: string[], author: string | null, published: boolean, readable: boolean, warnings: PostWarning[]];
type CacheFile = {version: string; root: string; entries: Entry[]};

/**
 * The folder caches go to: KUBECON_NOTES_CACHE_DIR, else the platform's user cache folder. Null
 * (no cache) under node's test runner unless a test names a folder: no test writes to the user's.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
	const chosen = env['KUBECON_NOTES_CACHE_DIR'];
	if (chosen) return chosen;
	if (env['NODE_TEST_CONTEXT']) return null;
	const home = homedir();
	if (platform === 'darwin') return join(home, 'Library', 'Caches', 'kubecon-notes');
	if (platform === 'win32') return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'kubecon-notes', 'Cache');
	const xdg = env['XDG_CACHE_HOME'];
	// XDG says a relative XDG_CACHE_HOME is to be ignored.
	return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'kubecon-notes');
}

/** FNV-1a over the searched paths: one cache file per set of folders read together. */
function nameFor(paths: string[]): string {
	let hash = 0x81_1c_9d_c5;
	for (const char of [...paths].sort().join('\0')) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}
	return `index-${hash.toString(16).padStart(8, '0')}.json`;
}

/** The cache of one library: look heads up, record new ones, and write the file back if anything changed. */
export type IndexCache = {
	/** The cached head when the file's size and mtime are unchanged. */
	get(path: string, stamp: FileStamp): PostHead | undefined;
	/** Records the head read now (kept for the next start). */
	set(path: string, stamp: FileStamp, head: PostHead): void;
	/** Writes the cache when it changed: only the files seen this run are kept. Never throws. */
	save(): void;
};

/** Opens the cache for the library read from `paths` (resolved folders and files). */
export function openIndexCache(paths: string[], directory: string | null = cacheDirectory()): IndexCache {
	if (directory === null) return {get: () => undefined, set: () => undefined, save: () => undefined};
	const file = join(directory, nameFor(paths));
	const old = readCache(file);
	/** The entries of the files seen this run, cached or read: what the next start finds. */
	const kept: Array<{path: string; entry: Entry}> = [];
	let changed = false;
	let seen = 0;
	return {
		get(path, stamp) {
			seen++;
			const entry = old.find(path);
			if (!entry || entry[1] !== stamp.size || entry[2] !== stamp.mtimeMs) return undefined;
			kept.push({path, entry});
			return headOf(entry);
		},
		set(path, stamp, head) {
			kept.push({path, entry: ['', stamp.size, stamp.mtimeMs, head.slug, head.title, head.date, head.tags, head.categories, head.author, head.published, head.readable, head.warnings]});
			changed = true;
		},
		save() {
			if (seen < MIN_POSTS || (!changed && kept.length === old.count)) return;
			try {
				mkdirSync(directory, {recursive: true, mode: 0o700});
				// Written beside it and renamed: a reader never sees half a file.
				const temporary = `${file}.${process.pid}.tmp`;
				writeFileSync(temporary, JSON.stringify(cacheFile(kept)));
				renameSync(temporary, file);
			} catch {
				// A read-only or full disk costs the next start time, nothing else.
				rmSync(`${file}.${process.pid}.tmp`, {force: true});
			}
		},
	};
}

/** The file to write: every path relative to the folder they all are under. */
function cacheFile(kept: Array<{path: string; entry: Entry}>): CacheFile {
	const parent = (folder: string) => {
		const cut = folder.length > 1 ? folder.lastIndexOf(sep, folder.length - 2) : -1;
		return cut < 0 ? '' : folder.slice(0, cut + 1);
	};
	let root = kept.length > 0 ? parent(kept[0]!.path) : '';
	for (const {path} of kept) while (!path.startsWith(root)) root = parent(root);
	return {version: VERSION, root, entries: kept.map(({path, entry}) => [path.slice(root.length), ...entry.slice(1)] as Entry)};
}

function headOf(entry: Entry): PostHead {
	return {slug: entry[3], title: entry[4], date: entry[5], tags: entry[6], categories: entry[7], author: entry[8], published: entry[9], readable: entry[10], warnings: entry[11]};
}

type OldEntries = {count: number; find(path: string): Entry | undefined};

const NONE: OldEntries = {count: 0, find: () => undefined};

/**
 * The entries of the cache file, looked up by path. Each is checked when first looked up, not
 * all at once: a library shows every post, but a path gone since is never checked.
 */
function readCache(file: string): OldEntries {
	let text: string;
	let parsed: Partial<CacheFile>;
	try {
		text = readFileSync(file, 'utf8');
		parsed = JSON.parse(text) as Partial<CacheFile>;
	} catch {
		return NONE;
	}
	if (typeof parsed !== 'object' || parsed === null || parsed.version !== VERSION || typeof parsed.root !== 'string' || !Array.isArray(parsed.entries)) return NONE;
	const {root, entries} = parsed;
	// One look over the whole text instead of one per string: when the file holds no unsafe
	// character and no escape that could make one, no string in it can hold one.
	const isTextSafe = !hasUnsafeCharacters(text) && !ESCAPE.test(text);
	const byPath = new Map<string, unknown[]>();
	for (const entry of entries as unknown[]) if (Array.isArray(entry) && typeof entry[0] === 'string') byPath.set(entry[0], entry);
	return {
		count: byPath.size,
		find(path) {
			if (!path.startsWith(root)) return undefined;
			const entry = byPath.get(path.slice(root.length));
			return entry && isEntry(entry, isTextSafe) ? entry : undefined;
		},
	};
}

/** JSON escapes that can stand for a control or invisible character (`\u001b`, `\b`, `\f`, `\r`). */
const ESCAPE = /\\[bfru]/;

const isString = (value: unknown): value is string => typeof value === 'string';
/** Strings as the loader leaves them: a cache file edited to carry escape sequences is not believed. */
const isSafeString = (value: unknown): value is string => typeof value === 'string' && !hasUnsafeCharacters(value);

/** A cache file is data from disk like any other: an entry of the wrong shape is dropped (read again). */
function isEntry(entry: unknown[], isTextSafe: boolean): entry is Entry {
	const isSafe = isTextSafe ? isString : isSafeString;
	const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isSafe);
	const [, size, mtimeMs, slug, title, date, tags, categories, author, published, readable, warnings] = entry;
	return (
		entry.length === 12 &&
		typeof size === 'number' &&
		typeof mtimeMs === 'number' &&
		isSafe(slug) &&
		isSafe(title) &&
		(date === null || typeof date === 'number') &&
		isStrings(tags) &&
		isStrings(categories) &&
		(author === null || isSafe(author)) &&
		typeof published === 'boolean' &&
		typeof readable === 'boolean' &&
		Array.isArray(warnings) &&
		warnings.every((warning: Partial<PostWarning> | null) => typeof warning?.file === 'string' && typeof warning.message === 'string' && (warning.line === undefined || typeof warning.line === 'number'))
	);
}
