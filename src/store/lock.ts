/**
 * The lock between runs on the store file: proper-lockfile's folder lock, with what makes a lock
 * abandoned added. Loaded with the writer (writer.ts), never on the first frame's path.
 *
 * Synchronous on purpose: the last write happens in signal handlers and on exit, where nothing
 * asynchronous runs. proper-lockfile's lockSync takes no retries, so the bounded retry loop (random
 * pauses with Atomics.wait) is ours, and so is the rest of what makes a lock abandoned: its `stale`
 * breaks only a lock dated long ago, never one dated in the future, and it knows no holders, so the
 * lock names its holder in a file inside it (FileLock).
 */
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {errorCode, type StoreFs} from './file.js';

export type LockOptions = {
	/** A lock older than this is abandoned (proper-lockfile's `stale`; at least 2000 ms). */
	staleMs?: number;
	/**
	 * Give up (throw) when the lock has not changed hands for this long. While it does change hands
	 * other runs are writing, so waiting goes on: giving up would lose a place.
	 */
	timeoutMs?: number;
	/**
	 * The longest one change waits for the lock before it is left pending and tried again later
	 * (store.ts); unbounded by default. The reader passes a few milliseconds: its changes are made
	 * on the input path.
	 */
	waitMs?: number;
};

/** Thrown when the lock stayed taken by the same run for `timeoutMs`. */
export class LockTimeoutError extends Error {
	readonly code = 'ELOCKED';
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** What one try for the lock gave: the body's value, or nothing when the lock stayed taken. */
export type LockAttempt<T> = {acquired: true; value: T} | {acquired: false};

/**
 * The lock on `file` (a folder `<file>.lock`, proper-lockfile's) as one run holds it, try after try.
 * `run` waits for it at most `waitMs` (synchronously: the last write happens in signal handlers and
 * on exit); a caller on the input path passes a few milliseconds and tries again later, so a busy
 * lock never holds a frame back. The wait for one holder is counted across tries: when the same
 * lock stayed taken for `timeoutMs`, `run` throws LockTimeoutError.
 *
 * A lock is abandoned (broken at once) when it is older than `staleMs` (proper-lockfile's rule),
 * dated more than `staleMs` in the future (a clock that jumped back, a file from a machine whose
 * clock runs ahead: proper-lockfile would wait for it forever), or when the run it names as its
 * holder is gone, or is not the process that took it (its pid was reused).
 */
export class FileLock {
	private readonly lockPath: string;
	private readonly staleMs: number;
	private readonly timeoutMs: number;
	private lastSeen: string | undefined;
	private deadline = 0;
	private isFolderMade = false;

	constructor(
		private readonly fs: StoreFs,
		private readonly file: string,
		options: LockOptions = {},
	) {
		this.lockPath = `${file}.lock`;
		// proper-lockfile takes no less than 2 s.
		this.staleMs = Math.max(2000, options.staleMs ?? 5000);
		this.timeoutMs = options.timeoutMs ?? 7000;
	}

	/** Runs `body` holding the lock if it can be had within `waitMs`. Throws what locking throws (EACCES...) and LockTimeoutError. */
	run<T>(body: () => T, waitMs = Number.POSITIVE_INFINITY): LockAttempt<T> {
		const lockOptions = {
			stale: this.staleMs,
			realpath: false,
			fs: lockFs(this.fs),
			// Only a lock held past `stale` can be compromised; ours is released in milliseconds.
			onCompromised() {},
		};
		const giveUpAt = Date.now() + waitMs;
		for (let attempt = 0; ; attempt++) {
			let release: (() => void) | undefined;
			try {
				release = lockfile.lockSync(this.file, lockOptions);
			} catch (error) {
				const code = errorCode(error);
				if (code === 'ENOENT' && !this.isFolderMade) {
					// The folder does not exist yet: the first write of all creates it.
					this.isFolderMade = true;
					this.fs.mkdirSync(path.dirname(this.file), {recursive: true});
					continue;
				}
				if (code !== 'ELOCKED') {
					throw error;
				}
				if (breakIfAbandoned(this.fs, this.lockPath, this.staleMs)) continue;
				const seen = lockIdentity(this.fs, this.lockPath);
				const now = Date.now();
				if (seen !== this.lastSeen) {
					this.lastSeen = seen;
					this.deadline = now + this.timeoutMs;
				} else if (now > this.deadline) {
					throw new LockTimeoutError(`${this.lockPath} stayed locked by another run for ${this.timeoutMs} ms`);
				}
				if (now >= giveUpAt) return {acquired: false};
				// A short random pause so that waiting runs do not retry in step.
				Atomics.wait(pause, 0, 0, Math.min(giveUpAt - now, Math.min(20, 1 + attempt) * (0.5 + Math.random())));
				continue;
			}
			this.lastSeen = undefined;
			try {
				writeHolder(this.fs, this.lockPath);
				return {acquired: true, value: body()};
			} finally {
				try {
					release();
				} catch {
					// Gone already (broken as stale by another run): nothing of ours to remove.
				}
			}
		}
	}
}

/**
 * Runs `body` holding the lock on `file`, waiting as long as the lock changes hands (see FileLock).
 * Throws what locking throws (EACCES...) and LockTimeoutError.
 */
export function withFileLock<T>(fs: StoreFs, file: string, body: () => T, options: LockOptions = {}): T {
	const attempt = new FileLock(fs, file, options).run(body);
	// An endless wait returns only with the lock.
	if (!attempt.acquired) throw new LockTimeoutError(`${file}.lock could not be taken`);
	return attempt.value;
}

/** The file inside the lock folder naming the run that holds it. */
const holderName = 'holder';

/** Who holds a lock: enough to tell whether that run is still there. */
type Holder = {pid: number; host: string; started: string | null};

/** This process's start, as the kernel counts it (clock ticks since boot); null where there is no /proc. */
function processStart(fs: StoreFs, pid: number): string | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
	} catch {
		return null;
	}
}

