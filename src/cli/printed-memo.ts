/**
 * Posts printed before, kept in the cache folder: printing a library again (`kubecon-notes | less`,
 * `| grep`) takes each unchanged post's output from here instead of reading, parsing and rendering
 * it again, as Jekyll's incremental builds and man's cat pages do. A post is known by its file's
 * path, size and modification time, as in the index cache. One file per library, for one build of
 * the code (codeIdentity(): any change to the code prints afresh), one Node, one set of print
 * options and the paths as given (warnings name files as the user named their folder); another set
 * replaces it. A run without a cache folder keeps none.
 *
 * What is kept is each post's bytes as the one writer made them (terminal-safe, UTF-8), written
 * back as they are: decoding and encoding 15 MB again cost more than half of what the memo saves.
 * So the file is believed only when this user alone may write it, as the code cache is. It is a
 * JSON header line, then the posts' bytes in the header's order.
 */
import {join, resolve} from 'node:path';
import {
	codeIdentity,
	isLeftOut,
	libraryHash,
	readOwnFile,
	usableCacheDirectory,
	writeCacheFile,
} from '../cache-directory.js';
import type {FileStamp} from '../posts/post-head.js';
import type {PostWarning} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';

/** One post as printing needs it: what orders it, its warnings, and its output (null: a draft not shown). */
export type PrintedPost = {
	id: string;
	time: number;
	published: boolean;
	readWarnings: PostWarning[];
	warnings: PostWarning[];
	bytes: Buffer | null;
};

export type PrintedMemo = {
	get(path: string, stamp: FileStamp): PrintedPost | undefined;
	set(path: string, stamp: FileStamp, post: PrintedPost): void;
	/** Writes the posts seen this run when that is not what the file holds. Never throws. */
	save(): void;
};

type Entry = [
	path: string,
	size: number,
	mtimeMs: number,
	id: string,
	time: number | null,
	published: boolean,
	readWarnings: PostWarning[],
	warnings: PostWarning[],
	byteCount: number | null,
];
type Header = {version: string; key: string; entries: Entry[]};

/** Bumped when the file's layout changes (what the bytes hold changes with the code's identity). */
const FORMAT = 1;

const NONE: PrintedMemo = {get: () => undefined, set: () => undefined, save: () => undefined};

/** The memo of the library read from `paths` (as given), printed with `options` by the code known as `identity`. */
export function openPrintedMemo(
	paths: string[],
	options: RenderOptions & {drafts: boolean},
	directory: string | null = usableCacheDirectory(),
	identity: string = codeIdentity(),
): PrintedMemo {
	if (directory === null || isLeftOut('printed-memo')) return NONE;
	const file = join(directory, `printed-${libraryHash(paths.map((path) => resolve(path)))}.bin`);
	// Node's version too: its Unicode data (grapheme breaks) can move a wrap.
	const key = JSON.stringify([
		identity,
		process.version,
		options.width,
		options.color,
		options.hyperlinks,
		options.drafts,
		paths,
	]);
	const old = readMemo(file, key);
	const kept = new Map<string, {entry: Entry; bytes: Buffer | null}>();
	let isNew = false;
	return {
		get(path, stamp) {
			const found = old.get(path);
			if (!found || found.entry[1] !== stamp.size || found.entry[2] !== stamp.mtimeMs) return undefined;
			kept.set(path, found);
			const [, , , id, time, published, readWarnings, warnings] = found.entry;
			return {id, time: time ?? Number.NEGATIVE_INFINITY, published, readWarnings, warnings, bytes: found.bytes};
		},
		set(path, stamp, post) {
			const time = Number.isFinite(post.time) ? post.time : null;
			kept.set(path, {
				entry: [
					path,
					stamp.size,
					stamp.mtimeMs,
					post.id,
					time,
					post.published,
					post.readWarnings,
					post.warnings,
					post.bytes?.length ?? null,
				],
				bytes: post.bytes,
			});
			isNew = true;
		},
		save() {
			if (!isNew && kept.size === old.size) return;
			const posts = [...kept.values()];
			const header: Header = {version: String(FORMAT), key, entries: posts.map((post) => post.entry)};
			if (
				writeCacheFile(file, [
					Buffer.from(`${JSON.stringify(header)}\n`),
					...posts.flatMap((post) => (post.bytes ? [post.bytes] : [])),
				])
			)
				isNew = false;
		},
	};
}

/** The file's posts by path, each with its bytes; empty when it is missing, not ours alone, damaged or for other options. */
function readMemo(file: string, key: string): Map<string, {entry: Entry; bytes: Buffer | null}> {
	const posts = new Map<string, {entry: Entry; bytes: Buffer | null}>();
	let bytes: Buffer;
	let header: Header;
	let at: number;
	try {
		bytes = readOwnFile(file);
		const headerEnd = bytes.indexOf(0x0a);
		header = JSON.parse(bytes.toString('utf8', 0, headerEnd === -1 ? bytes.length : headerEnd)) as Header;
		at = headerEnd + 1;
	} catch {
		return posts;
	}
	if (header?.version !== String(FORMAT) || header.key !== key || !Array.isArray(header.entries) || at === 0)
		return posts;
	for (const entry of header.entries) {
		if (!isEntry(entry)) return new Map();
		const count = entry[8];
		if (count !== null && at + count > bytes.length) return new Map();
		posts.set(entry[0], {entry, bytes: count === null ? null : bytes.subarray(at, at + count)});
		at += count ?? 0;
	}
	// Bytes left over: not the file this wrote.
	return at === bytes.length ? posts : new Map();
}

function isEntry(value: unknown): value is Entry {
	if (!Array.isArray(value) || value.length !== 9) return false;
	const [path, size, mtimeMs, id, time, published, readWarnings, warnings, count] = value as unknown[];
	return (
		typeof path === 'string' &&
		typeof size === 'number' &&
		typeof mtimeMs === 'number' &&
		typeof id === 'string' &&
		(time === null || typeof time === 'number') &&
		typeof published === 'boolean' &&
		isWarnings(readWarnings) &&
		isWarnings(warnings) &&
		(count === null || (typeof count === 'number' && Number.isInteger(count) && count >= 0))
	);
}

function isWarnings(value: unknown): value is PostWarning[] {
	return (
		Array.isArray(value) &&
		value.every(
			(warning) =>
				typeof warning === 'object' &&
				warning !== null &&
				typeof warning.file === 'string' &&
				typeof warning.message === 'string' &&
				(warning.line === undefined || typeof warning.line === 'number'),
		)
	);
}
