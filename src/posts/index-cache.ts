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
const FORMAT = 4;

/** Libraries this small gain nothing from a cache file. */
const MIN_POSTS = 2;

/** One file's entry, as this run holds it. */
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

/**
 * The file: one array per field (columns), the i-th of each for the i-th path, paths relative to
 * `root` (the folder every cached path is under). Over 5,000 posts JSON.parse makes a dozen arrays
 * instead of one array per post and per list, and a tag list shared by many posts is written once
 * (`lists`, by index). `count` is written down so a start need not count the paths. Warnings only
 * for the posts that have some, by index.
 */
type CacheFile = {
	version: string;
	root: string;
	count: number;
	paths: string[];
	sizes: number[];
	mtimes: number[];
	slugs: string[];
	titles: string[];
	dates: Array<number | null>;
	authors: Array<string | null>;
	/** 1: published, 2: readable. */
	flags: number[];
	tags: number[];
	categories: number[];
	lists: string[][];
	warnings: Record<string, PostWarning[]>;
};

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
			const head = old.head(path);
			if (!head || head.size !== stamp.size || head.mtimeMs !== stamp.mtimeMs) return undefined;
			hits.push(path);
			return head;
		},
		believe(path) {
			seen++;
			const head = old.head(path);
			if (!head) return undefined;
			hits.push(path);
			return head;
		},
		set(path, stamp, head) {
			isChanged = true;
			fresh.set(path, entryOf({...head, size: stamp.size, mtimeMs: stamp.mtimeMs}));
		},
		save() {
			// New entries, or (the first time) entries of files gone since: the file is out of date.
			if (seen < MIN_POSTS || !(isChanged || (!isWritten && hits.length !== old.count))) return;
			isChanged = false;
			isWritten = true;
			const kept = new Map<string, Entry>();
			for (const path of hits) kept.set(path, entryOf(old.head(path)!));
			for (const [path, entry] of fresh) kept.set(path, entry);
			writeCacheFile(file, JSON.stringify(cacheFile(kept, version)));
		},
	};
}

/** The entry kept for a head and its file's stamp: read now, or read from the file to write it back. */
function entryOf(head: PostHead & FileStamp): Entry {
	return [
		head.size,
		head.mtimeMs,
		head.slug,
		head.title,
		head.date,
		head.tags,
		head.categories,
		head.author,
		head.published,
		head.readable,
		head.warnings,
	];
}

/** The file to write: every path relative to the folder they all are under, one array per field. */
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
	const file: CacheFile = {
		version,
		root: root ?? '',
		count: kept.size,
		paths: [],
		sizes: [],
		mtimes: [],
		slugs: [],
		titles: [],
		dates: [],
		authors: [],
		flags: [],
		tags: [],
		categories: [],
		lists: [],
		warnings: {},
	};
	const listIndex = new Map<string, number>();
	const listOf = (list: string[]) => {
		// NUL never appears in a name from a post (sanitised), so joined lists are told apart.
		const key = `${list.length}\0${list.join('\0')}`;
		let index = listIndex.get(key);
		if (index === undefined) {
			index = file.lists.push(list) - 1;
			listIndex.set(key, index);
		}
		return index;
	};
	for (const [path, entry] of kept) {
		const index = file.paths.push(path.slice(file.root.length)) - 1;
		file.sizes.push(entry[0]);
		file.mtimes.push(entry[1]);
		file.slugs.push(entry[2]);
		file.titles.push(entry[3]);
		file.dates.push(entry[4]);
		file.tags.push(listOf(entry[5]));
		file.categories.push(listOf(entry[6]));
		file.authors.push(entry[7]);
		file.flags.push((entry[8] ? 1 : 0) | (entry[9] ? 2 : 0));
		if (entry[10].length > 0) file.warnings[index] = entry[10];
	}
	return file;
}

type OldEntries = {count: number; head(path: string): (PostHead & FileStamp) | undefined};

const NONE: OldEntries = {count: 0, head: () => undefined};

const COLUMNS = [
	'paths',
	'sizes',
	'mtimes',
	'slugs',
	'titles',
	'dates',
	'authors',
	'flags',
	'tags',
	'categories',
] as const;

/**
 * The heads of the cache file, looked up by path. Each is checked when looked up, not all at
 * once: no pass over every entry before the first is used. Paths are looked up in the order they
 * were written first (a folder walked again comes in the same order), else through a map.
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
	const sound = parsed as CacheFile;
	const {root, paths, lists, warnings} = sound;
	if (!Array.isArray(paths)) return NONE;
	for (const column of COLUMNS) {
		const values: unknown = sound[column];
		if (!Array.isArray(values) || values.length !== paths.length) return NONE;
	}
	if (!Array.isArray(lists) || typeof warnings !== 'object' || warnings === null || Array.isArray(warnings))
		return NONE;
	// One look over the whole text instead of one per string: when the file holds no unsafe
	// character and no escape that could make one, no string in it can hold one.
	const isTextSafe = !hasUnsafeCharacters(text) && !ESCAPE.test(text);
	// Each list is checked once; posts share them (frozen: a post's tags are never changed).
	const isListSound = lists.map((list) => {
		if (!isStrings(list, isTextSafe)) return false;
		Object.freeze(list);
		return true;
	});
	const isList = (index: unknown): index is number => typeof index === 'number' && isListSound[index] === true;
	let byPath: Map<string, number> | undefined;
	let next = 0;
	const indexOf = (key: string): number => {
		if (paths[next] === key) return next++;
		if (!byPath) {
			byPath = new Map();
			for (let index = 0; index < paths.length; index++) {
				const path = paths[index];
				if (typeof path === 'string' && !byPath.has(path)) byPath.set(path, index);
			}
		}
		const index = byPath.get(key);
		if (index === undefined) return -1;
		next = index + 1;
		return index;
	};
	return {
		// A count that is not a number never matches: the file is written again.
		count: typeof sound.count === 'number' ? sound.count : Number.NaN,
		head(path) {
			if (!path.startsWith(root)) return undefined;
			const index = indexOf(path.slice(root.length));
			if (index < 0) return undefined;
			const size = sound.sizes[index];
			const mtimeMs = sound.mtimes[index];
			const slug = sound.slugs[index];
			const title = sound.titles[index];
			const date = sound.dates[index];
			const author = sound.authors[index];
			const flags = sound.flags[index];
			const tags = sound.tags[index];
			const categories = sound.categories[index];
			// Own entries only: an index is never looked up on Object.prototype.
			const found: unknown = Object.hasOwn(warnings, index) ? warnings[index] : NO_WARNINGS;
			if (
				typeof size !== 'number' ||
				typeof mtimeMs !== 'number' ||
				!isSafe(slug, isTextSafe) ||
				!isSafe(title, isTextSafe) ||
				!(date === null || typeof date === 'number') ||
				!(author === null || isSafe(author, isTextSafe)) ||
				!(flags === 0 || flags === 1 || flags === 2 || flags === 3) ||
				!isList(tags) ||
				!isList(categories) ||
				!isWarnings(found)
			)
				return undefined;
			return {
				slug,
				title,
				date,
				tags: lists[tags]!,
				categories: lists[categories]!,
				author,
				published: (flags & 1) !== 0,
				readable: (flags & 2) !== 0,
				warnings: found,
				size,
				mtimeMs,
			};
		},
	};
}

const NO_WARNINGS = Object.freeze([]) as unknown as PostWarning[];

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
