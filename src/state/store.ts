/**
 * The persistent store: reading positions per post, the last post opened, watched-session marks.
 * Several runs may share the file, so every change re-reads it and merges just that change before
 * writing (atomically). Nothing here throws: a bad file is moved aside, an unwritable one turns the
 * store into a memory-only one, and either is reported once.
 */
import type {ReadingAnchor} from './reading-anchor.js';
import {openStoreFile, errorMessage, type StoreFile} from './store-file.js';
import {currentSchemaVersion, emptyStoreData, migrateStoreData, prunePositions, sanitizePosition, type PostPosition, type StoreData} from './store-schema.js';

export type {PostPosition} from './store-schema.js';
export type {ReadingAnchor} from './reading-anchor.js';
export {configDirEnv} from './store-file.js';
export {createDebouncedSaver, type DebouncedSaver} from './store-saver.js';

export type Store = {
	getPosition(postId: string): PostPosition | undefined;
	/** Re-reads the file before writing and merges only this post. */
	setPosition(postId: string, position: PostPosition): void;
	/** Forgets one post's position, or every position (watched marks are kept). */
	forget(postId?: string): void;
	lastPostId(): string | undefined;
	setLastPostId(id: string): void;
	/** Undefined when never set. */
	isWatched(sessionKey: string): boolean | undefined;
	setWatched(sessionKey: string, watched: boolean): void;
	/** Warnings met (corrupt file moved aside, read-only), each reported once. */
	readonly warnings: string[];
	/** The file positions are kept in. */
	readonly path: string;
};

export type StoreOptions = {
	/** Folder of the store file; overrides $KUBECON_NOTES_CONFIG_DIR and the platform default. */
	cwd?: string;
	onWarning?: (message: string) => void;
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
	try {
		file = openStoreFile(options.cwd);
	} catch (error) {
		warn(`Reading positions will not be saved: ${errorMessage(error)}`);
	}
	const filePath = file?.path ?? '';
	let data = emptyStoreData();
	/** False once the file cannot be used: from then on the store lives in memory. */
	let isOnDisk = file !== undefined;
	let seenVersion: string | null | undefined;

	const toMemory = (message: string): void => {
		isOnDisk = false;
		warn(message);
	};

	/** Brings `data` up to date with the file, if the file changed since it was last read. */
	const refresh = (force = false): void => {
		if (!isOnDisk || !file) {
			return;
		}
		const version = file.version();
		if (!force && version === seenVersion) {
			return;
		}
		const read = file.read();
		seenVersion = version;
		switch (read.kind) {
			case 'missing': {
				// Deleted under us (or never written): what this run knows still stands.
				return;
			}
			case 'ok': {
				const migrated = migrateStoreData(read.value);
				data = migrated.data;
				if (migrated.isNewer) {
					toMemory(`Reading positions will not be saved: ${filePath} was written by a newer version of kubecon-notes.`);
				}
				return;
			}
			case 'corrupt':
			case 'unreadable': {
				moveAside(read.kind === 'corrupt' ? `is not valid (${read.reason})` : `could not be read (${read.reason})`);
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
			toMemory(`The reading-position file ${filePath} ${problem} and could not be moved aside (${errorMessage(error)}); positions will not be saved.`);
		}
	};

	/** Applies one change to the freshest data and writes it back. */
	const update = (change: (fresh: StoreData) => void): void => {
		refresh(true);
		change(data);
		prunePositions(data);
		if (!isOnDisk || !file) {
			return;
		}
		try {
			file.write({...data, schemaVersion: currentSchemaVersion});
			seenVersion = file.version();
		} catch (error) {
			toMemory(`Reading positions cannot be saved to ${filePath} (${errorMessage(error)}); they are kept until you quit.`);
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

	guard(undefined, () => refresh(true));

	return {
		warnings,
		path: filePath,
		getPosition: postId =>
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
				update(fresh => {
					fresh.positions[postId] = clean;
				});
			});
		},
		forget(postId) {
			guard(undefined, () => {
				update(fresh => {
					if (postId === undefined) {
						fresh.positions = Object.create(null) as StoreData['positions'];
						delete fresh.lastPostId;
						return;
					}
					delete fresh.positions[postId];
					if (fresh.lastPostId === postId) {
						delete fresh.lastPostId;
					}
				});
			});
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
				update(fresh => {
					fresh.lastPostId = id;
				});
			});
		},
		isWatched: sessionKey =>
			guard(undefined, () => {
				refresh();
				return typeof sessionKey === 'string' ? data.watched[sessionKey] : undefined;
			}),
		setWatched(sessionKey, watched) {
			guard(undefined, () => {
				if (typeof sessionKey !== 'string' || sessionKey === '' || typeof watched !== 'boolean') {
					return;
				}
				update(fresh => {
					fresh.watched[sessionKey] = watched;
				});
			});
		},
	};
}
