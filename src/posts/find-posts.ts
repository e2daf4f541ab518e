import {readdirSync, realpathSync, statSync} from 'node:fs';
import {basename, normalize, relative, resolve, sep} from 'node:path';
import {sanitizeName} from '../markdown/sanitize.js';
import {fsPath, nameFromBytes, rememberBytePath} from './file-names.js';
import {MAX_FOLDER_DEPTH, MAX_POST_FILES, MAX_WALK_ENTRIES, MAX_WALK_FOLDERS} from './post-limits.js';
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
export function specialFileProblem(stats: {
	isFile(): boolean;
	isDirectory(): boolean;
	isFIFO(): boolean;
	isCharacterDevice(): boolean;
	isBlockDevice(): boolean;
	isSocket(): boolean;
}): string | null {
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

/** What a walk counts: against the caps, and links it did not follow. */
type WalkCounts = {
	walks: number;
	links: number;
	folders: number;
	entries: number;
	files: number;
	isCapped: boolean;
	outside: string[];
	limits: WalkLimits;
};

/** Where a walk stops (see findPosts); tests give smaller ones. */
export type WalkLimits = {folders: number; entries: number; files: number; depth: number};
const WALK_LIMITS: WalkLimits = {
	folders: MAX_WALK_FOLDERS,
	entries: MAX_WALK_ENTRIES,
	files: MAX_POST_FILES,
	depth: MAX_FOLDER_DEPTH,
};

/**
 * Finds the posts under each path: a folder is walked (hidden folders, node_modules and Jekyll's
 * _site skipped; a symlink loop is followed once), a file is taken as it is. A Jekyll site root is
 * read as Jekyll reads it (site-root.ts): its `_posts/` folders, and `_drafts/` with `drafts`.
 *
 * The folder named is the folder read: a link (to a folder or a file) whose target is outside it
 * is not followed, as Jekyll's safe mode ignores links (`ln -s / posts/r` read every `*.md` on
 * the machine), and said once per folder. A walk stops at MAX_WALK_FOLDERS folders,
 * MAX_WALK_ENTRIES names read, MAX_POST_FILES posts or MAX_FOLDER_DEPTH levels, with a warning.
 */
export function findPosts(
	paths: string[],
	warnings: PostWarning[],
	options: {drafts?: boolean; limits?: WalkLimits} = {},
): FoundPost[] {
	const met: WalkedFile[] = [];
	const limits = options.limits ?? WALK_LIMITS;
	const counts: WalkCounts = {
		walks: 0,
		links: 0,
		folders: 0,
		entries: 0,
		files: 0,
		isCapped: false,
		outside: [],
		limits,
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
			const rootReal = realPath(path) ?? resolve(path);
			const isInside = (real: string) => real === rootReal || real.startsWith(withSeparator(rootReal));
			counts.outside = [];
			counts.isCapped = false;
			const walker = (folder: string, folderWarnings: PostWarning[]) =>
				walk(folder, folderWarnings, path, counts, isInside);
			const files = isSiteRoot(path)
				? siteRootPosts(path, {drafts: options.drafts ?? false}, walker, warnings, {
						isInside,
						onOutside: (folder) => counts.outside.push(folder),
					})
				: walker(path, warnings);
			for (const file of files) met.push(file);
			if (counts.outside.length > 0) {
				const names = counts.outside
					.slice(0, 3)
					.map((link) => sanitizeName(toPosix(relative(path, link))))
					.join(', ');
				const more = counts.outside.length > 3 ? ` and ${counts.outside.length - 3} more` : '';
				warnings.push({
					file: sanitizeName(path),
					message: `links that lead out of the folder are not followed, as in Jekyll's safe mode: ${names}${more}`,
				});
			}
			if (counts.isCapped) {
				warnings.push({
					file: sanitizeName(path),
					message: `stopped reading the folder at ${limits.folders.toLocaleString('en')} folders, ${limits.entries.toLocaleString('en')} names, ${limits.files.toLocaleString('en')} posts or ${limits.depth} levels deep; posts past that are not listed`,
				});
			}
		} else {
			met.push({
				path: resolve(path),
				id: sanitizeName(basename(path)),
				displayPath: sanitizeName(path),
				realFolder: undefined,
			});
		}
	}
	// One folder walked once, without links to files: each file was met once (every real folder is
	// visited once) and its id, its path inside the folder, is unique. Nothing to check per file.
	if (paths.length === 1 && counts.walks === 1 && counts.links === 0) return met;
	return withoutRepeats(met);
}

