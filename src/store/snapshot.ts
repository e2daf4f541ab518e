/**
 * The store read once by commands that never write it (`sessions`) and by `forget` before it
 * writes: through the same reader (file.ts), with no lock and nothing moved aside.
 * A store that is missing, unreadable or corrupt reads as empty; an unreadable or corrupt one is
 * said in `problem`, with the file's path, for the command to print (the reader and `forget`,
 * which write, move a corrupt file aside).
 */
import {openStoreFile, type StoreFs} from './file.js';
import {emptyStoreData, migrateStoreData, type StoreData} from './schema.js';

/** What a read-only command can ask of the store. */
export type StoreSnapshot = {
	/** Undefined when never set. */
	isWatched(sessionKey: string): boolean | undefined;
	/** Why the store read as empty though a file is there (corrupt, unreadable), else null. */
	problem: string | null;
	/** Whether any reading position is kept. */
	hasPositions: boolean;
	/** The keys reading positions are kept under (post-identity.ts). */
	positionKeys: string[];
	/** The store file's path ('' when no folder could be found). */
	path: string;
};

/** Reads the store file in `cwd` (else $KUBECON_NOTES_CONFIG_DIR, else the default folder) once. */
export function readStoreSnapshot(options: {cwd?: string; fs?: StoreFs} = {}): StoreSnapshot {
	let data: StoreData = emptyStoreData();
	let problem: string | null = null;
	let path = '';
	try {
		const file = openStoreFile(options.cwd, options.fs);
		path = file.path;
		const read = file.read();
		if (read.kind === 'ok') {
			data = migrateStoreData(read.value).data;
		} else if (read.kind === 'corrupt') {
			problem = `The reading-position file ${file.path} is not valid (${read.reason}); it was read as empty (the reader moves it aside).`;
		} else if (read.kind === 'unreadable') {
			problem = `The reading-position file ${file.path} could not be read (${read.reason}); it was read as empty.`;
		}
	} catch {
		// No folder to be found: nothing stored.
	}
	return {
		isWatched: (key) => (typeof key === 'string' ? data.watched[key] : undefined),
		problem,
		hasPositions: Object.keys(data.positions).length > 0,
		positionKeys: Object.keys(data.positions),
		path,
	};
}
