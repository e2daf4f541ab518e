import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import type {ReadingAnchor} from '../../src/state/reading-anchor.js';
import {spawn, spawnSync} from 'node:child_process';
import {maxStoreBytes} from '../../src/store/file.js';
import {maxPositions, migrateStoreData, prunePositions} from '../../src/store/schema.js';
import {configDirEnv, createDebouncedSaver, type PostPosition, type StoreFs} from '../../src/store/index.js';
import {createStore, openConf, type ConfFile} from '../../src/store/writer.js';
import {tempFolder} from '../helpers/temp-folder.js';
import {waitFor} from '../helpers/wait-for.js';

function anchor(sourceLine: number, topic: string | null = 'Keynotes'): ReadingAnchor {
	return {sourceLine, blockKey: `block at ${sourceLine}`, blockFraction: 0.25, topic, progress: 0.4};
}

function position(sourceLine: number, updatedAt = 1_700_000_000_000 + sourceLine): PostPosition {
	return {anchor: anchor(sourceLine), readTopics: ['Keynotes'], updatedAt};
}

type FsCall = keyof StoreFs;

/** node:fs, except that the named calls throw `code` when their test says so. */
function faultyFs(faults: Partial<Record<FsCall, (target: unknown) => boolean>>, code = 'EACCES'): StoreFs {
	const wrapped: Record<string, unknown> = {};
	for (const name of [
		'readFileSync',
		'writeFileSync',
		'renameSync',
		'unlinkSync',
		'statSync',
		'mkdirSync',
		'accessSync',
		'rmdirSync',
		'utimesSync',
	] as FsCall[]) {
		const real = (fs[name] as (...args: unknown[]) => unknown).bind(fs);
		wrapped[name] = (...args: unknown[]) => {
			if (faults[name]?.(args[0])) {
				throw Object.assign(new Error(`${code}: injected, ${name} '${String(args[0])}'`), {code});
			}
			return real(...args);
		};
	}
	return wrapped as StoreFs;
}

