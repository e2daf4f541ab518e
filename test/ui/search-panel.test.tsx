import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {App} from '../../src/ui/app.js';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {sessionKey} from '../../src/search/session-index.js';
import {createStore} from '../../src/store/writer.js';
import {keepInkStyles, keys, press, ready, render, waitForFrame} from '../helpers/keys.js';
import {waitFor} from '../helpers/wait-for.js';

keepInkStyles();

const body = [
	'Intro paragraph.',
	'',
	'Sessions I attended on the first day:',
	'',
	'* [Scaling etcd - Marcel Zięba, Isovalent](https://sched.co/E1)',
	"* [Policy for All - V Körbes, VMware](https://sched.co/P1) _(Couldn't really attend, room full)_",
	'',
	...Array.from({length: 40}, (_, index) => `Filler paragraph number ${index + 1}.\n`),
	'## Later topic',
	'',
	'Sessions I attended on day 2:',
	'',
	'* [Deep Storage - Ana Gómez, Acme](https://sched.co/S1)',
].join('\n');
const post = parsePost({
	text: `---\ntitle: Conf notes\ndate: 2024-01-01\n---\n${body}`,
	id: 'conf.md',
	path: '/n/conf.md',
	displayPath: 'conf.md',
});
const library: Library = {posts: [post], warnings: [], searched: ['/n']};
const dir = mkdtempSync(join(tmpdir(), 'kn-panel-'));
after(() => rmSync(dir, {recursive: true, force: true}));

function start(extra: Partial<Parameters<typeof App>[0]> = {}) {
	return render(
		<App
			library={library}
			renderPost={(p, o) => renderMarkdown(p.loadBody().body, o)}
			color={false}
			hyperlinks={false}
			width={100}
			height={20}
			{...extra}
		/>,
	);
}
const plain = (frame: string | undefined) => stripStyles(frame ?? '');

