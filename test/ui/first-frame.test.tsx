import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {App} from '../../src/ui/app.js';
import {loadLibrary} from '../../src/posts/load-library.js';
import {parsePost} from '../../src/posts/parse-post.js';
import {parseCount} from '../../src/posts/lazy-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import type {Post} from '../../src/posts/types.js';
import type {RenderOptions} from '../../src/render/types.js';
import {press, ready, render, waitForFrame} from '../helpers/keys.js';

const dir = mkdtempSync(join(tmpdir(), 'kn-first-frame-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const body = (index: number) =>
	`Sessions I attended:\n\n* [Talk ${index} - Ann Lee, Org](https://sched.co/T${index})\n\n${'Notes written at length. '.repeat(500)}\n`;
for (let index = 0; index < 40; index++) {
	writeFileSync(
		join(dir, `2024-01-${String((index % 28) + 1).padStart(2, '0')}-p${index}.md`),
		`---\ntitle: Post number ${index}\ndate: 2024-01-${String((index % 28) + 1).padStart(2, '0')}\n---\n\n## Topic of ${index}\n\n${body(index)}`,
	);
}

describe('the first frame', () => {
	test('parses the open post only; the session search parses the rest when first opened', async () => {
		const before = parseCount.value;
		const library = loadLibrary([dir]);
		assert.equal(library.posts.length, 40);
		const app = render(
			<App
				library={library}
				renderPost={(post: Post, options: RenderOptions) => renderMarkdown(post.loadBody().body, options)}
				color={false}
				hyperlinks={false}
				width={120}
				height={30}
			/>,
		);
		await waitForFrame(app, (frame) => /Topic of/.test(frame));
		await ready(app);
		const frame = app.lastFrame()!;
		assert.match(frame, /Post number 27/);
		assert.match(frame, /Post number 26/);
		assert.equal(parseCount.value - before, 1, 'one post parsed for the first frame');
		await press(app.stdin, '/');
		await waitForFrame(app, (frame) => /40 sessions/.test(frame));
		assert.equal(parseCount.value - before, 40, 'each post parsed once');
		app.unmount();
	});

	test('reads the posts on screen only: the sidebar is worked out for its visible rows', async () => {
		const many = Array.from({length: 600}, (_, index) =>
			parsePost({
				text: `---\ntitle: Many ${index}\n---\n\n## Topic ${index}\n\ntext\n`,
				id: `p${index}.md`,
				path: `/notes/p${index}.md`,
				displayPath: `p${index}.md`,
			}),
		);
		const read = new Set<number>();
		const posts = new Proxy(many, {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) read.add(Number(property));
				return Reflect.get(target, property, receiver) as unknown;
			},
		});
		// No store: with one, the first state asks it for every post's place (one lookup each).
		const app = render(
			<App
				library={{posts, warnings: [], searched: []}}
				renderPost={(post: Post, options: RenderOptions) => renderMarkdown(post.loadBody().body, options)}
				color={false}
				hyperlinks={false}
				width={120}
				height={30}
			/>,
		);
		await waitForFrame(app, (frame) => /Many 20/.test(frame));
		await ready(app);
		assert.deepEqual(
			[...read].filter((index) => index >= 40),
			[],
			'posts below the screen were read',
		);
		// Moving down the list reads the rows it brings on screen, still not the whole library.
		await press(app.stdin, '\t');
		for (let step = 0; step < 40; step++) await press(app.stdin, 'j');
		await waitForFrame(app, (frame) => /Many 39/.test(frame));
		assert.ok(Math.max(...read) < 100, `read up to post ${Math.max(...read)}`);
		app.unmount();
	});
});
