/**
 * The store's writer: conf owns the file (its location, its atomic write) and proper-lockfile
 * serialises read-merge-write between runs. Both load only with the writable store (store.ts),
 * never on the first frame's path: conf's import alone costs about 75 ms.
 *
 * Synchronous on purpose: the last write happens in signal handlers and on exit, where nothing
 * asynchronous runs. proper-lockfile's lockSync takes no retries, so the bounded retry loop (random
 * pauses with Atomics.wait) is ours; its `stale` breaks an abandoned lock. It replaced a hand-written
 * lock that also broke at once a lock whose holder had exited; proper-lockfile knows no holders, so
 * such a lock (a run killed within the few milliseconds of a write) now waits out `staleMs`.
 */
import path from 'node:path';
import Conf from 'conf';
import lockfile from 'proper-lockfile';
import {errorCode, type FileRead, type StoreFs} from './store-file.js';

/** What the store needs of conf; tests wrap a real Conf to make its write fail. */
export type ConfFile = {
	readonly path: string;
	/** Re-reads the file (conf's getter); throws a SyntaxError when it is not a JSON object. */
	store: Record<string, unknown>;
};

/** The options the store passes to conf. */
export type ConfFileOptions = {projectName: string; cwd?: string; configFileMode: number; deserialize: (text: string) => Record<string, unknown>};

export type LockOptions = {
	/** A lock older than this is abandoned (proper-lockfile's `stale`; at least 2000 ms). */
	staleMs?: number;
	/**
	 * Give up (throw) when the lock has not changed hands for this long. While it does change hands
	 * other runs are writing, so waiting goes on: giving up would lose a place.
	 */
	timeoutMs?: number;
};

/** Thrown when the lock stayed taken by the same run for `timeoutMs`. */
export class LockTimeoutError extends Error {
	readonly code = 'ELOCKED';
}

/** Opens conf on the store's folder (`cwd` given) or conf's own default folder (`cwd` undefined). */
export function openConf(cwd: string | undefined): ConfFile {
	return new Conf<Record<string, unknown>>(confOptions(cwd));
}

/** No schema (ajv would validate nothing store-schema.ts does not) and no conf migrations. */
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

/** Reads through conf's getter, telling a corrupt file (moved aside) from an unreadable one (left alone). */
export function readConf(open: () => ConfFile): FileRead {
	try {
		return {kind: 'ok', value: open().store};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return error instanceof SyntaxError ? {kind: 'corrupt', reason} : {kind: 'unreadable', reason};
	}
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `body` holding the lock on `file` (a folder `<file>.lock`, proper-lockfile's). A lock older
 * than `staleMs` is broken by proper-lockfile; a live holder is waited for with short random pauses.
 * Throws what locking throws (EACCES...) and LockTimeoutError.
 */
export function withFileLock<T>(fs: StoreFs, file: string, body: () => T, options: LockOptions = {}): T {
	const lockOptions = {
		stale: options.staleMs ?? 5000,
		realpath: false,
		fs: lockFs(fs),
		// Only a lock held past `stale` can be compromised; ours is released in milliseconds.
		onCompromised() {},
	};
	const timeoutMs = options.timeoutMs ?? 7000;
	let deadline = Date.now() + timeoutMs;
	let lastSeen: string | undefined;
	let isFolderMade = false;
	for (let attempt = 0; ; attempt++) {
		let release: (() => void) | undefined;
		try {
			release = lockfile.lockSync(file, lockOptions);
		} catch (error) {
			const code = errorCode(error);
			if (code === 'ENOENT' && !isFolderMade) {
				// The folder does not exist yet: the first write of all creates it.
				isFolderMade = true;
				fs.mkdirSync(path.dirname(file), {recursive: true});
				continue;
			}
			if (code !== 'ELOCKED') {
				throw error;
			}
			const seen = lockIdentity(fs, `${file}.lock`);
			if (seen !== lastSeen) {
				lastSeen = seen;
				deadline = Date.now() + timeoutMs;
			} else if (Date.now() > deadline) {
				throw new LockTimeoutError(`${file}.lock stayed locked by another run for ${timeoutMs} ms`);
			}
			// A short random pause so that waiting runs do not retry in step.
			Atomics.wait(pause, 0, 0, Math.min(20, 1 + attempt) * (0.5 + Math.random()));
			continue;
		}
		try {
			return body();
		} finally {
			try {
				release();
			} catch {
				// Gone already (broken as stale by another run): nothing of ours to remove.
			}
		}
	}
}

/** Which lock is there: a new holder makes a new folder (inode, mtime). */
function lockIdentity(fs: StoreFs, lockPath: string): string {
	try {
		const stats = fs.statSync(lockPath);
		return `${stats.ino}:${stats.mtimeMs}`;
	} catch {
		return 'none';
	}
}

/**
 * The calls proper-lockfile makes, through `fs` so tests can make them fail. A stale lock left as a
 * plain file (by the hand-written lock of an earlier version) is removed as a file.
 */
function lockFs(fs: StoreFs): Pick<StoreFs, 'mkdirSync' | 'statSync' | 'rmdirSync' | 'utimesSync'> {
	return {
		mkdirSync: fs.mkdirSync,
		statSync: fs.statSync,
		utimesSync: fs.utimesSync,
		rmdirSync(target: Parameters<StoreFs['rmdirSync']>[0]) {
			try {
				fs.rmdirSync(target);
			} catch (error) {
				if (errorCode(error) !== 'ENOTDIR') {
					throw error;
				}
				fs.unlinkSync(target);
			}
		},
	};
}
