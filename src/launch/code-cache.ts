/**
 * V8's compiled code of the bundled CLI, kept between runs in the user's cache folder. Node 22.1+
 * does this for modules itself (module.enableCompileCache); Node 20 has only vm.Script's
 * cachedData, so the CLI is one CommonJS bundle that the launcher (launch.ts) compiles with it.
 *
 * V8 checks a cache against the length of the source only, and on Node 20 a damaged cache is a
 * fatal error, not a rejected cache (tried: a few flipped bytes end the process in the
 * deserializer). So a cache file is named by the bundle's hash and carries a CRC-32 of its payload:
 * V8 sees it only when both match. Anything else is a missing cache, rebuilt without a word.
 * zlib's crc32 (Node 20.15 and later) costs 2 ms where loading node:crypto for a hash cost 9 ms;
 * a Node without it runs without the cache. zlib is loaded when a cache file is there to check, or
 * when one is written (after the first frame): a first start, with no file yet, does not load it
 * before its first frame (3 to 4 ms of CPU, issue 25).
 */
import {readdirSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {readOwnFile, writeCacheFile} from '../cache-directory.js';
import {WORTH, type Worth} from '../cli/compiled-code.js';

const MAGIC = Buffer.from('kubecon-notes code 2\n');
const CHECK_BYTES = 4;
const HEADER_BYTES = MAGIC.length + 1 + CHECK_BYTES;
let crc32: ((data: Uint8Array) => number) | null | undefined;

/** The file holding the code compiled from one bundle by one Node (V8 rejects another's anyway). */
export function codeCacheName(
	bundleHash: string,
	nodeVersion: string = process.version,
	arch: string = process.arch,
): string {
	return `code-${bundleHash}-${nodeVersion}-${arch}.bin`;
}

/** Whether this Node can check a cache file (and so use one at all); loads zlib the first time. */
export function canCheckCode(): boolean {
	crc32 ??= (createRequire(import.meta.url)('node:zlib') as {crc32?: (data: Uint8Array) => number}).crc32 ?? null;
	return crc32 !== null;
}

function check(data: Uint8Array): Buffer {
	if (!canCheckCode()) throw new Error('no crc32 in this Node');
	const bytes = Buffer.alloc(CHECK_BYTES);
	bytes.writeUInt32BE(crc32!(data));
	return bytes;
}

/** The file's bytes: magic, worth, the payload's CRC-32, the payload. */
export function packCode(payload: Uint8Array, worth: Worth): Buffer {
	return Buffer.concat([MAGIC, Buffer.of(worth), check(payload), payload]);
}

/** The payload and its worth, or null for anything that is not a whole, unchanged cache file. */
export function unpackCode(file: Buffer): {payload: Buffer; worth: Worth} | null {
	if (file.length <= HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
	const worth = file[MAGIC.length];
	if (worth !== 0 && worth !== 1 && worth !== 2) return null;
	const payload = file.subarray(HEADER_BYTES);
	return check(payload).equals(file.subarray(MAGIC.length + 1, HEADER_BYTES)) ? {payload, worth} : null;
}

/** What the launcher needs of the compiled script: whether V8 took the cache, and a new one. */
export type CompiledScript = {readonly cachedDataRejected?: boolean | undefined; createCachedData(): Buffer};

export type CodeCache = {
	/** The payload to hand V8, when there is a sound cache for this bundle. */
	readonly payload: Buffer | undefined;
	/** The script compiled with `payload`: with no cache that V8 took, its code is kept at exit, whatever the run reaches. */
	compiled(script: CompiledScript): void;
	/** The run reached `worth`: its code is kept if worth more than the kept one, `soon` (a quiet moment after the reader's first frame) or at exit. */
	reached(worth: Worth, soon?: boolean): void;
};

/**
 * The code cache for `bundleHash` in `directory` (none when null). Writing never throws, and
 * replaces the file in one rename (two runs at once each write a whole file); caches of other
 * bundles and Nodes are removed when one is written.
 */
export function openCodeCache(directory: string | null, bundleHash: string): CodeCache {
	if (directory === null) return {payload: undefined, compiled: () => undefined, reached: () => undefined};
	const name = codeCacheName(bundleHash);
	const path = join(directory, name);
	let kept: {payload: Buffer; worth: Worth} | null = null;
	try {
		const file = readOwnFile(path);
		kept = canCheckCode() ? unpackCode(file) : null;
	} catch {
		// No cache yet, unreadable, or not ours alone: the same.
	}
	// The worth of the kept code V8 can use; -1 for none.
	let keptWorth: number = kept?.worth ?? -1;
	let reached: Worth = WORTH.other;
	let script: CompiledScript | undefined;
	let timer: NodeJS.Timeout | undefined;
	let atExit = false;
	const write = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		if (!script || reached <= keptWorth || !canCheckCode()) return;
		if (!writeCacheFile(path, [packCode(script.createCachedData(), reached)])) return;
		keptWorth = reached;
		try {
			for (const other of readdirSync(directory)) {
				if (other !== name && /^code-.*\.bin$/.test(other)) rmSync(join(directory, other), {force: true});
			}
		} catch {
			// Older caches left behind cost disk, nothing else.
		}
	};
	const keep = (soon: boolean) => {
		if (reached <= keptWorth) return;
		if (!atExit) {
			atExit = true;
			process.once('exit', write);
		}
		// Soon: before a long session lets V8 drop the start's compiled code (it flushes code unused for a while).
		if (soon && !timer) timer = setTimeout(write, 1500).unref();
	};
	return {
		payload: kept?.payload,
		compiled(compiledScript) {
			script = compiledScript;
			// Not taken (another V8 flag, say): this run writes a new one.
			if (script.cachedDataRejected) keptWorth = -1;
			keep(false);
		},
		reached(worth, soon = false) {
			if (worth > reached) reached = worth;
			keep(soon);
		},
	};
}
