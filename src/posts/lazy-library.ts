/**
 * The posts of a library as the first frame needs them: each file's head, from the index cache
 * when the file is unchanged, else read from the file's first few KB; bodies wait (lazy-post.ts).
 */
import {statSync} from 'node:fs';
import {fsPath} from './file-names.js';
import {resolve} from 'node:path';
import type {FoundPost} from './find-posts.js';
import {usableCacheDirectory} from '../cache-directory.js';
import {openIndexCache} from './index-cache.js';
import {lazyPost} from './lazy-post.js';
import {readPostHead, type FileStamp, type PostHead} from './post-head.js';
import type {Post, PostWarning} from './types.js';
import type {PostChange} from './watch-posts.js';

/**
 * The posts among `found` (files under `paths`), each known by its head. Files that cannot be
 * posts are left out with their warning in `warnings`; the others' head warnings stay on the post
 * (the loader collects them), and warnings found later, when a body is read, join `warnings`.
 *
 * With `checkLater`, a file the cache knows is not looked at (no stat: over thousands of posts the
 * stats are half of the start): its cached head is believed, and `check` (for after the first
 * frame) stats those files, reads again the ones changed since, updates the cache and returns their
 * changes for updateLibrary.
 */
export function loadHeads(
	found: FoundPost[],
	paths: string[],
	warnings: PostWarning[],
	options: {checkLater?: boolean} = {},
): {posts: Post[]; check?: () => PostChange[]} {
	const cache = openIndexCache(
		paths.map((path) => resolve(path)),
		usableCacheDirectory(warnings),
	);
	const posts: Post[] = [];
	/** Files whose cached heads were believed unseen, and those heads (with the stamp they were read at). */
	const believed: FoundPost[] = [];
	const believedHeads: FileStamp[] = [];
	for (const file of found) {
		const cached = options.checkLater ? cache.believe(file.path) : undefined;
		if (cached) {
			believed.push(file);
			believedHeads.push(cached);
		}
		let head: PostHead | undefined = cached ?? cache.get(file.path, stampOf(file.path));
		if (!head) {
			const read = headOf(file);
			head = read.head;
			if (read.stamp) cache.set(file.path, read.stamp, head);
		}
		if (head.readable) posts.push(lazyPost(file, head, warnings));
		else warnings.push(...head.warnings.map((warning) => ({...warning, file: file.displayPath})));
	}
	cache.save();
	if (believed.length === 0) return {posts};
	let isChecked = false;
	const check = (): PostChange[] => {
		if (isChecked) return [];
		isChecked = true;
		const changes: PostChange[] = [];
		for (const [index, file] of believed.entries()) {
			const stamp = believedHeads[index]!;
			const now = stampOf(file.path);
			if (now.size === stamp.size && now.mtimeMs === stamp.mtimeMs) continue;
			if (now === NO_STAMP) {
				changes.push({kind: 'removed', path: file.path, id: file.id, displayPath: file.displayPath});
				continue;
			}
			// Read for the next start's cache; updateLibrary reads the whole post for this run.
			const read = headOf(file);
			if (read.stamp) cache.set(file.path, read.stamp, read.head);
			changes.push({kind: 'changed', path: file.path, id: file.id, displayPath: file.displayPath});
		}
		cache.save();
		return changes;
	};
	return {posts, check};
}

/** Size and mtime, or a stamp no cache entry has when the file cannot be stat'ed (reading says why). */
function stampOf(path: string): FileStamp {
	try {
		// No exception for a file gone since the walk: building one costs more than the stat.
		const stats = statSync(fsPath(path), {throwIfNoEntry: false});
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
		return {
			head: {
				slug: '',
				title: '',
				date: null,
				tags: [],
				categories: [],
				author: null,
				published: false,
				warnings: [{file: file.displayPath, message}],
				readable: false,
			},
			stamp: null,
		};
	}
}
