import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {App, type AppProps} from '../../src/ui/app.js';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library, Post} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import type {RenderNeed, RenderOptions} from '../../src/render/types.js';
import {initialState, layoutOf} from '../../src/state/reader-state.js';
import {anchorKey} from '../../src/state/reading-anchor.js';
import {createStore} from '../../src/store/writer.js';
import {createReaderEnv, RENDER_IN_PART_FROM} from '../../src/ui/reader-env.js';
import {keys, press, ready, render, waitForFrame} from '../helpers/keys.js';

/** A long write-up in our own words: 160 sections, each a heading, a talk bullet and a long paragraph. */
function longBody(): string {
	const parts = ['An opening paragraph.\n'];
	for (let section = 0; section < 160; section++)
		parts.push(
			`## Part ${section} of the day\n\n* [Talk ${section} - Speaker ${section}, Org](https://sched.co/L${section})\n\n${`In part ${section} the speakers went through rollouts, quotas and the cost of idle nodes. `.repeat(24)}\n`,
		);
	parts.push('## The last part\n\nOnly here: the zebra crossing of the conference hall.\n');
	return parts.join('\n');
}

const body = longBody();
const post = parsePost({
	text: `---\ntitle: A long day\ndate: 2024-03-20\n---\n${body}`,
	id: 'long.md',
	path: '/n/long.md',
	displayPath: 'long.md',
});
const library: Library = {posts: [post], warnings: [], searched: ['/n']};
const WIDTH = 120;
const HEIGHT = 30;
const paneWidth = layoutOf(initialState(WIDTH, HEIGHT)).paneWidth;
const whole = renderMarkdown(post.loadBody().body, {width: paneWidth, color: false, hyperlinks: false});
const renderPost = (item: Post, options: RenderOptions, until?: RenderNeed) =>
	renderMarkdown(item.loadBody().body, options, until);
