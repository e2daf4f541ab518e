import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {findPosts} from '../../src/posts/find-posts.js';
import type {PostWarning} from '../../src/posts/types.js';
import {watchPosts} from '../../src/posts/watch-posts.js';
import {waitFor} from '../helpers/wait-for.js';

const root = mkdtempSync(join(tmpdir(), 'kn-bounds-'));
after(() => rmSync(root, {recursive: true, force: true}));

const post = (title: string) => `---\ntitle: ${title}\n---\n\ntext\n`;

/** A folder named for reading, and another beside it that links lead into. */
function twoFolders(name: string): {notes: string; outside: string} {
	const notes = join(root, name, 'notes');
	const outside = join(root, name, 'elsewhere');
	mkdirSync(join(notes, 'inner'), {recursive: true});
	mkdirSync(join(outside, 'deeper'), {recursive: true});
	writeFileSync(join(notes, '2024-01-01-own.md'), post('Own'));
	writeFileSync(join(notes, 'inner', '2024-01-02-inner.md'), post('Inner'));
	writeFileSync(join(outside, '2024-01-03-outside.md'), post('Outside'));
	writeFileSync(join(outside, 'deeper', '2024-01-04-deeper.md'), post('Deeper'));
	return {notes, outside};
}

describe('the folder named is the folder read', () => {
	test('links to folders and files outside it are not followed, and said once with their names', () => {
		const {notes, outside} = twoFolders('links');
		symlinkSync(outside, join(notes, 'out'));
		symlinkSync('/', join(notes, 'root'));
		symlinkSync(join(outside, '2024-01-03-outside.md'), join(notes, '2024-01-05-file-link.md'));
		symlinkSync(join(outside, 'deeper'), join(notes, 'inner', 'deep-link'));
		const warnings: PostWarning[] = [];
		const found = findPosts([notes], warnings);
		assert.deepEqual(found.map((file) => file.id).sort(), ['2024-01-01-own.md', 'inner/2024-01-02-inner.md']);
		assert.equal(warnings.length, 1);
		assert.match(
			warnings[0]!.message,
			/links that lead out of the folder are not followed, as in Jekyll's safe mode: .*out.* and 1 more|: 2024-01-05-file-link\.md, inner\/deep-link, out and 1 more/,
		);
	});

	test('links that stay inside it are followed, each real file once, and loops end', () => {
		const {notes} = twoFolders('inside');
		symlinkSync(join(notes, 'inner'), join(notes, 'alias'));
		symlinkSync('..', join(notes, 'inner', 'up'));
		symlinkSync(join(notes, '2024-01-01-own.md'), join(notes, 'inner', '2024-01-06-same.md'));
		const warnings: PostWarning[] = [];
		const found = findPosts([notes], warnings);
		// The inner post is met through the link or its folder, whichever sorts first: once.
		assert.deepEqual(found.map((file) => file.id.replace(/^alias\//, 'inner/')).sort(), [
			'2024-01-01-own.md',
			'inner/2024-01-02-inner.md',
		]);
		assert.deepEqual(warnings, []);
	});

	test('a folder named through a link is read where it leads; a Jekyll site keeps links in its own tree', () => {
		const {notes, outside} = twoFolders('named-link');
		const named = join(root, 'named-link', 'named');
		symlinkSync(notes, named);
		assert.equal(findPosts([named], []).length, 2);
		const site = join(root, 'named-link', 'site');
		mkdirSync(join(site, '_posts'), {recursive: true});
		writeFileSync(join(site, '_config.yml'), 'title: x\n');
		writeFileSync(join(site, '_posts', '2024-02-01-a.md'), post('A'));
		symlinkSync(outside, join(site, 'blog'));
		mkdirSync(join(outside, '_posts'), {recursive: true});
		writeFileSync(join(outside, '_posts', '2024-02-02-b.md'), post('B'));
		const warnings: PostWarning[] = [];
		assert.deepEqual(
			findPosts([site], warnings).map((file) => file.id),
			['_posts/2024-02-01-a.md'],
		);
		assert.match(warnings[0]!.message, /not followed.*blog/);
	});

	test('the walk stops at its caps on folders, names, posts and depth, with one warning', () => {
		const wide = join(root, 'wide');
		for (let index = 0; index < 30; index++) {
			mkdirSync(join(wide, `f${String(index).padStart(2, '0')}`), {recursive: true});
			writeFileSync(
				join(wide, `f${String(index).padStart(2, '0')}`, `2024-01-${String(index + 1).padStart(2, '0')}-p.md`),
				post(`P${index}`),
			);
		}
		const deep = join(root, 'deep', ...Array.from({length: 12}, () => 'd'));
		mkdirSync(deep, {recursive: true});
		writeFileSync(join(deep, '2024-03-01-deep.md'), post('Deep'));
		const defaults = {folders: 1000, entries: 1000, files: 1000, depth: 64};
		for (const [folder, limits, count] of [
			[wide, {...defaults, folders: 10}, 9],
			[wide, {...defaults, files: 5}, 5],
			[wide, {...defaults, entries: 40}, 10],
			[join(root, 'deep'), {...defaults, depth: 5}, 0],
		] as const) {
			const warnings: PostWarning[] = [];
			assert.equal(findPosts([folder], warnings, {limits}).length, count);
			assert.equal(warnings.length, 1);
			assert.match(warnings[0]!.message, /stopped reading the folder at/);
		}
		assert.equal(findPosts([join(root, 'deep')], []).length, 1);
	});

	test('a folder or a post named through a link is watched where it leads, under the name given', async () => {
		const {notes} = twoFolders('watch-named');
		const named = join(root, 'watch-named', 'named');
		symlinkSync(notes, named);
		const namedFile = join(root, 'watch-named', 'one.md');
		symlinkSync(join(notes, '2024-01-01-own.md'), namedFile);
		const changes: string[] = [];
		const watcher = watchPosts([named, namedFile], {
			debounceMs: 20,
			onChange: (batch) => changes.push(...batch.map((change) => `${change.kind} ${change.path}`)),
		});
		try {
			await watcher.ready;
			writeFileSync(join(notes, 'inner', '2024-05-07-new.md'), post('New'));
			writeFileSync(join(notes, '2024-01-01-own.md'), post('Own, edited'));
			const expected = [
				`added ${join(named, 'inner', '2024-05-07-new.md')}`,
				`changed ${join(named, '2024-01-01-own.md')}`,
			];
			await waitFor(() => expected.every((change) => changes.includes(change)), {describe: () => changes.join(', ')});
			for (const change of expected) assert.ok(changes.includes(change), `${change} in ${changes.join(', ')}`);
		} finally {
			await watcher.close();
		}
	});

	test('the watcher watches at most 2,000 folders and says so once', async () => {
		const many = join(root, 'many');
		for (let outer = 0; outer < 41; outer++)
			for (let inner = 0; inner < 50; inner++) mkdirSync(join(many, `o${outer}`, `i${inner}`), {recursive: true});
		const errors: string[] = [];
		const watcher = watchPosts([many], {onChange: () => {}, onError: (error) => errors.push(String(error))});
		try {
			await watcher.ready;
			assert.equal(errors.length, 1);
			assert.match(errors[0]!, /watching stopped at 2,000 folders/);
		} finally {
			await watcher.close();
		}
	});

	test('the watcher follows no link out of the folder', async () => {
		const {notes, outside} = twoFolders('watch');
		symlinkSync(outside, join(notes, 'out'));
		const changes: string[] = [];
		const watcher = watchPosts([notes], {
			debounceMs: 20,
			onChange: (batch) => changes.push(...batch.map((change) => change.id)),
		});
		try {
			await watcher.ready;
			writeFileSync(join(outside, '2024-05-05-new-outside.md'), post('New outside'));
			writeFileSync(join(notes, '2024-05-06-new-inside.md'), post('New inside'));
			await waitFor(() => changes.includes('2024-05-06-new-inside.md'), {describe: () => changes.join(', ')});
			assert.deepEqual(changes, ['2024-05-06-new-inside.md']);
		} finally {
			await watcher.close();
		}
	});
});
