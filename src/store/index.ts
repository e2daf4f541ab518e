/**
 * The store, as the rest of the reader sees it: reading positions, the last post opened and
 * watched marks in one JSON file, shared by every run (store.ts says how; file.ts is the one way
 * the file is read; writer.ts writes it under the lock).
 *
 * `openStore` is how the reader opens it. The file is read at once, before the first frame; the
 * writer (conf and proper-lockfile, writer.ts) loads at the first change, or a second after
 * opening. That pays: loaded before the first frame, conf put 35 to 45 ms on it (spawn to first
 * frame, bundled posts, pty 120x35, 21 runs each way interleaved, medians: 280 ms late against
 * 315 at once, and 340 against 384 in a busier run; issue 27; `npm run bench startup` on a machine
 * at load 12 could not tell them apart). A file that must be moved aside (corrupt) loads it at
 * once: the move happens under the lock, and its warning belongs on the first frame. Commands that
 * must know at once whether the file took a change (`forget`) use writer.ts's `createStore`;
 * read-only ones `readStoreSnapshot`.
 */
import {FileStore, type Store, type StoreOptions} from './store.js';

export type {PostPosition, ReadingAnchor} from '../state/reading-anchor.js';
export type {StoreFs} from './file.js';
export {configDirEnv, storeFolder} from './file.js';
export {createDebouncedSaver, type DebouncedSaver} from './saver.js';
export {readStoreSnapshot, type StoreSnapshot} from './snapshot.js';
export type {Store, StoreOptions} from './store.js';

/** How long after opening the writer is loaded when nothing was changed before. */
const preloadAfterMs = 1000;

/** The store as the reader opens it: `forget` left out (it must know at once whether the file took it). */
export type OpenedStore = Omit<Store, 'forget'>;

/** Opens the store for the reader; resolves without loading conf when the file is healthy. */
export async function openStore(options: StoreOptions = {}): Promise<OpenedStore> {
	const store = new FileStore(options, {load: async () => (await import('./writer.js')).createWriter});
	if (store.isWriterWanted) {
		await store.loadWriter();
		return store;
	}
	// Not sooner: the first frame with text comes after React's passive effects, and a timer set now
	// would beat them.
	setTimeout(() => void store.loadWriter(), preloadAfterMs).unref();
	return store;
}
