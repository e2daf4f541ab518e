/**
 * Applies a batch of file changes (from watch-posts.ts) to a loaded library: posts are re-read and
 * re-parsed one by one, never the whole folder again. A post that cannot be read any more keeps its
 * last good version and gains a warning: the user is mid-edit far more often than the file is lost.
 */
import {readPostText, sortNewestFirst} from './load-library.js';
import {parsePost} from './parse-post.js';
import type {Library, Post, PostWarning} from './types.js';
import {locatePost, watchRoots, type PostChange} from './watch-posts.js';

export type UpdateOptions = {
	/** Show drafts (`published: false`), as the library was loaded. */
	drafts?: boolean;
	/** Reads a file as text, or null with a warning; load-library's reader by default (tests replace it). */
	readText?: (path: string, displayPath: string, warnings: PostWarning[]) => string | null;
};

/** The library after a batch, and what changed: ids, so the reader can tell which open post moved. */
export type LibraryUpdate = {
	library: Library;
	/** Problems met in this batch only (also in `library.warnings`): for the status line. */
	warnings: PostWarning[];
	added: string[];
	changed: string[];
	removed: string[];
};

/** Applies `changes` to `library` without touching it: a new Library comes back. */
export function updateLibrary(
	library: Library,
	changes: readonly PostChange[],
	options: UpdateOptions = {},
): LibraryUpdate {
	const readText = options.readText ?? readPostText;
	const posts = [...library.posts];
	let warnings = [...library.warnings];
	const fresh: PostWarning[] = [];
	const result = {added: [] as string[], changed: [] as string[], removed: [] as string[]};
	const warn = (warning: PostWarning) => {
		warnings.push(warning);
		fresh.push(warning);
	};
	const forgetWarnings = (displayPath: string) => {
		warnings = warnings.filter((warning) => warning.file !== displayPath);
	};

	for (const change of changes) {
		if (change.path === '-') continue;
		const index = posts.findIndex((post) => post.path === change.path);
		const old = index === -1 ? undefined : posts[index];
		if (change.kind === 'removed') {
			if (!old) continue;
			posts.splice(index, 1);
			forgetWarnings(change.displayPath);
			result.removed.push(old.id);
			continue;
		}
		const readWarnings: PostWarning[] = [];
		const text = readText(change.path, change.displayPath, readWarnings);
		let post: Post | null = null;
		if (text !== null) {
			try {
				post = parsePost({
					text,
					id: old?.id ?? uniqueId(posts, change),
					path: change.path,
					displayPath: change.displayPath,
				});
			} catch (error) {
				// parsePost is not meant to throw; if it does, the file is as unreadable as a binary one.
				readWarnings.push({
					file: change.displayPath,
					message: `cannot parse (${error instanceof Error ? error.message : String(error)})`,
				});
			}
		}
		if (post === null) {
			if (old) {
				// Keep what was read last time; say why it is not the file's current text.
				for (const warning of readWarnings)
					warn({...warning, message: `not reloaded: ${warning.message}; showing the last version read`});
			} else {
				for (const warning of readWarnings) warn(warning);
			}
			continue;
		}
		forgetWarnings(change.displayPath);
		for (const warning of [...readWarnings, ...post.warnings]) warn(warning);
		const isVisible = post.published || options.drafts === true;
		if (old) {
			if (isVisible) {
				posts[index] = post;
				result.changed.push(post.id);
			} else {
				posts.splice(index, 1);
				result.removed.push(old.id);
			}
		} else if (isVisible) {
			posts.push(post);
			result.added.push(post.id);
		}
	}
	return {library: {...library, posts: sortNewestFirst(posts), warnings}, warnings: fresh, ...result};
}

/** find-posts' rule for a clash: two folders holding the same relative path, the second keeps its full path. */
function uniqueId(posts: readonly Post[], change: PostChange): string {
	return posts.some((post) => post.id === change.id) ? change.path : change.id;
}

/**
 * A change for one post, named as the watcher would name it: to reload the open post after the
 * editor exits even when no watcher runs (`--posts` on a file system without events).
 */
export function changeForPost(library: Library, post: Post): PostChange {
	return {
		kind: 'changed',
		...(locatePost(watchRoots(library.searched), post.path) ?? {path: post.path, id: post.id, displayPath: post.path}),
	};
}
