/**
 * What the sidebar needs of a post (title, date, tags, whether it is a draft), read from the head
 * of its file: the front matter block, not the body. A library of thousands of posts opens after
 * reading a few KB of each instead of parsing every post (issue 13).
 */
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {fsPath} from './file-names.js';
import {reason, specialFileProblem} from './find-posts.js';
import {MAX_POST_BYTES, OPEN_NOT_WAITING, readPostText} from './read-post-text.js';
import {parsePost} from './parse-post.js';
import type {PostWarning} from './types.js';

/** The sidebar's facts about one post: plain, already sanitised data (it is what the index cache stores). */
export type PostHead = {
	slug: string;
	title: string;
	/** Milliseconds since the epoch, or null when the post has no date. */
	date: number | null;
	tags: string[];
	categories: string[];
	author: string | null;
	published: boolean;
	/** Problems found in the head (front matter, encoding of the head, an empty or binary file). */
	warnings: PostWarning[];
	/** False when the file cannot be a post (empty, binary, unreadable, too large): it is left out. */
	readable: boolean;
};

/** The file's identity for the cache: a change of either means the head is read again. */
export type FileStamp = {size: number; mtimeMs: number};

/** Bytes read first; most front matter fits in far less. */
const HEAD_BYTES = 8192;
/** Past this much without the front matter closing, the whole file is read (and parsed) instead. */
const MAX_HEAD_BYTES = 64 * 1024;

const OPEN = /^---[ \t]*\r?$/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/m;

/** The bytes at the start of a file, up to `limit`. */
function readStart(fd: number, limit: number): Buffer {
	const buffer = Buffer.allocUnsafe(limit);
	let filled = 0;
	while (filled < limit) {
		const read = readSync(fd, buffer, filled, limit - filled, filled);
		if (read === 0) break;
		filled += read;
	}
	return buffer.subarray(0, filled);
}

/**
 * Where the head ends: just after the front matter's closing fence, or null when the front matter
 * does not close within `bytes` (or there is none: then the title may come from any heading).
 */
function headEnd(bytes: Buffer): number | null {
	const text = bytes.toString('latin1');
	const firstLineEnd = text.indexOf('\n');
	const start = text.startsWith('\uFEFF') ? 0 : text.startsWith('\u00EF\u00BB\u00BF') ? 3 : 0;
	if (firstLineEnd === -1 || !OPEN.test(text.slice(start, firstLineEnd))) return null;
	CLOSE.lastIndex = 0;
	const rest = text.slice(firstLineEnd + 1);
	const close = CLOSE.exec(rest);
	if (!close) return null;
	return firstLineEnd + 1 + close.index + close[0].length;
}

/** A front matter title that parsePost takes as it is (else it looks for a heading in the body). */
function hasOwnTitle(frontMatter: Record<string, unknown>): boolean {
	const title = frontMatter['title'];
	return typeof title === 'number' || typeof title === 'boolean' || (typeof title === 'string' && title.trim() !== '');
}

function unreadable(slug: string, warnings: PostWarning[]): PostHead {
	return {
		slug,
		title: '',
		date: null,
		tags: [],
		categories: [],
		author: null,
		published: false,
		warnings,
		readable: false,
	};
}

/**
 * Reads the head of the post at `path` and what the sidebar shows of it. It is parsed exactly as
 * the whole post would be (parsePost on the head alone: Liquid and markdown are lazy there), so
 * title, date and warnings agree; when the title would come from the body, the whole file is read.
 */
export function readPostHead(path: string, displayPath: string, id: string): {head: PostHead; stamp: FileStamp | null} {
	const warnings: PostWarning[] = [];
	const slugOf = () => parsePost({text: '', id, path, displayPath}).slug;
	let fd: number;
	try {
		// Without waiting: a FIFO named like a post must not hold the start (it is refused below).
		fd = openSync(fsPath(path), OPEN_NOT_WAITING);
	} catch (error) {
		warnings.push({file: displayPath, message: `cannot read (${reason(error)})`});
		return {head: unreadable(slugOf(), warnings), stamp: null};
	}
	let bytes: Buffer;
	let stamp: FileStamp;
	try {
		const stats = fstatSync(fd);
		stamp = {size: stats.size, mtimeMs: stats.mtimeMs};
		const special = specialFileProblem(stats);
		if (special) {
			closeSync(fd);
			warnings.push({file: displayPath, message: `skipped: ${special}`});
			return {head: unreadable(slugOf(), warnings), stamp: null};
		}
		if (stats.size > MAX_POST_BYTES || stats.size <= HEAD_BYTES) {
			// Too large is refused, small is read whole: both as the loader always did.
			closeSync(fd);
			return {head: wholeFileHead(path, displayPath, id), stamp};
		}
		bytes = readStart(fd, HEAD_BYTES);
		let end = headEnd(bytes);
		if (end === null && bytes.length === HEAD_BYTES) {
			bytes = readStart(fd, Math.min(MAX_HEAD_BYTES, stats.size));
			end = headEnd(bytes);
		}
		closeSync(fd);
		if (end === null) return {head: wholeFileHead(path, displayPath, id), stamp};
		if (bytes.subarray(0, HEAD_BYTES).includes(0)) {
			warnings.push({file: displayPath, message: 'skipped: binary file, not markdown'});
			return {head: unreadable(slugOf(), warnings), stamp};
		}
		bytes = bytes.subarray(0, end);
	} catch (error) {
		try {
			closeSync(fd);
		} catch {
			// Already closed.
		}
		warnings.push({file: displayPath, message: `cannot read (${reason(error)})`});
		return {head: unreadable(slugOf(), warnings), stamp: null};
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		// The encoding warning names the line: the whole file says it as the loader always did.
		return {head: wholeFileHead(path, displayPath, id), stamp};
	}
	const post = parsePost({text, id, path, displayPath});
	if (!hasOwnTitle(post.frontMatter)) return {head: wholeFileHead(path, displayPath, id), stamp};
	return {head: headOf(post, post.warnings), stamp};
}

/** The head of a post read and parsed whole (small files, odd ones, titles taken from a heading). */
function wholeFileHead(path: string, displayPath: string, id: string): PostHead {
	const warnings: PostWarning[] = [];
	const text = readPostText(path, displayPath, warnings);
	if (text === null) return unreadable(parsePost({text: '', id, path, displayPath}).slug, warnings);
	const post = parsePost({text, id, path, displayPath});
	return headOf(post, [...warnings, ...post.warnings]);
}

function headOf(post: ReturnType<typeof parsePost>, warnings: PostWarning[]): PostHead {
	return {
		slug: post.slug,
		title: post.title,
		date: post.date ? post.date.getTime() : null,
		tags: post.tags,
		categories: post.categories,
		author: post.author,
		published: post.published,
		warnings,
		readable: true,
	};
}
