import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {runCli} from '../helpers/run-cli.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));

describe('kubecon-notes topics, errors and exit codes', () => {
	test('topics: one a line, post id and topic tab-separated, newest post first, as the sidebar lists them (Introduction too); drafts hidden', async () => {
		const result = await runCli(['topics', '--posts', basic]);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stderr, '');
		assert.equal(
			result.stdout,
			[
				'2024-05-02-storage-day.md\tIntroduction',
				'2024-05-02-storage-day.md\tVolumes',
				'2024-05-02-storage-day.md\tSnapshots',
				'2023-11-20-network-notes.markdown\tOn CNI',
				'',
			].join('\n'),
		);
	});

	test('topics of one post, named loosely', async () => {
		const result = await runCli(['topics', 'network', '--posts', basic]);
		assert.equal(result.stdout, '2023-11-20-network-notes.markdown\tOn CNI\n');
	});

	test('a post named by its file: topics and read --topic read that file', async () => {
		const file = `${basic}/2023-11-20-network-notes.markdown`;
		const topics = await runCli(['topics', file]);
		assert.equal(topics.code, 0, topics.stderr);
		assert.equal(topics.stdout, '2023-11-20-network-notes.markdown\tOn CNI\n');
		const read = await runCli(['read', file, '--topic', 'cni', '--width', '60']);
		assert.equal(read.code, 0, read.stderr);
		assert.match(read.stdout, /^Network notes\n/);
		assert.match(read.stdout, /On CNI/);
	});

	test('an unknown post exits 1; an ambiguous one lists the candidates and exits 1', async () => {
		const unknown = await runCli(['read', 'zzzz', '--posts', basic]);
		assert.equal(unknown.code, 1);
		assert.equal(unknown.stdout, '');
		assert.equal(
			unknown.stderr,
			"kubecon-notes: no post matches 'zzzz' (kubecon-notes topics lists them; --posts DIR reads another folder)\n",
		);
		const ambiguous = await runCli(['read', 'notes', '--posts', basic]);
		assert.equal(ambiguous.code, 1);
		assert.match(
			ambiguous.stderr,
			/'notes' matches 2 posts:\n {2}2024-05-02-storage-day\.md {2}\(Storage day: notes\)\n {2}2023-11-20-network-notes\.markdown {2}\(Network notes\)\n$/,
		);
	});

	test('a missing path and bad usage exit 2 with one line, no stack trace', async () => {
		const missing = await runCli(['/no/such/folder']);
		assert.equal(missing.code, 2);
		assert.equal(missing.stderr, 'kubecon-notes: no such file or folder: /no/such/folder\n');
		const usage = await runCli(['--width', 'wide']);
		assert.equal(usage.code, 2);
		assert.equal(
			usage.stderr.split('\n')[0],
			"kubecon-notes: --width takes a whole number from 20 to 1000, not 'wide'",
		);
		assert.doesNotMatch(usage.stderr, /\n\s+at /);
	});

	test('--version and --help', async () => {
		const version = await runCli(['--version']);
		assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
		const help = await runCli(['--help']);
		assert.match(help.stdout, /^kubecon-notes \d+\.\d+\.\d+: a terminal reader/);
		assert.match(help.stdout, /sessions \[QUERY\]/);
	});

	test('warnings about single posts go to stderr, one line each, and the rest print', async () => {
		const result = await runCli(['topics', '--posts', '-'], {input: '---\ntitle: [broken\n---\n## Only topic\n'});
		assert.equal(result.code, 0);
		assert.equal(result.stdout, '-\tOnly topic\n');
		assert.match(result.stderr, /^kubecon-notes: warning: standard input:2: front matter is not valid YAML \(.+\)\n$/);
	});
});
