import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {FileLock, LockTimeoutError, withFileLock} from '../../src/store/lock.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempFolder} from '../helpers/temp-folder.js';

describe('withFileLock (proper-lockfile, our retries)', () => {
	test('runs the body holding the lock, and removes the lock afterwards, also when the body throws', () => {
		const file = path.join(tempFolder(), 'config.json');
		assert.equal(
			withFileLock(fs, file, () => (assert.ok(fs.existsSync(`${file}.lock`)), 7)),
			7,
		);
		assert.equal(fs.existsSync(`${file}.lock`), false);
		assert.throws(
			() =>
				withFileLock(fs, file, () => {
					throw new Error('body');
				}),
			/body/,
		);
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
		const child = spawn(process.execPath, [
			'-e',
			`setTimeout(() => require('fs').rmdirSync(${JSON.stringify(`${file}.lock`)}), 200)`,
		]);
		after(() => child.kill('SIGKILL'));
		let ran = false;
		withFileLock(fs, file, () => (ran = true), {staleMs: 60_000, timeoutMs: 60_000});
		assert.ok(ran);
	});

	test('an error other than "taken" (permission denied) is thrown as it is', () => {
		const file = path.join(tempFolder(), 'config.json');
		const denied = {
			...fs,
			mkdirSync: () => {
				throw Object.assign(new Error('EACCES: injected'), {code: 'EACCES'});
			},
		} as unknown as typeof fs;
		assert.throws(() => withFileLock(denied, file, () => undefined), /EACCES/);
	});
});

/** A process that stays alive until the test ends (a lock's holder), with its start as the kernel counts it. */
function liveProcess(): {pid: number; started: string | null} {
	const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], {stdio: 'ignore'});
	after(() => child.kill('SIGKILL'));
	let started: string | null = null;
	try {
		const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
		started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
	} catch {
		// No /proc: pids cannot be told apart from their reuse here.
	}
	return {pid: child.pid!, started};
}

/** A lock folder as another run leaves it: dated `mtime`, naming `holder` (or nobody). */
function makeLock(file: string, mtime: Date, holder?: object): void {
	const lock = `${file}.lock`;
	fs.mkdirSync(lock);
	if (holder) fs.writeFileSync(path.join(lock, 'holder'), JSON.stringify(holder));
	fs.utimesSync(lock, mtime, mtime);
}

