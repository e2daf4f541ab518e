import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, beforeEach, describe, test} from 'node:test';
import {isJsonExact, openFrontMatterMemo} from '../../src/posts/front-matter-memo.js';
import {loadLibrary} from '../../src/posts/load-library.js';

const root = mkdtempSync(join(tmpdir(), 'kn-front-matter-memo-'));
after(() => rmSync(root, {recursive: true, force: true}));

describe('the front matter memo (issue 13)', () => {
	test('keeps only what JSON gives back as it is', () => {
		assert.equal(isJsonExact({title: 'T', tags: ['a', 1, true, null], nested: {x: 1.5}}), true);
		for (const inexact of [
			{when: new Date(0)},
			{n: Number.NaN},
			{n: Number.POSITIVE_INFINITY},
			{n: -0},
			{u: undefined},
			{m: new Map()},
			{b: new Uint8Array(1)},
		]) {
			assert.equal(isJsonExact(inexact), false, JSON.stringify(Object.keys(inexact)));
		}
	});

	test('what is set and saved is there for the next run; another version starts empty', () => {
		const dir = join(root, 'unit');
		const memo = openFrontMatterMemo(['/notes'], dir);
		memo.set('title: A', {data: {title: 'A'}});
		memo.set('when: !!binary AAAA', {data: {when: new Uint8Array(3)}});
		memo.save();
		const again = openFrontMatterMemo(['/notes'], dir);
		assert.deepEqual(again.get('title: A'), {data: {title: 'A'}});
		assert.equal(again.get('when: !!binary AAAA'), undefined);
		assert.equal(openFrontMatterMemo(['/other'], dir).get('title: A'), undefined);
		// Written by other code (another build, or edited sources): not believed.
		assert.equal(openFrontMatterMemo(['/notes'], dir, 'another build').get('title: A'), undefined);
		const [file] = readdirSync(dir);
		const text = readFileSync(join(dir, file!), 'utf8');
		writeFileSync(join(dir, file!), text.replace(/"version":"[^"]*"/, '"version":"0/old"'));
		assert.equal(openFrontMatterMemo(['/notes'], dir).get('title: A'), undefined);
		writeFileSync(join(dir, file!), '{not json');
		assert.equal(openFrontMatterMemo(['/notes'], dir).get('title: A'), undefined);
	});

	describe('loading every body', () => {
		const cacheDir = join(root, 'cache');
		const posts = join(root, 'posts');
		beforeEach(() => {
			process.env['KUBECON_NOTES_CACHE_DIR'] = cacheDir;
			mkdirSync(posts, {recursive: true});
		});
		afterEach(() => {
			delete process.env['KUBECON_NOTES_CACHE_DIR'];
			rmSync(cacheDir, {recursive: true, force: true});
			rmSync(posts, {recursive: true, force: true});
		});

		test('takes a block it has seen from the memo, and parses an edited block again', () => {
			const post = join(posts, '2024-01-02-note.md');
			writeFileSync(post, '---\ntitle: "From the file"\ntags: [a, b]\n---\n\nText.\n');
			assert.equal(loadLibrary([posts], {bodies: true}).posts[0]!.title, 'From the file');
			// The memo is believed for the same text: a planted answer shows it is read.
			const [file] = readdirSync(cacheDir).filter((name) => name.startsWith('front-matter-'));
			const memoPath = join(cacheDir, file!);
			writeFileSync(memoPath, readFileSync(memoPath, 'utf8').replace('"From the file"', '"From the memo"'));
			const again = loadLibrary([posts], {bodies: true}).posts[0]!;
			assert.equal(again.title, 'From the memo');
			assert.deepEqual(again.tags, ['a', 'b']);
			writeFileSync(post, '---\ntitle: "Edited"\ntags: [a, b]\n---\n\nText.\n');
			assert.equal(loadLibrary([posts], {bodies: true}).posts[0]!.title, 'Edited');
		});

		test('a problem in a block is told again when it comes from the memo', () => {
			writeFileSync(join(posts, '2024-01-03-bad.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
			const first = loadLibrary([posts], {bodies: true}).warnings.map(
				(warning) => `${warning.line}: ${warning.message}`,
			);
			assert.equal(first.length, 1);
			assert.deepEqual(
				loadLibrary([posts], {bodies: true}).warnings.map((warning) => `${warning.line}: ${warning.message}`),
				first,
			);
		});
	});
});
