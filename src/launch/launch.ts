/**
 * The bin's entry (dist/cli.cjs): runs the bundled CLI (dist/kubecon-notes.cjs, built from cli.tsx)
 * with V8's code cache. Compiling and loading the bundle was about half of the reader's first frame
 * on Node 20, which has no compile cache of its own; with the cache, a start skips both parsing and
 * the module loader (measured in `npm run bench`). The bundle tells what a run reached through
 * compiled-code.ts.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import {usableCacheDirectory} from '../cache-directory.js';
import {COMPILED_CODE, type CompiledCodeSignal} from '../cli/compiled-code.js';
import {openCodeCache} from './code-cache.js';

/** A hash of the bundle's text, set by the build (scripts/build.mjs): the cache is for this bundle only. */
declare const KUBECON_NOTES_BUNDLE_HASH: string;

const file = fileURLToPath(new URL('./kubecon-notes.cjs', import.meta.url));
const cache = openCodeCache(usableCacheDirectory(), KUBECON_NOTES_BUNDLE_HASH);
// Node's own CommonJS wrapper, on the bundle's first line: its line numbers stay those of the file.
// The bundle is ASCII (the build makes it so): latin1 reads it as it is, without decoding UTF-8.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`;
const script = new vm.Script(source, {filename: file, ...(cache.payload ? {cachedData: cache.payload} : {})});
cache.compiled(script);
(globalThis as Record<symbol, CompiledCodeSignal>)[COMPILED_CODE] = cache.reached;
const module = {exports: {}};
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
