import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {App} from '../../src/ui/app.js';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {statusRows} from '../../src/ui/status-text.js';
import {keepInkStyles, keys, press, ready, render, waitForFrame} from '../helpers/keys.js';
import {waitFor} from '../helpers/wait-for.js';

keepInkStyles();

const url =
	'https://static.example.com/hosted_files/conf2023/ac/150_Keeping_Your_Edge_by_Deploying_Faster_with_a_very_long_name.pdf';
const body = [
	'Sessions I attended:',
	'',
	`* [Scaling etcd - Ann Bee, Acme](${url})`,
	'',
	...Array.from({length: 30}, (_, index) => `Filler ${index + 1}.\n`),
].join('\n');
const post = parsePost({
	text: `---\ntitle: Conf notes\ndate: 2024-01-01\n---\n${body}`,
	id: 'conf.md',
	path: '/n/conf.md',
	displayPath: 'conf.md',
});
const library: Library = {posts: [post], warnings: [], searched: ['/n']};
const plain = (frame: string | undefined) => stripStyles(frame ?? '');
// The frame's rows joined back, the borders and padding of each row's end taken off.
const joined = (frame: string) =>
	frame
		.split('\n')
		.map((row) => row.trim())
		.join('');

describe('a message that shows a link shows it whole', () => {
	test('o with no opener: the message takes rows above the status line, the URL whole; the next key gives them back', async () => {
		const links: string[] = [];
		const app = render(
			<App
				library={library}
				renderPost={(p, o) => renderMarkdown(p.loadBody().body, o)}
				color={false}
				hyperlinks={false}
				width={80}
				height={20}
				onLink={async (kind, link) => {
					links.push(`${kind} ${link}`);
					return kind === 'open' ? `No xdg-open here to open links; the link is ${link}` : null;
				}}
			/>,
		);
		await ready(app);
		await press(app, '/', 'e', 't', 'c', 'd', keys.tab, 'o');
		await waitFor(() => links.length === 1);
		const frame = plain(await waitForFrame(app, (f) => joined(plain(f)).includes(url)));
		assert.equal(links[0], `open ${url}`);
		assert.match(frame, /No xdg-open here to open links; the link is/);
		assert.equal(frame.split('\n').length, 20, frame);
		assert.doesNotMatch(frame.split('\n').slice(-3).join('\n'), /…/);
		// y says what it copied, whole too.
		await press(app, 'y');
		await waitForFrame(app, (f) => /Copied/.test(plain(f)) && joined(plain(f)).includes(url));
		await press(app, keys.escape, 'j');
		const after = plain(await waitForFrame(app, (f) => !/Copied/.test(plain(f))));
		assert.equal(after.split('\n').length, 20);
		app.unmount();
	});

	test('statusRows: one row when the message fits; else the message over rows, each exactly the width', () => {
		const parts = {title: 'Conf', topic: '', message: 'Saved', right: '1-10/40 25%', hint: ''};
		assert.equal(statusRows(parts, 60, 8).length, 1);
		const rows = statusRows({...parts, message: `No xdg-open here to open links; the link is ${url}`}, 60, 8);
		assert.ok(rows.length >= 3, JSON.stringify(rows));
		for (const row of rows) assert.equal([...row].length, 60, row);
		assert.ok(
			rows
				.map((row) => row.trim())
				.join('')
				.includes(url),
		);
		assert.ok(rows.at(-1)!.includes('1-10/40'));
		assert.equal(statusRows({...parts, message: `x ${url}`}, 60, 1).length, 1);
	});
});
