import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library, Post} from '../../src/posts/types.js';
import type {RenderedDoc, RenderOptions} from '../../src/render/types.js';
import {App} from '../../src/ui/app.js';
import {press, ready, render} from '../helpers/keys.js';

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

const piped = parsePost({
	text: '---\ntitle: Piped notes\n---\n## One\n\nsome text',
	id: '-',
	path: '-',
	displayPath: 'standard input',
});
const library: Library = {posts: [piped], warnings: [], searched: ['standard input']};
const statusLine = (frame: string) => frame.split('\n').at(-1)!;

describe('the reader and the writer', () => {
	test('e on standard input says there is no file to edit', async () => {
		const app = render(
			<App library={library} renderPost={renderPost} color={false} hyperlinks={false} width={100} height={20} />,
		);
		await ready(app);
		await press(app, 'e');
		assert.match(statusLine(app.lastFrame()!), /Standard input has no file to edit/);
		app.unmount();
	});

	test('a mouse report is never read as keys', async () => {
		const app = render(
			<App library={library} renderPost={renderPost} color={false} hyperlinks={false} width={100} height={20} />,
		);
		await ready(app);
		const before = app.lastFrame();
		// `[` would be the previous topic, `<`, digits and `M` nothing: a wheel up at the top moves nothing.
		await press(app, '\u001B[<64;60;5M');
		assert.equal(app.lastFrame(), before);
		app.unmount();
	});
});
