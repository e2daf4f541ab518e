import {closeSync, constants, fstatSync, openSync, readSync, type PathLike, type Stats} from 'node:fs';
import {resolve} from 'node:path';
import {usableCacheDirectory} from '../cache-directory.js';
import {sanitizeName} from '../markdown/sanitize.js';
import {findPosts, reason, specialFileProblem} from './find-posts.js';
import {openFrontMatterMemo} from './front-matter-memo.js';
import {loadHeads} from './lazy-library.js';
import {postTime} from './lazy-post.js';
import {parsePost} from './parse-post.js';
import {fsPath} from './file-names.js';
import {MAX_POST_BYTES} from './post-limits.js';
import type {Library, Post, PostWarning} from './types.js';

export type LoadOptions = {
	/** Show drafts (`published: false`). */
	drafts?: boolean;
	/** Markdown read from standard input, used for the path `-`. */
	stdinText?: string;
	/**
	 * Read and parse every post now (printing them all needs every body): one read and one parse
	 * per post. Otherwise only heads are read and each body on first use (lazy-library.ts).
	 */
	bodies?: boolean;
	/**
	 * The reader's start: heads the index cache has are believed without a stat per file, and
	 * `library.checkCachedHeads` looks at those files after the first frame (lazy-library.ts). Not for
	 * printed output, which must match and print what the files say now.
	 */
	checkLater?: boolean;
};

export {MAX_POST_BYTES} from './post-limits.js';

/** Loads every post under `paths` (folders, files, or `-`), newest first. Bad files become warnings. */
export function loadLibrary(paths: string[], options: LoadOptions = {}): Library {
	const warnings: PostWarning[] = [];
	const posts: Post[] = [];
	const searched: string[] = [];
	const filePaths = paths.filter(path => path !== '-');
	if (paths.includes('-')) {
		posts.push(parsePost({text: options.stdinText ?? '', id: '-', path: '-', displayPath: 'standard input'}));
		searched.push('standard input');
	}
	const files = findPosts(filePaths, warnings, {drafts: options.drafts ?? false});
	// Heads only (title, date, tags): each body is read and parsed when first asked for.
	let checkCachedHeads: Library['checkCachedHeads'];
	if (!options.bodies) {
		const heads = loadHeads(files, filePaths, warnings, {checkLater: options.checkLater ?? false});
		// (A loop, not push(...): a spread of 100,000 posts overflows the stack.)
		for (const post of heads.posts) posts.push(post);
		checkCachedHeads = heads.check;
	} else {
		const frontMatter = openFrontMatterMemo(filePaths.map(path => resolve(path)), usableCacheDirectory(warnings));
		for (const found of files) {
			const text = readPostText(found.path, found.displayPath, warnings);
			if (text !== null) posts.push(parsePost({text, id: found.id, path: found.path, displayPath: found.displayPath}, {frontMatter}));
		}
		frontMatter.save();
	}
	// Shown back on the empty-library screen and in messages: names made safe like ids.
	searched.push(...filePaths.map(sanitizeName));
	const visible = options.drafts ? posts : posts.filter(post => post.published);
	for (const post of posts) if (post.warnings.length > 0) warnings.push(...post.warnings);
	return {posts: sortNewestFirst(visible), warnings, searched, ...(checkCachedHeads ? {checkCachedHeads} : {})};
}

/**
 * `posts` in the library's order: newest first, undated last, then by id. Each post's time is read
 * once, not twice per comparison (a lazy post makes no Date for it).
 */
export function sortNewestFirst(posts: Post[]): Post[] {
	return newestFirst(posts, postTime);
}