function readJson(file: string): Record<string, unknown> {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('createStore', () => {
	test('positions, last post and watched marks survive into the next run', () => {
		const cwd = tempFolder();
		const first = createStore({cwd});
		first.setPosition('2023-04-27-kubecon-eu.md', position(12));
		first.setPosition('other.md', {...position(3), done: true});
		first.setLastPostId('2023-04-27-kubecon-eu.md');
		first.setWatched('kubecon-eu.md#42', true);
		first.setWatched('kubecon-eu.md#43', false);

		const second = createStore({cwd});
		assert.deepEqual(second.getPosition('2023-04-27-kubecon-eu.md'), position(12));
		assert.equal(second.getPosition('other.md')?.done, true);
		assert.equal(second.getPosition('never.md'), undefined);
		assert.equal(second.lastPostId(), '2023-04-27-kubecon-eu.md');
		assert.equal(second.isWatched('kubecon-eu.md#42'), true);
		assert.equal(second.isWatched('kubecon-eu.md#43'), false);
		assert.equal(second.isWatched('kubecon-eu.md#44'), undefined);
		assert.deepEqual(second.warnings, []);

		assert.equal(second.path, path.join(cwd, 'config.json'));
		const saved = readJson(second.path);
		assert.equal(saved['schemaVersion'], 1);
		// Dots in post ids are part of the key, not a path into nested objects.
		assert.ok(Object.hasOwn(saved['positions'] as object, '2023-04-27-kubecon-eu.md'));
		// The write was atomic: no temp file is left beside the store.
		assert.deepEqual(fs.readdirSync(cwd), ['config.json']);
	});

	test('returned positions are copies: changing one does not change the store', () => {
		const store = createStore({cwd: tempFolder()});
		store.setPosition('a.md', position(5));
		const got = store.getPosition('a.md')!;
		got.readTopics.push('Mutated');
		got.anchor.sourceLine = 99;
		assert.deepEqual(store.getPosition('a.md'), position(5));
	});

	test('the folder: the cwd option, else $KUBECON_NOTES_CONFIG_DIR, else the platform config folder', () => {
		const saved = {dir: process.env[configDirEnv], xdg: process.env['XDG_CONFIG_HOME']};
		try {
			const fromEnv = tempFolder();
			const fromOption = tempFolder();
			const xdg = tempFolder();
			process.env[configDirEnv] = fromEnv;
			assert.equal(createStore().path, path.join(fromEnv, 'config.json'));
			assert.equal(createStore({cwd: fromOption}).path, path.join(fromOption, 'config.json'));
			delete process.env[configDirEnv];
			// env-paths follows XDG_CONFIG_HOME on Linux: point it at a temp folder, never the real one.
			process.env['XDG_CONFIG_HOME'] = xdg;
			const store = createStore();
			// conf owns the location: its default is where the direct reads look.
			assert.equal(openConf(undefined).path, store.path);
			if (process.platform === 'linux') {
				assert.equal(store.path, path.join(xdg, 'kubecon-notes-nodejs', 'config.json'));
				store.setLastPostId('x.md');
				assert.ok(fs.existsSync(store.path));
			} else {
				assert.match(store.path, /kubecon-notes/);
			}
		} finally {
			restoreEnv(configDirEnv, saved.dir);
			restoreEnv('XDG_CONFIG_HOME', saved.xdg);
		}
	});

	test('a corrupt file is moved aside, reported once with its path, and the store starts empty', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		fs.writeFileSync(file, '{"positions": {"a.md": ');
		const reported: string[] = [];
		const store = createStore({cwd, onWarning: (message) => reported.push(message)});
		assert.equal(reported.length, 1);
		assert.deepEqual(store.warnings, reported);
		assert.ok(reported[0]!.includes(file), reported[0]);
		const backups = fs.readdirSync(cwd).filter((name) => name.startsWith('config.json.corrupt-'));
		assert.equal(backups.length, 1);
		assert.ok(reported[0]!.includes(backups[0]!));
		assert.equal(fs.readFileSync(path.join(cwd, backups[0]!), 'utf8'), '{"positions": {"a.md": ');
		assert.equal(store.getPosition('a.md'), undefined);

		store.setPosition('b.md', position(7));
		assert.deepEqual(store.getPosition('b.md'), position(7));
		assert.equal(reported.length, 1);
		assert.deepEqual(createStore({cwd}).warnings, []);
		assert.deepEqual(createStore({cwd}).getPosition('b.md'), position(7));
	});

	test('JSON that is not an object is moved aside too', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		fs.writeFileSync(file, '[1, 2, 3]');
		const store = createStore({cwd});
		assert.equal(store.warnings.length, 1, store.warnings.join('\n'));
		assert.ok(store.warnings[0]!.includes(file));
		store.setLastPostId('a.md');
		assert.equal(createStore({cwd}).lastPostId(), 'a.md');
		assert.equal(fs.readdirSync(cwd).filter((name) => name.startsWith('config.json.corrupt-')).length, 1);
	});

	test('an unreadable file is not corrupt: left in place, places kept in memory, said at start', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		const good = JSON.stringify({schemaVersion: 1, positions: {'a.md': position(1)}, watched: {}});
		fs.writeFileSync(file, good);
		// Root reads anything, so the permission error is injected.
		const denied = faultyFs({readFileSync: (target) => String(target) === file});
		const reported: string[] = [];
		const store = createStore({cwd, fs: denied, onWarning: (message) => reported.push(message)});
		assert.equal(reported.length, 1, 'warned at start, before any write');
		assert.match(reported[0]!, /could not be read \(EACCES/);
		assert.ok(reported[0]!.includes(file));
		assert.match(store.saveProblem ?? '', /could not be read/);
		store.setPosition('b.md', position(2));
		assert.deepEqual(store.getPosition('b.md'), position(2));
		assert.equal(store.forget('b.md'), false);
		assert.equal(reported.length, 1);
		assert.deepEqual(fs.readdirSync(cwd), ['config.json']);
		assert.equal(fs.readFileSync(file, 'utf8'), good);
	});

	test('a folder where the file should be is unreadable, not corrupt: left alone', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		fs.mkdirSync(file);
		const store = createStore({cwd});
		assert.equal(store.warnings.length, 1);
		assert.match(store.warnings[0]!, /could not be read \(EISDIR/);
		store.setLastPostId('a.md');
		assert.equal(store.lastPostId(), 'a.md');
		assert.ok(fs.statSync(file).isDirectory());
		assert.deepEqual(fs.readdirSync(cwd), ['config.json']);
	});

	test('a file that cannot be written is said at start; changes stay in memory; forget says false', () => {
		const cwd = tempFolder();
		createStore({cwd}).setPosition('a.md', position(1));
		const file = path.join(cwd, 'config.json');
		const before = fs.readFileSync(file, 'utf8');
		const readOnly = faultyFs({accessSync: () => true});
		const store = createStore({cwd, fs: readOnly});
		assert.equal(store.warnings.length, 1);
		assert.match(store.warnings[0]!, /cannot be written \(EACCES/);
		assert.match(store.warnings[0]!, /kept until you quit/);
		assert.deepEqual(store.getPosition('a.md'), position(1), 'what was saved still reads');
		store.setPosition('b.md', position(2));
		assert.deepEqual(store.getPosition('b.md'), position(2));
		assert.equal(store.forget(), false);
		assert.equal(store.getPosition('a.md'), undefined);
		assert.equal(store.warnings.length, 1);
		assert.equal(fs.readFileSync(file, 'utf8'), before);
		assert.equal(createStore({cwd}).forget('a.md'), true);
	});

	test('a write that fails after the checks (disk full) keeps places in memory and warns once', () => {
		const cwd = tempFolder();
		// conf writes with node:fs itself: the fault is put in conf's write.
		const full = (folder: string | undefined): ConfFile => {
			const conf = openConf(folder);
			return {
				path: conf.path,
				get store() {
					return conf.store;
				},
				set store(_value) {
					throw Object.assign(new Error('ENOSPC: injected, no space left on device'), {code: 'ENOSPC'});
				},
			};
		};
		const store = createStore({cwd, openConf: full});
		assert.deepEqual(store.warnings, []);
		store.setPosition('a.md', position(1));
		store.setPosition('b.md', position(2));
		assert.equal(store.warnings.length, 1);
		assert.match(store.warnings[0]!, /ENOSPC/);
		assert.deepEqual(store.getPosition('a.md'), position(1));
		// No temp file and no lock left behind.
		assert.deepEqual(fs.readdirSync(cwd), []);
	});

	test('a file where the folder should be: said at start, then the store works in memory', () => {
		const blocker = path.join(tempFolder(), 'not-a-folder');
		fs.writeFileSync(blocker, 'x');
		const cwd = path.join(blocker, 'store');
		const reported: string[] = [];
		const store = createStore({cwd, onWarning: (message) => reported.push(message)});
		assert.equal(reported.length, 1);
		assert.ok(reported[0]!.includes(path.join(cwd, 'config.json')), reported[0]);
		store.setPosition('a.md', position(1));
		store.setPosition('b.md', position(2));
		store.setLastPostId('b.md');
		store.setWatched('s1', true);
		store.forget('a.md');
		assert.equal(store.getPosition('a.md'), undefined);
		assert.deepEqual(store.getPosition('b.md'), position(2));
		assert.equal(store.lastPostId(), 'b.md');
		assert.equal(store.isWatched('s1'), true);
		assert.deepEqual(store.warnings, reported);
		assert.equal(fs.readFileSync(blocker, 'utf8'), 'x');
	});

	test('two runs writing different posts, interleaved, keep each other’s positions', () => {
		const cwd = tempFolder();
		const one = createStore({cwd});
		const two = createStore({cwd});
		one.setPosition('a.md', position(1));
		two.setPosition('b.md', position(2));
		one.setPosition('c.md', position(3));
		two.setPosition('d.md', position(4));
		one.setWatched('s1', true);
		two.setWatched('s2', false);
		// Each sees the other's writes without reopening.
		assert.deepEqual(one.getPosition('d.md'), position(4));
		assert.equal(two.isWatched('s1'), true);
		const third = createStore({cwd});
		for (const [id, line] of [
			['a.md', 1],
			['b.md', 2],
			['c.md', 3],
			['d.md', 4],
		] as const) {
			assert.deepEqual(third.getPosition(id), position(line), id);
		}
		assert.equal(third.isWatched('s2'), false);
	});

	test('for one post, the later move wins, not the later write', () => {
		const cwd = tempFolder();
		const one = createStore({cwd});
		const two = createStore({cwd});
		// Run two moved at 20, run one had moved at 10 but saves only now (on quit, say).
		two.setPosition('a.md', position(20, 20));
		one.setPosition('a.md', position(10, 10));
		assert.deepEqual(createStore({cwd}).getPosition('a.md'), position(20, 20));
		assert.deepEqual(one.getPosition('a.md'), position(20, 20));
		one.setPosition('a.md', position(30, 30));
		assert.deepEqual(createStore({cwd}).getPosition('a.md'), position(30, 30));
	});

	test('forget one post, or all of them; watched marks stay', () => {
		const cwd = tempFolder();
		const store = createStore({cwd});
		store.setPosition('a.md', position(1));
		store.setPosition('b.md', position(2));
		store.setLastPostId('a.md');
		store.setWatched('s1', true);
		store.forget('a.md');
		assert.equal(store.getPosition('a.md'), undefined);
		assert.deepEqual(store.getPosition('b.md'), position(2));
		assert.equal(store.lastPostId(), undefined);
		store.setLastPostId('b.md');
		store.forget();
		const reopened = createStore({cwd});
		assert.equal(reopened.getPosition('b.md'), undefined);
		assert.equal(reopened.lastPostId(), undefined);
		assert.equal(reopened.isWatched('s1'), true);
	});

	test('a store from before schemaVersion is migrated, and rewritten as version 1 on the next change', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		fs.writeFileSync(
			file,
			JSON.stringify({
				lastPost: 'old.md',
				positions: {'old.md': {line: 14, topic: 'Keynotes', updatedAt: 5}, 'bad.md': {line: 'x'}},
				watched: ['old.md#1', 'old.md#2'],
			}),
		);
		const store = createStore({cwd});
		assert.deepEqual(store.warnings, []);
		assert.deepEqual(store.getPosition('old.md'), {
			anchor: {sourceLine: 14, blockKey: '', blockFraction: 0, topic: 'Keynotes', progress: 0},
			readTopics: [],
			updatedAt: 5,
		});
		assert.equal(store.getPosition('bad.md'), undefined);
		assert.equal(store.lastPostId(), 'old.md');
		assert.equal(store.isWatched('old.md#2'), true);
		store.setWatched('old.md#3', true);
		const saved = readJson(file);
		assert.equal(saved['schemaVersion'], 1);
		assert.equal(saved['lastPostId'], 'old.md');
		assert.equal(saved['lastPost'], undefined);
		assert.deepEqual(saved['watched'], {'old.md#1': true, 'old.md#2': true, 'old.md#3': true});
	});

	test('a file from a newer version is read but not overwritten', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		const newer = JSON.stringify({schemaVersion: 2, positions: {'a.md': position(1)}, somethingNew: {x: 1}});
		fs.writeFileSync(file, newer);
		const store = createStore({cwd});
		assert.deepEqual(store.getPosition('a.md'), position(1));
		assert.equal(store.warnings.length, 1);
		assert.match(store.warnings[0]!, /newer version/);
		store.setPosition('b.md', position(2));
		assert.deepEqual(store.getPosition('b.md'), position(2));
		assert.equal(fs.readFileSync(file, 'utf8'), newer);
	});

	test('keeps the most recently updated positions only', () => {
		const cwd = tempFolder();
		const positions: Record<string, PostPosition> = {};
		for (let index = 0; index < maxPositions; index++) {
			positions[`post-${index}.md`] = position(index + 1, 1000 + index);
		}
		fs.writeFileSync(path.join(cwd, 'config.json'), JSON.stringify({schemaVersion: 1, positions, watched: {}}));
		const store = createStore({cwd});
		store.setPosition('new.md', position(1, 5000));
		const saved = readJson(store.path)['positions'] as Record<string, unknown>;
		assert.equal(Object.keys(saved).length, maxPositions);
		assert.equal(saved['post-0.md'], undefined);
		assert.ok(saved['post-1.md']);
		assert.ok(saved['new.md']);
	});

	test('garbage in never throws and is not stored; odd post ids are plain keys', () => {
		const cwd = tempFolder();
		const store = createStore({cwd});
		const garbage: unknown[] = [undefined, null, 3, 'x', {}, {anchor: null}, {anchor: 'x', readTopics: 7}];
		for (const value of garbage) {
			store.setPosition('g.md', value as PostPosition);
		}
		assert.equal(store.getPosition('g.md'), undefined);
		store.setPosition(undefined as never, position(1));
		store.setWatched(null as never, true);
		store.setWatched('s', 'yes' as never);
		assert.equal(store.isWatched('s'), undefined);
		store.setLastPostId(42 as never);
		store.forget(7 as never);
		assert.equal(store.getPosition(undefined as never), undefined);
		store.setPosition('__proto__', position(2));
		store.setPosition('constructor', position(3));
		const reopened = createStore({cwd});
		assert.deepEqual(reopened.getPosition('__proto__'), position(2));
		assert.deepEqual(reopened.getPosition('constructor'), position(3));
		assert.equal(reopened.getPosition('toString'), undefined);
		assert.deepEqual(reopened.warnings, []);
	});

	test('a throwing warning listener does not break the store', () => {
		const cwd = tempFolder();
		fs.writeFileSync(path.join(cwd, 'config.json'), 'nope');
		const store = createStore({
			cwd,
			onWarning: () => {
				throw new Error('listener');
			},
		});
		assert.equal(store.warnings.length, 1);
		store.setLastPostId('a.md');
		assert.equal(store.lastPostId(), 'a.md');
	});
});

