import {existsSync, readdirSync, realpathSync, statSync} from 'node:fs';
import {join} from 'node:path';
import type {PostWarning} from './types.js';

/** Walks one folder for post files (the plain-folder walker of find-posts, passed in). */
export type FolderWalker<T> = (folder: string, warnings: PostWarning[]) => T[];

const CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'];

/** Folders Jekyll never reads posts from, even when they hold a `_posts/` by accident. */
const NEVER_POSTS = new Set([
	'_site',
	'node_modules',
	'vendor',
	'_includes',
	'_layouts',
	'_sass',
	'_data',
	'.jekyll-cache',
]);

/** Deep enough for `category/sub/_posts`; a site root is not searched like a home folder. */
const MAX_DEPTH = 8;

/** A folder Jekyll would build: it holds `_config.yml` (or .yaml/.toml) or a `_posts/` folder. */
export function isSiteRoot(folder: string): boolean {
	if (CONFIG_FILES.some((name) => isFile(join(folder, name)))) return true;
	return isFolder(join(folder, '_posts'));
}

/**
 * The post files of a Jekyll site root as Jekyll reads them: everything under every `_posts/`
 * folder (category folders such as `talks/_posts/` included) and, when drafts are asked for, under
 * every `_drafts/`. Pages, the README, `_site`, `_includes` and `_layouts` are not posts.
 */
export function siteRootPosts<T>(
	root: string,
	options: {drafts: boolean},
	walk: FolderWalker<T>,
	warnings: PostWarning[],
	bounds: {isInside: (real: string) => boolean; onOutside: (folder: string) => void} = {
		isInside: () => true,
		onOutside: () => {},
	},
): T[] {
	const files: T[] = [];
	const visited = new Set<string>();
	const visit = (folder: string, depth: number) => {
		let real: string;
		let names: string[];
		try {
			real = realpathSync(folder);
			names = readdirSync(folder).sort();
		} catch {
			// An unreadable folder of a site is not a post folder; the walker reports its own.
			return;
		}
		if (visited.has(real) || depth > MAX_DEPTH) return;
		visited.add(real);
		// A link out of the site is not followed (find-posts says so once).
		if (!bounds.isInside(real)) {
			bounds.onOutside(folder);
			return;
		}
		for (const name of names) {
			if (name.startsWith('.') || NEVER_POSTS.has(name)) continue;
			const path = join(folder, name);
			if (!isFolder(path)) continue;
			// A loop, not push(...walk()): a spread of 100,000 files overflows the stack.
			if (name === '_posts' || (name === '_drafts' && options.drafts))
				for (const file of walk(path, warnings)) files.push(file);
			// Other underscore folders are Jekyll's own (collections, plugins): not walked for posts.
			else if (!name.startsWith('_')) visit(path, depth + 1);
		}
	};
	visit(root, 0);
	return files;
}

function isFile(path: string): boolean {
	try {
		return existsSync(path) && statSync(path).isFile();
	} catch {
		return false;
	}
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
