import {closeSync, fstatSync, openSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

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
