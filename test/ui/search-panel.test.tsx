import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {App} from '../../src/app.js';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {sessionKey} from '../../src/search/session-index.js';
import {createStore} from '../../src/state/store.js';
import {keepInkStyles, keys, press, ready, render, settle} from '../helpers/keys.js';
import {waitFor} from '../helpers/wait-for.js';

await keepInkStyles();

const body = [
	'Intro paragraph.',
	'',
	'Sessions I attended on the first day:',
	'',
	'* [Scaling etcd - Marcel Zięba, Isovalent](https://sched.co/E1)',
	'* [Policy for All - V Körbes, VMware](https://sched.co/P1) _(Couldn\'t really attend, room full)_',
	'',
	...Array.from({length: 40}, (_, index) => `Filler paragraph number ${index + 1}.\n`),
	'## Later topic',
	'',
	'Sessions I attended on day 2:',
	'',
	'* [Deep Storage - Ana Gómez, Acme](https://sched.co/S1)',
].join('\n');
const post = parsePost({text: `---\ntitle: Conf notes\ndate: 2024-01-01\n---\n${body}`, id: 'conf.md', path: '/n/conf.md', displayPath: 'conf.md'});
const library: Library = {posts: [post], warnings: [], searched: ['/n']};
const dir = mkdtempSync(join(tmpdir(), 'kn-panel-'));
after(() => rmSync(dir, {recursive: true, force: true}));

function start(extra: Partial<Parameters<typeof App>[0]> = {}) {
	return render(<App library={library} renderPost={(p, o) => renderMarkdown(p.body, o)} color={false} hyperlinks={false} width={100} height={20} {...extra} />);
}
const plain = (frame: string | undefined) => stripStyles(frame ?? '');

describe('the session search panel', () => {
	test('/ opens it with every session; typing narrows live; accents are ignored', async () => {
		const app = start();
		await ready(app);
		await press(app.stdin, '/');
		assert.match(plain(app.lastFrame()), /3 sessions/);
		await press(app.stdin, 'z', 'i', 'e', 'b', 'a');
		const frame = plain(app.lastFrame());
		assert.match(frame, /\/ zieba▏ +1 session/);
		assert.match(frame, /› ✓ Scaling etcd/);
		assert.match(frame, /Marcel Zięba, Isovalent · Day 1 · Conf notes/);
		assert.doesNotMatch(frame, /Deep Storage/);
		app.unmount();
	});

	test('a typed character is drawn before the search runs; the results follow in the next frame', async () => {
		const app = start();
		await ready(app);
		await press(app.stdin, '/');
		const before = app.frames.length;
		app.stdin.write('w');
		await settle(app);
		const frames = app.frames.slice(before).map(plain);
		// The first frame after the key echoes it with the results it replaces (all three)…
		assert.match(frames[0]!, /\/ w▏ +3 sessions/);
		// …and the last shows the results for the new query.
		assert.match(frames.at(-1)!, /\/ w▏ +1 session\b/);
		assert.match(frames.at(-1)!, /› ◌ Policy for All/);
		app.unmount();
	});

	test('q types q in the query; Esc returns exactly where the reader was', async () => {
		const app = start();
		await ready(app);
		await press(app.stdin, 'j', 'j', 'j');
		const before = plain(app.lastFrame());
		await press(app.stdin, '/', 'q');
		assert.match(plain(app.lastFrame()), /\/ q▏/);
		await press(app.stdin, keys.escape);
		assert.equal(plain(app.lastFrame()), before);
		app.unmount();
	});

	test('reopened, the panel keeps the last query selected: typing replaces it, Backspace and Ctrl-U clear it', async () => {
		const app = start();
		await ready(app);
		await press(app.stdin, '/', 'e', 't', 'c', 'd', keys.escape, '/');
		const kept = app.lastFrame()!;
		assert.match(plain(kept), /\/ etcd▏ +1 session/);
		assert.ok(kept.includes('\u001B[7metcd\u001B[27m'), JSON.stringify(kept.split('\n')[0]));
		await press(app.stdin, 'g', 'o');
		assert.match(plain(app.lastFrame()), /\/ go▏/);
		await press(app.stdin, keys.escape, '/', keys.backspace);
		assert.match(plain(app.lastFrame()), /\/ ▏ +3 sessions/);
		// Moving to the list and back keeps the query for editing, not for replacing.
		await press(app.stdin, 'p', 'o', 'l', keys.tab, '/', 'i');
		assert.match(plain(app.lastFrame()), /\/ poli▏ +1 session/);
		await press(app.stdin, keys.ctrlU);
		assert.match(plain(app.lastFrame()), /\/ ▏ +3 sessions/);
		app.unmount();
	});

	test('Enter opens the post at the bullet, which is marked for a moment', async () => {
		const app = start();
		await ready(app);
		await press(app.stdin, '/', 's', 't', 'o', 'r', 'a', 'g', 'e', keys.enter);
		const frame = app.lastFrame()!;
		const marked = frame.split('\n').find(line => line.includes('\u001B[7m'));
		assert.ok(marked && stripStyles(marked).includes('Deep Storage'), frame);
		assert.match(plain(frame), /Sessions I attended on day 2/);
		app.unmount();
	});

	test('m shows only missed sessions; w toggles watched and the store keeps it', async () => {
		const store = createStore({cwd: dir});
		const app = start({store});
		await ready(app);
		await press(app.stdin, '/', keys.tab, 'm');
		let frame = plain(app.lastFrame());
		assert.match(frame, /1 session · missed only/);
		assert.match(frame, /› ◌ Policy for All/);
		await press(app.stdin, 'w');
		assert.match(plain(app.lastFrame()), /› ✓ Policy for All/);
		app.unmount();
		const missed = post.sessions.find(session => session.missed)!;
		assert.equal(createStore({cwd: dir}).isWatched(sessionKey(missed)), true);
		// A new run shows the mark it left.
		const again = start({store: createStore({cwd: dir})});
		await ready(again);
		await press(again.stdin, '/', keys.tab, 'm');
		frame = plain(again.lastFrame());
		assert.match(frame, /› ✓ Policy for All/);
		again.unmount();
	});

	test('o and y hand the selected link to the terminal side; sessions without one say so', async () => {
		const links: string[] = [];
		const app = start({
			onLink: async (kind, url) => {
				links.push(`${kind} ${url}`);
				return kind === 'open' ? 'No xdg-open here to open links; the link is ' + url : null;
			},
		});
		await ready(app);
		await press(app.stdin, '/', 'e', 't', 'c', 'd', keys.tab, 'o', 'y');
		await waitFor(() => links.length === 2);
		assert.deepEqual(links, ['open https://sched.co/E1', 'copy https://sched.co/E1']);
		app.unmount();
	});
});
