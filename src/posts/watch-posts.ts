/**
 * Watches the paths the posts were read from and reports, in debounced batches, which posts were
 * added, changed or removed. Which files count as posts follows find-posts.ts: under a folder,
 * `.md`/`.markdown` files outside hidden folders, node_modules, _site and vendor; a file named on
 * the command line is watched whatever its name. The watcher only reports; update-library.ts reads.
 */
import {realpathSync, statSync} from 'node:fs';
import {basename, isAbsolute, join, relative, resolve, sep} from 'node:path';
import {watch, type FSWatcher} from 'chokidar';
import {POST_FILE, SKIPPED_FOLDERS} from './find-posts.js';
import {MAX_FOLDER_DEPTH, MAX_WATCHED_FOLDERS, MAX_WATCHED_NAMES} from './post-limits.js';

/** What happened to one post file since the last batch. */
export type PostChangeKind = 'added' | 'changed' | 'removed';

/** One post file that changed, named as find-posts would name it. */
export type PostChange = {
	kind: PostChangeKind;
	/** Absolute path. */
	path: string;
	/** The id find-posts gives it: the path relative to the folder it is under (posix), or the file's name. */
	id: string;
	/** The path as the user named it (the folder given, then the relative path): how warnings name it. */
	displayPath: string;
};

/** A path that was read: a folder walked, or a file taken as it is. */
export type WatchRoot = {
	given: string;
	absolute: string;
	isFolder: boolean;
	/** Its real path, which the watcher is given (it follows no link, the named one included); `absolute` when not set. */
	watched?: string;
};

export type WatchOptions = {
	/** Called with each batch of changes (never empty). A throwing listener is reported to onError. */
	onChange: (changes: PostChange[]) => void;
	/** Quiet time after the last event before a batch is sent (default 120 ms). */
	debounceMs?: number;
	/** A steady stream of writes still sends a batch this often (default 1000 ms): within a second. */
	maxWaitMs?: number;
	/** Watching problems (a folder that cannot be read, too many watches); the reader shows them. */
	onError?: (error: unknown) => void;
};

export type PostWatcher = {
	/** Resolves when the initial scan is done: changes from then on are reported. */
	readonly ready: Promise<void>;
	/** Stops watching; a pending batch is dropped. */
	close(): Promise<void>;
};

/** The roots to watch: `-` (standard input) and paths that no longer exist are left out. */
export function watchRoots(paths: readonly string[]): WatchRoot[] {
	const roots: WatchRoot[] = [];
	for (const given of paths) {
		if (given === '-') continue;
		try {
			const absolute = resolve(given);
			roots.push({given, absolute, isFolder: statSync(given).isDirectory(), watched: realPathOr(absolute)});
		} catch {
			// Gone since it was read: nothing to watch.
		}
	}
	return roots;
}

/**
 * Whether `path` (absolute) is a post under one of the roots, and its id and display path; null
 * when it is not a post by find-posts' rules. The first root holding it wins, as in find-posts.
 */
export function locatePost(roots: readonly WatchRoot[], path: string): Omit<PostChange, 'kind'> | null {
	for (const root of roots) {
		if (!root.isFolder) {
			if (path === root.absolute) return {path, id: basename(root.given), displayPath: root.given};
			continue;
		}
		const inside = relative(root.absolute, path);
		if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
		const parts = inside.split(sep);
		const name = parts.at(-1)!;
		const folders = parts.slice(0, -1);
		if (!POST_FILE.test(name) || name.startsWith('.')) return null;
		if (folders.some((folder) => folder.startsWith('.') || SKIPPED_FOLDERS.has(folder))) return null;
		return {path, id: parts.join('/'), displayPath: join(root.given, inside)};
	}
	return null;
}

/** `path`'s real path, or `path` when it has none (gone meanwhile). */
function realPathOr(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
}

/** A path the watcher reports (under a root's real path) as the same path under the root as named. */
function asNamed(roots: readonly WatchRoot[], path: string): string {
	const root = roots.find((candidate) => watchedOf(candidate) === path || path.startsWith(watchedOf(candidate) + sep));
	return root ? root.absolute + path.slice(watchedOf(root).length) : path;
}

function watchedOf(root: WatchRoot): string {
	return root.watched ?? root.absolute;
}

/** Whether the watcher may skip `path` (as it reports it) entirely: a hidden or skipped folder, or a file that is no post. */
function isIgnored(roots: readonly WatchRoot[], path: string, isFile: boolean | undefined): boolean {
	const root = roots.find((candidate) => watchedOf(candidate) === path || path.startsWith(watchedOf(candidate) + sep));
	if (!root) return false;
	if (!root.isFolder || path === watchedOf(root)) return false;
	const parts = relative(watchedOf(root), path).split(sep);
	const folders = isFile === false ? parts : parts.slice(0, -1);
	if (parts.some((part) => part.startsWith('.'))) return true;
	if (folders.some((folder) => SKIPPED_FOLDERS.has(folder))) return true;
	// Without stats the path may be a folder: keep it, locatePost filters the events.
	if (isFile === false) return SKIPPED_FOLDERS.has(parts.at(-1)!);
	return isFile === true && !POST_FILE.test(parts.at(-1)!);
}

