/**
 * The store: reading positions per post, the last post opened, watched-session marks, in one JSON
 * file that several runs may share. The file is read one way only (file.ts), at open and whenever
 * it changed since (one stat per read). A change is made in memory at once, then written under the
 * lock: the file is re-read, this change alone merged, and the whole written back (writer.ts: conf
 * and proper-lockfile), so another run's changes stay.
 *
 * The writer may come late (the reader loads it after the first frame, index.ts): changes made
 * before it are pending, as changes are while another run holds the lock (past `lock.waitMs`), and
 * written when it comes, or on a timer. `settled()` says when nothing is pending any more.
 *
 * Nothing here throws: a file that cannot be parsed is moved aside (under the lock); one that cannot
 * be read or written, is too large, or was written by a newer version, is left alone and places are
 * kept in memory. Each is said once (`onWarning`), at open when it can be known then.
 */
import type {PostPosition} from '../state/reading-anchor.js';
import {errorMessage, openStoreFile, type FileRead, type StoreFile, type StoreFs} from './file.js';
import type {LockOptions} from './lock.js';
import {
	applyPosition,
	currentSchemaVersion,
	emptyStoreData,
	migrateStoreData,
	prunePositions,
	sanitizePosition,
	unknownTopLevelKeys,
	type StoreData,
} from './schema.js';
import type {ConfFile} from './writer.js';

