import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {WORTH} from '../../src/cli/compiled-code.js';
import {codeCacheName, openCodeCache, packCode, unpackCode} from '../../src/launch/code-cache.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {FIRST_FRAME} from '../helpers/screen.js';

describe('the code cache file (issue 13)', () => {
	const payload = Buffer.from('compiled code, as V8 would give it'.repeat(40));

	test('a packed cache unpacks to its payload and worth', () => {
		const unpacked = unpackCode(packCode(payload, WORTH.reader));
		assert.ok(unpacked);
		assert.deepEqual([...unpacked.payload], [...payload]);
		assert.equal(unpacked.worth, WORTH.reader);
	});

	// V8 on Node 20 does not check a cache's contents: a damaged one is a fatal error in the process.
	test('a damaged, cut or foreign file never reaches V8', () => {
		const packed = packCode(payload, WORTH.printed);
		for (const at of [30, 100, packed.length - 1]) {
			const damaged = Buffer.from(packed);
			damaged[at] = (damaged[at] ?? 0) ^ 0x01;
			assert.equal(unpackCode(damaged), null, `byte ${at} flipped`);
		}
		assert.equal(unpackCode(packed.subarray(0, packed.length - 10)), null);
		assert.equal(unpackCode(packed.subarray(0, 12)), null);
		assert.equal(unpackCode(Buffer.from('not a cache at all')), null);
		const badWorth = Buffer.from(packed);
		badWorth['kubecon-notes code 2\n'.length] = 7;
		assert.equal(unpackCode(badWorth), null);
	});

	test('each bundle and Node has its own file', () => {
		assert.notEqual(codeCacheName('aaaa', 'v20.20.2', 'x64'), codeCacheName('bbbb', 'v20.20.2', 'x64'));
		assert.notEqual(codeCacheName('aaaa', 'v20.20.2', 'x64'), codeCacheName('aaaa', 'v22.1.0', 'x64'));
	});

	test('with no cache folder there is nothing to read or keep', () => {
		const cache = openCodeCache(null, 'aaaa');
		assert.equal(cache.payload, undefined);
		cache.reached(WORTH.reader);
	});
});

describe('the built CLI keeps its compiled code between runs (issue 13)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kn-code-cache-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	afterEach(killAllSessions);
	const cacheFiles = (cacheDir: string) => readdirSync(cacheDir).filter((name) => name.startsWith('code-'));
	const kept = (cacheDir: string) => {
		const files = cacheFiles(cacheDir);
		assert.equal(files.length, 1, `one code cache in ${files.join(', ')}`);
		return readFileSync(join(cacheDir, files[0]!));
	};

	test('printed output writes a cache once, then uses it, and output is the same either way', async () => {
		const cacheDir = join(dir, 'printed');
		const first = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		assert.equal(first.code, 0);
		const written = kept(cacheDir);
		assert.equal(unpackCode(written)?.worth, WORTH.printed);
		const second = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		assert.equal(second.code, 0);
		assert.equal(second.stdout, first.stdout);
		assert.equal(second.stderr, '');
		// Taken by V8, so not written again.
		assert.ok(kept(cacheDir).equals(written));
	});

	test('a damaged cache is replaced without a word, and a stale one is removed', async () => {
		const cacheDir = join(dir, 'damaged');
		const clean = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		const file = join(cacheDir, cacheFiles(cacheDir)[0]!);
		const damaged = readFileSync(file);
		for (let at = 200; at < damaged.length; at += 997) damaged[at] = (damaged[at] ?? 0) ^ 0xff;
		writeFileSync(file, damaged);
		writeFileSync(join(cacheDir, codeCacheName('0123456789abcdef')), 'an older version');
		const result = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		assert.equal(result.code, 0);
		assert.equal(result.stderr, '');
		assert.equal(result.stdout, clean.stdout);
		assert.equal(unpackCode(kept(cacheDir))?.worth, WORTH.printed);
	});

	// V8 runs what a code cache holds: a file others may write is not believed, whatever its check says.
	test('a cache file others may write is not used, and is replaced by one only this user may write', async () => {
		const cacheDir = join(dir, 'shared');
		await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		const file = join(cacheDir, cacheFiles(cacheDir)[0]!);
		assert.equal(statSync(file).mode & 0o077, 0);
		chmodSync(file, 0o666);
		const result = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		assert.equal(result.code, 0);
		assert.equal(result.stderr, '');
		assert.equal(statSync(join(cacheDir, cacheFiles(cacheDir)[0]!)).mode & 0o077, 0);
	});

	test("the reader's first frame replaces a cache from printed output", async () => {
		const cacheDir = join(dir, 'reader');
		await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		assert.equal(unpackCode(kept(cacheDir))?.worth, WORTH.printed);
		const session = startSession([cliPath, '--posts', 'posts'], {env: {KUBECON_NOTES_CACHE_DIR: cacheDir}});
		await session.waitFor(FIRST_FRAME);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(unpackCode(kept(cacheDir))?.worth, WORTH.reader);
	});
});
