/**
 * Reading one post's file as text, apart from the loader: the loader, the lazy posts and the heads
 * all read files, and with this in load-library.ts they imported each other in circles.
 */
import {readFileSync, statSync, type Stats} from 'node:fs';
import {reason, specialFileProblem} from './find-posts.js';
import type {PostWarning} from './types.js';

/** Posts larger than this are notes nobody wrote by hand; they are skipped with a warning. */
export const MAX_POST_BYTES = 8 * 1024 * 1024;

/** Reads a file as UTF-8 text; null (and a warning) when it cannot be a post. `known`: the file's stats, when the caller has them already. */
export function readPostText(path: string, displayPath: string, warnings: PostWarning[], known?: Stats): string | null {
	const warn = (message: string, line?: number) => warnings.push({file: displayPath, message, ...(line ? {line} : {})});
	let bytes: Buffer;
	try {
		const stats = known ?? statSync(path);
		// A link in a folder may point at a FIFO or a device: reading one hangs or never ends.
		const special = specialFileProblem(stats);
		if (special) {
			warn(`skipped: ${special}`);
			return null;
		}
		if (stats.size > MAX_POST_BYTES) {
			warn(tooLarge(stats.size));
			return null;
		}
		bytes = readFileSync(path);
	} catch (error) {
		warn(`cannot read (${reason(error)})`);
		return null;
	}
	return decodePostBytes(bytes, warn);
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