/** Anything with an id in the library's order, by the time `timeOf` gives it (-Infinity when undated). */
export function newestFirst<T extends {id: string}>(posts: T[], timeOf: (post: T) => number): T[] {
	const times = new Float64Array(posts.length);
	const order: number[] = [];
	for (let index = 0; index < posts.length; index++) {
		times[index] = timeOf(posts[index]!);
		order.push(index);
	}
	order.sort((a, b) => {
		const byDate = times[b]! - times[a]!;
		if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
		const idA = posts[a]!.id;
		const idB = posts[b]!.id;
		return idA < idB ? -1 : idA > idB ? 1 : 0;
	});
	return order.map(index => posts[index]!);
}

/**
 * Reads a file as UTF-8 text; null (and a warning) when it cannot be a post. The file is opened
 * without blocking and checked through that descriptor, then read through it: a check by path
 * and a read by path could meet two files (swapped for a FIFO in between, the read hung).
 * `_known`: stats the caller took by path (its memo's key); what is read is checked again.
 */
export function readPostText(path: PathLike, displayPath: string, warnings: PostWarning[], _known?: Stats): string | null {
	const warn = (message: string, line?: number) => warnings.push({file: displayPath, message, ...(line ? {line} : {})});
	const read = readPostBytes(path);
	if ('problem' in read) {
		warn(read.problem);
		return null;
	}
	return decodePostBytes(read.bytes, warn);
}

/** Opening never waits: a FIFO opened for reading would wait for a writer (O_NONBLOCK is nothing to a regular file). */
export const OPEN_NOT_WAITING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of the regular file at `path`, read through the descriptor that was checked, at most
 * MAX_POST_BYTES (a file that grows past it while read is too large); or why it is not read.
 */
export function readPostBytes(path: PathLike): {bytes: Buffer} | {problem: string} {
	let fd: number;
	try {
		fd = openSync(typeof path === 'string' ? fsPath(path) : path, OPEN_NOT_WAITING);
	} catch (error) {
		return {problem: `cannot read (${reason(error)})`};
	}
	try {
		const stats = fstatSync(fd);
		// A link in a folder may point at a FIFO or a device: reading one hangs or never ends.
		const special = specialFileProblem(stats);
		if (special) return {problem: `skipped: ${special}`};
		if (stats.size > MAX_POST_BYTES) return {problem: tooLarge(stats.size)};
		let buffer = Buffer.allocUnsafe(Math.min(stats.size, MAX_POST_BYTES) + 1);
		let filled = 0;
		for (;;) {
			if (filled === buffer.length) {
				if (buffer.length > MAX_POST_BYTES) return {problem: tooLarge(filled)};
				const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_POST_BYTES + 1));
				buffer.copy(grown, 0, 0, filled);
				buffer = grown;
			}
			const count = readSync(fd, buffer, filled, buffer.length - filled, null);
			if (count === 0) break;
			filled += count;
		}
		return {bytes: buffer.subarray(0, filled)};
	} catch (error) {
		return {problem: `cannot read (${reason(error)})`};
	} finally {
		closeSync(fd);
	}
}

/** The warning for a post over the size cap. */
export function tooLarge(size: number): string {
	return `skipped: ${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_POST_BYTES / 1024 / 1024} MB a post may be`;
}

/**
 * A post's bytes as text, for files and standard input alike: empty and binary input is refused
 * (null and a warning), invalid UTF-8 is shown with replacement characters. Decoded once.
 */
export function decodePostBytes(bytes: Buffer, warn: (message: string, line?: number) => void): string | null {
	if (bytes.length > MAX_POST_BYTES) {
		warn(tooLarge(bytes.length));
		return null;
	}
	const probe = bytes.subarray(0, 8192);
	if (bytes.length > 0 && probe.includes(0)) {
		warn('skipped: binary file, not markdown');
		return null;
	}
	let text: string;
	let badLine = 0;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		text = new TextDecoder('utf-8').decode(bytes);
		badLine = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
	}
	if (text.trim() === '') {
		warn('skipped: the file is empty');
		return null;
	}
	if (badLine > 0) warn('not valid UTF-8; shown with replacement characters', badLine);
	return text;
}
