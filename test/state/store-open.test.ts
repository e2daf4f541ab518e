import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {openStore, type PostPosition} from '../../src/store/index.js';
import {createStore} from '../../src/store/writer.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {firstFrameLog} from '../helpers/first-frame-log.js';
import {FIRST_FRAME} from '../helpers/screen.js';
import {nextTurn, waitFor} from '../helpers/wait-for.js';
import {tempFolder} from '../helpers/temp-folder.js';

function position(sourceLine: number, updatedAt: number): PostPosition {
	return {
		anchor: {sourceLine, blockKey: `b${sourceLine}`, blockFraction: 0, topic: null, progress: 0.5},
		readTopics: [],
		updatedAt,
	};
}
const saved = (cwd: string) =>
	JSON.parse(fs.readFileSync(path.join(cwd, 'config.json'), 'utf8')) as {
		positions: Record<string, PostPosition>;
		lastPostId?: string;
		watched: Record<string, boolean>;
	};

describe('openStore (the reader’s store: conf after the first frame)', () => {
	test('a healthy file is read at once; changes made before conf has loaded are kept and written once it has', async () => {
		const cwd = tempFolder();
		createStore({cwd}).setPosition('a.md', position(1, 10));
		const store = await openStore({cwd});
		assert.deepEqual(store.getPosition('a.md'), position(1, 10));
		store.setPosition('b.md', position(2, 20));
		store.setLastPostId('b.md');
		store.setWatched('s1', true);
		// Another run moved further in a.md meanwhile: the later move wins in memory too.
		createStore({cwd}).setPosition('a.md', position(3, 30));
		store.setPosition('a.md', position(2, 5));
		assert.deepEqual(store.getPosition('b.md'), position(2, 20));
		assert.equal(store.lastPostId(), 'b.md');
		assert.equal(store.isWatched('s1'), true);
		// Nothing written yet: the writable store is loaded on a timer, after the caller's first frame.
		assert.equal(saved(cwd).positions['b.md'], undefined);
		await store.settled();
		const after = saved(cwd);
		assert.deepEqual(after.positions['b.md'], position(2, 20));
		assert.deepEqual(after.positions['a.md'], position(3, 30));
		assert.equal(after.lastPostId, 'b.md');
		assert.equal(after.watched['s1'], true);
		// From then on it is the writable store, at once.
		store.setPosition('c.md', position(4, 40));
		assert.deepEqual(saved(cwd).positions['c.md'], position(4, 40));
		assert.deepEqual(store.warnings, []);
		assert.equal(store.saveProblem, null);
	});

	test('a file with something to say is opened writable at once: the corrupt one is already moved aside', async () => {
		const cwd = tempFolder();
		fs.writeFileSync(path.join(cwd, 'config.json'), '{"positions": ');
		const reported: string[] = [];
		const store = await openStore({cwd, onWarning: (message) => reported.push(message)});
		assert.equal(reported.length, 1);
		assert.match(reported[0]!, /moved to .*config\.json\.corrupt-/);
		store.setLastPostId('x.md');
		assert.equal(saved(cwd).lastPostId, 'x.md', 'written at once');
	});

	test("settled() waits for a change that found another run's lock, until it is written", async () => {
		const cwd = tempFolder();
		createStore({cwd}).setPosition('a.md', position(1, 10));
		const lock = path.join(cwd, 'config.json.lock');
		fs.mkdirSync(lock);
		const store = await openStore({cwd, lock: {waitMs: 0, staleMs: 600_000, timeoutMs: 600_000}});
		store.setPosition('b.md', position(2, 20));
		let isSettled = false;
		const settled = store.settled().then(() => (isSettled = true));
		// Handed to the writable store, which waits for the lock (a try every 25 ms): not settled while the lock stays.
		await waitFor(() => store.getPosition('b.md') !== undefined);
		for (let turn = 0; turn < 5; turn++) await nextTurn();
		assert.equal(isSettled, false);
		assert.equal(saved(cwd).positions['b.md'], undefined);
		assert.equal(store.saveProblem, null);
		fs.rmdirSync(lock);
		await settled;
		assert.deepEqual(saved(cwd).positions['b.md'], position(2, 20));
	});

	test('a folder that cannot be written is said before the first frame', async () => {
		const blocker = path.join(tempFolder(), 'a-file');
		fs.writeFileSync(blocker, 'x');
		const store = await openStore({cwd: path.join(blocker, 'store')});
		assert.match(store.saveProblem ?? '', /cannot be written/);
	});
});

/**
 * conf's require of `node:assert` is the only one in the bundle (Ink's signal-exit asks for plain
 * `assert`): the bundle holds conf, but runs its code only when the writable store (conf and
 * proper-lockfile) loads.
 */
const CONF_ONLY = 'node:assert';

describe('conf and proper-lockfile stay off the first frame’s path (dist/)', () => {
	afterEach(killAllSessions);

	test('the reader loads the writable store after its first frame', async () => {
		const dir = tempFolder();
		const {hook, read} = firstFrameLog(dir, {requires: [CONF_ONLY]});
		const session = startSession(['--require', hook, cliPath, '--posts', 'posts'], {configDir: dir});
		await session.waitFor(FIRST_FRAME);
		// The writable store loads a second after opening: conf's require shows it came.
		await waitFor(() => read().some((line) => line.startsWith('require ')), {describe: () => read().join('\n')});
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(read()[0], 'first frame');
	});

	test('`sessions` never loads it', async () => {
		const dir = tempFolder();
		const {hook, read} = firstFrameLog(dir, {requires: [CONF_ONLY]});
		const result = await runCli(['sessions', 'etcd'], {env: {NODE_OPTIONS: `--require ${hook}`}});
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(read(), []);
	});
});
