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
import {createDebouncedSaver} from '../../src/store/index.js';
import {createStore} from '../../src/store/writer.js';
import {press, ready, render} from '../helpers/keys.js';

const paragraph = (topic: string, index: number) =>
	`${topic} paragraph ${index}: ${'words that wrap differently at every width '.repeat(3)}`;
const body = ['First', 'Second', 'Third']
	.flatMap((topic) => [
		`## ${topic} topic`,
		'',
		...Array.from({length: 6}, (_, index) => [paragraph(topic, index + 1), '']).flat(),
	])
	.join('\n');
const make = (id: string, title: string, date: string) =>
	parsePost({text: `---\ntitle: ${title}\ndate: ${date}\n---\n${body}`, id, path: `/n/${id}`, displayPath: id});
const library: Library = {
	posts: [make('new.md', 'New post', '2024-02-02'), make('old.md', 'Old post', '2023-01-01')],
	warnings: [],
	searched: ['/n'],
};
const dir = mkdtempSync(join(tmpdir(), 'kn-resume-'));
after(() => rmSync(dir, {recursive: true, force: true}));

function open(width: number, options: {resume?: boolean} = {}) {
	const store = createStore({cwd: dir});
	const saver = createDebouncedSaver(store, 300);
	const app = render(
		<App
			library={library}
			renderPost={(p, o) => renderMarkdown(p.loadBody().body, o)}
			color={false}
			hyperlinks={false}
			width={width}
			height={20}
			store={store}
			saver={saver}
			resume={options.resume ?? true}
		/>,
	);
	return {app, saver, store};
}
const topRow = (frame: string | undefined) => stripStyles((frame ?? '').split('\n')[0]!.split(/[│┃]/)[1] ?? '').trim();

describe('reading position', () => {
	test('reopens the last post read with the same heading at the top, at another width', async () => {
		const first = open(120);
		await ready(first.app);
		await press(first.app, 'n', ']', ']');
		assert.equal(topRow(first.app.lastFrame()), '## Third topic');
		first.app.unmount();
		first.saver.flush();

		const second = open(70);
		await ready(second.app);
		const frame = stripStyles(second.app.lastFrame()!);
		assert.equal(topRow(frame), '## Third topic');
		assert.match(frame, /▾ Old post +(\d{4} +)?\d+%/);
		assert.match(frame, /● Third topic/);
		assert.match(frame.split('\n').at(-1)!, /Resumed at Third topic/);
		// The sidebar knows how far each post was read: the new one was only opened, never read in,
		// so opening it wrote nothing (issue 11: a place is written only when the reader moves).
		assert.match(frame, /▸ New post +(\d{4})? +│/);
		second.app.unmount();
		second.saver.flush();
	});

	test('mid-paragraph, the same words are at the top after a width change', async () => {
		const first = open(120);
		await ready(first.app);
		await press(first.app, 'g', 'j', 'j', 'j', 'j', 'j');
		const words = topRow(first.app.lastFrame()).split(' ').slice(0, 2).join(' ');
		first.app.unmount();
		first.saver.flush();
		const second = open(90);
		await ready(second.app);
		const top = topRow(second.app.lastFrame());
		assert.ok(top.length > 0);
		// The paragraph at the top is the same one (its lines wrap differently now).
		assert.match(top, /paragraph|topic/);
		assert.ok(stripStyles(second.app.lastFrame()!).includes(words), `${words} not on screen`);
		second.app.unmount();
		second.saver.flush();
	});

	test('--no-resume starts at the top of the newest post and keeps what was saved', async () => {
		const fresh = open(100, {resume: false});
		await ready(fresh.app);
		assert.equal(topRow(fresh.app.lastFrame()), '## First topic');
		assert.match(stripStyles(fresh.app.lastFrame()!), /New post › First topic/);
		fresh.app.unmount();
		assert.ok(createStore({cwd: dir}).getPosition('old.md'), 'the old position is still kept');
	});

	test('a position from an edited post never stops it opening', async () => {
		const store = createStore({cwd: dir});
		store.setLastPostId('new.md');
		store.setPosition('new.md', {
			anchor: {
				sourceLine: 9999,
				blockKey: 'text that no longer exists anywhere',
				blockFraction: 0.5,
				topic: 'Gone topic',
				progress: 0.5,
			},
			readTopics: [],
			updatedAt: Date.now(),
		});
		const app = render(
			<App
				library={library}
				renderPost={(p, o) => renderMarkdown(p.loadBody().body, o)}
				color={false}
				hyperlinks={false}
				width={100}
				height={20}
				store={store}
			/>,
		);
		await ready(app);
		// Falls back to the same progress through the post.
		const frame = stripStyles(app.lastFrame()!);
		assert.match(frame, /● Second topic/);
		assert.match(frame.split('\n').at(-1)!, /Resumed at Second topic .* 50%/);
		app.unmount();
	});
});
