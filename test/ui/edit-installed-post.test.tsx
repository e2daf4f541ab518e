import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {App} from '../../src/ui/app.js';
import {installedPackageFile} from '../../src/ui/hooks/use-edit-effect.js';
import {parsePost} from '../../src/posts/parse-post.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {keepInkStyles, press, ready, render, waitForFrame} from '../helpers/keys.js';

keepInkStyles();

const path = '/usr/lib/node_modules/kubecon-notes/posts/2023-04-27-kubecon-eu-2023.md';
const post = parsePost({
	text: '---\ntitle: Bundled notes\ndate: 2023-04-27\n---\nSome text.\n',
	id: '2023-04-27-kubecon-eu-2023.md',
	path,
	displayPath: path,
});
const joined = (frame: string) =>
	frame
		.split('\n')
		.map((row) => row.trim())
		.join(' ');

describe('e on a post inside the installed package', () => {
	test('says so in the status line, with the command that copies it to a folder of yours; no editor runs', async () => {
		const app = render(
			<App
				library={{posts: [post], warnings: [], searched: ['/usr/lib/node_modules/kubecon-notes/posts']}}
				renderPost={(p, o) => renderMarkdown(p.loadBody().body, o)}
				color={false}
				hyperlinks={false}
				width={100}
				height={20}
			/>,
		);
		await ready(app);
		await press(app, 'e');
		const frame = stripStyles(await waitForFrame(app, (f) => /installed package/.test(stripStyles(f ?? ''))));
		assert.match(
			joined(frame),
			/This post is part of the installed package: an edit would be lost on the next install\./,
		);
		assert.ok(joined(frame).replace(/\s+/g, '').includes(`cp'${path}'~/notes/`.replace(/\s+/g, '')), frame);
		assert.doesNotMatch(frame, /No terminal to run an editor in/);
		app.unmount();
	});

	test('installedPackageFile: only files inside a node_modules folder; quotes survive', () => {
		assert.equal(installedPackageFile('/home/me/notes/x.md'), null);
		assert.equal(installedPackageFile('/work/kubecon-notes/posts/x.md'), null);
		assert.match(
			installedPackageFile("/n/node_modules/kubecon-notes/posts/it's.md")!,
			/cp '\/n\/node_modules\/kubecon-notes\/posts\/it'\\''s\.md' ~\/notes\//,
		);
	});
});
