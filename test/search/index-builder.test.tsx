import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library, Post} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {createIndexBuilder} from '../../src/search/index-builder.js';
import {searchableSessions} from '../../src/search/searchable.js';
import {createSessionIndex} from '../../src/search/session-index.js';
import {App} from '../../src/ui/app.js';
import {keepInkStyles, press, ready, render, waitForFrame} from '../helpers/keys.js';

keepInkStyles();

function post(index: number): Post {
	const sessions = Array.from(
		{length: 3},
		(_, k) =>
			`* [Talk ${index}-${k} on ${k === 0 ? 'etcd' : 'gitops'} - Speaker ${k}, Org](https://sched.co/X${index}${k})`,
	).join('\n');
	return parsePost({
		text: `---\ntitle: Post ${index}\ndate: 2024-01-01\n---\n\nSessions on day ${(index % 3) + 1}:\n\n${sessions}\n`,
		id: `p${index}.md`,
		path: `/n/p${index}.md`,
		displayPath: `p${index}.md`,
	});
}

describe('the session index built a slice at a time', () => {
	test('steps until the deadline, at least one post each; the index only once whole, the same as built at once', () => {
		const posts = Array.from({length: 50}, (_, index) => post(index));
		const builder = createIndexBuilder(posts);
		assert.equal(builder.index(), null);
		assert.equal(
			builder.step(() => true),
			false,
		);
		assert.equal(builder.postsRead, 1);
		assert.deepEqual(builder.days(), [1]);
		let calls = 0;
		builder.step(() => ++calls >= 10);
		assert.equal(builder.postsRead, 11);
		assert.equal(builder.index(), null);
		assert.equal(
			builder.step(() => false),
			true,
		);
		assert.equal(builder.postsRead, 50);
		assert.deepEqual(builder.days(), [1, 2, 3]);
		const whole = createSessionIndex(searchableSessions(posts));
		for (const query of ['etcd', 'talk 7', 'gitpos', '']) {
			assert.deepEqual(
				builder
					.index()!
					.search(query)
					.map((hit) => [hit.session.title, hit.score]),
				whole.search(query).map((hit) => [hit.session.title, hit.score]),
				query,
			);
		}
	});
});

describe('the reader keeps reading keys while the index is built', () => {
	test('3,000 posts whose sessions are slow to read: / and typed keys show at once, results when it is whole', async () => {
		const real = Array.from({length: 20}, (_, index) => post(index));
		let reads = 0;
		// Reading a post's sessions costs what parsing a post does: a fixed amount of work, not of
		// time, so a busy machine slows it as much as everything else.
		let sink = 0;
		const slow = (base: Post): Post =>
			Object.create(base, {
				loadBody: {
					value() {
						reads++;
						for (let index = 0; index < 100_000; index++) sink = (sink * 31 + index) % 1_000_003;
						return base.loadBody();
					},
				},
			}) as Post;
		const posts = Array.from({length: 3000}, (_, index) => slow(real[index % real.length]!));
		const library: Library = {posts, warnings: [], searched: ['/n']};
		const app = render(
			<App
				library={library}
				renderPost={(p, o) => renderMarkdown(p.loadBody().body, o)}
				color={false}
				hyperlinks={false}
				width={100}
				height={20}
			/>,
		);
		await ready(app);
		const before = reads;
		await press(app, '/');
		await waitForFrame(app, (frame) =>
			/Reading the sessions of every post for search: [\d,]+ of 3,000/.test(stripStyles(frame)),
		);
		// Not counted yet, so not "0 sessions", and not "no talk matches" either.
		assert.match(stripStyles(app.lastFrame() ?? ''), /\/ ▏ {3}… sessions/);
		assert.doesNotMatch(stripStyles(app.lastFrame() ?? ''), /no talk matches/);
		for (const [index, key] of [...'etcd'].entries()) {
			app.stdin.write(key);
			await waitForFrame(app, (frame) => stripStyles(frame).includes(`/ ${'etcd'.slice(0, index + 1)}▏`));
			// Drawn while the build is still under way: the key did not wait for it.
			assert.ok(reads - before < posts.length, `${key}: drawn only after every post was read`);
		}
		// Whole: every session counted, and the progress line gone (the frame after the last slice).
		await waitForFrame(
			app,
			(frame) => / 3000 sessions/.test(stripStyles(frame)) && !/Reading the sessions/.test(stripStyles(frame)),
		);
		assert.ok(sink >= 0);
		app.unmount();
	});
});
