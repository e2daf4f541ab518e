/**
 * The store read once by commands that never write it (`sessions`): no lock, no warnings, nothing
 * moved aside. A store that is missing, unreadable or corrupt reads as empty; the reader and
 * `forget`, which write, are the ones to report it.
 */
import {openStoreFile, type StoreFs} from './store-file.js';
import {emptyStoreData, migrateStoreData, type StoreData} from './store-schema.js';

/** What a read-only command can ask of the store. */
export type StoreSnapshot = {
	/** Undefined when never set. */
	isWatched(sessionKey: string): boolean | undefined;
};

/** Reads the store file in `cwd` (else $KUBECON_NOTES_CONFIG_DIR, else the default folder) once. */
export function readStoreSnapshot(options: {cwd?: string; fs?: StoreFs} = {}): StoreSnapshot {
	let data: StoreData = emptyStoreData();
	try {
		const read = openStoreFile(options.cwd, options.fs).read();
		if (read.kind === 'ok') {
			data = migrateStoreData(read.value).data;
		}
	} catch {
		// No folder to be found: nothing stored.
	}
	return {isWatched: key => (typeof key === 'string' ? data.watched[key] : undefined)};
}