/** The real path of `path` (names that are not UTF-8 written as file-names.ts writes them), or null when it has none (a dangling link, a name too long). */
function realPath(path: string): string | null {
	try {
		return realPathText(path);
	} catch {
		return null;
	}
}

/** realpathSync; a path holding a name that is not UTF-8 by its bytes (two such names stay two real paths). */
function realPathText(path: string): string {
	const given = fsPath(path);
	// (Node's JS realpath turns a Buffer into text on the way, and loses the bytes: the native one.)
	return typeof given === 'string'
		? realpathSync(given)
		: nameFromBytes(realpathSync.native(given, {encoding: 'buffer'}));
}

/** A folder's entries, each name as text; names that are not UTF-8 are read by their bytes and remembered so. */
function folderEntries(
	folder: string,
	absolute: string,
): Array<{name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean}> {
	const given = fsPath(folder);
	const isByteFolder = typeof given !== 'string';
	const entries = isByteFolder ? [] : readdirSync(given, {withFileTypes: true});
	if (!isByteFolder && !entries.some((entry) => entry.name.includes('\uFFFD'))) return entries;
	const bytesOf = (path: string) => {
		const known = fsPath(path);
		return typeof known === 'string' ? Buffer.from(known) : known;
	};
	const separator = Buffer.from(sep);
	return readdirSync(given, {withFileTypes: true, encoding: 'buffer'}).map((entry) => {
		const name = nameFromBytes(entry.name);
		// Every name in a folder that is named by its bytes is a path by bytes too.
		if (isByteFolder || name !== entry.name.toString()) {
			rememberBytePath(withSeparator(folder) + name, Buffer.concat([bytesOf(folder), separator, entry.name]));
			rememberBytePath(withSeparator(absolute) + name, Buffer.concat([bytesOf(absolute), separator, entry.name]));
		}
		return {
			name,
			isFile: () => entry.isFile(),
			isDirectory: () => entry.isDirectory(),
			isSymbolicLink: () => entry.isSymbolicLink(),
		};
	});
}

/** The files met, each real file once, each with an id of its own. */
function withoutRepeats(met: WalkedFile[]): FoundPost[] {
	const found: FoundPost[] = [];
	const seenFiles = new Set<string>();
	const ids = new Set<string>();
	for (const file of met) {
		let real = file.real ?? (file.realFolder === undefined ? undefined : file.realFolder + basename(file.path));
		if (real === undefined) {
			try {
				real = realPathText(file.path);
			} catch {
				// A dangling link: loading it reports the problem.
				real = file.path;
			}
		}
		if (seenFiles.has(real)) continue;
		seenFiles.add(real);
		// Two folders may hold the same relative path: the second keeps its full path as its id.
		const id = ids.has(file.id) ? sanitizeName(file.path) : file.id;
		ids.add(id);
		found.push({path: file.path, id, displayPath: file.displayPath});
	}
	return found;
}

/**
 * A post file met by the walk: its names made safe, and when it is no link the real path of its
 * folder (its real path is that and its name, put together only when files must be told apart).
 */
type WalkedFile = FoundPost & {realFolder: string | undefined; real?: string};

/** The folder's path with one separator after it, to put a name behind. */
const withSeparator = (folder: string) => (folder.endsWith(sep) ? folder : folder + sep);

