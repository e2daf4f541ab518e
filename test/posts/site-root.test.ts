import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, test} from 'node:test';
import {loadLibrary} from '../../src/posts/index.js';

function makeTree(t: {after(fn: () => void): void}, files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'kubecon-site-'));
	t.after(() => rmSync(root, {recursive: true, force: true}));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), {recursive: true});
		writeFileSync(join(root, path), text);
	}
	return root;
}

const post = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;

const site = {
	'_config.yml': 'title: My blog\n',
	'README.md': '# Readme\n',
	'about.md': post('About'),
	'index.md': post('Home'),
	'_posts/2023-04-27-kubecon.md': post('KubeCon'),
	'_posts/2022/2022-10-01-nested.md': post('Nested'),
	'talks/_posts/2024-03-20-paris.md': post('Paris'),
	'_drafts/next-one.md': post('Draft'),
	'_site/2023/04/27/kubecon.md': post('Built copy'),
	'_includes/note.md': post('Include'),
	'_layouts/post.md': post('Layout'),
};

describe('a Jekyll site root', () => {
	test('yields the posts of every _posts folder, and nothing else', (t) => {
		const root = makeTree(t, site);
		const library = loadLibrary([root]);
		assert.deepEqual(library.posts.map((p) => p.id).sort(), [
			'_posts/2022/2022-10-01-nested.md',
			'_posts/2023-04-27-kubecon.md',
			'talks/_posts/2024-03-20-paris.md',
		]);
	});

	test('_drafts only with drafts', (t) => {
		const root = makeTree(t, site);
		const titles = loadLibrary([root], {drafts: true})
			.posts.map((p) => p.title)
			.sort();
		assert.deepEqual(titles, ['Draft', 'KubeCon', 'Nested', 'Paris']);
	});

	test('a folder with _posts but no _config.yml is a site root too', (t) => {
		const root = makeTree(t, {'_posts/2023-01-01-a.md': post('A'), 'notes.md': post('Page')});
		assert.deepEqual(
			loadLibrary([root]).posts.map((p) => p.title),
			['A'],
		);
	});

	test('a plain folder keeps every markdown file', (t) => {
		const root = makeTree(t, {
			'README.md': '# Readme\n',
			'2023-01-01-a.md': post('A'),
			'sub/2023-01-02-b.md': post('B'),
		});
		assert.deepEqual(
			loadLibrary([root])
				.posts.map((p) => p.id)
				.sort(),
			['2023-01-01-a.md', 'README.md', 'sub/2023-01-02-b.md'],
		);
	});
});
