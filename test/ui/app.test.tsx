import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {App} from '../../src/ui/app.js';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library, Post} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import type {RenderedDoc, RenderOptions} from '../../src/render/types.js';
import {keys, press, ready, render, settle} from '../helpers/keys.js';

/** A post whose body lines are numbered, so a frame shows exactly where the reader is. */
function numberedPost(id: string, title: string, date: string, topics: string[], linesPerTopic: number): Post {
	const body = topics.flatMap((topic) => [
		`## ${topic}`,
		...Array.from({length: linesPerTopic - 1}, (_, index) => `${topic} line ${index + 1}`),
	]);
	return parsePost({
		text: `---\ntitle: ${title}\ndate: ${date}\n---\n${body.join('\n')}`,
		id,
		path: `/notes/${id}`,
		displayPath: id,
	});
}

/** One rendered line per source line: the tests read frames without depending on the renderer. */
function renderPost(post: Post, options: RenderOptions): RenderedDoc {
	const lines = post
		.loadBody()
		.body.split('\n')
		.map((line) => line.slice(0, options.width));
	return {
		width: options.width,
		color: false,
		lines,
		blocks: lines.map((line, index) => ({sourceLine: index + 1, startLine: index, lineCount: 1, key: line})),
	};
}

const newer = numberedPost('b.md', 'Newer notes', '2024-02-02', ['Alpha', 'Beta', 'Gamma'], 20);
const older = numberedPost('a.md', 'Older notes', '2023-01-01', ['Delta'], 10);
const library: Library = {posts: [newer, older], warnings: [], searched: ['/notes']};

function start(width = 100, height = 20, lib = library) {
	return render(
		<App library={lib} renderPost={renderPost} color={false} hyperlinks={false} width={width} height={height} />,
	);
}

const paneTop = (frame: string) => stripStyles(frame.split('\n')[0]!.split(/[│┃]/)[1] ?? '').trim();
const statusLine = (frame: string) => frame.split('\n').at(-1)!;

