import {
	closeSync,
	constants,
	fstatSync,
	lstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writevSync,
	type Stats,
} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {PostWarning} from './posts/types.js';

/** The bundle's hash, put in by the build (scripts/build.mjs); not there when the CLI runs from source. */
declare const KUBECON_NOTES_BUILD_IDENTITY: string | undefined;

/** Caches a build leaves out (scripts/build.mjs, KUBECON_NOTES_BUILD_PLAIN): none from source. */
declare const KUBECON_NOTES_LEFT_OUT: readonly string[] | undefined;

/** Whether this build leaves out the cache or the early frame `name` (to measure what it saves: docs/upgrading.md). */
export function isLeftOut(name: 'index-cache' | 'front-matter-memo' | 'printed-memo' | 'early-frame'): boolean {
	return typeof KUBECON_NOTES_LEFT_OUT !== 'undefined' && KUBECON_NOTES_LEFT_OUT.includes(name);
}

let sourceIdentity: string | undefined;

/**
 * What made the running code: the bundle's hash (the build writes it into the bundle), or, run
 * from source, a hash of the sources, the lock file and the patches. Every cache keys on it and on
 * its own format number, so a cache never outlives the code that wrote it: a hand-bumped number
 * did (a changed title rule kept printing the old titles).
 */
export function codeIdentity(): string {
	if (typeof KUBECON_NOTES_BUILD_IDENTITY === 'string') return KUBECON_NOTES_BUILD_IDENTITY;
	sourceIdentity ??= hashOfSources(fileURLToPath(new URL('..', import.meta.url)));
	return sourceIdentity;
}

/** SHA-256 (first 16 hex digits) over src/, patches/ and package-lock.json under `root`, each file's path and bytes. */
export function hashOfSources(root: string): string {
	// node:crypto only here, from source: the bundle never loads it at start.
	const {createHash} = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
	const hash = createHash('sha256');
	const add = (relative: string) => {
		let bytes: Buffer;
		try {
			bytes = readFileSync(join(root, relative));
		} catch {
			return;
		}
		hash.update(`${relative}\0${bytes.length}\0`).update(bytes);
	};
	for (const folder of ['src', 'patches']) {
		let names: string[];
		try {
			names = readdirSync(join(root, folder), {recursive: true, encoding: 'utf8'});
		} catch {
			continue;
		}
		for (const name of names.sort()) if (/\.(tsx?|patch)$/.test(name)) add(join(folder, name));
	}
	add('package-lock.json');
	return hash.digest('hex').slice(0, 16);
}

/**
 * The folder caches go to (the index cache, V8's compiled code): KUBECON_NOTES_CACHE_DIR, else the
 * platform's user cache folder. Null (no cache) under node's test runner unless a test names a
 * folder: no test writes to the user's.
 */
export function cacheDirectory(
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): string | null {
	const chosen = env['KUBECON_NOTES_CACHE_DIR'];
	if (chosen) return chosen;
	if (env['NODE_TEST_CONTEXT']) return null;
	const home = homedir();
	if (platform === 'darwin') return join(home, 'Library', 'Caches', 'kubecon-notes');
	if (platform === 'win32')
		return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'kubecon-notes', 'Cache');
	const xdg = env['XDG_CACHE_HOME'];
	// XDG says a relative XDG_CACHE_HOME is to be ignored.
	return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'kubecon-notes');
}

/** FNV-1a over a library's resolved paths, in hex: one cache file per set of folders read together. */
export function libraryHash(paths: string[]): string {
	let hash = 0x81_1c_9d_c5;
	for (const char of [...paths].sort().join('\0')) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01_00_01_93) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/** Windows has neither O_NOFOLLOW nor POSIX owners and modes: there the folder is the user's profile. */
const isPosix = process.platform !== 'win32';
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Why `stats` (of a cache folder or file, not followed through a link) is not this user's alone; null when it is. */
function notOursAlone(stats: Stats, kind: 'folder' | 'file'): string | null {
	if (stats.isSymbolicLink()) return 'it is a symbolic link';
	if (kind === 'folder' ? !stats.isDirectory() : !stats.isFile()) return `it is not a ${kind}`;
	if (!isPosix) return null;
	const uid = process.getuid?.();
	if (uid !== undefined && stats.uid !== uid) return 'it belongs to another user';
	if ((stats.mode & 0o022) !== 0) return 'others may write to it';
	return null;
}

/**
 * Why the cache folder `directory` may not be used; null when it is this user's alone, or does not
 * exist yet (the writer makes it). A cache file is code when V8 runs it, and printed output is
 * written from the printed memo as it is: a folder others can write to (a shared /tmp folder named
 * in KUBECON_NOTES_CACHE_DIR), or a link to one, would let them plant either.
 */
