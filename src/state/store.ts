/**
 * The persistent store: reading positions per post, the last post opened, watched-session marks.
 * Several runs may share the file, so every change takes the lock (proper-lockfile), re-reads the
 * file through conf, merges just that change and writes it back through conf (atomically). Reads
 * between changes go to the file directly (store-file.ts). Nothing here throws: a file that cannot
 * be parsed is moved aside; one that cannot be read or written (or is too large to read) is left
 * alone and the store keeps places in memory; each is reported once, at start when it can be known
 * then, else when it happens (`onWarning`). A change that finds the lock taken waits at most
 * `lock.waitMs`, then stays pending (in memory at once) and is tried again on a timer: the reader
 * never waits for another run on its input path. This module loads conf: the reader opens the store
 * through store-open.ts, which loads it after the first frame.
 */
import {openStoreFile, errorMessage, type FileRead, type StoreFile, type StoreFs} from './store-file.js';
import {FileLock, openConf, readConf, type ConfFile, type LockOptions} from './store-writer.js';
import {
	applyPosition,
	currentSchemaVersion,
	emptyStoreData,
	migrateStoreData,
	prunePositions,
	sanitizePosition,
	unknownTopLevelKeys,
	type PostPosition,
	type StoreData,
} from './store-schema.js';

export type {PostPosition} from './store-schema.js';
export type {ReadingAnchor} from './reading-anchor.js';
export type {StoreFs} from './store-file.js';
export {configDirEnv, storeFolder} from './store-file.js';
export {createDebouncedSaver, type DebouncedSaver} from './store-saver.js';

export type Store = {
	getPosition(postId: string): PostPosition | undefined;
	/** Re-reads the file under the lock and merges only this post; a position moved later (`updatedAt`) is kept. */
	setPosition(postId: string, position: PostPosition): void;
	/** Forgets one post's position, or every position (watched marks are kept). False when the file was not changed. */
	forget(postId?: string): boolean;
	lastPostId(): string | undefined;
	setLastPostId(id: string): void;
	/** Undefined when never set. */
	isWatched(sessionKey: string): boolean | undefined;
	setWatched(sessionKey: string, watched: boolean): void;
	/** Warnings met (corrupt file moved aside, cannot be read or written), each reported once. */
	readonly warnings: string[];
	/** Why changes stay in memory (`<file> cannot be written (EACCES…)`), or null while they are saved. */
	readonly saveProblem: string | null;
	/** The file positions are kept in. */
	readonly path: string;
	/** Resolves once no change waits for the lock any more (written, or kept in memory after a failure). */
	settled(): Promise<void>;
};

export type StoreOptions = {
	/** Folder of the store file; overrides $KUBECON_NOTES_CONFIG_DIR and the platform default. */
	cwd?: string;
	onWarning?: (message: string) => void;
	/** The disk calls, for tests that make one fail; node:fs by default. */
	fs?: StoreFs;
	/** How long locks are waited for; `waitMs` bounds one change's wait (pending after it). */
	lock?: LockOptions;
	/** Opens conf on a folder (undefined: conf's default); tests wrap it to make a write fail. */
	openConf?: (folder: string | undefined) => ConfFile;
};

/**
 * Opens the store. Reads are served from memory, refreshed from the file whenever it has changed
 * (one stat per call), so they are cheap enough to call while rendering.
 */