/**
 * What a file's pending change becomes when another event arrives before the batch is sent: a file
 * added then changed is added; added then removed never was; removed then added (an editor's save
 * by rename) is changed. Null when the two cancel out.
 */
export function mergeChange(pending: PostChangeKind | undefined, next: PostChangeKind): PostChangeKind | null {
	if (pending === undefined) return next;
	if (pending === 'added') return next === 'removed' ? null : 'added';
	if (pending === 'removed') return next === 'removed' ? 'removed' : 'changed';
	return next === 'removed' ? 'removed' : 'changed';
}

/** Starts watching `paths` (as given on the command line); changes arrive batched in `onChange`. */
export function watchPosts(paths: readonly string[], options: WatchOptions): PostWatcher {
	const roots = watchRoots(paths);
	const debounceMs = options.debounceMs ?? 120;
	const maxWaitMs = options.maxWaitMs ?? 1000;
	const pending = new Map<string, PostChangeKind>();
	let timer: NodeJS.Timeout | undefined;
	let firstPendingAt = 0;
	let isClosed = false;
	const report = (error: unknown) => {
		try {
			options.onError?.(error);
		} catch {
			// A failing error listener must not stop the watcher.
		}
	};

	const flush = () => {
		timer = undefined;
		if (isClosed || pending.size === 0) return;
		const changes: PostChange[] = [];
		for (const [path, kind] of pending) {
			const located = locatePost(roots, path);
			if (located) changes.push({kind, ...located});
		}
		pending.clear();
		if (changes.length === 0) return;
		try {
			options.onChange(changes);
		} catch (error) {
			report(error);
		}
	};

	const note = (kind: PostChangeKind, path: string) => {
		if (isClosed) return;
		const absolute = asNamed(roots, resolve(path));
		if (!locatePost(roots, absolute)) return;
		const merged = mergeChange(pending.get(absolute), kind);
		if (merged === null) pending.delete(absolute);
		else pending.set(absolute, merged);
		const now = Date.now();
		if (timer === undefined) firstPendingAt = now;
		else clearTimeout(timer);
		// Trailing debounce, but a batch waits at most maxWaitMs from its first event.
		const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
		timer = setTimeout(flush, wait);
	};

	// Each folder watched is one inotify watch, and each name the watcher meets is a stat while the
	// reader waits for keys: past either cap, new folders and names are not watched (said once).
	const watchedFolders = new Set<string>();
	const metNames = new Set<string>();
	let isCapSaid = false;
	const isOverCap = (path: string, isFolder: boolean) => {
		if (metNames.has(path)) return false;
		if (metNames.size < MAX_WATCHED_NAMES && (!isFolder || watchedFolders.size < MAX_WATCHED_FOLDERS)) {
			metNames.add(path);
			if (isFolder) watchedFolders.add(path);
			return false;
		}
		if (!isCapSaid) {
			isCapSaid = true;
			report(
				new Error(
					`watching stopped at ${MAX_WATCHED_FOLDERS.toLocaleString('en')} folders or ${MAX_WATCHED_NAMES.toLocaleString('en')} names; changes further in are not seen`,
				),
			);
		}
		return true;
	};

	let watcher: FSWatcher | undefined;
	let ready: Promise<void>;
	if (roots.length === 0) {
		ready = Promise.resolve();
	} else {
		const started = watch(roots.map(watchedOf), {
			ignoreInitial: true,
			// An editor that saves by writing a new file and renaming it over the old one is a change.
			atomic: true,
			// The folder named is the folder watched: links are not followed, as the walk does not
			// follow those that leave it (a link to / had chokidar watch the machine, 1 GB in 30 s).
			followSymlinks: false,
			depth: MAX_FOLDER_DEPTH,
			ignored: (path, stats) =>
				isIgnored(roots, path, stats ? stats.isFile() : undefined) ||
				(stats !== undefined && isOverCap(path, stats.isDirectory())),
		});
		watcher = started;
		ready = new Promise<void>((done) => {
			started.once('ready', () => done());
		});
		started.on('add', (path) => note('added', path));
		started.on('change', (path) => note('changed', path));
		started.on('unlink', (path) => note('removed', path));
		started.on('error', report);
	}

	return {
		ready,
		async close() {
			isClosed = true;
			if (timer !== undefined) clearTimeout(timer);
			timer = undefined;
			pending.clear();
			await watcher?.close();
		},
	};
}