let ownHolder: string | undefined;

/** Names this run as the holder. A lock without one (an earlier version, or a run killed in between) is judged by its date alone. */
function writeHolder(fs: StoreFs, lockPath: string): void {
	ownHolder ??= JSON.stringify({
		pid: process.pid,
		host: os.hostname(),
		started: processStart(fs, process.pid),
	} satisfies Holder);
	try {
		fs.writeFileSync(path.join(lockPath, holderName), ownHolder, {mode: 0o600});
	} catch {
		// The lock still holds without it: others judge it by its date.
	}
}

function readHolder(fs: StoreFs, lockPath: string): Holder | null {
	try {
		const value: unknown = JSON.parse(fs.readFileSync(path.join(lockPath, holderName), 'utf8'));
		if (typeof value !== 'object' || value === null) return null;
		const {pid, host, started} = value as Record<string, unknown>;
		if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return null;
		return {pid, host, started: typeof started === 'string' ? started : null};
	} catch {
		return null;
	}
}

/** Why the lock is abandoned, or null while it may be held. */
export function abandonedLock(fs: StoreFs, lockPath: string, staleMs: number, now = Date.now()): string | null {
	let mtimeMs: number;
	try {
		mtimeMs = fs.statSync(lockPath).mtimeMs;
	} catch {
		return null;
	}
	// proper-lockfile dates a lock up to a second ahead (it probes the mtime precision): staleMs is the slack.
	if (mtimeMs > now + staleMs) return 'it is dated in the future';
	const holder = readHolder(fs, lockPath);
	// Another machine's pids say nothing here (a shared home folder).
	if (!holder || holder.host !== os.hostname()) return null;
	if (holder.pid === process.pid) {
		// Ours only if this process took it: an earlier process with our pid left it otherwise.
		const started = holder.started === null ? null : processStart(fs, process.pid);
		return started !== null && started !== holder.started
			? `its holder's pid ${holder.pid} belongs to another process now`
			: null;
	}
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		// EPERM: there, but another user's.
		if (errorCode(error) === 'ESRCH') return `its holder (pid ${holder.pid}) has exited`;
		return null;
	}
	const started = holder.started === null ? null : processStart(fs, holder.pid);
	if (started !== null && started !== holder.started)
		return `its holder's pid ${holder.pid} belongs to another process now`;
	return null;
}

/**
 * Removes an abandoned lock; true when it was (or is already gone). proper-lockfile breaks a lock
 * the same way (stat, then remove): a lock broken twice at once costs one wait, never a lost place,
 * since each run re-reads the file under the lock it then takes.
 */
function breakIfAbandoned(fs: StoreFs, lockPath: string, staleMs: number): boolean {
	if (abandonedLock(fs, lockPath, staleMs) === null) return false;
	try {
		removeLockFolder(fs, lockPath);
		return true;
	} catch {
		return false;
	}
}

/** Removes the lock folder with its holder file (a plain lock file of an earlier version too). */
function removeLockFolder(fs: StoreFs, target: string): void {
	try {
		fs.unlinkSync(path.join(target, holderName));
	} catch {
		// None: an earlier version's lock, or a plain file.
	}
	try {
		fs.rmdirSync(target);
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ENOENT') return;
		if (code !== 'ENOTDIR') throw error;
		fs.unlinkSync(target);
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
 * The calls proper-lockfile makes, through `fs` so tests can make them fail. Removing the lock
 * removes its holder file first, and a stale lock left as a plain file (by the hand-written lock of
 * an earlier version) is removed as a file.
 */
function lockFs(fs: StoreFs): Pick<StoreFs, 'mkdirSync' | 'statSync' | 'rmdirSync' | 'utimesSync'> {
	return {
		mkdirSync: fs.mkdirSync,
		statSync: fs.statSync,
		utimesSync: fs.utimesSync,
		rmdirSync(target: Parameters<StoreFs['rmdirSync']>[0]) {
			removeLockFolder(fs, String(target));
		},
	};
}
