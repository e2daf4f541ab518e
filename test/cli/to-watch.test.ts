import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {parseCli, UsageError} from '../../src/cli/args.js';
import {isWatched, markdownText, sessionsMarkdown, toWatchSessions} from '../../src/cli/to-watch.js';
import {loadLibrary} from '../../src/posts/load-library.js';
import type {Session} from '../../src/posts/types.js';
import {sessionKey} from '../../src/search/session-index.js';
import {createStore} from '../../src/store/writer.js';
import {ANY_ESCAPE, runCli} from '../helpers/run-cli.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));
/** The store key of a fixture talk, as the reader's `w` writes it. */
const keyOf = (title: string) =>
	sessionKey(
		loadLibrary([basic])
			.posts.flatMap((post) => post.loadBody().sessions)
			.find((session) => session.title === title)!,
	);

function session(title: string, fields: Partial<Session> = {}): Session {
	return {
		title,
		speakers: null,
		people: [],
		organizations: [],
		url: null,
		day: null,
		dayNumber: null,
		note: null,
		missed: false,
		postId: 'p.md',
		line: 1,
		fileLine: 1,
		...fields,
	};
}

/** A config folder for the store, removed after the test. */
function configDir(t: {after: (fn: () => void) => void}): string {
	const folder = mkdtempSync(join(tmpdir(), 'kn-towatch-'));
	t.after(() => rmSync(folder, {recursive: true, force: true}));
	return folder;
}

describe('the to-watch rule and the markdown checklist', () => {
	const missed = session('Missed talk', {missed: true, speakers: 'Ana, Acme', url: 'https://sched.co/A'});
	const attended = session('Attended talk');
	test('a missed talk is to watch until marked watched; any talk marked to watch is on the list', () => {
		assert.deepEqual(
			toWatchSessions([missed, attended], () => undefined),
			[missed],
		);
		assert.deepEqual(
			toWatchSessions([missed, attended], (key) => (key.endsWith('missed talk') ? true : undefined)),
			[],
		);
		assert.deepEqual(
			toWatchSessions([missed, attended], (key) => (key.endsWith('attended talk') ? false : undefined)),
			[missed, attended],
		);
		assert.equal(
			isWatched(attended, () => undefined),
			true,
		);
	});
	test('one line a talk: a box, the title and speakers linked, watched ones ticked', () => {
		assert.deepEqual(
			sessionsMarkdown([missed, attended], () => undefined),
			['- [ ] [Missed talk — Ana, Acme](https://sched.co/A)', '- [x] Attended talk'],
		);
	});
	test('hostile titles print as text: markup escaped, control characters shown, the link cannot be cut short', () => {
		const hostile = session('*Bold* [x](javascript:1) <b>\u001B[31mred', {url: 'https://e.x/a b)(c', missed: true});
		const [line] = sessionsMarkdown([hostile], () => undefined);
		assert.equal(line, '- [ ] [\\*Bold\\* \\[x\\](javascript:1) \\<b\\>␛\\[31mred](https://e.x/a%20b%29%28c)');
		assert.doesNotMatch(line!, ANY_ESCAPE);
		assert.equal(markdownText('Q&A (OPA) &amp;'), 'Q&A (OPA) \\&amp;');
	});
	test('--to-watch and --format md go with sessions only; --format takes md', () => {
		assert.deepEqual(parseCli(['sessions', '--to-watch', '--format', 'md']).command, {
			kind: 'sessions',
			paths: [],
			query: '',
			missed: false,
			day: null,
			json: false,
			toWatch: true,
			format: 'md',
		});
		for (const argv of [
			['--to-watch'],
			['read', 'x', '--format', 'md'],
			['sessions', '--format', 'html'],
			['sessions', '--json', '--format', 'md'],
		]) {
			assert.throws(() => parseCli(argv), UsageError, argv.join(' '));
		}
	});
	test('--no-mouse turns the mouse off; it is on by default', () => {
		assert.equal(parseCli([]).mouse, true);
		assert.equal(parseCli(['--no-mouse']).mouse, false);
	});
});

describe('sessions --to-watch through the CLI', () => {
	test('lists the talks marked missed and not yet watched; a watched mark takes one off', async (t) => {
		const config = configDir(t);
		const env = {KUBECON_NOTES_CONFIG_DIR: config};
		const before = await runCli(['sessions', '--to-watch', '--posts', basic], {env});
		assert.equal(before.code, 0, before.stderr);
		assert.deepEqual(
			before.stdout
				.trimEnd()
				.split('\n')
				.map((line) => line.split('\t')[1]),
			['CSI Deep Dive'],
		);
		const markdown = await runCli(['sessions', '--to-watch', '--format', 'md', '--posts', basic], {env});
		assert.equal(markdown.stdout, '- [ ] [CSI Deep Dive — Cy Wu, Initech](https://sched.co/AAA2)\n');

		createStore({cwd: config}).setWatched(keyOf('CSI Deep Dive'), true);
		const after = await runCli(['sessions', '--to-watch', '--posts', basic], {env});
		assert.equal(after.code, 1);
		assert.equal(after.stdout, '');
		assert.equal(after.stderr, 'kubecon-notes: nothing left to watch: no talk is marked missed and not yet watched\n');
		const all = await runCli(['sessions', '--format', 'md', '--posts', basic], {env});
		assert.match(all.stdout, /^- \[x\] \[CSI Deep Dive — Cy Wu, Initech\]\(https:\/\/sched\.co\/AAA2\)$/m);
	});

	test('a talk marked to watch in the reader is listed though the notes do not say missed', async (t) => {
		const config = configDir(t);
		createStore({cwd: config}).setWatched(keyOf('eBPF for Everyone'), false);
		const result = await runCli(['sessions', '--to-watch', '--format', 'md', '--posts', basic], {
			env: {KUBECON_NOTES_CONFIG_DIR: config},
		});
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(result.stdout.trimEnd().split('\n').sort(), [
			'- [ ] [CSI Deep Dive — Cy Wu, Initech](https://sched.co/AAA2)',
			'- [ ] [eBPF for Everyone — Dee Ray, Example Co](https://sched.co/BBB1)',
		]);
	});

	test('a corrupt store is read as empty, said once with its path, and left alone (the reader and forget, which write, move it aside)', async (t) => {
		const config = configDir(t);
		const store = createStore({cwd: config});
		store.setWatched('x#y', true);
		writeFileSync(store.path, '{not json');
		const result = await runCli(['sessions', '--to-watch', '--posts', basic], {
			env: {KUBECON_NOTES_CONFIG_DIR: config},
		});
		assert.equal(result.code, 0);
		// The parser's own words differ between Node versions (22 adds the line and column).
		const reason = (() => {
			try {
				JSON.parse('{not json');
				return '';
			} catch (error) {
				return (error as Error).message;
			}
		})();
		assert.equal(
			result.stderr,
			`kubecon-notes: warning: The reading-position file ${store.path} is not valid (${reason}); it was read as empty (the reader moves it aside).\n`,
		);
		assert.equal(readFileSync(store.path, 'utf8'), '{not json');
	});
});
