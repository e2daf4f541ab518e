import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {LockTimeoutError, withFileLock} from '../../src/state/store-writer.js';
import {waitFor} from '../helpers/wait-for.js';

const folders: string[] = [];
after(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});

function tempFolder(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubecon-notes-lock-'));
	folders.push(folder);
	return folder;
}

describe('withFileLock (proper-lockfile, our retries)', () => {
	test('runs the body holding the lock, and removes the lock afterwards, also when the body throws', () => {
		const file = path.join(tempFolder(), 'config.json');
		assert.equal(withFileLock(fs, file, () => (assert.ok(fs.existsSync(`${file}.lock`)), 7)), 7);
		assert.equal(fs.existsSync(`${file}.lock`), false);
		assert.throws(() => withFileLock(fs, file, () => {
			throw new Error('body');
		}), /body/);
		assert.equal(fs.existsSync(`${file}.lock`), false);
	});

	test('creates a missing folder for the lock', () => {
		const file = path.join(tempFolder(), 'a', 'b', 'config.json');
		withFileLock(fs, file, () => undefined);
		assert.ok(fs.existsSync(path.dirname(file)));
	});

	test('a lock older than staleMs is broken, whoever holds it; a plain lock file of an earlier version too', () => {
		for (const make of [(lock: string) => fs.mkdirSync(lock), (lock: string) => fs.writeFileSync(lock, '{"pid":1}')]) {
			const file = path.join(tempFolder(), 'config.json');
			make(`${file}.lock`);
			const old = new Date(Date.now() - 60_000);
			fs.utimesSync(`${file}.lock`, old, old);
			let ran = false;
			withFileLock(fs, file, () => (ran = true), {staleMs: 30_000, timeoutMs: 60_000});
			assert.ok(ran);
			assert.equal(fs.existsSync(`${file}.lock`), false);
		}
	});

	test('a fresh lock held by another run is waited for, and not taken: the wait ends in an error', () => {
		const file = path.join(tempFolder(), 'config.json');
		fs.mkdirSync(`${file}.lock`);
		let ran = false;
		assert.throws(() => withFileLock(fs, file, () => (ran = true), {staleMs: 60_000, timeoutMs: 30}), LockTimeoutError);
		assert.equal(ran, false);
		assert.ok(fs.statSync(`${file}.lock`).isDirectory());
	});

	test('a lock released while we wait is taken', async () => {
		const file = path.join(tempFolder(), 'config.json');
		fs.mkdirSync(`${file}.lock`);
		// Another process removes it a little later; this one waits synchronously meanwhile.
		const child = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').rmdirSync(${JSON.stringify(`${file}.lock`)}), 200)`]);
		after(() => child.kill('SIGKILL'));
		let ran = false;
		withFileLock(fs, file, () => (ran = true), {staleMs: 60_000, timeoutMs: 60_000});
		assert.ok(ran);
	});

	test('an error other than "taken" (permission denied) is thrown as it is', () => {
		const file = path.join(tempFolder(), 'config.json');
		const denied = {...fs, mkdirSync: () => {
			throw Object.assign(new Error('EACCES: injected'), {code: 'EACCES'});
		}} as unknown as typeof fs;
		assert.throws(() => withFileLock(denied, file, () => undefined), /EACCES/);
	});
});

describe('many runs writing the store at once', () => {
	test('40 processes writing different posts at the same moment lose no entry', async () => {
		const folder = tempFolder();
		const script = path.join(folder, 'store-writer.mjs');
		// Bundled once so that 40 starts cost 40 plain node starts, not 40 TypeScript compilations.
		await build({
			entryPoints: [fileURLToPath(new URL('fixtures/store-writer.ts', import.meta.url))],
			outfile: script,
			bundle: true,
			format: 'esm',
			platform: 'node',
			// proper-lockfile is CommonJS and requires node built-ins, as in scripts/build.mjs.
			banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
			logLevel: 'error',
		});
		const cwd = path.join(folder, 'store');
		const go = path.join(folder, 'go');
		const runs = 40;
		const perRun = 1;
		const children = Array.from({length: runs}, (_, index) => {
			const child = spawn(process.execPath, [script, cwd, `run${index}`, go, String(perRun)], {stdio: ['ignore', 'ignore', 'pipe']});
			let stderr = '';
			child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
			return {child, done: new Promise<{code: number | null; stderr: string}>(resolve => child.on('close', code => resolve({code, stderr})))};
		});
		after(() => {
			for (const {child} of children) child.kill('SIGKILL');
		});
		// Every run has opened the store (read the same, empty, file) before any of them writes.
		const ready = () => fs.readdirSync(folder).filter(name => name.startsWith('go.ready-')).length;
		const outcome = await waitFor(() => (children.some(({child}) => child.exitCode !== null) ? 'a run ended' : ready() >= runs ? 'all ready' : false), {
			timeoutMs: 120_000,
			describe: () => `${ready()} of ${runs} runs opened the store`,
		});
		assert.equal(outcome, 'all ready', 'a run ended before it was ready');
		fs.writeFileSync(go, '');
		const results = await Promise.all(children.map(run => run.done));
		for (const result of results) assert.equal(result.code, 0, result.stderr);
		const saved = JSON.parse(fs.readFileSync(path.join(cwd, 'config.json'), 'utf8')) as {positions: object; watched: object};
		assert.equal(Object.keys(saved.positions).length, runs * perRun);
		assert.equal(Object.keys(saved.watched).length, runs);
		assert.deepEqual(fs.readdirSync(cwd), ['config.json'], 'no lock or temp file left');
	});
});