describe('abandoned locks (clocks and holders)', () => {
	// Each would have been waited for (proper-lockfile breaks only locks dated long ago): with a
	// 30 ms timeout, the wait ends in LockTimeoutError.
	const quick = {staleMs: 60_000, timeoutMs: 30};

	test('a lock dated in the future is abandoned, whoever holds it, however far ahead', () => {
		for (const ahead of [61_000, 3_600_000, 86_400_000 * 365 * 30]) {
			const file = path.join(tempFolder(), 'config.json');
			makeLock(file, new Date(Date.now() + ahead), {pid: liveProcess().pid, host: os.hostname(), started: null});
			let ran = false;
			withFileLock(fs, file, () => (ran = true), quick);
			assert.ok(ran, `${ahead} ms ahead`);
			assert.equal(fs.existsSync(`${file}.lock`), false);
		}
	});

	test('a lock dated a moment ahead (proper-lockfile rounds its date up to the second) is still held', () => {
		const file = path.join(tempFolder(), 'config.json');
		makeLock(file, new Date(Date.now() + 1500));
		assert.throws(() => withFileLock(fs, file, () => undefined, quick), LockTimeoutError);
	});

	test('a fresh lock whose holder has exited is broken at once', () => {
		const file = path.join(tempFolder(), 'config.json');
		const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
		makeLock(file, new Date(), {pid: Number(gone.stdout), host: os.hostname(), started: null});
		let ran = false;
		withFileLock(fs, file, () => (ran = true), quick);
		assert.ok(ran);
	});

	test(
		'a fresh lock whose holder pid now belongs to another process is broken (pid reused)',
		{skip: fs.existsSync('/proc/self/stat') ? false : 'no /proc'},
		() => {
			const file = path.join(tempFolder(), 'config.json');
			const other = liveProcess();
			makeLock(file, new Date(), {pid: other.pid, host: os.hostname(), started: `${Number(other.started) + 1}`});
			let ran = false;
			withFileLock(fs, file, () => (ran = true), quick);
			assert.ok(ran);
		},
	);

	test(
		'a fresh lock naming this very pid, taken by an earlier process that had it, is broken',
		{skip: fs.existsSync('/proc/self/stat') ? false : 'no /proc'},
		() => {
			const file = path.join(tempFolder(), 'config.json');
			makeLock(file, new Date(), {pid: process.pid, host: os.hostname(), started: '1'});
			let ran = false;
			withFileLock(fs, file, () => (ran = true), quick);
			assert.ok(ran);
		},
	);

	test('a fresh lock held by a live run is waited for; so is one from another machine or of unknown holder', () => {
		const live = liveProcess();
		for (const holder of [
			{pid: live.pid, host: os.hostname(), started: live.started},
			{pid: 999_999_999, host: `${os.hostname()}-elsewhere`, started: null},
			undefined,
		]) {
			const file = path.join(tempFolder(), 'config.json');
			makeLock(file, new Date(), holder);
			assert.throws(() => withFileLock(fs, file, () => undefined, quick), LockTimeoutError, JSON.stringify(holder));
			assert.ok(fs.statSync(`${file}.lock`).isDirectory());
		}
	});

	test('the lock names its holder while held, and goes with it', () => {
		const file = path.join(tempFolder(), 'config.json');
		const holder = withFileLock(
			fs,
			file,
			() => JSON.parse(fs.readFileSync(path.join(`${file}.lock`, 'holder'), 'utf8')) as {pid: number; host: string},
		);
		assert.equal(holder.pid, process.pid);
		assert.equal(holder.host, os.hostname());
		assert.equal(fs.existsSync(`${file}.lock`), false);
	});

	test("FileLock.run with a bounded wait gives up without running the body; the holder's wait is counted across tries", () => {
		const file = path.join(tempFolder(), 'config.json');
		makeLock(file, new Date());
		const lock = new FileLock(fs, file, {staleMs: 60_000, timeoutMs: 60_000});
		let ran = false;
		assert.deepEqual(
			lock.run(() => (ran = true), 0),
			{acquired: false},
		);
		assert.equal(ran, false);
		fs.rmdirSync(`${file}.lock`);
		assert.deepEqual(
			lock.run(() => 'written', 0),
			{acquired: true, value: 'written'},
		);
		// The same holder for longer than timeoutMs, across tries that each wait nothing: an error.
		makeLock(file, new Date());
		const short = new FileLock(fs, file, {staleMs: 60_000, timeoutMs: 1});
		assert.deepEqual(
			short.run(() => undefined, 0),
			{acquired: false},
		);
		assert.throws(() => {
			for (;;) short.run(() => undefined, 0);
		}, LockTimeoutError);
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
			const child = spawn(process.execPath, [script, cwd, `run${index}`, go, String(perRun)], {
				stdio: ['ignore', 'ignore', 'pipe'],
			});
			let stderr = '';
			child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
			return {
				child,
				done: new Promise<{code: number | null; stderr: string}>((resolve) =>
					child.on('close', (code) => resolve({code, stderr})),
				),
			};
		});
		after(() => {
			for (const {child} of children) child.kill('SIGKILL');
		});
		// Every run has opened the store (read the same, empty, file) before any of them writes.
		const ready = () => fs.readdirSync(folder).filter((name) => name.startsWith('go.ready-')).length;
		const outcome = await waitFor(
			() =>
				children.some(({child}) => child.exitCode !== null) ? 'a run ended' : ready() >= runs ? 'all ready' : false,
			{
				timeoutMs: 120_000,
				describe: () => `${ready()} of ${runs} runs opened the store`,
			},
		);
		assert.equal(outcome, 'all ready', 'a run ended before it was ready');
		fs.writeFileSync(go, '');
		const results = await Promise.all(children.map((run) => run.done));
		for (const result of results) assert.equal(result.code, 0, result.stderr);
		const saved = JSON.parse(fs.readFileSync(path.join(cwd, 'config.json'), 'utf8')) as {
			positions: object;
			watched: object;
		};
		assert.equal(Object.keys(saved.positions).length, runs * perRun);
		assert.equal(Object.keys(saved.watched).length, runs);
		assert.deepEqual(fs.readdirSync(cwd), ['config.json'], 'no lock or temp file left');
	});
});