/**
 * The post files under `start` (inside the folder `root` named on the command line). Paths are
 * built by putting names behind their folder's path, which is what join() and resolve() would
 * give for a name read from the folder, without their work per file (a tenth of the start over
 * thousands of posts); names are made safe once per folder and once per file.
 */
function walk(
	start: string,
	warnings: PostWarning[],
	root: string,
	counts: WalkCounts,
	isInside: (real: string) => boolean,
): WalkedFile[] {
	counts.walks++;
	const files: WalkedFile[] = [];
	const visited = new Set<string>();
	const visit = (folder: string, absolute: string, id: string, depth: number): void => {
		const {limits} = counts;
		if (
			counts.folders >= limits.folders ||
			counts.entries >= limits.entries ||
			counts.files >= limits.files ||
			depth > limits.depth
		) {
			counts.isCapped = true;
			return;
		}
		let real: string;
		try {
			real = realPathText(folder);
		} catch (error) {
			warnings.push({file: sanitizeName(folder), message: `cannot read folder (${reason(error)})`});
			return;
		}
		if (visited.has(real)) return;
		visited.add(real);
		// Only a link can take the walk outside the folder named.
		if (!isInside(real)) {
			counts.outside.push(folder);
			return;
		}
		counts.folders++;
		let entries;
		try {
			entries = folderEntries(folder, absolute);
		} catch (error) {
			warnings.push({file: sanitizeName(folder), message: `cannot read folder (${reason(error)})`});
			return;
		}
		counts.entries += entries.length;
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		const shown = withSeparator(folder);
		const resolved = withSeparator(absolute);
		const realFolder = withSeparator(real);
		// The folder's part of every id and shown path below it, and every name in it, checked at
		// once: one look over the joined names instead of one per name. (`/` is in no name.)
		const names = entries.map((entry) => entry.name).join('/');
		const isFolderSafe = sanitizeName(shown) === shown && sanitizeName(id) === id;
		const areNamesSafe = isFolderSafe && sanitizeName(names) === names;
		for (const entry of entries) {
			const {name} = entry;
			if (name.startsWith('.')) continue;
			const path = shown + name;
			let isFile = entry.isFile();
			let isFolder = !isFile && entry.isDirectory();
			const isLink = !isFile && !isFolder && entry.isSymbolicLink();
			let linkTarget: string | undefined;
			if (isLink) {
				try {
					const target = statSync(fsPath(path));
					isFolder = target.isDirectory();
					isFile = target.isFile();
				} catch {
					// A dangling link named like a post is reported when loaded; others are ignored.
					isFile = POST_FILE.test(name);
				}
				if (isFile && POST_FILE.test(name)) {
					linkTarget = realPath(path) ?? undefined;
					if (linkTarget !== undefined && !isInside(linkTarget)) {
						counts.outside.push(path);
						continue;
					}
				}
			}
			if (isFolder && !SKIPPED_FOLDERS.has(name)) visit(path, resolved + name, `${id}${name}/`, depth + 1);
			else if (isFile && POST_FILE.test(name)) {
				if (counts.files >= counts.limits.files) {
					counts.isCapped = true;
					break;
				}
				counts.files++;
				const isSafe = areNamesSafe || (isFolderSafe && sanitizeName(name) === name);
				if (isLink) counts.links++;
				files.push({
					path: resolved + name,
					id: isSafe ? id + name : sanitizeName(id + name),
					displayPath: isSafe ? path : sanitizeName(path),
					// A plain file's real path is its real folder's and its name: no realpath() per file
					// (a second per thousand posts).
					realFolder: isLink ? undefined : realFolder,
					...(linkTarget === undefined ? {} : {real: linkTarget}),
				});
			}
		}
	};
	const folder = normalize(start);
	// Without its trailing separator (but `/` stays `/`): names are put behind it.
	const trimmed = folder.length > 1 && folder.endsWith(sep) ? folder.slice(0, -1) : folder;
	const inRoot = toPosix(relative(root, start));
	visit(trimmed, resolve(trimmed), inRoot === '' ? '' : `${inRoot}/`, 0);
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
