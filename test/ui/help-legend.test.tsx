import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library, Post} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import type {RenderedDoc, RenderOptions} from '../../src/render/types.js';
import {App} from '../../src/ui/app.js';
import {helpLines} from '../../src/ui/overlay-lines.js';
import {SYMBOLS} from '../../src/ui/symbols.js';
import {press, ready, render} from '../helpers/keys.js';

const post = parsePost({
	text: '---\ntitle: T\ndate: 2024-01-01\n---\n## A\n\ntext',
	id: 't.md',
	path: '/t/t.md',
	displayPath: 't.md',
});
const library: Library = {posts: [post], warnings: [], searched: ['/t']};
const renderPost = (p: Post, o: RenderOptions): RenderedDoc => ({
	width: o.width,
	color: false,
	lines: p.loadBody().body.split('\n'),
	blocks: [],
});

describe('help: a legend, one symbol per meaning, paging keys that page (issue 16.4)', () => {
	test('every mark the reader draws is explained, and no mark has two meanings', () => {
		const text = helpLines(100)
			.map((line) => line.text)
			.join('\n');
		for (const mark of ['▾', '▸', '●', '·', '✓', '◌', '▣', '›', '┃', '│', '42%', 'done'])
			assert.match(text, new RegExp(`^  ${mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'), mark);
		const marks = Object.values(SYMBOLS).map((symbol) => symbol.mark);
		assert.equal(new Set(marks).size, marks.length);
	});

	test('Space, b, d and u page through the help', async () => {
		const height = 12;
		const app = render(
			<App library={library} renderPost={renderPost} color={false} hyperlinks={false} width={50} height={height} />,
		);
		await ready(app);
		await press(app, '?');
		const firstShown = () => stripStyles(app.lastFrame()!).split('\n')[1]!.trim();
		const all = helpLines(49).map((line) => line.text.trim());
		const at = (top: number) => all[top];
		assert.equal(firstShown(), at(0));
		// A page is the help's rows (the pane less its title row) less one line of context.
		const page = height - 1 - 1 - 1;
		await press(app, ' ');
		assert.equal(firstShown(), at(page));
		await press(app, 'd');
		assert.equal(firstShown(), at(page + Math.trunc((height - 2) / 2)));
		await press(app, 'u', 'b');
		assert.equal(firstShown(), at(0));
		await press(app, 'G');
		assert.match(stripStyles(app.lastFrame()!), /the rows on screen/);
		app.unmount();
	});
});
