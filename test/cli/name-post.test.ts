import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {runCli} from '../helpers/run-cli.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));
const storage = '2024-05-02-storage-day.md';
const anchor = {sourceLine: 3, blockKey: 'x', blockFraction: 0, topic: null, progress: 0.5};

const folders: string[] = [];
after(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});

/** A config folder holding a place for the storage post. */
function storeWithPlace(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubecon-notes-name-'));
	folders.push(dir);
	fs.writeFileSync(
		path.join(dir, 'config.json'),
		JSON.stringify({schemaVersion: 1, positions: {[storage]: {anchor, readTopics: [], updatedAt: 1}}, watched: {}}),
	);
	return dir;
}

describe('one rule for naming a post: read, topics, forget', () => {
	test('path (absolute or relative), id, slug or loose title name the same post in each command', async () => {
		const relative = path.relative(process.cwd(), path.join(basic, storage));
		for (const name of [path.join(basic, storage), relative, storage, 'storage-day', 'Storage day', 'storage']) {
			const topics = await runCli(['topics', name, '--posts', basic]);
			assert.equal(topics.code, 0, `${name}: ${topics.stderr}`);
			assert.equal(topics.stdout.split('\n')[0], `${storage}\tIntroduction`, name);
			const read = await runCli(['read', name, '--posts', basic, '--topic', 'snap']);
			assert.equal(read.code, 0, `${name}: ${read.stderr}`);
			assert.match(read.stdout, /Snapshots are cheap/);
			const dir = storeWithPlace();
			const forget = await runCli(['forget', name, '--posts', basic], {env: {KUBECON_NOTES_CONFIG_DIR: dir}});
			assert.equal(forget.code, 0, `${name}: ${forget.stderr}`);
			assert.equal(forget.stdout, `Forgot the reading position of ${storage}.\n`, name);
			const explain = await runCli(['sessions', '--explain', name, '--posts', basic]);
			assert.equal(explain.code, 0, `${name}: ${explain.stderr}`);
			assert.match(explain.stdout, new RegExp(`^${storage.replaceAll('.', '\\.')} `), name);
		}
	});

	test('a file outside the posts read is read alone, by sessions --explain as by read', async () => {
		const file = path.join(basic, storage);
		for (const command of [
			['read', file],
			['sessions', '--explain', file],
		]) {
			const result = await runCli(command);
			assert.equal(result.code, 0, `${command.join(' ')}: ${result.stderr}`);
			assert.match(result.stdout, command[0] === 'read' ? /Snapshots are cheap/ : /^2024-05-02-storage-day\.md /);
		}
	});

	test('a name that matches nothing, or several posts, is said the same way by each command (exit 1)', async () => {
		for (const [name, expected] of [
			[
				'nope',
				"kubecon-notes: no post matches 'nope' (kubecon-notes topics lists them; --posts DIR reads another folder)\n",
			],
			[
				'nonexistent',
				"kubecon-notes: no post matches 'nonexistent' (kubecon-notes topics lists them; --posts DIR reads another folder)\n",
			],
			[
				'notes',
				`kubecon-notes: 'notes' matches 2 posts:\n  ${storage}  (Storage day: notes)\n  2023-11-20-network-notes.markdown  (Network notes)\n`,
			],
		] as const) {
			for (const command of ['read', 'topics', 'forget']) {
				const result = await runCli([command, name, '--posts', basic]);
				assert.equal(result.code, 1, `${command} ${name}`);
				assert.equal(result.stdout, '');
				assert.equal(result.stderr, expected, `${command} ${name}`);
			}
		}
	});

	test('a typo of a long word still names its post; a short word is never a typo', async () => {
		assert.equal(
			(await runCli(['topics', 'netwrok', '--posts', basic])).stdout,
			'2023-11-20-network-notes.markdown\tOn CNI\n',
		);
		assert.equal((await runCli(['topics', 'nots', '--posts', basic])).code, 1);
	});

	test('forget says when there was nothing to forget, for one post and for all', async () => {
		const dir = storeWithPlace();
		const env = {KUBECON_NOTES_CONFIG_DIR: dir};
		const first = await runCli(['forget', 'storage', '--posts', basic], {env});
		assert.equal(first.stdout, `Forgot the reading position of ${storage}.\n`);
		const again = await runCli(['forget', 'storage', '--posts', basic], {env});
		assert.equal(again.code, 0);
		assert.equal(
			again.stdout,
			`Nothing to forget: no reading position of ${storage} is kept (${path.join(dir, 'config.json')}).\n`,
		);
		const all = await runCli(['forget', '--posts', basic], {env});
		assert.equal(all.stdout, `Nothing to forget: no reading positions are kept (${path.join(dir, 'config.json')}).\n`);
	});

	test('--topic follows the same rule; the introduction is a topic as in the sidebar', async () => {
		const intro = await runCli(['read', 'storage', '--posts', basic, '--topic', 'intro']);
		assert.equal(intro.code, 0, intro.stderr);
		assert.match(intro.stdout, /A short day about storage/);
		const none = await runCli(['read', 'storage', '--posts', basic, '--topic', 'nope']);
		assert.equal(none.code, 1);
		assert.equal(none.stderr, `kubecon-notes: no topic of ${storage} matches 'nope'\n`);
	});
});

describe('topics: one topic a line', () => {
	test('a topic whose name runs over two lines (a bold paragraph) is printed on one', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubecon-notes-topic-lines-'));
		folders.push(dir);
		fs.writeFileSync(
			path.join(dir, '2024-02-03-fosdem.md'),
			'---\ntitle: Fosdem\n---\nIntro.\n\n**Talk to someone you do not know about\n  something you know nothing about.**\n\nText.\n\n**Eat well**\n\nMore.\n',
		);
		const result = await runCli(['topics', '--posts', dir]);
		assert.equal(result.code, 0, result.stderr);
		for (const line of result.stdout.trimEnd().split('\n')) assert.equal(line.split('\t').length, 2, line);
		assert.match(result.stdout, /\tTalk to someone you do not know about something you know nothing about\.\n/);
	});
});