describe('clocks, sizes and other runs', () => {
	test('a time in the future is taken as now on read: the next move in that post wins, and is written', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		const ahead = Date.now() + 365 * 86_400_000;
		fs.writeFileSync(file, JSON.stringify({schemaVersion: 1, positions: {'a.md': position(1, ahead)}, watched: {}}));
		const store = createStore({cwd});
		assert.ok(store.getPosition('a.md')!.updatedAt <= Date.now());
		const moved = position(40, Date.now());
		store.setPosition('a.md', moved);
		assert.deepEqual(store.getPosition('a.md'), moved);
		assert.deepEqual((readJson(file)['positions'] as Record<string, PostPosition>)['a.md'], moved);
		// Version 0's positions too, and what migrateStoreData gives anyone else.
		const migrated = migrateStoreData({
			positions: {'b.md': {line: 3, updatedAt: ahead}, 'c.md': position(2, Number.MAX_VALUE)},
		});
		for (const id of ['b.md', 'c.md']) assert.ok(migrated.data.positions[id]!.updatedAt <= Date.now(), id);
	});

	test('top-level keys this version does not know are kept across writes and forget', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		const extra = {theme: 'light', bookmarks: {'a.md': [3, 5]}, schemaNote: null};
		fs.writeFileSync(
			file,
			JSON.stringify({schemaVersion: 1, positions: {'a.md': position(1)}, watched: {}, lastPostId: 'a.md', ...extra}),
		);
		const store = createStore({cwd});
		store.setPosition('b.md', position(2));
		store.setWatched('s1', true);
		assert.deepEqual(
			{
				theme: readJson(file)['theme'],
				bookmarks: readJson(file)['bookmarks'],
				schemaNote: readJson(file)['schemaNote'],
			},
			extra,
		);
		assert.equal(store.forget(), true);
		const after = readJson(file);
		assert.deepEqual({theme: after['theme'], bookmarks: after['bookmarks'], schemaNote: after['schemaNote']}, extra);
		// Keys it knows are its own: a forgotten last post is not brought back from the old file.
		assert.equal(after['lastPostId'], undefined);
		assert.deepEqual(after['positions'], {});
		// A key added by another run between two writes survives too.
		fs.writeFileSync(file, JSON.stringify({...readJson(file), addedLater: 1}));
		store.setPosition('c.md', position(3));
		assert.equal(readJson(file)['addedLater'], 1);
	});

	test('a file beyond the size cap is not read: left as it is, said at start, places kept in memory', () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		// Sparse: as large as the cap and a byte more, without writing it.
		fs.writeFileSync(file, '{');
		fs.truncateSync(file, maxStoreBytes + 1);
		const store = createStore({cwd});
		assert.equal(store.warnings.length, 1);
		assert.match(
			store.warnings[0]!,
			/could not be read \(it is 16 MB, more than the 16 MB a reading-position file may be; delete or move it/,
		);
		store.setPosition('a.md', position(1));
		assert.deepEqual(store.getPosition('a.md'), position(1));
		assert.equal(store.forget(), false);
		assert.equal(fs.statSync(file).size, maxStoreBytes + 1);
		assert.deepEqual(fs.readdirSync(cwd), ['config.json']);
	});

	test(
		"a FIFO in the file's place is not read (the read would wait forever)",
		{skip: process.platform === 'win32'},
		() => {
			const cwd = tempFolder();
			const file = path.join(cwd, 'config.json');
			assert.equal(spawnSync('mkfifo', [file]).status, 0);
			const store = createStore({cwd});
			assert.match(store.warnings[0] ?? '', /not a regular file/);
		},
	);

	test('a change that finds the lock taken waits at most waitMs, stays in memory, and is written once the lock is free', async () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		createStore({cwd}).setPosition('a.md', position(1));
		// Another live run holds the lock (staleMs keeps it from being abandoned while the test runs).
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], {stdio: 'ignore'});
		after(() => holder.kill('SIGKILL'));
		fs.mkdirSync(`${file}.lock`);
		fs.writeFileSync(
			path.join(`${file}.lock`, 'holder'),
			JSON.stringify({pid: holder.pid, host: os.hostname(), started: null}),
		);
		const store = createStore({cwd, lock: {waitMs: 0, staleMs: 600_000, timeoutMs: 600_000}});
		store.setPosition('b.md', position(2));
		store.setWatched('s1', true);
		store.setLastPostId('b.md');
		// Returned without the lock: in memory at once, not on disk, no problem.
		assert.deepEqual(store.getPosition('b.md'), position(2));
		assert.equal(store.isWatched('s1'), true);
		assert.equal(store.lastPostId(), 'b.md');
		assert.equal((readJson(file)['positions'] as object)['b.md' as keyof object], undefined);
		assert.equal(store.saveProblem, null);
		// The holder lets go.
		fs.rmSync(`${file}.lock`, {recursive: true, force: true});
		await store.settled();
		const saved = readJson(file);
		assert.deepEqual((saved['positions'] as Record<string, PostPosition>)['b.md'], position(2));
		assert.deepEqual((saved['positions'] as Record<string, PostPosition>)['a.md'], position(1));
		assert.deepEqual(saved['watched'], {s1: true});
		assert.equal(saved['lastPostId'], 'b.md');
		assert.deepEqual(store.warnings, []);
		assert.deepEqual(fs.readdirSync(cwd), ['config.json']);
	});

	test('a lock held past the timeout while changes wait: said once, places kept in memory, settled', async () => {
		const cwd = tempFolder();
		const file = path.join(cwd, 'config.json');
		fs.mkdirSync(path.join(cwd, 'config.json.lock'));
		const reported: string[] = [];
		const store = createStore({
			cwd,
			lock: {waitMs: 0, staleMs: 600_000, timeoutMs: 50},
			onWarning: (message) => reported.push(message),
		});
		store.setPosition('a.md', position(1));
		await store.settled();
		assert.equal(reported.length, 1);
		assert.match(reported[0]!, /cannot be written \(.*stayed locked by another run/);
		assert.deepEqual(store.getPosition('a.md'), position(1));
		assert.equal(fs.existsSync(file), false);
	});
});

