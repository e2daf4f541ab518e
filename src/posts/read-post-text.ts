/**
 * Reading one post's file as text, apart from the loader: the loader, the lazy posts and the heads
 * all read files, and with this in load-library.ts they imported each other in circles.
 */
import {closeSync, constants, fstatSync, openSync, readSync, type PathLike, type Stats} from 'node:fs';
import {fsPath} from './file-names.js';
import {reason, specialFileProblem} from './find-posts.js';
import {MAX_POST_BYTES} from './post-limits.js';
import type {PostWarning} from './types.js';

export {MAX_POST_BYTES} from './post-limits.js';

/**
 * Reads a file as UTF-8 text; null (and a warning) when it cannot be a post. The file is opened
 * without blocking and checked through that descriptor, then read through it: a check by path
 * and a read by path could meet two files (swapped for a FIFO in between, the read hung).
 * `_known`: stats the caller took by path (its memo's key); what is read is checked again.
 */
export function readPostText(
	path: PathLike,
	displayPath: string,
	warnings: PostWarning[],
	_known?: Stats,
): string | null {
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
