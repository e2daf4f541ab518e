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