export function cacheFolderProblem(directory: string): string | null {
	let stats: Stats;
	try {
		stats = lstatSync(directory);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? null : `it cannot be read (${code ?? 'error'})`;
	}
	return notOursAlone(stats, 'folder');
}

/** Folders already told about in this run: a problem is said once. */
const told = new Set<string>();

/**
 * The cache folder when it may be used, else null, with the reason added to `warnings` the first
 * time in a run (the reader lists it under W, printed output on stderr): the run goes on without
 * caches. Without `warnings` (the launcher), nothing is said; the CLI says it.
 */
export function usableCacheDirectory(warnings?: PostWarning[], env: NodeJS.ProcessEnv = process.env): string | null {
	const directory = cacheDirectory(env);
	if (directory === null) return null;
	const problem = cacheFolderProblem(directory);
	if (problem === null) return directory;
	if (warnings && !told.has(directory)) {
		told.add(directory);
		warnings.push({
			file: directory,
			message: `the cache folder is not used, as ${problem}: use a folder only you can write to (chmod 700), or name another in KUBECON_NOTES_CACHE_DIR`,
		});
	}
	return null;
}

/**
 * A cache file's bytes, when it and its folder are this user's and no one else may write them: V8
 * runs what a code cache holds, and printed output is written from the printed memo as it is. A
 * check in the file guards against damage, not against someone who planted it. The file is opened
 * without following a link (O_NOFOLLOW), and what was opened is what is checked (fstat). Throws
 * otherwise, as for a missing file.
 */
export function readOwnFile(path: string): Buffer {
	const folderProblem = cacheFolderProblem(dirname(path));
	if (folderProblem) throw new Error(`${dirname(path)}: ${folderProblem}`);
	const descriptor = openSync(path, constants.O_RDONLY | NO_FOLLOW);
	try {
		const problem = notOursAlone(fstatSync(descriptor), 'file');
		if (problem) throw new Error(`${path}: ${problem}`);
		return readFileSync(descriptor);
	} finally {
		closeSync(descriptor);
	}
}

/**
 * Writes a cache file whole or not at all: beside it first, then renamed (a reader never sees half
 * a file, and two runs at once each write a whole one), in a folder and a file only this user may
 * read. The temporary file has a random name and is created, never opened if it exists (O_EXCL, no
 * link followed), and only in a folder that is this user's alone. `contents` as pieces are written
 * one after another, never copied into one. False when the folder cannot be written or is not ours
 * alone: a cache only saves time, so that costs the next run its time, nothing else.
 */
export function writeCacheFile(path: string, contents: string | readonly Buffer[]): boolean {
	let temporary: string | undefined;
	try {
		const folder = dirname(path);
		// 0700 for what it creates; a folder that was there already is checked instead.
		mkdirSync(folder, {recursive: true, mode: 0o700});
		if (cacheFolderProblem(folder) !== null) return false;
		const descriptor = createTemporary(path, (name) => (temporary = name));
		try {
			writeAll(descriptor, typeof contents === 'string' ? [Buffer.from(contents)] : [...contents]);
		} finally {
			closeSync(descriptor);
		}
		renameSync(temporary!, path);
		return true;
	} catch {
		if (temporary !== undefined) {
			try {
				unlinkSync(temporary);
			} catch {
				// Gone already.
			}
		}
		return false;
	}
}

/** A new file beside `path` under a random name, made by this call alone; `made` learns its name. */
function createTemporary(path: string, made: (name: string) => void): number {
	const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;
	for (let attempt = 0; ; attempt++) {
		// Not node:crypto (9 ms to load at exit): O_EXCL is what makes the file ours, the name only avoids a clash.
		const name = `${path}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
		try {
			const descriptor = openSync(name, flags, 0o600);
			made(name);
			return descriptor;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
		}
	}
}

function writeAll(descriptor: number, buffers: Buffer[]): void {
	// A thousand at a time: the system takes at most 1,024 pieces in one call.
	for (let at = 0; at < buffers.length; at += 1000) {
		const batch = buffers.slice(at, at + 1000);
		let left = batch.reduce((sum, buffer) => sum + buffer.length, 0);
		while (left > 0) {
			const written = writevSync(descriptor, batch);
			left -= written;
			if (left > 0) dropWritten(batch, written);
		}
	}
}

/** `batch` without its first `count` bytes (a short write), changed in place. */
function dropWritten(batch: Buffer[], count: number): void {
	let rest = count;
	while (rest > 0 && batch.length > 0) {
		const first = batch[0]!;
		if (first.length <= rest) {
			rest -= first.length;
			batch.shift();
		} else {
			batch[0] = first.subarray(rest);
			rest = 0;
		}
	}
}
