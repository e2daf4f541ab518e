/**
 * The index cache: each post's head (what the sidebar shows), keyed by path, size and modification
 * time, in one file in the user's cache folder. A second start over 5,000 posts reads that one file
 * and stats the posts instead of reading them. A stale entry is read again; a cache that cannot be
 * read, or was written by another version, is rebuilt without a word: it only ever saves time.
 */
import {join, sep} from 'node:path';
import {
	codeIdentity,
	isLeftOut,
	libraryHash,
	readOwnFile,
	usableCacheDirectory,
	writeCacheFile,
} from '../cache-directory.js';
import type {FileStamp, PostHead} from './post-head.js';
import type {PostWarning} from './types.js';
import {hasUnsafeCharacters} from '../markdown/sanitize.js';

/** Bumped when this file's layout changes; what parsing gives changes with the code's identity, part of the key too. */
const FORMAT = 3;

/** Libraries this small gain nothing from a cache file. */
const MIN_POSTS = 2;

/**
 * One file's entry, an array rather than an object: JSON.parse over 5,000 entries takes half the
 * time without a key per field, and the file is half the size. Entries are keyed by their path
 * relative to the file's `root` (the folder every cached path is under): JSON.parse builds the
 * lookup table itself.
 */
type Entry = [
	size: number,
	mtimeMs: number,
	slug: string,
	title: string,
	date: number | null,
	tags: string[],
	categories: string[],
	author: string | null,
	published: boolean,
	readable: boolean,
	warnings: PostWarning[],
];
/** `count`: how many entries, written down so a start need not count 100,000 keys to know all were used. */
type CacheFile = {version: string; root: string; count: number; entries: Record<string, Entry>};

/** One cache file per set of folders read together. */
function nameFor(paths: string[]): string {
	return `index-${libraryHash(paths)}.json`;
}

/** The cache of one library: look heads up, record new ones, and write the file back if anything changed. */
export type IndexCache = {
	/** The cached head when the file's size and mtime are unchanged. */
	get(path: string, stamp: FileStamp): PostHead | undefined;
	/** The cached head and the stamp it was read at, without asking the file (checked later). */
	believe(path: string): (PostHead & FileStamp) | undefined;
	/** Records the head read now (kept for the next start). */
	set(path: string, stamp: FileStamp, head: PostHead): void;
	/** Writes the cache when it changed: only the files seen this run are kept. Never throws; may be called again after more `set`s. */
	save(): void;
};

/**
 * Opens the cache for the library read from `paths` (resolved folders and files), written by the
 * code known as `identity` (codeIdentity(): another build's cache is not believed).
 */
export function openIndexCache(
	paths: string[],
	directory: string | null = usableCacheDirectory(),
	identity: string = codeIdentity(),
): IndexCache {
	if (directory === null || isLeftOut('index-cache'))
		return {get: () => undefined, believe: () => undefined, set: () => undefined, save: () => undefined};
	const file = join(directory, nameFor(paths));
	const version = `${FORMAT}/${identity}`;
	const old = readCache(file, version);
	/** Paths found in the cache this run, and entries read this run: what the next start finds. */
	const hits: string[] = [];
	const fresh = new Map<string, Entry>();
	let seen = 0;
	/** Entries set since the last save, and whether this run wrote the file: saved again only for new entries. */
	let isChanged = false;
	let isWritten = false;
	return {
		get(path, stamp) {
			seen++;
			const entry = old.find(path);
			if (!entry || entry[0] !== stamp.size || entry[1] !== stamp.mtimeMs) return undefined;
			hits.push(path);
			return headOf(entry);
		},
		believe(path) {
			seen++;
			const entry = old.find(path);
			if (!entry) return undefined;
			hits.push(path);
			return believedHeadOf(entry);
		},
		set(path, stamp, head) {
			isChanged = true;
			fresh.set(path, [
				stamp.size,
				stamp.mtimeMs,
				head.slug,
				head.title,
				head.date,
				head.tags,
				head.categories,
				head.author,
				head.published,
				head.readable,
				head.warnings,
			]);
		},
		save() {
			// New entries, or (the first time) entries of files gone since: the file is out of date.
			if (seen < MIN_POSTS || !(isChanged || (!isWritten && hits.length !== old.count))) return;
			isChanged = false;
			isWritten = true;
			const kept = new Map<string, Entry>();
			for (const path of hits) kept.set(path, old.find(path)!);
			for (const [path, entry] of fresh) kept.set(path, entry);
			writeCacheFile(file, JSON.stringify(cacheFile(kept, version)));
		},
	};
}

function headOf(entry: Entry): PostHead {
	return {
		slug: entry[2],
		title: entry[3],
		date: entry[4],
		tags: entry[5],
		categories: entry[6],
		author: entry[7],
		published: entry[8],
		readable: entry[9],
		warnings: entry[10],
	};
}