describe('the reader', () => {
	test('opens the newest post at its top, with both posts and its topics in the sidebar', async () => {
		const app = start();
		await ready(app);
		const frame = app.lastFrame()!;
		assert.match(frame, /▾ Newer notes/);
		assert.match(frame, /▸ Older notes/);
		assert.match(frame, /● Alpha/);
		assert.match(frame, /· Beta/);
		assert.equal(paneTop(frame), '## Alpha');
		assert.match(statusLine(frame), /Newer notes › Alpha .* 1–19\/60 0%/);
		app.unmount();
	});

	test('j, k, space, d, G and g scroll like less', async () => {
		const app = start();
		await ready(app);
		await press(app, 'j', 'j');
		assert.equal(paneTop(app.lastFrame()!), 'Alpha line 2');
		await press(app, 'k');
		assert.equal(paneTop(app.lastFrame()!), 'Alpha line 1');
		// A page is the pane's 19 rows less one line of context.
		await press(app, ' ');
		assert.equal(paneTop(app.lastFrame()!), 'Alpha line 19');
		await press(app, 'G');
		assert.match(statusLine(app.lastFrame()!), / 100%/);
		assert.match(app.lastFrame()!, /Gamma line 19/);
		await press(app, 'g');
		assert.equal(paneTop(app.lastFrame()!), '## Alpha');
		app.unmount();
	});

	test('] and [ move between topics, with the heading at the top and the sidebar following', async () => {
		const app = start();
		await ready(app);
		await press(app, ']');
		assert.equal(paneTop(app.lastFrame()!), '## Beta');
		assert.match(app.lastFrame()!, /● Beta/);
		await press(app, ']');
		assert.equal(paneTop(app.lastFrame()!), '## Gamma');
		await press(app, '[');
		assert.equal(paneTop(app.lastFrame()!), '## Beta');
		app.unmount();
	});

	test('Tab focuses the sidebar; j and Enter open a topic; Enter on a post opens it', async () => {
		const app = start();
		await ready(app);
		await press(app, keys.tab, 'j', 'j', keys.enter);
		assert.equal(paneTop(app.lastFrame()!), '## Gamma');
		await press(app, keys.tab, 'j', 'j', keys.enter);
		assert.match(app.lastFrame()!, /▾ Older notes/);
		assert.equal(paneTop(app.lastFrame()!), '## Delta');
		app.unmount();
	});

	test('n and p switch posts', async () => {
		const app = start();
		await ready(app);
		await press(app, 'n');
		assert.match(statusLine(app.lastFrame()!), /Older notes › Delta/);
		await press(app, 'n');
		assert.match(statusLine(app.lastFrame()!), /Last post/);
		await press(app, 'p');
		assert.match(statusLine(app.lastFrame()!), /Newer notes/);
		app.unmount();
	});

	test('? shows the keys from the key table; Esc closes it', async () => {
		const app = start(100, 40);
		await ready(app);
		await press(app, '?');
		assert.match(app.lastFrame()!, /\] +next topic/);
		assert.match(app.lastFrame()!, /Ctrl-F +find in this post/);
		await press(app, keys.escape);
		assert.doesNotMatch(app.lastFrame()!, /next topic/);
		app.unmount();
	});

	test('Ctrl-F finds in the post: typed letters (q too) go to the input; n steps through matches', async () => {
		const app = start();
		await ready(app);
		await press(app, keys.ctrlF, 'q', keys.backspace, 'l', 'i', 'n', 'e', ' ', '1', '7');
		assert.match(statusLine(app.lastFrame()!), /Find: line 17/);
		await press(app, keys.enter);
		// On screen already: the text stays put, the match is marked as the current one.
		assert.equal(paneTop(app.lastFrame()!), '## Alpha');
		assert.match(app.lastFrame()!, /Alpha \u001B\[1m\u001B\[7mline 17\u001B\[27m\u001B\[22m/, 'the match is marked');
		assert.match(statusLine(app.lastFrame()!), /1 of 3/);
		await press(app, 'n');
		// Off screen: it comes into view with three rows of context above.
		assert.equal(paneTop(app.lastFrame()!), 'Beta line 14');
		// Back past the first match wraps to the last, which sits on the last page, and says so.
		await press(app, 'N', 'N');
		assert.match(statusLine(app.lastFrame()!), /3 of 3 · wrapped to the last/);
		assert.match(app.lastFrame()!, /Gamma \u001B\[1m\u001B\[7mline 17/);
		await press(app, keys.escape, 'n');
		assert.match(statusLine(app.lastFrame()!), /Older notes/);
		app.unmount();
	});

	test('a terminal under 20x5 shows "too small", and the reader comes back when it grows', async () => {
		const app = start(15, 4);
		await ready(app);
		assert.match(app.lastFrame()!, /too small/);
		app.rerender(
			<App library={library} renderPost={renderPost} color={false} hyperlinks={false} width={100} height={20} />,
		);
		await settle(app);
		assert.match(app.lastFrame()!, /▾ Newer notes/);
		app.unmount();
	});

	test('under 60 columns the sidebar hides itself; t toggles it', async () => {
		const narrow = start(50, 15);
		await ready(narrow);
		assert.doesNotMatch(narrow.lastFrame()!, /Older notes/);
		narrow.unmount();
		const wide = start();
		await ready(wide);
		await press(wide, 't');
		assert.doesNotMatch(wide.lastFrame()!, /Older notes/);
		await press(wide, 't');
		assert.match(wide.lastFrame()!, /Older notes/);
		wide.unmount();
	});

	test('under 60 columns, t or Tab shows the topics in place of the text; Enter jumps back to the text', async () => {
		const app = start(50, 15);
		await ready(app);
		await press(app, 't');
		let frame = stripStyles(app.lastFrame()!);
		assert.match(frame, /▾ Newer notes/);
		assert.match(frame, /· Gamma/);
		assert.doesNotMatch(frame, /Alpha line 1/);
		await press(app, 'j', 'j', keys.enter);
		frame = stripStyles(app.lastFrame()!);
		assert.equal(frame.split('\n')[0]!.trim(), '## Gamma');
		assert.doesNotMatch(frame, /Older notes/);
		await press(app, keys.tab);
		assert.match(stripStyles(app.lastFrame()!), /▸ Older notes/);
		await press(app, keys.escape);
		assert.equal(stripStyles(app.lastFrame()!).split('\n')[0]!.trim(), '## Gamma');
		app.unmount();
	});

	test('a post without sections shows its title once in the status line', async () => {
		const plainPost = parsePost({
			text: '---\ntitle: Short note\ndate: 2024-03-03\n---\nJust a paragraph.\n',
			id: 'c.md',
			path: '/notes/c.md',
			displayPath: 'c.md',
		});
		const app = start(100, 20, {posts: [plainPost], warnings: [], searched: ['/notes']});
		await ready(app);
		const status = stripStyles(statusLine(app.lastFrame()!));
		assert.match(status, /^ ?Short note /);
		assert.doesNotMatch(status, /›/);
		app.unmount();
	});

	test('no posts: says where it looked and how to point elsewhere', async () => {
		const app = start(100, 20, {
			posts: [],
			warnings: [{file: '/x/bad.md', message: 'skipped: binary file, not markdown'}],
			searched: ['/x'],
		});
		await ready(app);
		assert.match(app.lastFrame()!, /No posts found/);
		assert.match(app.lastFrame()!, /Looked in: \/x/);
		assert.match(app.lastFrame()!, /\/x\/bad\.md: skipped: binary file/);
		assert.match(app.lastFrame()!, /kubecon-notes ~\/blog\/_posts/);
		app.unmount();
	});
});

describe('warnings in the reader', () => {
	test('the status line counts them and W lists each file with its problem', async () => {
		const app = start(100, 20, {
			...library,
			warnings: [{file: '/notes/broken.md', line: 3, message: 'front matter is not valid YAML'}],
		});
		await ready(app);
		assert.match(statusLine(app.lastFrame()!), /1 warning \(W\)/);
		await press(app, 'W');
		assert.match(app.lastFrame()!, /\/notes\/broken\.md:3: front matter is not valid YAML/);
		await press(app, keys.escape);
		assert.doesNotMatch(app.lastFrame()!, /broken\.md/);
		app.unmount();
	});
});

describe('help in a small terminal', () => {
	test('j scrolls the help when it does not fit', async () => {
		const app = start(50, 15);
		await ready(app);
		await press(app, '?');
		assert.match(app.lastFrame()!, /Space for more/);
		assert.doesNotMatch(app.lastFrame()!, /Anywhere/);
		await press(app, 'j', 'G');
		const end = app.lastFrame()!;
		assert.match(end, /the rows on screen/);
		assert.match(end, /b back up/);
		// Scrolling stops at the end: one k shows the line above at once.
		await press(app, 'k');
		assert.notEqual(app.lastFrame()!, end);
		assert.match(app.lastFrame()!, /Space for more/);
		app.unmount();
	});

	test('help and warnings wrap long lines instead of cutting them', async () => {
		const problem = 'front matter is not valid YAML (Flow sequence in block collection must end with a ])';
		const app = start(50, 15, {
			...library,
			warnings: [{file: '/notes/a/long/path/broken.md', line: 2, message: problem}],
		});
		await ready(app);
		await press(app, '?');
		// The status line may cut the post title; the help itself wraps.
		assert.doesNotMatch(app.lastFrame()!.split('\n').slice(0, -1).join('\n'), /…/);
		assert.match(app.lastFrame()!, /previous topic \(or the start of\s+this one\)/);
		await press(app, keys.escape, 'W');
		const frame = app.lastFrame()!;
		assert.doesNotMatch(frame.split('\n').slice(0, -1).join('\n'), /…/);
		assert.match(
			frame.replace(/\s+/g, ' '),
			/broken\.md:2: front matter is not valid YAML \(Flow sequence in block collection must end with a \]\)/,
		);
		for (const line of frame.split('\n')) assert.ok(line.length <= 50, line);
		app.unmount();
	});
});
