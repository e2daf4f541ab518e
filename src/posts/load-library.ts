import {resolve} from 'node:path';
import {usableCacheDirectory} from '../cache-directory.js';
import {sanitizeName} from '../markdown/sanitize.js';
import {findPosts} from './find-posts.js';
import {openFrontMatterMemo} from './front-matter-memo.js';
import {loadHeads} from './lazy-library.js';
import {postTime} from './lazy-post.js';
import {parsePost} from './parse-post.js';
import {readPostText} from './read-post-text.js';
import type {Library, Post, PostWarning} from './types.js';

// Kept here too for the modules that import them from the loader.
export {
	decodePostBytes,
	MAX_POST_BYTES,
	OPEN_NOT_WAITING,
	readPostBytes,
	readPostText,
	tooLarge,
} from './read-post-text.js';

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

/** Loads every post under `paths` (folders, files, or `-`), newest first. Bad files become warnings. */
export function loadLibrary(paths: string[], options: LoadOptions = {}): Library {
	const warnings: PostWarning[] = [];
	const posts: Post[] = [];
	const searched: string[] = [];
	const filePaths = paths.filter((path) => path !== '-');
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
		const frontMatter = openFrontMatterMemo(
			filePaths.map((path) => resolve(path)),
			usableCacheDirectory(warnings),
		);
		for (const found of files) {
			const text = readPostText(found.path, found.displayPath, warnings);
			if (text !== null)
				posts.push(parsePost({text, id: found.id, path: found.path, displayPath: found.displayPath}, {frontMatter}));
		}
		frontMatter.save();
	}
	// Shown back on the empty-library screen and in messages: names made safe like ids.
	searched.push(...filePaths.map(sanitizeName));
	const visible = options.drafts ? posts : posts.filter((post) => post.published);
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
	return order.map((index) => posts[index]!);
}