describe('the session search panel', () => {
	test('/ opens it with every session; typing narrows live; accents are ignored', async () => {
		const app = start();
		await ready(app);
		await press(app, '/');
		await waitForFrame(app, (frame) => /3 sessions/.test(plain(frame)));
		await press(app, 'z', 'i', 'e', 'b', 'a');
		const frame = plain(app.lastFrame());
		assert.match(frame, /\/ zieba▏ +1 session/);
		assert.match(frame, /› ✓ Scaling etcd/);
		assert.match(frame, /Marcel Zięba, Isovalent · Day 1/);
		// The post's title is a group header, said once.
		assert.equal(frame.match(/Conf notes/g)?.length, 3, 'the sidebar, the status line and one group header');
		// The match is marked in the speakers too.
		assert.match(app.lastFrame()!, /Marcel \u001B\[4m\u001B\[1mZięba/);
		assert.doesNotMatch(frame, /Deep Storage/);
		app.unmount();
	});

	test('a typed character is drawn before the search runs; the results follow in the next frame', async () => {
		const app = start();
		await ready(app);
		await press(app, '/');
		const before = app.frames.length;
		app.stdin.write('w');
		// The results for the new query follow…
		await waitForFrame(
			app,
			(frame) => /\/ w▏ +1 session\b/.test(plain(frame)) && /› ◌ Policy for All/.test(plain(frame)),
		);
		// …after a first frame that echoes the key with the results it replaces (all three).
		assert.match(plain(app.frames.slice(before).find((frame) => plain(frame).includes('/ w▏'))), /\/ w▏ +3 sessions/);
		app.unmount();
	});

	test('q types q in the query; Esc returns exactly where the reader was', async () => {
		const app = start();
		await ready(app);
		await press(app, 'j', 'j', 'j');
		const before = plain(app.lastFrame());
		await press(app, '/', 'q');
		await waitForFrame(app, (frame) => /\/ q▏/.test(plain(frame)));
		await press(app, keys.escape);
		assert.equal(plain(app.lastFrame()), before);
		app.unmount();
	});

	test('reopened, the panel keeps the last query selected: typing replaces it, Backspace and Ctrl-U clear it', async () => {
		const app = start();
		await ready(app);
		await press(app, '/', 'e', 't', 'c', 'd', keys.escape, '/');
		const kept = await waitForFrame(app, (frame) => /\/ etcd▏ +1 session/.test(plain(frame)));
		assert.ok(kept.includes('\u001B[7metcd\u001B[27m'), JSON.stringify(kept.split('\n')[0]));
		await press(app, 'g', 'o');
		await waitForFrame(app, (frame) => /\/ go▏/.test(plain(frame)));
		await press(app, keys.escape, '/', keys.backspace);
		await waitForFrame(app, (frame) => /\/ ▏ +3 sessions/.test(plain(frame)));
		// Moving to the list and back keeps the query for editing, not for replacing.
		await press(app, 'p', 'o', 'l', keys.tab, '/', 'i');
		await waitForFrame(app, (frame) => /\/ poli▏ +1 session/.test(plain(frame)));
		await press(app, keys.ctrlU);
		await waitForFrame(app, (frame) => /\/ ▏ +3 sessions/.test(plain(frame)));
		app.unmount();
	});

	test('Enter opens the post at the bullet, which is marked for a moment', async () => {
		const app = start();
		await ready(app);
		await press(app, '/', 's', 't', 'o', 'r', 'a', 'g', 'e', keys.enter);
		const frame = app.lastFrame()!;
		const marked = frame.split('\n').find((line) => line.includes('\u001B[7m'));
		assert.ok(marked && stripStyles(marked).includes('Deep Storage'), frame);
		assert.match(plain(frame), /Sessions I attended on day 2/);
		app.unmount();
	});

	test('m shows only missed sessions; w toggles watched and the store keeps it', async () => {
		const store = createStore({cwd: dir});
		const app = start({store});
		await ready(app);
		await press(app, '/', keys.tab, 'm');
		let frame = plain(await waitForFrame(app, (frame) => /1 session · missed only/.test(plain(frame))));
		assert.match(frame, /› ◌ Policy for All/);
		await press(app, 'w');
		await waitForFrame(app, (frame) => /› ✓ Policy for All/.test(plain(frame)));
		app.unmount();
		const missed = post.sessions.find((session) => session.missed)!;
		assert.equal(createStore({cwd: dir}).isWatched(sessionKey(missed)), true);
		// A new run shows the mark it left.
		const again = start({store: createStore({cwd: dir})});
		await ready(again);
		await press(again, '/', keys.tab, 'm');
		frame = plain(await waitForFrame(again, (frame) => /› ✓ Policy for All/.test(plain(frame))));
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
		await press(app, '/', 'e', 't', 'c', 'd', keys.tab, 'o', 'y');
		await waitFor(() => links.length === 2);
		assert.deepEqual(links, ['open https://sched.co/E1', 'copy https://sched.co/E1']);
		app.unmount();
	});

	test('an empty result names the filter that hides it; the keys wrap to fit; the selected row is inverse across (issue 16.3)', async () => {
		const app = start({width: 90});
		await ready(app);
		await press(app, '/', keys.tab);
		const frame = app.lastFrame()!;
		for (const line of plain(frame).split('\n').slice(0, 3)) assert.doesNotMatch(line, /…/);
		assert.match(plain(frame), /\/ type · Esc close/);
		// The selected row's inverse runs to the pane's right edge.
		const selected = frame.split('\n').find((line) => line.includes('› '))!;
		assert.match(selected, /\u001B\[7m› .* {10,}\u001B\[27m$/);
		await press(app, 'm', 'd', 'd', keys.tab, 'x', 'y', 'z');
		await waitForFrame(app, (f) =>
			/no missed talks on day 2 match 'xyz' — m clears missed, d changes the day/.test(
				plain(f)
					.replace(/\s*│\s*/g, ' ')
					.replace(/\s+/g, ' '),
			),
		);
		app.unmount();
	});

	test('emptyResultText and groupByPost', async () => {
		const {emptyResultText, groupByPost} = await import('../../src/state/search/search-view.js');
		assert.equal(
			emptyResultText({query: '', missedOnly: false, day: null}, 'none'),
			'These notes list no sessions; type to search their text.',
		);
		// A query is never answered "no talk matches" while its text is searched, nor once found there (issue 24).
		assert.equal(
			emptyResultText({query: 'netfilter', missedOnly: false, day: null}, 'some', {isDone: false}),
			"searching the text for 'netfilter'…",
		);
		assert.equal(
			emptyResultText({query: 'zzz', missedOnly: false, day: null}, 'some'),
			"nothing matches 'zzz', in the talks or the text — Ctrl-U clears the query",
		);
		assert.equal(
			emptyResultText({query: 'x', missedOnly: false, day: 1}, 'some'),
			"no talks on day 1 match 'x' — d changes the day",
		);
		const hit = (postId: string, n: number) => ({session: {postId}, n});
		assert.deepEqual(
			groupByPost([hit('a', 1), hit('b', 2), hit('a', 3)]).map((h) => h.n),
			[1, 3, 2],
		);
	});
});