export type Store = {
	getPosition(postId: string): PostPosition | undefined;
	/** Re-reads the file under the lock and merges only this post; a position moved later (`updatedAt`) is kept. */
	setPosition(postId: string, position: PostPosition): void;
	/** Forgets one post's position, or every position (watched marks are kept). False when the file was not changed now. */
	forget(postId?: string): boolean;
	lastPostId(): string | undefined;
	setLastPostId(id: string): void;
	/** Undefined when never set. */
	isWatched(sessionKey: string): boolean | undefined;
	setWatched(sessionKey: string, watched: boolean): void;
	/** The keys positions are kept under (post-identity.ts). */
	positionKeys(): string[];
	/** Warnings met (corrupt file moved aside, cannot be read or written), each reported once. */
	readonly warnings: string[];
	/** Why changes stay in memory (`<file> cannot be written (EACCES…)`), or null while they are saved. */
	readonly saveProblem: string | null;
	/** The file positions are kept in ('' when no folder could be found). */
	readonly path: string;
	/** Resolves once no change is pending any more (written, or kept in memory after a failure). */
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

/** What the store needs to change the file (writer.ts). */
export type Writer = {
	/** Runs `body` holding the lock if it can be had within `waitMs`; false when it stayed taken. Throws what locking throws. */
	locked(body: () => void, waitMs: number): boolean;
	/** Replaces the file's content whole, atomically. */
	write(content: Record<string, unknown>): void;
};

export type MakeWriter = (file: StoreFile, options: StoreOptions) => Writer;

/** The writer at once, or a way to load it (then the store loads it at the first change or when asked). */
export type WriterSource = {now: MakeWriter} | {load: () => Promise<MakeWriter>};

/** A change: sets or deletes keys, so applying it again over a fresh read is safe. */
type Change = (fresh: StoreData) => void;

export class FileStore implements Store {
	readonly warnings: string[] = [];
	readonly path: string;
	readonly #options: StoreOptions;
	readonly #file: StoreFile | undefined;
	#saveProblem: string | null = null;
	#data = emptyStoreData();
	/** Top-level keys of the file this version does not know: written back as they were. */
	#extraKeys: Record<string, unknown> = {};
	#seenVersion: string | null | undefined;
	/** Changes not yet written, in order: applied to every fresh read until written. */
	readonly #pending: Change[] = [];
	readonly #onSettled: Array<() => void> = [];
	#retry: ReturnType<typeof setTimeout> | undefined;
	#writer: Writer | undefined;
	readonly #source: WriterSource;
	#loading: Promise<void> | undefined;
	/** Why the file found corrupt at open is so, until it is moved aside under the lock (which needs the writer). */
	#corruptAtOpen: string | undefined;

	constructor(options: StoreOptions, source: WriterSource) {
		this.#options = options;
		this.#source = source;
		let file: StoreFile | undefined;
		try {
			file = openStoreFile(options.cwd, options.fs);
		} catch (error) {
			this.#toMemory(`the folder for them cannot be found (${errorMessage(error)})`);
		}
		this.#file = file;
		this.path = file?.path ?? '';
		if (file && 'now' in source) this.#writer = source.now(file, options);
		this.#guard(undefined, () => this.#open());
	}

	get saveProblem(): string | null {
		return this.#saveProblem;
	}

	/** True when the file must be moved aside before anything is shown: the writer is wanted at once. */
	get isWriterWanted(): boolean {
		return this.#corruptAtOpen !== undefined && this.#saveProblem === null;
	}

	settled(): Promise<void> {
		return this.#pending.length === 0 ? Promise.resolve() : new Promise((resolve) => this.#onSettled.push(resolve));
	}

	getPosition(postId: string): PostPosition | undefined {
		return this.#guard(undefined, () => {
			this.#refresh();
			const position = typeof postId === 'string' ? this.#data.positions[postId] : undefined;
			return position === undefined ? undefined : structuredClone(position);
		});
	}

	setPosition(postId: string, position: PostPosition): void {
		this.#guard(undefined, () => {
			// The boundary: the one check of a position the reader hands in.
			const clean = sanitizePosition(position);
			if (typeof postId !== 'string' || postId === '' || !clean) return;
			// The later move wins, not the later write.
			this.#update((fresh) => applyPosition(fresh, postId, clean));
		});
	}

	forget(postId?: string): boolean {
		return this.#guard(false, () =>
			this.#update((fresh) => {
				if (postId === undefined) {
					fresh.positions = Object.create(null) as StoreData['positions'];
					delete fresh.lastPostId;
					return;
				}
				delete fresh.positions[postId];
				if (fresh.lastPostId === postId) delete fresh.lastPostId;
			}),
		);
	}

	lastPostId(): string | undefined {
		return this.#guard(undefined, () => {
			this.#refresh();
			return this.#data.lastPostId;
		});
	}

	setLastPostId(id: string): void {
		this.#guard(undefined, () => {
			if (typeof id !== 'string' || id === '') return;
			this.#update((fresh) => {
				fresh.lastPostId = id;
			});
		});
	}

	isWatched(sessionKey: string): boolean | undefined {
		return this.#guard(undefined, () => {
			this.#refresh();
			return typeof sessionKey === 'string' ? this.#data.watched[sessionKey] : undefined;
		});
	}

	setWatched(sessionKey: string, watched: boolean): void {
		this.#guard(undefined, () => {
			if (typeof sessionKey !== 'string' || sessionKey === '' || typeof watched !== 'boolean') return;
			this.#update((fresh) => {
				fresh.watched[sessionKey] = watched;
			});
		});
	}

	positionKeys(): string[] {
		return this.#guard([], () => {
			this.#refresh();
			return Object.keys(this.#data.positions);
		});
	}

	/** Loads the writer (once) and writes what is pending; resolves when it is there or could not be loaded. */
	loadWriter(): Promise<void> {
		if (this.#writer || 'now' in this.#source || !this.#file || this.#saveProblem !== null) return Promise.resolve();
		const {load} = this.#source;
		return (this.#loading ??= load().then(
			(makeWriter) =>
				this.#guard(undefined, () => {
					this.#writer = makeWriter(this.#file!, this.#options);
					this.#moveAsideAtOpen();
					this.#writePending();
				}),
			(error: unknown) => {
				this.#toMemory(`the store could not be loaded (${errorMessage(error)})`);
				this.#settle();
			},
		));
	}

	/** The first read. A corrupt file is moved aside under the lock, now or when the writer comes. */
	#open(): void {
		const file = this.#file;
		if (!file) return;
		const first = file.read();
		if (first.kind === 'corrupt') {
			this.#corruptAtOpen = first.reason;
			// Read as empty until it is moved aside.
			this.#seenVersion = file.version();
			if (this.#writer) this.#moveAsideAtOpen();
		} else {
			this.#refresh(true, first);
		}
		// Said at start, not at the first save: the reader shows it before the user reads anything.
		const problem = this.#saveProblem === null ? file.writeProblem() : null;
		if (problem !== null) this.#toMemory(`${this.path} cannot be written (${problem})`);
	}

	#moveAsideAtOpen(): void {
		const reason = this.#corruptAtOpen;
		if (reason === undefined || this.#saveProblem !== null) return;
		this.#corruptAtOpen = undefined;
		try {
			// Lock taken: read as empty for now; the first change moves it aside under the lock.
			this.#locked(() => this.#refresh(true), this.#waitMs);
		} catch (error) {
			this.#toMemory(`${this.path} is not valid (${reason}) and could not be moved aside (${errorMessage(error)})`);
		}
	}

	get #waitMs(): number {
		return this.#options.lock?.waitMs ?? Number.POSITIVE_INFINITY;
	}

	#warn(message: string): void {
		if (this.warnings.includes(message)) return;
		this.warnings.push(message);
		try {
			this.#options.onWarning?.(message);
		} catch {
			// A failing listener must not take the store down with it.
		}
	}

	/** From now on the store lives in memory: the file is neither read nor written again. */
	#toMemory(problem: string): void {
		if (this.#saveProblem !== null) return;
		this.#saveProblem = problem;
		this.#warn(`Reading positions are not saved: ${problem}; places are kept until you quit.`);
	}

	/** Brings the data up to date with the file, if the file changed since it was last read. */
	#refresh(force = false, alreadyRead?: FileRead): void {
		const file = this.#file;
		if (this.#saveProblem !== null || !file) return;
		const version = file.version();
		if (!force && version === this.#seenVersion) return;
		const read = alreadyRead ?? file.read();
		this.#seenVersion = version;
		switch (read.kind) {
			case 'missing': {
				// Deleted under us (or never written): what this run knows still stands.
				return;
			}
			case 'ok': {
				const migrated = migrateStoreData(read.value);
				this.#data = migrated.data;
				this.#extraKeys = unknownTopLevelKeys(read.value);
				for (const change of this.#pending) change(this.#data);
				if (migrated.isNewer) this.#toMemory(`${this.path} was written by a newer version of kubecon-notes`);
				return;
			}
			case 'unreadable': {
				// Not ours to move: it may be perfectly good, and readable again once permissions are fixed.
				this.#toMemory(`${this.path} could not be read (${read.reason}) and was left as it is`);
				return;
			}
			case 'corrupt': {
				this.#moveAside(`is not valid (${read.reason})`);
				return;
			}
		}
	}

	#moveAside(problem: string): void {
		try {
			const backup = this.#file!.moveAside();
			this.#seenVersion = this.#file!.version();
			this.#warn(
				`The reading-position file ${this.path} ${problem}; it was moved to ${backup} and positions start afresh.`,
			);
		} catch (error) {
			this.#toMemory(`${this.path} ${problem} and could not be moved aside (${errorMessage(error)})`);
		}
	}

	/** Runs `body` under the lock if it can be had within `wait` ms; false when it could not. */
	#locked(body: () => void, wait: number): boolean {
		return this.#writer!.locked(body, wait);
	}

	/** Ends the wait: nothing is pending any more. */
	#settle(): void {
		this.#pending.length = 0;
		if (this.#retry !== undefined) clearTimeout(this.#retry);
		this.#retry = undefined;
		for (const resolve of this.#onSettled.splice(0)) resolve();
	}

	/**
	 * Writes the pending changes over the freshest data, under the lock; true when the file took
	 * them. Without the writer yet, or when the lock stays taken past `waitMs`, they stay pending.
	 */
	#writePending(): boolean {
		if (this.#pending.length === 0) return true;
		if (this.#saveProblem !== null || !this.#file) {
			this.#settle();
			return false;
		}
		if (!this.#writer) {
			void this.loadWriter();
			return false;
		}
		let isSaved = false;
		try {
			const isLocked = this.#locked(() => {
				// The fresh read applies the pending changes (refresh).
				this.#refresh(true);
				if (this.#saveProblem !== null) return;
				prunePositions(this.#data);
				this.#writer!.write({...this.#data, schemaVersion: currentSchemaVersion, ...this.#extraKeys});
				this.#seenVersion = this.#file!.version();
				isSaved = true;
			}, this.#waitMs);
			if (!isLocked) {
				// Taken by another run: again in a moment, off the caller's path. The timer keeps the
				// process alive until then: a place is not dropped because the reader was quitting.
				this.#retry ??= setTimeout(() => {
					this.#retry = undefined;
					this.#guard(undefined, () => this.#writePending());
				}, 25);
				return false;
			}
		} catch (error) {
			this.#toMemory(`${this.path} cannot be written (${errorMessage(error)})`);
		}
		if (!isSaved) {
			for (const change of this.#pending) change(this.#data);
			prunePositions(this.#data);
		}
		this.#settle();
		return isSaved;
	}

	/** Applies one change in memory at once and to the file as soon as it can; true when the file took it now. */
	#update(change: Change): boolean {
		change(this.#data);
		prunePositions(this.#data);
		if (this.#saveProblem !== null || !this.#file) return false;
		this.#pending.push(change);
		// Behind changes already waiting for the lock: it is taken, so this one waits with them.
		if (this.#retry !== undefined) return false;
		return this.#writePending();
	}

	/** Runs `body`, and on any surprise returns `fallback`: no method may throw at the UI. */
	#guard<T>(fallback: T, body: () => T): T {
		try {
			return body();
		} catch (error) {
			this.#warn(`Reading positions: ${errorMessage(error)}`);
			return fallback;
		}
	}
}
