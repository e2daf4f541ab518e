import {closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writevSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The bundle's hash, put in by the build (scripts/build.mjs); not there when the CLI runs from source. */
declare const KUBECON_NOTES_BUILD_IDENTITY: string | undefined;

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
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
	const chosen = env['KUBECON_NOTES_CACHE_DIR'];
	if (chosen) return chosen;
	if (env['NODE_TEST_CONTEXT']) return null;
	const home = homedir();
	if (platform === 'darwin') return join(home, 'Library', 'Caches', 'kubecon-notes');
	if (platform === 'win32') return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'kubecon-notes', 'Cache');
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

/**
 * A cache file's bytes, when it is this user's and no one else may write it: V8 runs what a code
 * cache holds, and printed output is written from the printed memo as it is. A check in the file
 * guards against damage, not against someone who planted it (in a cache folder named by
 * KUBECON_NOTES_CACHE_DIR under /tmp, say). Throws otherwise, as for a missing file.
 */
export function readOwnFile(path: string): Buffer {
	const descriptor = openSync(path, 'r');
	try {
		const stats = fstatSync(descriptor);
		const uid = process.getuid?.();
		if (!stats.isFile() || (uid !== undefined && stats.uid !== uid) || (process.platform !== 'win32' && (stats.mode & 0o022) !== 0)) {
			throw new Error(`${path} is not this user's alone`);
		}
		return readFileSync(descriptor);
	} finally {
		closeSync(descriptor);
	}
}

/**
 * Writes a cache file whole or not at all: beside it first, then renamed (a reader never sees half
 * a file, and two runs at once each write a whole one), in a folder and a file only this user may
 * read. `contents` as pieces are written one after another, never copied into one. False when the
 * folder cannot be written: a cache only saves time, so that costs the next run its time, nothing else.
 */
export function writeCacheFile(path: string, contents: string | readonly Buffer[]): boolean {
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		const descriptor = openSync(temporary, 'w', 0o600);
		try {
			writeAll(descriptor, typeof contents === 'string' ? [Buffer.from(contents)] : [...contents]);
		} finally {
			closeSync(descriptor);
		}
		renameSync(temporary, path);
		return true;
	} catch {
		rmSync(temporary, {force: true});
		return false;
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
