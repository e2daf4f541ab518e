import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {LockTimeoutError, withFileLock} from '../../src/state/store-lock.js';

const folders: string[] = [];
after(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});

function tempFolder(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubecon-notes-lock-'));
	folders.push(folder);
	return folder;
}

function holder(pid: number, host = os.hostname()): string {
	return JSON.stringify({pid, host, token: `${pid}-test`});
}

/** The pid of a process that has exited. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	return Number(child.stdout);
}

describe('withFileLock', () => {
	test('runs the body holding the lock, and removes the lock afterwards, also when the body throws', () => {
		const lock = path.join(tempFolder(), 'config.json.lock');
		assert.equal(withFileLock(fs, lock, () => (assert.ok(fs.existsSync(lock)), 7)), 7);
		assert.equal(fs.existsSync(lock), false);
		assert.throws(() => withFileLock(fs, lock, () => {
			throw new Error('body');
		}), /body/);
		assert.equal(fs.existsSync(lock), false);
	});

	test('creates a missing folder for the lock', () => {
		const lock = path.join(tempFolder(), 'a', 'b', 'config.json.lock');
		withFileLock(fs, lock, () => undefined);
		assert.ok(fs.existsSync(path.dirname(lock)));
	});

	test('a lock left by a process that has exited is broken at once', () => {
		const lock = path.join(tempFolder(), 'config.json.lock');
		fs.writeFileSync(lock, holder(deadPid()));
		let ran = false;
		withFileLock(fs, lock, () => (ran = true), {staleMs: 60_000, timeoutMs: 60_000});
		assert.ok(ran);
		assert.equal(fs.existsSync(lock), false);
	});

	test('a lock older than staleMs is broken, whoever holds it (another machine, a hung run, half written)', () => {
		for (const content of [holder(process.ppid, 'other-host'), holder(process.ppid), '']) {
			const lock = path.join(tempFolder(), 'config.json.lock');
			fs.writeFileSync(lock, content);
			const old = new Date(Date.now() - 60_000);
			fs.utimesSync(lock, old, old);
			let ran = false;
			withFileLock(fs, lock, () => (ran = true), {staleMs: 30_000, timeoutMs: 60_000});
			assert.ok(ran, content);
		}
	});

	test('a fresh lock held by a live run is waited for, and not taken: the wait ends in an error', () => {
		const lock = path.join(tempFolder(), 'config.json.lock');
		fs.writeFileSync(lock, holder(process.ppid));
		let ran = false;
		assert.throws(() => withFileLock(fs, lock, () => (ran = true), {staleMs: 60_000, timeoutMs: 30}), LockTimeoutError);
		assert.equal(ran, false);
		assert.equal(fs.readFileSync(lock, 'utf8'), holder(process.ppid));
	});

	test('a lock taken over by another run (ours judged stale) is not removed by us', () => {
		const lock = path.join(tempFolder(), 'config.json.lock');
		withFileLock(fs, lock, () => {
			fs.writeFileSync(lock, holder(process.ppid));
		});
		assert.equal(fs.readFileSync(lock, 'utf8'), holder(process.ppid));
	});

	test('an error other than "taken" (permission denied) is thrown as it is', () => {
		const lock = path.join(tempFolder(), 'config.json.lock');
		const denied = {...fs, writeFileSync: () => {
			throw Object.assign(new Error('EACCES: injected'), {code: 'EACCES'});
		}} as unknown as typeof fs;
		assert.throws(() => withFileLock(denied, lock, () => undefined), /EACCES/);
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
		const deadline = Date.now() + 120_000;
		while (fs.readdirSync(folder).filter(name => name.startsWith('go.ready-')).length < runs) {
			assert.ok(Date.now() < deadline, 'every run opened the store');
			await new Promise(resolve => setTimeout(resolve, 20));
		}
		fs.writeFileSync(go, '');
		const results = await Promise.all(children.map(run => run.done));
		for (const result of results) assert.equal(result.code, 0, result.stderr);
		const saved = JSON.parse(fs.readFileSync(path.join(cwd, 'config.json'), 'utf8')) as {positions: object; watched: object};
		assert.equal(Object.keys(saved.positions).length, runs * perRun);
		assert.equal(Object.keys(saved.watched).length, runs);
		assert.deepEqual(fs.readdirSync(cwd), ['config.json'], 'no lock or temp file left');
	});
});
