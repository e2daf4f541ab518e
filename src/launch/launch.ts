/**
 * The bin's entry (dist/cli.cjs): runs the bundled CLI (dist/kubecon-notes.cjs, built from cli.tsx)
 * with compiled code kept between runs, in the cache folder (only when it is this user's alone):
 *
 * - 'launcher': V8's code cache made by hand (code-cache.ts): the bundle is compiled with vm.Script
 *   and its code kept once the run reached its first frame or printed its output, so the cache
 *   holds the functions the start ran, not only the top level. This also skips the module loader.
 * - 'node': Node's own compile cache (module.enableCompileCache, Node 22.1 and later), then the
 *   bundle is required as any file. It keeps what was compiled before the bundle ran.
 *
 * Which one runs is decided at build time, for a Node with a compile cache of its own and one
 * without (scripts/build.mjs, KUBECON_NOTES_CODE_CACHE); without the chosen one, the bundle is
 * simply required. Measured on Nodes 20, 22 and 24, the launcher's cache pays on each, Node's own
 * included (docs/upgrading.md): it is the default everywhere. The bundle tells what a run reached
 * through compiled-code.ts.
 */
import {mkdirSync, readFileSync} from 'node:fs';
import nodeModule, {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import {cacheFolderProblem, usableCacheDirectory} from '../cache-directory.js';
import {COMPILED_CODE, type CompiledCodeSignal} from '../cli/compiled-code.js';
import {openCodeCache} from './code-cache.js';

/** A hash of the bundle's text, set by the build (scripts/build.mjs): the cache is for this bundle only. */
declare const KUBECON_NOTES_BUNDLE_HASH: string;
/** The build's choice per Node: the hand-made code cache, Node's own, or none. */
declare const KUBECON_NOTES_CODE_CACHE: {
	readonly withNodeCache: 'launcher' | 'node' | 'none';
	readonly withoutNodeCache: 'launcher' | 'none';
};

const file = fileURLToPath(new URL('./kubecon-notes.cjs', import.meta.url));
const enableCompileCache = (nodeModule as {enableCompileCache?: (directory: string) => unknown}).enableCompileCache;
const choice =
	typeof enableCompileCache === 'function'
		? KUBECON_NOTES_CODE_CACHE.withNodeCache
		: KUBECON_NOTES_CODE_CACHE.withoutNodeCache;

if (choice === 'launcher') startWithCodeCache();
else {
	if (choice === 'node') enableNodeCompileCache();
	createRequire(file)(file);
}

/** The bundle compiled with V8's code cache from the cache folder, and run as Node would run it. */
function startWithCodeCache(): void {
	const cache = openCodeCache(usableCacheDirectory(), KUBECON_NOTES_BUNDLE_HASH);
	// Node's own CommonJS wrapper, on the bundle's first line: its line numbers stay those of the file.
	const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
	const script = new vm.Script(source, {filename: file, ...(cache.payload ? {cachedData: cache.payload} : {})});
	cache.compiled(script);
	(globalThis as Record<symbol, CompiledCodeSignal>)[COMPILED_CODE] = cache.reached;
	const module = {exports: {}};
	(script.runInThisContext() as (...args: unknown[]) => void).call(
		module.exports,
		module.exports,
		createRequire(file),
		module,
		file,
		dirname(file),
	);
}

/** Node's compile cache in a folder of its own inside ours, made this user's alone; none if it cannot be. */
function enableNodeCompileCache(): void {
	const directory = usableCacheDirectory();
	if (directory === null) return;
	const own = join(directory, 'node-compile-cache');
	try {
		mkdirSync(own, {recursive: true, mode: 0o700});
		if (cacheFolderProblem(directory) === null && cacheFolderProblem(own) === null) enableCompileCache!(own);
	} catch {
		// A cache only saves time.
	}
}