export function createStore(options: StoreOptions = {}): Store {
	const warnings: string[] = [];
	const warn = (message: string): void => {
		if (warnings.includes(message)) {
			return;
		}
		warnings.push(message);
		try {
			options.onWarning?.(message);
		} catch {
			// A failing listener must not take the store down with it.
		}
	};

	let file: StoreFile | undefined;
	let saveProblem: string | null = null;
	try {
		file = openStoreFile(options.cwd, options.fs);
	} catch (error) {
		saveProblem = `the folder for them cannot be found (${errorMessage(error)})`;
		warn(`Reading positions are not saved: ${saveProblem}; places are kept until you quit.`);
	}
	const filePath = file?.path ?? '';
	let data = emptyStoreData();
	/** Top-level keys of the file this version does not know: written back as they were. */
	let extraKeys: Record<string, unknown> = {};
	let seenVersion: string | null | undefined;
	/** Changes made while the lock was taken, in order: applied to every fresh read until written. */
	const pending: Array<(fresh: StoreData) => void> = [];
	let retry: ReturnType<typeof setTimeout> | undefined;
	const onSettled: Array<() => void> = [];
	const waitMs = options.lock?.waitMs ?? Number.POSITIVE_INFINITY;

	/** From now on the store lives in memory: the file is neither read nor written again. */
	const toMemory = (problem: string): void => {
		if (saveProblem !== null) {
			return;
		}
		saveProblem = problem;
		warn(`Reading positions are not saved: ${problem}; places are kept until you quit.`);
	};

	/** Brings `data` up to date with the file, if the file changed since it was last read. */
	const refresh = (force = false, alreadyRead?: FileRead): void => {
		if (saveProblem !== null || !file) {
			return;
		}
		const version = file.version();
		if (!force && version === seenVersion) {
			return;
		}
		const read = alreadyRead ?? file.read();
		seenVersion = version;
		switch (read.kind) {
			case 'missing': {
				// Deleted under us (or never written): what this run knows still stands.
				return;
			}
			case 'ok': {
				const migrated = migrateStoreData(read.value);
				data = migrated.data;
				extraKeys = unknownTopLevelKeys(read.value);
				for (const change of pending) change(data);
				if (migrated.isNewer) {
					toMemory(`${filePath} was written by a newer version of kubecon-notes`);
				}
				return;
			}
			case 'unreadable': {
				// Not ours to move: it may be perfectly good, and readable again once permissions are fixed.
				toMemory(`${filePath} could not be read (${read.reason}) and was left as it is`);
				return;
			}
			case 'corrupt': {
				moveAside(`is not valid (${read.reason})`);
				return;
			}
		}
	};

	const moveAside = (problem: string): void => {
		try {
			const backup = file!.moveAside();
			seenVersion = file!.version();
			warn(`The reading-position file ${filePath} ${problem}; it was moved to ${backup} and positions start afresh.`);
		} catch (error) {
			toMemory(`${filePath} ${problem} and could not be moved aside (${errorMessage(error)})`);
		}
	};

	let fileLock: FileLock | undefined;
	/** Runs `body` under the lock if it can be had within `wait` ms; false when it could not. */
	const locked = (body: () => void, wait = waitMs): boolean => {
		fileLock ??= new FileLock(file!.fs, filePath, options.lock);
		return fileLock.run(body, wait).acquired;
	};

	/** conf, made on the first write: its constructor reads the file and may create the folder. */
	let conf: ConfFile | undefined;
	const getConf = (): ConfFile => {
		if (!conf) {
			const opened = (options.openConf ?? openConf)(file!.folder);
			if (opened.path !== filePath) {
				throw new Error(`conf keeps the file at ${opened.path}, not at ${filePath}`);
			}
			conf = opened;
		}
		return conf;
	};

	/** The file as conf reads it; conf takes a missing file for an empty one, so that is asked first. */
	const readThroughConf = (): FileRead => {
		if (file!.version() === null) return {kind: 'missing'};
		// conf reads the whole file, also in its constructor: not one beyond the cap.
		const problem = file!.readProblem();
		return problem === null ? readConf(getConf) : {kind: 'unreadable', reason: problem};
	};

	/** Ends the wait for the lock: nothing is pending any more. */
	const settle = (): void => {
		pending.length = 0;
		if (retry !== undefined) clearTimeout(retry);
		retry = undefined;
		for (const resolve of onSettled.splice(0)) resolve();
	};

	/**
	 * Writes the pending changes over the freshest data, under the lock; true when the file took
	 * them. When the lock stays taken past `waitMs` they stay pending and are tried again shortly.
	 * Changes set or delete one key, so applying one again after a fresh read is safe.
	 */
	const writePending = (): boolean => {
		if (pending.length === 0) return true;
		if (saveProblem !== null || !file) {
			settle();
			return false;
		}
		let isSaved = false;
		try {
			const isLocked = locked(() => {
				// The fresh read applies the pending changes (refresh).
				refresh(true, readThroughConf());
				if (saveProblem !== null) return;
				prunePositions(data);
				getConf().store = {...data, schemaVersion: currentSchemaVersion, ...extraKeys};
				seenVersion = file!.version();
				isSaved = true;
			});
			if (!isLocked) {
				// Taken by another run: again in a moment, off the caller's path. The timer keeps the
				// process alive until then: a place is not dropped because the reader was quitting.
				retry ??= setTimeout(() => {
					retry = undefined;
					guard(undefined, writePending);
				}, 25);
				return false;
			}
		} catch (error) {
			toMemory(`${filePath} cannot be written (${errorMessage(error)})`);
		}
		if (!isSaved) {
			for (const change of pending) change(data);
			prunePositions(data);
		}
		settle();
		return isSaved;
	};

	/** Applies one change in memory at once and to the file as soon as the lock allows; true when the file took it now. */
	const update = (change: (fresh: StoreData) => void): boolean => {
		change(data);
		prunePositions(data);
		if (saveProblem !== null || !file) return false;
		pending.push(change);
		// Behind changes already waiting for the lock: it is taken, so this one waits with them.
		if (retry !== undefined) return false;
		return writePending();
	};

	/** The first read, and the moving aside of a corrupt file, happen under the lock too. */
	const open = (): void => {
		if (!file) {
			return;
		}
		const first = file.read();
		if (first.kind === 'corrupt') {
			try {
				// Lock taken: read as empty for now; the first change moves it aside under the lock.
				if (!locked(() => refresh(true))) seenVersion = file.version();
			} catch (error) {
				toMemory(`${filePath} is not valid (${first.reason}) and could not be moved aside (${errorMessage(error)})`);
			}
		} else {
			refresh(true, first);
		}
		// Said at start, not at the first save: the reader shows it before the user reads anything.
		const problem = saveProblem === null ? file.writeProblem() : null;
		if (problem !== null) {
			toMemory(`${filePath} cannot be written (${problem})`);
		}
	};

	/** Runs `body`, and on any surprise returns `fallback`: no method may throw at the UI. */
	const guard = <T>(fallback: T, body: () => T): T => {
		try {
			return body();
		} catch (error) {
			warn(`Reading positions: ${errorMessage(error)}`);
			return fallback;
		}
	};

	guard(undefined, open);

	return {
		warnings,
		get saveProblem() {
			return saveProblem;
		},
		path: filePath,
		settled: () => (pending.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => onSettled.push(resolve))),
		getPosition: (postId) =>
			guard(undefined, () => {
				refresh();
				const position = typeof postId === 'string' ? data.positions[postId] : undefined;
				return position === undefined ? undefined : structuredClone(position);
			}),
		setPosition(postId, position) {
			guard(undefined, () => {
				const clean = sanitizePosition(position);
				if (typeof postId !== 'string' || postId === '' || !clean) {
					return;
				}
				// The later move wins, not the later write.
				update((fresh) => applyPosition(fresh, postId, clean));
			});
		},
		forget(postId) {
			return guard(false, () =>
				update((fresh) => {
					if (postId === undefined) {
						fresh.positions = Object.create(null) as StoreData['positions'];
						delete fresh.lastPostId;
						return;
					}
					delete fresh.positions[postId];
					if (fresh.lastPostId === postId) {
						delete fresh.lastPostId;
					}
				}),
			);
		},
		lastPostId: () =>
			guard(undefined, () => {
				refresh();
				return data.lastPostId;
			}),
		setLastPostId(id) {
			guard(undefined, () => {
				if (typeof id !== 'string' || id === '') {
					return;
				}
				update((fresh) => {
					fresh.lastPostId = id;
				});
			});
		},
		isWatched: (sessionKey) =>
			guard(undefined, () => {
				refresh();
				return typeof sessionKey === 'string' ? data.watched[sessionKey] : undefined;
			}),
		setWatched(sessionKey, watched) {
			guard(undefined, () => {
				if (typeof sessionKey !== 'string' || sessionKey === '' || typeof watched !== 'boolean') {
					return;
				}
				update((fresh) => {
					fresh.watched[sessionKey] = watched;
				});
			});
		},
	};
}
