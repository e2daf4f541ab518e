/**
 * The store's writer: conf writes the file (atomically, mode 0600, where conf keeps it) and the lock
 * (lock.ts, proper-lockfile) serialises read-merge-write between runs. The reader loads this module
 * after its first frame (index.ts): conf's import is measured there. `createStore` here is the
 * store with its writer at once, for a command that must know at once whether the file took a
 * change (`forget`) and for tests.
 *
 * conf only writes: every read of the file is file.ts's (conf's own constructor and setter read it
 * too; the store calls them only under the lock, after its own read found the file sound and within
 * the size cap).
 */
import Conf from 'conf';
import {FileLock} from './lock.js';
import {FileStore, type Store, type StoreOptions, type Writer} from './store.js';
import type {StoreFile} from './file.js';

/** What the store needs of conf; tests wrap a real Conf to make its write fail. */
export type ConfFile = {
	readonly path: string;
	/** Setting it writes the file whole; reading it re-reads the file. */
	store: Record<string, unknown>;
};

/** The options the store passes to conf. */
export type ConfFileOptions = {
	projectName: string;
	cwd?: string;
	configFileMode: number;
	deserialize: (text: string) => Record<string, unknown>;
};

/** Opens the store in `cwd` (else $KUBECON_NOTES_CONFIG_DIR, else the default folder), its writer loaded now. */
export function createStore(options: StoreOptions = {}): Store {
	return new FileStore(options, {now: createWriter});
}

/** The lock and conf for one store file; conf is made at the first write (its constructor reads the file and may create the folder). */
export function createWriter(file: StoreFile, options: StoreOptions): Writer {
	const lock = new FileLock(file.fs, file.path, options.lock);
	let conf: ConfFile | undefined;
	return {
		locked: (body, waitMs) => lock.run(body, waitMs).acquired,
		write(content) {
			if (!conf) {
				const opened = (options.openConf ?? openConf)(file.folder);
				if (opened.path !== file.path) throw new Error(`conf keeps the file at ${opened.path}, not at ${file.path}`);
				conf = opened;
			}
			conf.store = content;
		},
	};
}

/** Opens conf on the store's folder (`cwd` given) or conf's own default folder (`cwd` undefined). */
export function openConf(cwd: string | undefined): ConfFile {
	return new Conf<Record<string, unknown>>(confOptions(cwd));
}

/** No schema (ajv would validate nothing schema.ts does not) and no conf migrations. */
export function confOptions(cwd: string | undefined): ConfFileOptions {
	return {
		projectName: 'kubecon-notes',
		...(cwd === undefined ? {} : {cwd}),
		// As before conf came back: places are the user's business alone.
		configFileMode: 0o600,
		// conf would make `[1,2]` or `"x"` into an object and write over it: such a file is corrupt.
		deserialize(text) {
			const value: unknown = JSON.parse(text);
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				throw new SyntaxError('not a JSON object');
			}
			return value as Record<string, unknown>;
		},
	};
}
