/**
 * The index cache: each post's head (what the sidebar shows), keyed by path, size and modification
 * time, in one file in the user's cache folder. A second start over 5,000 posts reads that one file
 * and stats the posts instead of reading them. A stale entry is read again; a cache that cannot be
 * read, or was written by another version, is rebuilt without a word: it only ever saves time.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {FileStamp, PostHead} from './post-head.js';
import {hasUnsafeCharacters} from '../markdown/sanitize.js';

declare const KUBECON_NOTES_VERSION: string | undefined;

/** Bumped when PostHead or the parsing behind it changes; the package version is part of the key too. */
const FORMAT = 1;
const VERSION = `${FORMAT}/${typeof KUBECON_NOTES_VERSION === 'string' ? KUBECON_NOTES_VERSION : 'dev'}`;

/** Libraries this small gain nothing from a cache file. */
const MIN_POSTS = 2;

type Entry = FileStamp & {head: PostHead};
type CacheFile = {version: string; entries: Record<string, Entry>};

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
	const entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
	let changed = false;
	let seen = 0;
	return {
		get(path, stamp) {
			seen++;
			const entry = old[path];
			if (!entry || entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) return undefined;
			entries[path] = entry;
			return entry.head;
		},
		set(path, stamp, head) {
			entries[path] = {size: stamp.size, mtimeMs: stamp.mtimeMs, head};
			changed = true;
		},
		save() {
			const kept = Object.keys(entries).length;
			if (seen < MIN_POSTS || (!changed && kept === Object.keys(old).length)) return;
			try {
				mkdirSync(directory, {recursive: true, mode: 0o700});
				// Written beside it and renamed: a reader never sees half a file.
				const temporary = `${file}.${process.pid}.tmp`;
				writeFileSync(temporary, JSON.stringify({version: VERSION, entries} satisfies CacheFile));
				renameSync(temporary, file);
			} catch {
				// A read-only or full disk costs the next start time, nothing else.
				rmSync(`${file}.${process.pid}.tmp`, {force: true});
			}
		},
	};
}

function readCache(file: string): Record<string, Entry> {
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
		if (parsed.version !== VERSION || typeof parsed.entries !== 'object' || parsed.entries === null) return {};
		const entries = Object.create(null) as Record<string, Entry>;
		for (const [path, entry] of Object.entries(parsed.entries)) if (isEntry(entry)) entries[path] = entry;
		return entries;
	} catch {
		return {};
	}
}

/** Strings as the loader leaves them: a cache file edited to carry escape sequences is not believed. */
const isSafe = (value: unknown): value is string => typeof value === 'string' && !hasUnsafeCharacters(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isSafe);

/** A cache file is data from disk like any other: an entry of the wrong shape is dropped (read again). */
function isEntry(value: unknown): value is Entry {
	if (typeof value !== 'object' || value === null) return false;
	const entry = value as Partial<Entry>;
	const head = entry.head as Partial<PostHead> | undefined;
	return (
		typeof entry.size === 'number' &&
		typeof entry.mtimeMs === 'number' &&
		typeof head === 'object' &&
		head !== null &&
		isSafe(head.slug) &&
		isSafe(head.title) &&
		(head.date === null || typeof head.date === 'number') &&
		isStrings(head.tags) &&
		isStrings(head.categories) &&
		(head.author === null || isSafe(head.author)) &&
		typeof head.published === 'boolean' &&
		typeof head.readable === 'boolean' &&
		Array.isArray(head.warnings) &&
		head.warnings.every(warning => typeof warning?.file === 'string' && typeof warning.message === 'string' && (warning.line === undefined || typeof warning.line === 'number'))
	);
}
