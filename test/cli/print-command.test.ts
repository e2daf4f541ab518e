import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {ANY_ESCAPE, cliPath, runCli} from '../helpers/run-cli.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));

describe('printed output', () => {
	test('read: one post as plain text at --width, header first', async () => {
		const result = await runCli(['read', 'storage', '--posts', basic, '--width', '50']);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(
			result.stdout,
			[
				'Storage day: notes',
				'2024-05-02 · #storage #csi',
				'─'.repeat(50),
				'',
				'A short day about storage.',
				'',
				'Sessions I attended on the first day:',
				'',
				'• Volumes Everywhere - Ana Gómez, Acme & Bo Li,',
				'  Initech (https://sched.co/AAA1)',
				'• CSI Deep Dive - Cy Wu, Initech',
				"  (https://sched.co/AAA2) (couldn't get in, room",
				'  full)',
				'',
				'## Volumes',
				'',
				'Volumes are shared now.',
				'',
				'## Snapshots',
				'',
				'Snapshots are cheap.',
				'',
			].join('\n'),
		);
	});

	test('read --topic: one topic of the post', async () => {
		const result = await runCli(['read', 'storage', '--topic', 'snap', '--posts', basic, '--width', '50']);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout.split('\n').slice(4).join('\n'), '## Snapshots\n\nSnapshots are cheap.\n');
	});

	test('all posts, newest first, each with its header; no escape codes in a pipe', async () => {
		const result = await runCli(['--posts', basic, '--width', '60']);
		assert.equal(result.code, 0, result.stderr);
		const titles = result.stdout.split('\n').filter((_, index, lines) => lines[index + 2]?.startsWith('───'));
		assert.deepEqual(titles, ['Storage day: notes', 'Network notes']);
		assert.doesNotMatch(result.stdout, ANY_ESCAPE);
		assert.ok(result.stdout.split('\n').every((line) => [...line].length <= 60));
	});

	test('colour: --color=always and FORCE_COLOR style a pipe; NO_COLOR and --color=never do not', async () => {
		const always = await runCli(['read', 'storage', '--posts', basic, '--color=always']);
		assert.match(always.stdout, /\u001B\[1mStorage day: notes\u001B\[22m/);
		const forced = await runCli(['read', 'storage', '--posts', basic], {env: {FORCE_COLOR: '1'}});
		assert.match(forced.stdout, /\u001B\[/);
		// NO_COLOR is the reader's standing wish: it outranks FORCE_COLOR; only --color=always outranks it.
		const noColor = await runCli(['read', 'storage', '--posts', basic], {env: {NO_COLOR: '1', FORCE_COLOR: '1'}});
		assert.doesNotMatch(noColor.stdout, ANY_ESCAPE);
		const never = await runCli(['read', 'storage', '--posts', basic, '--color=never'], {env: {FORCE_COLOR: '1'}});
		assert.doesNotMatch(never.stdout, ANY_ESCAPE);
		const flagWins = await runCli(['read', 'storage', '--posts', basic, '--color=always'], {env: {NO_COLOR: '1'}});
		assert.match(flagWins.stdout, /\u001B\[/);
	});

	test('standard input is a post', async () => {
		const result = await runCli(['-', '--width', '40'], {
			input: '---\ntitle: Piped\n---\n\n## Only\n\nText from a pipe.\n',
		});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^Piped\n─{40}\n\n## Only\n\nText from a pipe\.\n$/);
	});

	test('a closed pipe ends quietly: | head -3', async () => {
		const child = spawn('bash', [
			'-c',
			`node ${JSON.stringify(cliPath)} --posts ${JSON.stringify(basic)} | head -3; echo "status=\${PIPESTATUS[0]}"`,
		]);
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		await new Promise((resolve) => child.on('close', resolve));
		assert.equal(out.split('\n').length, 5);
		assert.match(out, /status=0/);
		assert.equal(err, '');
	});
});

describe('kubecon-notes sessions', () => {
	test('tab-separated in a pipe: day, title, speakers, note, missed, url, post, watched', async () => {
		const result = await runCli(['sessions', '--posts', basic]);
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(result.stdout.split('\n'), [
			'Day 1\tVolumes Everywhere\tAna Gómez, Acme & Bo Li, Initech\t\t\thttps://sched.co/AAA1\t2024-05-02-storage-day.md\twatched',
			"Day 1\tCSI Deep Dive\tCy Wu, Initech\tcouldn't get in, room full\tmissed\thttps://sched.co/AAA2\t2024-05-02-storage-day.md\t",
			'Day 2\teBPF for Everyone\tDee Ray, Example Co\t\t\thttps://sched.co/BBB1\t2023-11-20-network-notes.markdown\twatched',
			'Day 2\tKeynote\t\t\t\t\t2023-11-20-network-notes.markdown\twatched',
			'',
		]);
	});

	test('--json: every key, field by field', async () => {
		const result = await runCli(['sessions', 'ebpf', '--json', '--posts', basic]);
		assert.equal(result.code, 0, result.stderr);
		const sessions = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
		assert.equal(sessions.length, 1);
		assert.deepEqual(sessions[0], {
			title: 'eBPF for Everyone',
			speakers: 'Dee Ray, Example Co',
			people: ['Dee Ray'],
			organizations: ['Example Co'],
			url: 'https://sched.co/BBB1',
			day: 'Day 2',
			note: null,
			missed: false,
			post: '2023-11-20-network-notes.markdown',
			line: 13,
			watched: true,
		});
	});

	test('--missed and --day filter; nothing matched exits 1', async () => {
		const missed = await runCli(['sessions', '--missed', '--json', '--posts', basic]);
		assert.deepEqual(
			(JSON.parse(missed.stdout) as Array<{title: string}>).map((s) => s.title),
			['CSI Deep Dive'],
		);
		const day2 = await runCli(['sessions', '--day', '2', '--json', '--posts', basic]);
		assert.deepEqual(
			(JSON.parse(day2.stdout) as Array<{title: string}>).map((s) => s.title),
			['eBPF for Everyone', 'Keynote'],
		);
		const none = await runCli(['sessions', 'zzzzqqq', '--posts', basic]);
		assert.equal(none.code, 1);
		assert.equal(none.stdout, '');
		assert.equal(none.stderr, "kubecon-notes: no sessions match 'zzzzqqq'\n");
	});

	test('the bundled posts: 23 sessions, 3 missed, and etcd finds its talk', async () => {
		const all = JSON.parse((await runCli(['sessions', '--json'])).stdout) as Array<{missed: boolean}>;
		assert.equal(all.length, 23);
		assert.equal(all.filter((s) => s.missed).length, 3);
		const etcd = JSON.parse((await runCli(['sessions', 'etcd', '--json'])).stdout) as Array<{
			title: string;
			people: string[];
		}>;
		assert.equal(etcd[0]!.title, 'Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes');
		assert.deepEqual(etcd[0]!.people, ['Marcel Zięba', 'Laurent Bernaille']);
	});
});
