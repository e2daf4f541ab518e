/**
 * The posts of a library as the first frame needs them: each file's head, from the index cache
 * when the file is unchanged, else read from the file's first few KB; bodies wait (lazy-post.ts).
 */
import {statSync} from 'node:fs';
import {resolve} from 'node:path';
import type {FoundPost} from './find-posts.js';
import {openIndexCache} from './index-cache.js';
import {lazyPost} from './lazy-post.js';
import {readPostHead, type FileStamp, type PostHead} from './post-head.js';
import type {Post, PostWarning} from './types.js';

/**
 * The posts among `found` (files under `paths`), each known by its head. Files that cannot be
 * posts are left out with their warning in `warnings`; the others' head warnings stay on the post
 * (the loader collects them), and warnings found later, when a body is read, join `warnings`.
 */
export function loadHeads(found: FoundPost[], paths: string[], warnings: PostWarning[]): Post[] {
	const cache = openIndexCache(paths.map(path => resolve(path)));
	const posts: Post[] = [];
	for (const file of found) {
		let head = cache.get(file.path, stampOf(file.path));
		if (!head) {
			const read = headOf(file);
			head = read.head;
			if (read.stamp) cache.set(file.path, read.stamp, head);
		}
		if (head.readable) posts.push(lazyPost(file, head, warnings));
		else warnings.push(...head.warnings.map(warning => ({...warning, file: file.displayPath})));
	}
	cache.save();
	return posts;
}

/** Size and mtime, or a stamp no cache entry has when the file cannot be stat'ed (reading says why). */
function stampOf(path: string): FileStamp {
	try {
		// No exception for a file gone since the walk: building one costs more than the stat.
		const stats = statSync(path, {throwIfNoEntry: false});
		return stats ?? NO_STAMP;
	} catch {
		return NO_STAMP;
	}
}

const NO_STAMP: FileStamp = {size: -1, mtimeMs: -1};

/** The head of one file; a parser that throws on it makes it one warning, not the end of the run. */
function headOf(file: FoundPost): {head: PostHead; stamp: FileStamp | null} {
	try {
		return readPostHead(file.path, file.displayPath, file.id);
	} catch (error) {
		const message = `cannot be read as a post (${error instanceof Error ? error.message : String(error)})`;
		return {head: {slug: '', title: '', date: null, tags: [], categories: [], author: null, published: false, warnings: [{file: file.displayPath, message}], readable: false}, stamp: null};
	}
}