describe('store schema', () => {
	test('prunes by updatedAt and migrates nonsense to an empty store', () => {
		const {data} = migrateStoreData({
			schemaVersion: 1,
			positions: {a: position(1, 3), b: position(2, 1), c: position(3, 2)},
			watched: {},
		});
		assert.deepEqual(Object.keys(prunePositions(data, 2).positions).sort(), ['a', 'c']);
		for (const nonsense of [null, 5, 'x', [], {positions: 'x', watched: 3, lastPostId: 9}]) {
			const migrated = migrateStoreData(nonsense);
			assert.deepEqual(
				{...migrated.data, positions: {...migrated.data.positions}, watched: {...migrated.data.watched}},
				{schemaVersion: 1, positions: {}, watched: {}},
			);
			assert.equal(migrated.isNewer, false);
		}
	});
});

describe('createDebouncedSaver', () => {
	type Call = [string, number];
	function recorder(): {calls: Call[]; setPosition(postId: string, value: PostPosition): void} {
		const calls: Call[] = [];
		return {calls, setPosition: (postId, value) => calls.push([postId, value.anchor.sourceLine])};
	}

	test('scrolling writes once per delay with the latest position, and no later than the delay', (context) => {
		context.mock.timers.enable({apis: ['setTimeout']});
		const store = recorder();
		const saver = createDebouncedSaver(store, 300);
		saver.save('a.md', position(1));
		saver.save('a.md', position(2));
		context.mock.timers.tick(200);
		assert.deepEqual(store.calls, []);
		saver.save('a.md', position(3));
		context.mock.timers.tick(100);
		// Continuous saving did not push the write back: it happened 300 ms after the first save.
		assert.deepEqual(store.calls, [['a.md', 3]]);
		saver.save('a.md', position(4));
		context.mock.timers.tick(299);
		assert.equal(store.calls.length, 1);
		context.mock.timers.tick(1);
		assert.deepEqual(store.calls, [
			['a.md', 3],
			['a.md', 4],
		]);
		context.mock.timers.tick(10_000);
		assert.equal(store.calls.length, 2);
	});

	test('flush writes at once, one write per post; cancel drops what is pending', (context) => {
		context.mock.timers.enable({apis: ['setTimeout']});
		const store = recorder();
		const saver = createDebouncedSaver(store);
		saver.save('a.md', position(1));
		saver.save('b.md', position(2));
		saver.save('a.md', position(3));
		saver.flush();
		assert.deepEqual(store.calls, [
			['a.md', 3],
			['b.md', 2],
		]);
		saver.flush();
		context.mock.timers.tick(1000);
		assert.equal(store.calls.length, 2);
		saver.save('c.md', position(4));
		saver.cancel();
		saver.flush();
		context.mock.timers.tick(1000);
		assert.equal(store.calls.length, 2);
	});

	test('with a real store: nothing on disk until the delay or flush', async () => {
		const cwd = tempFolder();
		const store = createStore({cwd});
		const saver = createDebouncedSaver(store, 30);
		saver.save('a.md', position(1));
		assert.equal(createStore({cwd}).getPosition('a.md'), undefined);
		// Written when the delay has passed: waited for, however busy the machine.
		assert.deepEqual(await waitFor(() => createStore({cwd}).getPosition('a.md')), position(1));
		saver.save('a.md', position(2));
		saver.flush();
		assert.deepEqual(createStore({cwd}).getPosition('a.md'), position(2));
	});
});

function restoreEnv(name: string, value: string | undefined): void {
	if (value === undefined) {
		delete process.env[name];
	} else {
		process.env[name] = value;
	}
}
