import {readdirSync, realpathSync, statSync} from 'node:fs';
import {basename, join, relative, resolve, sep} from 'node:path';
import {sanitizeName} from '../markdown/sanitize.js';
import {isSiteRoot, siteRootPosts} from './site-root.js';
import type {PostWarning} from './types.js';

/** A file to load, with the id it will be known by. */
export type FoundPost = {path: string; id: string; displayPath: string};

/** A path named on the command line that does not exist or is not a regular file or folder: the run cannot go on (exit 2). */
export class MissingPathError extends Error {
	constructor(
		readonly path: string,
		problem = 'no such file or folder',
	) {
		super(`${problem}: ${sanitizeName(path)}`);
	}
}

/**
 * Why a path named on the command line cannot be read as posts, or null when it can. Only regular
 * files and folders are read: a FIFO would hang, `/dev/zero` or `/dev/urandom` would grow memory
 * without end (links are followed, so a link to one is refused too).
 */
export function specialFileProblem(stats: {isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean}): string | null {
	if (stats.isFile() || stats.isDirectory()) return null;
	if (stats.isFIFO()) return 'not a regular file (a named pipe)';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'not a regular file (a device)';
	if (stats.isSocket()) return 'not a regular file (a socket)';
	return 'not a regular file';
}

/** A file name that is read as a post when found under a folder. */
export const POST_FILE = /\.(md|markdown)$/i;
/** Folders never walked (besides hidden ones): the watcher skips the same. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '_site', 'vendor']);

/**
 * Finds the posts under each path: a folder is walked (hidden folders, node_modules and Jekyll's
 * _site skipped; a symlink loop is followed once), a file is taken as it is. A Jekyll site root is
 * read as Jekyll reads it (site-root.ts): its `_posts/` folders, and `_drafts/` with `drafts`.
 */
export function findPosts(paths: string[], warnings: PostWarning[], options: {drafts?: boolean} = {}): FoundPost[] {
	const found: FoundPost[] = [];
	const seenFiles = new Set<string>();
	const ids = new Set<string>();
	const add = (path: string, id: string, displayPath: string, knownReal?: string) => {
		let real = knownReal ?? path;
		if (knownReal === undefined) {
			try {
				real = realpathSync(path);
			} catch {
				// A dangling link: loading it reports the problem.
			}
		}
		if (seenFiles.has(real)) return;
		seenFiles.add(real);
		// Ids and shown paths come from file and folder names: made safe here, where the post's source is built.
		const safeId = sanitizeName(id);
		// Two folders may hold the same relative path: the second keeps its full path as its id.
		const uniqueId = ids.has(safeId) ? sanitizeName(resolve(path)) : safeId;
		ids.add(uniqueId);
		found.push({path: resolve(path), id: uniqueId, displayPath: sanitizeName(displayPath)});
	};
	for (const path of paths) {
		let stats;
		try {
			stats = statSync(path);
		} catch {
			throw new MissingPathError(path);
		}
		const problem = specialFileProblem(stats);
		if (problem) throw new MissingPathError(path, problem);
		if (stats.isDirectory()) {
			const files = isSiteRoot(path) ? siteRootPosts(path, {drafts: options.drafts ?? false}, walk, warnings) : walk(path, warnings);
			for (const [file, real] of files) add(file, toPosix(relative(path, file)), file, real);
		} else {
			add(path, basename(path), path);
		}
	}
	return found;
}

/** The post files under `root`, each with its real path when known without asking (not a link). */
function walk(root: string, warnings: PostWarning[]): Array<[string, string | undefined]> {
	const files: Array<[string, string | undefined]> = [];
	const visited = new Set<string>();
	const visit = (folder: string) => {
		let real: string;
		try {
			real = realpathSync(folder);
		} catch (error) {
			warnings.push({file: sanitizeName(folder), message: `cannot read folder (${reason(error)})`});
			return;
		}
		if (visited.has(real)) return;
		visited.add(real);
		let entries;
		try {
			entries = readdirSync(folder, {withFileTypes: true});
		} catch (error) {
			warnings.push({file: sanitizeName(folder), message: `cannot read folder (${reason(error)})`});
			return;
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const entry of entries) {
			if (entry.name.startsWith('.')) continue;
			const path = join(folder, entry.name);
			let isFolder = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				try {
					const target = statSync(path);
					isFolder = target.isDirectory();
					isFile = target.isFile();
				} catch {
					// A dangling link named like a post is reported when loaded; others are ignored.
					isFile = POST_FILE.test(entry.name);
				}
			}
			if (isFolder && !SKIPPED_FOLDERS.has(entry.name)) visit(path);
			// A plain file's real path is its real folder's and its name: no realpath() per file
			// (a second per thousand posts).
			else if (isFile && POST_FILE.test(entry.name)) files.push([path, entry.isSymbolicLink() ? undefined : join(real, entry.name)]);
		}
	};
	visit(root);
	return files;
}

function toPosix(path: string): string {
	return sep === '/' ? path : path.split(sep).join('/');
}

/** The short reason of a file system error: `ENOENT`, `EACCES`… with its words. */
export function reason(error: unknown): string {
	if (error && typeof error === 'object' && 'code' in error) {
		const code = String(error.code);
		const words: Record<string, string> = {
			ENOENT: 'not found',
			EACCES: 'permission denied',
			EISDIR: 'is a folder',
			ELOOP: 'symlink loop',
			EMFILE: 'too many open files',
		};
		return words[code] ?? code;
	}
	return error instanceof Error ? error.message : String(error);
}
