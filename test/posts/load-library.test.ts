import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {loadLibrary, MissingPathError} from '../../src/posts/index.js';

const root = mkdtempSync(join(tmpdir(), 'kn-load-'));
after(() => rmSync(root, {recursive: true, force: true}));

function folder(name: string, files: Record<string, string | Buffer>): string {
	const dir = join(root, name);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), {recursive: true});
		writeFileSync(join(dir, path), content);
	}
	return dir;
}

const post = (title: string, date: string, extra = '') =>
	`---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\nText of ${title}.\n`;

describe('loading a library', () => {
	test('walks folders recursively, .md and .markdown, skipping hidden folders and node_modules; newest first', () => {
		const dir = folder('walk', {
			'2020-01-01-old.md': post('Old', '2020-01-01'),
			'sub/2022-03-03-new.markdown': post('New', '2022-03-03'),
			'2021-02-02-mid.md': post('Mid', '2021-02-02'),
			'.hidden/2025-01-01-h.md': post('Hidden', '2025-01-01'),
			'node_modules/x/2025-01-01-n.md': post('Dep', '2025-01-01'),
			'notes.txt': 'not a post',
		});
		const library = loadLibrary([dir]);
		assert.deepEqual(
			library.posts.map((p) => [p.title, p.id]),
			[
				['New', 'sub/2022-03-03-new.markdown'],
				['Mid', '2021-02-02-mid.md'],
				['Old', '2020-01-01-old.md'],
			],
		);
		assert.deepEqual(library.warnings, []);
	});

	test('drafts are hidden unless asked for', () => {
		const dir = folder('drafts', {
			'a.md': post('Draft', '2020-01-01', 'published: false\n'),
			'b.md': post('Shown', '2020-01-01'),
		});
		assert.deepEqual(
			loadLibrary([dir]).posts.map((p) => p.title),
			['Shown'],
		);
		assert.equal(loadLibrary([dir], {drafts: true}).posts.length, 2);
	});

	test('bad files become one warning each and the rest load', () => {
		const dir = folder('bad', {
			'good.md': post('Good', '2020-01-01'),
			'empty.md': '',
			'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
			'latin1.md': Buffer.from('---\ntitle: Caf\xe9\n---\nna\xefve\n', 'latin1'),
			'broken.md': '---\ntitle: [oops\n---\ntext\n',
			'folder.md/inner.txt': 'a folder named like a post',
		});
		symlinkSync(join(dir, 'missing-target.md'), join(dir, 'dangling.md'));
		const library = loadLibrary([dir]);
		assert.deepEqual(library.posts.map((p) => p.id).sort(), ['broken.md', 'good.md', 'latin1.md']);
		const byFile = new Map(library.warnings.map((w) => [w.file.slice(dir.length + 1), w]));
		assert.equal(library.warnings.length, 5, JSON.stringify(library.warnings));
		assert.match(byFile.get('empty.md')!.message, /empty/);
		assert.match(byFile.get('binary.md')!.message, /binary/);
		assert.match(byFile.get('latin1.md')!.message, /UTF-8/);
		assert.equal(byFile.get('latin1.md')!.line, 2);
		assert.match(byFile.get('broken.md')!.message, /YAML/);
		assert.match(byFile.get('dangling.md')!.message, /cannot read/);
	});

	test('a file over the size limit is skipped with a warning naming its size', () => {
		const dir = folder('huge', {
			'huge.md': '# Big\n' + 'x'.repeat(20 * 1024 * 1024),
			'ok.md': post('Ok', '2020-01-01'),
		});
		const library = loadLibrary([dir]);
		assert.deepEqual(
			library.posts.map((p) => p.title),
			['Ok'],
		);
		assert.match(library.warnings[0]!.message, /20\.0 MB/);
	});

	test('a symlink loop is followed once', () => {
		const dir = folder('loop', {'a/2020-01-01-a.md': post('A', '2020-01-01')});
		symlinkSync(dir, join(dir, 'a', 'back'));
		const library = loadLibrary([dir]);
		assert.deepEqual(
			library.posts.map((p) => p.title),
			['A'],
		);
	});

	test('single files, several paths, standard input; ids stay unique', () => {
		const one = folder('one', {'2020-01-01-x.md': post('X1', '2020-01-01')});
		const two = folder('two', {'2020-01-01-x.md': post('X2', '2021-01-01')});
		const library = loadLibrary([one, two, join(one, '2020-01-01-x.md'), '-'], {stdinText: '# From stdin\n\ntext'});
		assert.deepEqual(library.posts.map((p) => p.title).sort(), ['From stdin', 'X1', 'X2']);
		assert.equal(new Set(library.posts.map((p) => p.id)).size, 3);
		assert.deepEqual(library.warnings, []);
	});

	test('a missing path is an error the CLI turns into exit 2', () => {
		assert.throws(() => loadLibrary([join(root, 'nope')]), MissingPathError);
	});
});
