import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {parseCli, suggestCommand, UsageError} from '../../src/cli/args.js';
import {bundledPosts, runCli} from '../helpers/run-cli.js';

const post2023 = fileURLToPath(new URL('../../posts/2023-04-27-kubecon-eu-2023.md', import.meta.url));

describe('command-line words', () => {
	test('a negative number is a value, and the error says what the option takes in one line', () => {
		assert.throws(
			() => parseCli(['--width', '-5']),
			(error: unknown) =>
				error instanceof UsageError && error.message === "--width takes a whole number from 20 to 1000, not '-5'",
		);
	});

	test('a mistyped command is suggested', () => {
		assert.equal(suggestCommand('sesions'), 'sessions');
		assert.equal(suggestCommand('topcs'), 'topics');
		assert.equal(suggestCommand('notes'), null);
	});
});

describe('command-line words through the CLI', () => {
	test('sesions: no such file, did you mean sessions (exit 2, one line)', async () => {
		const result = await runCli(['sesions']);
		assert.equal(result.code, 2);
		assert.equal(
			result.stderr,
			"kubecon-notes: no such file or folder: sesions (did you mean 'kubecon-notes sessions'?)\n",
		);
	});

	test('--day that names no day of the notes is bad usage (exit 2) and lists the days', async () => {
		const result = await runCli(['sessions', '--day', 'abc']);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /^kubecon-notes: --day abc: these notes have days 1, 2, 3\n/);
	});

	test('a folder where a post is expected hints --posts', async () => {
		const result = await runCli(['topics', bundledPosts]);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /is a folder, not a post: to read the posts in it, use --posts /);
	});

	test('numbers match exactly: read 2025 matches neither 2023 nor 2024', async () => {
		const result = await runCli(['read', '2025']);
		assert.equal(result.code, 1);
		assert.match(result.stderr, /^kubecon-notes: no post matches '2025'/);
	});

	test('many matches read as English: "matches 6 topics of …"', async () => {
		const result = await runCli(['read', '2023', '--topic', 'on']);
		assert.equal(result.code, 1);
		assert.match(result.stderr, /^kubecon-notes: 'on' matches \d+ topics of 2023-04-27-kubecon-eu-2023\.md:\n/);
	});

	test('- means standard input for read and topics', async () => {
		const text = readFileSync(post2023, 'utf8');
		const topics = await runCli(['topics', '-'], {input: text});
		assert.equal(topics.code, 0, topics.stderr);
		assert.match(topics.stdout, /^-\tOn gitops and CI\/CD pipelines$/m);
		const read = await runCli(['read', '-', '--topic', 'etcd'], {input: text});
		assert.equal(read.code, 0, read.stderr);
		assert.match(read.stdout, /On etcd, performance and resource management/);
	});
});
