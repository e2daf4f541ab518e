// Issue 25, point 1: every cache is keyed on the code that wrote it (the bundle's identity, or from
// source a hash of the sources) plus its own format number. A changed identity misses, in each of
// the four caches.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {codeIdentity, hashOfSources} from '../../src/cache-directory.js';
import {openPrintedMemo} from '../../src/cli/printed-memo.js';
import {WORTH} from '../../src/cli/compiled-code.js';
import {openCodeCache} from '../../src/launch/code-cache.js';
import {openFrontMatterMemo} from '../../src/posts/front-matter-memo.js';
import {openIndexCache} from '../../src/posts/index-cache.js';
import type {PostHead} from '../../src/posts/post-head.js';

const root = mkdtempSync(join(tmpdir(), 'kn-cache-identity-'));
after(() => rmSync(root, {recursive: true, force: true}));

const head = (title: string): PostHead => ({
	slug: title.toLowerCase(),
	title,
	date: null,
	tags: [],
	categories: [],
	author: null,
	published: true,
	warnings: [],
	readable: true,
});
const stamp = {size: 10, mtimeMs: 1};

describe('every cache misses when the code that wrote it changed', () => {
	test('the index cache', () => {
		const dir = join(root, 'index');
		const write = openIndexCache(['/notes'], dir, 'build-1');
		for (const name of ['a', 'b']) {
			assert.equal(write.get(`/notes/${name}.md`, stamp), undefined);
			write.set(`/notes/${name}.md`, stamp, head(`Title ${name}`));
		}
		write.save();
		assert.equal(openIndexCache(['/notes'], dir, 'build-1').get('/notes/a.md', stamp)?.title, 'Title a');
		assert.equal(openIndexCache(['/notes'], dir, 'build-2').get('/notes/a.md', stamp), undefined);
		assert.equal(openIndexCache(['/notes'], dir, 'build-2').believe('/notes/a.md'), undefined);
	});

	test('the front matter memo', () => {
		const dir = join(root, 'front-matter');
		const write = openFrontMatterMemo(['/notes'], dir, 'build-1');
		write.set('title: A', {data: {title: 'A'}});
		write.save();
		assert.deepEqual(openFrontMatterMemo(['/notes'], dir, 'build-1').get('title: A'), {data: {title: 'A'}});
		assert.equal(openFrontMatterMemo(['/notes'], dir, 'build-2').get('title: A'), undefined);
	});

	test('the printed memo', () => {
		const dir = join(root, 'printed');
		const options = {width: 80, color: false, hyperlinks: false, drafts: false};
		const write = openPrintedMemo(['notes'], options, dir, 'build-1');
		write.set('/notes/a.md', stamp, {
			id: 'a.md',
			time: 1,
			published: true,
			readWarnings: [],
			warnings: [],
			bytes: Buffer.from('A\n'),
		});
		write.save();
		assert.equal(
			openPrintedMemo(['notes'], options, dir, 'build-1').get('/notes/a.md', stamp)?.bytes?.toString(),
			'A\n',
		);
		assert.equal(openPrintedMemo(['notes'], options, dir, 'build-2').get('/notes/a.md', stamp), undefined);
	});

	test('the code cache', () => {
		const dir = join(root, 'code');
		const before = process.listeners('exit');
		const write = openCodeCache(dir, 'build-1');
		write.compiled({createCachedData: () => Buffer.from('compiled code'.repeat(10))});
		write.reached(WORTH.printed);
		// The cache is written at exit: its listener is called here, as the process would at exit.
		const atExit = process.listeners('exit').filter((listener) => !before.includes(listener));
		assert.equal(atExit.length, 1);
		process.removeListener('exit', atExit[0]!);
		atExit[0]!(0);
		assert.equal(openCodeCache(dir, 'build-1').payload?.toString(), 'compiled code'.repeat(10));
		assert.equal(openCodeCache(dir, 'build-2').payload, undefined);
	});
});

describe('the code identity from source', () => {
	test('is a hash of the sources, the patches and the lock file: a changed source changes it', () => {
		const tree = join(root, 'tree');
		mkdirSync(join(tree, 'src', 'posts'), {recursive: true});
		mkdirSync(join(tree, 'patches'), {recursive: true});
		writeFileSync(join(tree, 'src', 'posts', 'parse-post.ts'), 'export const rule = 1;\n');
		writeFileSync(join(tree, 'patches', 'ink+6.8.0.patch'), 'a patch\n');
		writeFileSync(join(tree, 'package-lock.json'), '{}\n');
		const before = hashOfSources(tree);
		assert.equal(hashOfSources(tree), before);
		writeFileSync(join(tree, 'src', 'posts', 'parse-post.ts'), 'export const rule = 2;\n');
		const edited = hashOfSources(tree);
		assert.notEqual(edited, before);
		writeFileSync(join(tree, 'patches', 'ink+6.8.0.patch'), 'another patch\n');
		assert.notEqual(hashOfSources(tree), edited);
		writeFileSync(join(tree, 'package-lock.json'), '{"lockfileVersion": 3}\n');
		assert.notEqual(hashOfSources(tree), edited);
	});

	test('this run from source is known by its sources', () => {
		assert.equal(codeIdentity(), hashOfSources(join(import.meta.dirname, '..', '..')));
	});
});
