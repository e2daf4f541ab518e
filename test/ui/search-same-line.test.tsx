import assert from 'node:assert/strict';
import {test} from 'node:test';
import {App} from '../../src/ui/app.js';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {keepInkStyles, press, ready, render, waitForFrame} from '../helpers/keys.js';

keepInkStyles();

// Two talks named on one line of prose: the panel's rows must stay apart.
const body = [
	'On day one I enjoyed **Quiet Pipelines by Anna Berg**, **Loud Clusters by Carlos Mendes** and **Silent Queues by Laura Stein** most.',
	'',
	'Later **Gentle Rollouts by Peter Holm** and **Calm Caches by Maria Costa** were good too.',
].join('\n');
const post = parsePost({
	text: `---\ntitle: Conf notes\ndate: 2024-01-01\n---\n${body}`,
	id: 'conf.md',
	path: '/n/conf.md',
	displayPath: 'conf.md',
});
const library: Library = {posts: [post], warnings: [], searched: ['/n']};
const plain = (frame: string | undefined) => stripStyles(frame ?? '');

test('two talks on one line are two rows, and a query keeps only the one it finds', async (t) => {
	assert.equal(post.sessions.length, 5);
	// React says so when two rows share a key; a terminal then kept a stale row in every list.
	const errors: string[] = [];
	t.mock.method(console, 'error', (...args: unknown[]) => errors.push(args.map(String).join(' ')));
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
	await press(app, '/');
	await waitForFrame(
		app,
		(frame) =>
			/5 sessions/.test(plain(frame)) && /Quiet Pipelines/.test(plain(frame)) && /Loud Clusters/.test(plain(frame)),
	);
	await press(app, 'l', 'o', 'u', 'd');
	await waitForFrame(app, (frame) => /1 session\b/.test(plain(frame)));
	const frame = plain(app.lastFrame());
	assert.match(frame, /Loud Clusters/);
	assert.doesNotMatch(
		frame
			.split('\n')
			.filter((row) => row.includes('│'))
			.map((row) => row.slice(row.indexOf('│')))
			.join('\n'),
		/Quiet Pipelines/,
	);
	app.unmount();
	assert.deepEqual(
		errors.filter((error) => /same key/i.test(error)),
		[],
	);
});