/** The head with the stamp it was read at, in one object (one per post at every start). */
function believedHeadOf(entry: Entry): PostHead & FileStamp {
	return {
		slug: entry[2],
		title: entry[3],
		date: entry[4],
		tags: entry[5],
		categories: entry[6],
		author: entry[7],
		published: entry[8],
		readable: entry[9],
		warnings: entry[10],
		size: entry[0],
		mtimeMs: entry[1],
	};
}

/** The file to write: every path relative to the folder they all are under. */
function cacheFile(kept: Map<string, Entry>, version: string): CacheFile {
	const parent = (folder: string) => {
		const cut = folder.length > 1 ? folder.lastIndexOf(sep, folder.length - 2) : -1;
		return cut < 0 ? '' : folder.slice(0, cut + 1);
	};
	let root: string | undefined;
	for (const path of kept.keys()) {
		root ??= parent(path);
		while (!path.startsWith(root)) root = parent(root);
	}
	const entries: Record<string, Entry> = {};
	for (const [path, entry] of kept) entries[path.slice(root!.length)] = entry;
	return {version, root: root ?? '', count: kept.size, entries};
}

type OldEntries = {count: number; find(path: string): Entry | undefined};

const NONE: OldEntries = {count: 0, find: () => undefined};

/**
 * The entries of the cache file, looked up by path. Each is checked when looked up, not all at
 * once: no pass over every entry before the first is used.
 */
function readCache(file: string, version: string): OldEntries {
	let text: string;
	let parsed: Partial<CacheFile>;
	try {
		text = readOwnFile(file).toString('utf8');
		parsed = JSON.parse(text) as Partial<CacheFile>;
	} catch {
		return NONE;
	}
	if (typeof parsed !== 'object' || parsed === null || parsed.version !== version || typeof parsed.root !== 'string')
		return NONE;
	const {root, entries} = parsed;
	if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return NONE;
	// One look over the whole text instead of one per string: when the file holds no unsafe
	// character and no escape that could make one, no string in it can hold one.
	const isTextSafe = !hasUnsafeCharacters(text) && !ESCAPE.test(text);
	return {
		// A count that is not a number never matches: the file is written again.
		count: typeof parsed.count === 'number' ? parsed.count : Number.NaN,
		find(path) {
			if (!path.startsWith(root)) return undefined;
			const key = path.slice(root.length);
			// Own entries only: a path is never looked up on Object.prototype.
			const entry: unknown = Object.hasOwn(entries, key) ? entries[key] : undefined;
			return Array.isArray(entry) && isEntry(entry, isTextSafe) ? entry : undefined;
		},
	};
}

/** JSON escapes that can stand for a control or invisible character (`\u001b`, `\b`, `\f`, `\r`). */
const ESCAPE = /\\[bfru]/;

/** Strings as the loader leaves them: a cache file edited to carry escape sequences is not believed. */
function isSafe(value: unknown, isTextSafe: boolean): value is string {
	return typeof value === 'string' && (isTextSafe || !hasUnsafeCharacters(value));
}

// Indexed loops, not for…of: these run for every post in a process just started, where an
// iterator made per call took four times as long (25 ms over 5,000 posts).
function isStrings(value: unknown, isTextSafe: boolean): value is string[] {
	if (!Array.isArray(value)) return false;
	for (let index = 0; index < value.length; index++) if (!isSafe(value[index], isTextSafe)) return false;
	return true;
}

function isWarnings(value: unknown): value is PostWarning[] {
	if (!Array.isArray(value)) return false;
	for (let index = 0; index < value.length; index++) {
		const warning = value[index] as Partial<PostWarning> | null;
		if (
			typeof warning?.file !== 'string' ||
			typeof warning.message !== 'string' ||
			(warning.line !== undefined && typeof warning.line !== 'number')
		)
			return false;
	}
	return true;
}

/** A cache file is data from disk like any other: an entry of the wrong shape is dropped (read again). */
function isEntry(entry: unknown[], isTextSafe: boolean): entry is Entry {
	return (
		entry.length === 11 &&
		typeof entry[0] === 'number' &&
		typeof entry[1] === 'number' &&
		isSafe(entry[2], isTextSafe) &&
		isSafe(entry[3], isTextSafe) &&
		(entry[4] === null || typeof entry[4] === 'number') &&
		isStrings(entry[5], isTextSafe) &&
		isStrings(entry[6], isTextSafe) &&
		(entry[7] === null || isSafe(entry[7], isTextSafe)) &&
		typeof entry[8] === 'boolean' &&
		typeof entry[9] === 'boolean' &&
		isWarnings(entry[10])
	);
}
