import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {copySequence, openUrl} from '../../src/ui/link-actions.js';
import {forbiddenEscape, hostilePosts, writeHostileFolder} from '../fixtures/hostile.js';
import {runCli} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'kn-hostile-cli-'));
after(() => rmSync(dir, {recursive: true, force: true}));
const posts = join(dir, 'posts');
writeHostileFolder(posts, {huge: true});

describe('hostile posts through the command line', () => {
	test('printed plain: every post prints, each bad file is one warning line, no escape at all', async () => {
		const result = await runCli(['--posts', posts, '--width', '80']);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(forbiddenEscape(result.stdout), null);
		assert.doesNotMatch(result.stdout, /[\u001B\u009B]/);
		const warnings = result.stderr.trimEnd().split('\n');
		// Five unreadable files, and the deeply nested post (its nesting is cut, with a warning).
		assert.equal(warnings.length, 6, result.stderr);
		for (const line of warnings) assert.match(line, /^kubecon-notes: warning: \S+: /);
		assert.doesNotMatch(result.stderr, /[\u001B\u009B]/);
		for (const name of Object.keys(hostilePosts))
			assert.ok(
				!result.stderr.includes(`${name}:`) || name.includes('broken-yaml') || name.includes('deep-nesting'),
				name,
			);
	});

	test('printed styled: only our SGR codes and http(s)/mailto OSC 8 links', async () => {
		const result = await runCli(['--posts', posts, '--width', '80', '--color=always'], {env: {FORCE_HYPERLINK: '1'}});
		assert.equal(result.code, 0);
		assert.equal(forbiddenEscape(result.stdout), null);
		assert.match(result.stdout, /\u001B\]8;;https:\/\/sched\.co\/ok/);
		assert.doesNotMatch(result.stdout, /\u001B\]8;;(javascript|file|data):/);
		// A URL written out in the text may be clickable as itself; no hidden target behind other words.
		assert.doesNotMatch(
			result.stdout,
			/\u001B\]8;;https:\/\/evil[^\u001B]*\u001B\\(?:\u001B\[[\d;]*m)*(?:click|innocent)/,
		);
	});

	test('sessions --json: valid JSON, no control characters, unsafe links null', async () => {
		const result = await runCli(['sessions', '--json', '--posts', posts]);
		assert.equal(result.code, 0, result.stderr);
		const sessions = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
		assert.ok(sessions.length >= 5);
		assert.doesNotMatch(JSON.stringify(sessions), /\\u00(1b|07|9b)/i);
		assert.deepEqual(
			sessions.filter((s) => s['post'] === '2024-01-03-bad-schemes.md').map((s) => s['url']),
			[null, null, null, 'https://sched.co/ok'],
		);
	});

	test('a folder of 10,000 posts loads (titles listed) without a warning', async () => {
		const many = join(dir, 'many');
		mkdirSync(many);
		for (let index = 0; index < 10_000; index++)
			writeFileSync(join(many, `2020-01-01-p${index}.md`), `---\ntitle: Post ${index}\n---\n\n## Topic ${index}\n`);
		const result = await runCli(['topics', '--posts', many]);
		assert.equal(result.code, 0);
		assert.equal(result.stdout.trimEnd().split('\n').length, 10_000);
		assert.equal(result.stderr, '');
	});
});

describe('links leave only as http(s)/mailto, and never through a shell', () => {
	test('openUrl passes the URL as one argument to the opener, unexpanded', async () => {
		const log = join(dir, 'argv.txt');
		const fake = join(dir, 'fake-opener.sh');
		writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > ${JSON.stringify(log)}\n`);
		chmodSync(fake, 0o755);
		const url = 'https://example.org/a?b=$(touch${IFS}pwned)&c=`id`;d';
		assert.equal(await openUrl(url, fake), null);
		// The opener runs detached: wait for what it writes, not for a time.
		await waitFor(() => readFileSync(log, {flag: 'a+'}).length > 0);
		assert.equal(readFileSync(log, 'utf8'), `1\n${url}\n`);
	});

	test('other schemes are refused; a missing opener is reported with the link', async () => {
		assert.match((await openUrl('javascript:alert(1)', '/bin/true'))!, /only http, https and mailto/);
		assert.match((await openUrl('file:///etc/passwd', '/bin/true'))!, /Not opened/);
		assert.match((await openUrl('https://sched.co/x', '/no/such/opener'))!, /the link is https:\/\/sched\.co\/x/);
		assert.equal(copySequence('javascript:alert(1)'), null);
		assert.equal(
			copySequence('https://sched.co/x'),
			`\u001B]52;c;${Buffer.from('https://sched.co/x').toString('base64')}\u0007`,
		);
	});
});