const dir = mkdtempSync(join(tmpdir(), 'kn-long-post-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const statusOf = (frame: string | undefined) =>
	stripStyles(frame ?? '')
		.split('\n')
		.at(-1) ?? '';
const textRows = (frame: string | undefined) =>
	stripStyles(frame ?? '')
		.split('\n')
		.map((row) => (row.split(/[│┃]/)[1] ?? '').trim());
const never = new Promise<void>(() => {});
/** The reader over the long post at WIDTH x HEIGHT, with what a test adds (a store, when the first frame is drawn). */
const renderReader = (props: Partial<AppProps> = {}) =>
	render(
		<App
			library={library}
			renderPost={renderPost}
			color={false}
			hyperlinks={false}
			width={WIDTH}
			height={HEIGHT}
			{...props}
		/>,
	);

describe('a long post', () => {
	test('is long enough to be drawn in part', () => {
		assert.ok(post.body.length > RENDER_IN_PART_FROM * 2);
		assert.ok(whole.lines.length > HEIGHT * 20);
	});

	test('its first frame is drawn before the rest is rendered, then the whole count shows', async () => {
		const app = renderReader();
		const frames = () => app.frames.map((frame) => stripStyles(frame));
		const first = frames().findIndex((frame) => /Part 0 of the day/.test(frame));
		assert.ok(first !== -1, 'the first frame shows the top of the post');
		assert.match(frames()[first]!.split('\n').at(-1)!, /1–\d+\/… 0%/, 'drawn before the count was known');
		const count = whole.lines.length;
		await waitForFrame(app, (frame) => statusOf(frame).includes(`/${count} 0%`));
		assert.ok(textRows(app.lastFrame()).includes('## Part 0 of the day'));
		app.unmount();
	});

	test('its first frame lists the sections of the blocks lexed for it (the post is not lexed whole first), then all', () => {
		const fresh = parsePost({
			text: `---\ntitle: A long day\n---\n${body}`,
			id: 'fresh.md',
			path: '/n/fresh.md',
			displayPath: 'fresh.md',
		});
		const wholeSections = [...(post.intro ? [post.intro] : []), ...post.topics].map(({name, line}) => ({name, line}));
		const env = createReaderEnv({posts: [fresh], warnings: []}, renderPost, {color: false, hyperlinks: false});
		env.firstFrame({rows: HEIGHT});
		const doc = env.doc(0, paneWidth);
		assert.ok(doc.partial);
		const names = env.sectionNames(0);
		assert.ok(names.length > 2 && names.length < wholeSections.length / 4, `${names.length} sections`);
		assert.deepEqual(
			names,
			wholeSections.slice(0, names.length).map((section) => section.name),
		);
		assert.deepEqual(env.topicLines(0, doc).slice(0, 2), [
			0,
			doc.blocks.find((block) => block.sourceLine === wholeSections[1]!.line)!.startLine,
		]);
		assert.ok(env.finishDocs());
		assert.deepEqual(
			env.sectionNames(0),
			wholeSections.map((section) => section.name),
		);
		assert.deepEqual(env.doc(0, paneWidth).lines, whole.lines);
	});

	test('G before the rest is rendered goes to the real end', async () => {
		const app = renderReader({firstFrameDrawn: never});
		await ready(app);
		assert.match(statusOf(app.lastFrame()), /\/… 0%/);
		await press(app, 'G');
		const count = whole.lines.length;
		assert.match(statusOf(app.lastFrame()), new RegExp(`–${count}/${count} 100%`));
		assert.ok(stripStyles(app.lastFrame()!).includes('Only here: the zebra crossing'));
		app.unmount();
	});

	test('find (Ctrl-F) before the rest is rendered finds text past the first screen', async () => {
		const app = renderReader({firstFrameDrawn: never});
		await ready(app);
		await press(app, keys.ctrlF, ...'zebra', keys.enter);
		assert.ok(stripStyles(app.lastFrame()!).includes('Only here: the zebra crossing'));
		assert.match(statusOf(app.lastFrame()), new RegExp(`/${whole.lines.length} \\d+%`));
		app.unmount();
	});

	test('a resumed place deep in it shows exactly, in the first frame and once it is whole', async () => {
		// A place in the middle of a paragraph three quarters down.
		const block = whole.blocks.filter((candidate) => candidate.lineCount > 6)[115]!;
		const fraction = 0.5;
		const top = block.startLine + Math.round(fraction * block.lineCount);
		const store = createStore({cwd: dir});
		const place = {
			anchor: {
				sourceLine: block.sourceLine,
				blockKey: anchorKey(block.key),
				blockFraction: fraction,
				topic: null,
				progress: 0.75,
			},
			readTopics: [],
			updatedAt: 1,
		};
		store.setPosition('long.md', place);
		store.setLastPostId('long.md');
		let drawn = () => {};
		// A post not lexed yet (the other tests have read this one's topics).
		const unread = parsePost({
			text: `---\ntitle: A long day\ndate: 2024-03-20\n---\n${body}`,
			id: 'long.md',
			path: '/n/long.md',
			displayPath: 'long.md',
		});
		const app = renderReader({
			library: {...library, posts: [unread]},
			store,
			firstFrameDrawn: new Promise<void>((resolve) => (drawn = resolve)),
		});
		await ready(app);
		assert.match(statusOf(app.lastFrame()), new RegExp(`${top + 1}–\\d+/…`), 'drawn in part');
		// The topic there, far past the first 32 KB: the sections drawn in part reach the place.
		const topic = post.topics.findLast((candidate) => candidate.line <= block.sourceLine)!;
		assert.ok(
			post.body.split('\n').slice(0, topic.line).join('\n').length > 64 * 1024 &&
				statusOf(app.lastFrame()).includes(`Resumed at ${topic.name}`),
			statusOf(app.lastFrame()),
		);
		assert.equal(textRows(app.lastFrame())[0], whole.lines[top]!.trim());
		drawn();
		const count = whole.lines.length;
		await waitForFrame(app, (frame) => statusOf(frame).includes(`/${count} `));
		assert.equal(textRows(app.lastFrame())[0], whole.lines[top]!.trim());
		assert.match(statusOf(app.lastFrame()), new RegExp(`${top + 1}–${top + HEIGHT - 1}/${count}`));
		app.unmount();
		assert.deepEqual(createStore({cwd: dir}).getPosition('long.md')?.anchor, place.anchor, 'the saved place untouched');
	});
});
