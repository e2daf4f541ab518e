/**
 * The store as the reader opens it, with conf kept off the first frame's path (its import costs
 * about 75 ms): the file is read directly at once, and the writable store (store.ts: conf and
 * proper-lockfile) loads at the first change, or a second after opening. Changes made before it
 * is there are kept in memory and handed to it when it comes; `settled()` says when they are on
 * disk, and the reader waits for it before it exits. A store with something to say at start (unreadable, corrupt, from a
 * newer version, not writable) is opened writable at once: its warning belongs on the first frame,
 * and a corrupt file is moved aside under the lock.
 */
import {openStoreFile} from './store-file.js';
import {applyPosition, emptyStoreData, migrateStoreData, sanitizePosition, type StoreData} from './store-schema.js';
import type {Store, StoreOptions} from './store.js';

export {createDebouncedSaver, type DebouncedSaver} from './store-saver.js';

/** How long after opening the writable store is loaded when nothing was changed before. */
const preloadAfterMs = 1000;

/** The store without `forget` (which must know at once whether the file took it), plus `settled`. */
export type OpenedStore = Omit<Store, 'forget'> & {
	/** Resolves once every change made so far has been handed to the writable store and written (or kept in memory after a failure). */
	settled(): Promise<void>;
};

/** Opens the store for the reader; resolves without loading conf when the file is healthy. */
export async function openStore(options: StoreOptions = {}): Promise<OpenedStore> {
	const loadWritable = async (): Promise<Store> => (await import('./store.js')).createStore(options);
	const healthy = readHealthy(options);
	if (!healthy) {
		return loadWritable();
	}
	const {data, path} = healthy;
	let writable: Store | undefined;
	let problem: string | null = null;
	/** Changes made before the writable store came, in order. */
	const pending: Array<(store: Store) => void> = [];
	let loading: Promise<void> | undefined;
	const load = (): Promise<void> =>
		(loading ??= loadWritable()
			.then((store) => {
				writable = store;
				for (const change of pending.splice(0)) change(store);
			})
			.catch((error: unknown) => {
				problem = `the store could not be loaded (${error instanceof Error ? error.message : String(error)})`;
				try {
					options.onWarning?.(`Reading positions are not saved: ${problem}; places are kept until you quit.`);
				} catch {
					// A failing listener must not take the reader down.
				}
			}));
	// Loaded at the first change, or once the reader has been idle a while. Not sooner: the first
	// frame with text comes after React's passive effects, and a timer set now would beat them.
	setTimeout(() => void load(), preloadAfterMs).unref();
	/** Applies a change in memory now, and to the writable store when it is there. */
	const change = (inMemory: () => void, later: (store: Store) => void): void => {
		if (writable) {
			later(writable);
			return;
		}
		inMemory();
		pending.push(later);
		void load();
	};
	return {
		get warnings() {
			return writable?.warnings ?? [];
		},
		get saveProblem() {
			return writable?.saveProblem ?? problem;
		},
		path,
		// Handed over, then written (a change may wait for the lock a while, off the input path).
		settled: async () => {
			await loading;
			await writable?.settled();
		},
		getPosition(postId) {
			if (writable) return writable.getPosition(postId);
			const position = typeof postId === 'string' ? data.positions[postId] : undefined;
			return position === undefined ? undefined : structuredClone(position);
		},
		setPosition(postId, position) {
			const clean = sanitizePosition(position);
			if (typeof postId !== 'string' || postId === '' || !clean) return;
			change(
				() => applyPosition(data, postId, clean),
				(store) => store.setPosition(postId, clean),
			);
		},
		lastPostId: () => (writable ? writable.lastPostId() : data.lastPostId),
		setLastPostId(id) {
			if (typeof id !== 'string' || id === '') return;
			change(
				() => (data.lastPostId = id),
				(store) => store.setLastPostId(id),
			);
		},
		isWatched: (sessionKey) =>
			writable ? writable.isWatched(sessionKey) : typeof sessionKey === 'string' ? data.watched[sessionKey] : undefined,
		setWatched(sessionKey, watched) {
			if (typeof sessionKey !== 'string' || sessionKey === '' || typeof watched !== 'boolean') return;
			change(
				() => (data.watched[sessionKey] = watched),
				(store) => store.setWatched(sessionKey, watched),
			);
		},
	};
}

/** The file's data when there is nothing to report about it (missing counts as healthy), else undefined. */
function readHealthy(options: StoreOptions): {data: StoreData; path: string} | undefined {
	try {
		const file = openStoreFile(options.cwd, options.fs);
		const read = file.read();
		if (read.kind !== 'ok' && read.kind !== 'missing') return undefined;
		const migrated = read.kind === 'ok' ? migrateStoreData(read.value) : {data: emptyStoreData(), isNewer: false};
		return migrated.isNewer || file.writeProblem() !== null ? undefined : {data: migrated.data, path: file.path};
	} catch {
		return undefined;
	}
}
