import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {sessionsTable} from '../../src/cli/print-sessions.js';
import type {Session} from '../../src/posts/types.js';
import {sessionKey} from '../../src/search/session-index.js';
import {runCli} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));
const storage = '2024-05-02-storage-day.md';
const network = '2023-11-20-network-notes.markdown';

const key = (postId: string, title: string) => sessionKey({postId, title} as Session);

function storeWith(content: object | string): string {
	const dir = tempFolder();
	fs.writeFileSync(path.join(dir, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content));
	return dir;
}

const anchor = {sourceLine: 3, blockKey: 'x', blockFraction: 0, topic: null, progress: 0.5};
const twoPlaces = {
	schemaVersion: 1,
	positions: {[storage]: {anchor, readTopics: [], updatedAt: 1}, [network]: {anchor, readTopics: [], updatedAt: 2}},
	watched: {},
};

describe('sessions shows the watched marks', () => {
	test('--json has watched: the mark set in the reader, else true unless missed; TSV ends with it', async () => {
		// The missed talk was watched later; an attended one is marked to watch again.
		const dir = storeWith({
			schemaVersion: 1,
			positions: {},
			watched: {[key(storage, 'CSI Deep Dive')]: true, [key(network, 'eBPF for Everyone')]: false},
		});
		const json = await runCli(['sessions', '--json', '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
		assert.equal(json.code, 0, json.stderr);
		const watched = Object.fromEntries(
			(JSON.parse(json.stdout) as Array<{title: string; watched: boolean}>).map((s) => [s.title, s.watched]),
		);
		assert.deepEqual(watched, {
			'Volumes Everywhere': true,
			'CSI Deep Dive': true,
			'eBPF for Everyone': false,
			Keynote: true,
		});
		const tsv = await runCli(['sessions', '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
		assert.deepEqual(
			tsv.stdout
				.trimEnd()
				.split('\n')
				.map((line) => line.split('\t')[7]),
			['watched', 'watched', '', 'watched'],
		);
	});

	test('the table marks watched ✓ and to watch ◌', () => {
		const session = (title: string, missed: boolean) =>
			({title, missed, day: 'Day 1', speakers: 'A B', postId: 'p.md'}) as Session;
		const rows = sessionsTable(
			[session('Seen', false), session('Missed', true), session('Seen later', true)],
			80,
			false,
			(s) => s.title !== 'Missed',
		);
		assert.deepEqual(
			rows.map((row) => row[0]),
			['✓', '◌', '✓'],
		);
	});
});

describe('forget', () => {
	test('forgets one post, or all, and says so', async () => {
		const dir = storeWith(twoPlaces);
		const env = {KUBECON_NOTES_CONFIG_DIR: dir};
		const one = await runCli(['forget', 'storage', '--posts', basic], {env});
		assert.equal(one.code, 0, one.stderr);
		assert.equal(one.stdout, `Forgot the reading position of ${storage}.\n`);
		const left = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {positions: object};
		assert.deepEqual(Object.keys(left.positions), [network]);
		const all = await runCli(['forget', '--posts', basic], {env});
		assert.equal(all.code, 0, all.stderr);
		assert.match(all.stdout, /^Forgot every reading position/);
	});

	test('a store that cannot be written or read: nothing to forget says so; an unreadable one is exit 2, "nothing was forgotten", the file untouched', async () => {
		const blocker = path.join(tempFolder(), 'a-file');
		fs.writeFileSync(blocker, 'x');
		const unwritable = await runCli(['forget', '--posts', basic], {
			env: {KUBECON_NOTES_CONFIG_DIR: path.join(blocker, 'store')},
		});
		assert.equal(unwritable.code, 0);
		assert.match(unwritable.stdout, /^Nothing to forget: no reading positions are kept/);
		assert.doesNotMatch(unwritable.stderr, /until you quit|Forgot/);

		// A folder in the file's place cannot be read: it is neither forgotten nor moved aside.
		const dir = tempFolder();
		fs.mkdirSync(path.join(dir, 'config.json'));
		const unreadable = await runCli(['forget', '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
		assert.equal(unreadable.code, 2);
		assert.match(unreadable.stderr, /nothing was forgotten: .*could not be read/);
		assert.deepEqual(fs.readdirSync(dir), ['config.json']);
	});

	test('a lock dated in the future, or left by a run that is gone, does not stop forget', async () => {
		for (const make of [
			(lock: string) => {
				fs.mkdirSync(lock);
				const ahead = new Date(Date.now() + 86_400_000);
				fs.utimesSync(lock, ahead, ahead);
			},
			(lock: string) => {
				fs.mkdirSync(lock);
				fs.writeFileSync(
					path.join(lock, 'holder'),
					JSON.stringify({pid: 2 ** 22 + 1, host: os.hostname(), started: null}),
				);
			},
		]) {
			const dir = storeWith(twoPlaces);
			make(path.join(dir, 'config.json.lock'));
			const result = await runCli(['forget', '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
			assert.equal(result.code, 0, result.stderr);
			assert.match(result.stdout, /^Forgot every reading position/);
			assert.deepEqual(fs.readdirSync(dir), ['config.json']);
		}
	});

	test('a store file beyond the size cap: exit 2, "nothing was forgotten", left as it is', async () => {
		const dir = storeWith('{');
		fs.truncateSync(path.join(dir, 'config.json'), 17 * 1024 * 1024);
		const result = await runCli(['forget', '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
		assert.equal(result.code, 2);
		assert.match(
			result.stderr,
			/^kubecon-notes: nothing was forgotten: .*config\.json could not be read \(it is 17 MB, more than the 16 MB/,
		);
		assert.equal(fs.statSync(path.join(dir, 'config.json')).size, 17 * 1024 * 1024);
	});

	test('a corrupt store is moved aside with a warning, and forget goes on', async () => {
		const dir = storeWith('{"positions": ');
		const result = await runCli(['forget', '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stderr, /^kubecon-notes: warning: .*is not valid.*moved to/);
		assert.equal(fs.readdirSync(dir).filter((name) => name.includes('.corrupt-')).length, 1);
	});
});

describe('commands that do not write leave the store alone; sessions, which reads it, says when it is bad', () => {
	const broken: Array<[string, () => string]> = [
		['corrupt', () => storeWith('{"positions": ')],
		[
			'unreadable (a folder)',
			() => {
				const dir = tempFolder();
				fs.mkdirSync(path.join(dir, 'config.json'));
				return dir;
			},
		],
		[
			'unwritable (a file in the folder’s place)',
			() => {
				const blocker = path.join(tempFolder(), 'a-file');
				fs.writeFileSync(blocker, 'x');
				return path.join(blocker, 'store');
			},
		],
	];
	for (const [name, make] of broken) {
		test(`a ${name} store: topics, read and the printed posts print no warning, sessions one naming the file; nothing changes`, async () => {
			const dir = make();
			const before = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : null;
			const isThere = !name.startsWith('unwritable');
			for (const args of [['sessions'], ['sessions', '--json'], ['topics'], ['read', 'storage'], []]) {
				const result = await runCli([...args, '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
				assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
				if (args[0] === 'sessions' && isThere) {
					assert.match(
						result.stderr,
						new RegExp(
							`^kubecon-notes: warning: The reading-position file ${path.join(dir, 'config.json')} (is not valid|could not be read) \\(.*\\); it was read as empty`,
						),
						args.join(' '),
					);
					assert.equal(result.stderr.split('\n').length, 2, result.stderr);
				} else {
					assert.equal(result.stderr, '', args.join(' '));
				}
			}
			assert.deepEqual(fs.existsSync(dir) ? fs.readdirSync(dir).sort() : null, before);
		});
	}
});
