/**
 * A lock file around the store's read-merge-write, so two runs writing at once (two readers quit
 * together, a closed tmux window hanging up both) never lose each other's change.
 *
 * Synchronous on purpose: the last write happens in signal handlers and on exit, where nothing
 * asynchronous runs. (proper-lockfile's sync API refuses retries and keeps a timer and exit hooks
 * alive; a lock held for a few milliseconds needs none of that.)
 *
 * The lock is a file created exclusively (`wx`), holding who took it. It is stale, and broken, when
 * its holder is a process of this machine that no longer exists, or when it is older than `staleMs`
 * (the holder died on another machine sharing the folder, or hangs): a write takes milliseconds.
 */
import os from 'node:os';
import path from 'node:path';
import {errorCode, type StoreFs} from './store-file.js';

export type LockOptions = {
	/** A lock older than this is abandoned. */
	staleMs?: number;
	/**
	 * Give up (throw) when the lock has not changed hands for this long. While it does change hands
	 * other runs are writing, so waiting goes on: giving up would lose a place.
	 */
	timeoutMs?: number;
};

/** Thrown when the lock stayed taken by a live run for `timeoutMs`. */
export class LockTimeoutError extends Error {
	readonly code = 'ELOCKED';
}

type Holder = {pid: number; host: string; token: string};

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Runs `body` holding the lock at `lockPath`; throws what creating the lock throws (EACCES...). */
export function withFileLock<T>(fs: StoreFs, lockPath: string, body: () => T, options: LockOptions = {}): T {
	const token = acquire(fs, lockPath, options.staleMs ?? 5000, options.timeoutMs ?? 7000);
	try {
		return body();
	} finally {
		release(fs, lockPath, token);
	}
}

function acquire(fs: StoreFs, lockPath: string, staleMs: number, timeoutMs: number): string {
	const holder: Holder = {pid: process.pid, host: os.hostname(), token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`};
	let deadline = Date.now() + timeoutMs;
	let lastSeen: string | undefined;
	let isFolderMade = false;
	for (let attempt = 0; ; attempt++) {
		try {
			fs.writeFileSync(lockPath, JSON.stringify(holder), {flag: 'wx'});
			return holder.token;
		} catch (error) {
			const code = errorCode(error);
			if (code === 'ENOENT' && !isFolderMade) {
				// The folder does not exist yet: the first write of all creates it.
				isFolderMade = true;
				fs.mkdirSync(path.dirname(lockPath), {recursive: true});
				continue;
			}
			if (code !== 'EEXIST') {
				throw error;
			}
		}
		const seen = breakIfStale(fs, lockPath, staleMs);
		if (seen === true) {
			continue;
		}
		if (seen !== lastSeen) {
			lastSeen = seen;
			deadline = Date.now() + timeoutMs;
		} else if (Date.now() > deadline) {
			throw new LockTimeoutError(`${lockPath} stayed locked by another run for ${timeoutMs} ms`);
		}
		// A short random pause so that waiting runs do not retry in step.
		Atomics.wait(sleeper, 0, 0, Math.min(20, 1 + attempt) * (0.5 + Math.random()));
	}
}

/**
 * Removes an abandoned lock: true when it did (or when the lock went away meanwhile), else the
 * lock's content, which tells one holder from the next.
 */
function breakIfStale(fs: StoreFs, lockPath: string, staleMs: number): true | string {
	let text: string;
	let age: number;
	try {
		age = Date.now() - fs.statSync(lockPath).mtimeMs;
		text = fs.readFileSync(lockPath, 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') {
			return true;
		}
		throw error;
	}
	const holder = parseHolder(text);
	// An empty lock is one being written this very moment: only age makes it stale.
	const isDeadHere = holder !== undefined && holder.host === os.hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
	if (!isDeadHere && age < staleMs) {
		return text;
	}
	try {
		// Only the lock judged stale: if another run broke it and took a new one since, keep that.
		if (fs.readFileSync(lockPath, 'utf8') === text) {
			fs.unlinkSync(lockPath);
		}
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') {
			throw error;
		}
	}
	return true;
}

function release(fs: StoreFs, lockPath: string, token: string): void {
	try {
		// Someone who judged this lock stale may have taken it over: leave theirs alone.
		if (parseHolder(fs.readFileSync(lockPath, 'utf8'))?.token === token) {
			fs.unlinkSync(lockPath);
		}
	} catch {
		// Gone already.
	}
}

function parseHolder(text: string): Holder | undefined {
	try {
		const value = JSON.parse(text) as Partial<Holder> | null;
		return value && typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' ? (value as Holder) : undefined;
	} catch {
		return undefined;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists, it is just not ours.
		return errorCode(error) === 'EPERM';
	}
}
