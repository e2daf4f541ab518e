import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {startLiveReload} from '../../src/posts/live-reload.js';
import {loadLibrary} from '../../src/posts/load-library.js';
import type {Library} from '../../src/posts/types.js';
import {changeForPost, updateLibrary} from '../../src/posts/update-library.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempFolder} from '../helpers/temp-folder.js';

const post = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;

describe('live reload for the reader', () => {
	test('each batch applies to the newest library; the reader gets the new library', async (t) => {
		const folder = tempFolder();
		writeFileSync(join(folder, '2024-01-01-a.md'), post('A'));
		let library: Library = loadLibrary([folder]);
		const updates: string[][] = [];
		const live = startLiveReload({
			paths: [folder],
			currentLibrary: () => library,
			onUpdate(update) {
				library = update.library;
				updates.push([...update.added, ...update.changed]);
			},
		});
		t.after(() => live.stop());
		await live.ready;
		writeFileSync(join(folder, '2024-02-02-b.md'), post('B'));
		await waitFor(() => library.posts.length === 2);
		writeFileSync(join(folder, '2024-01-01-a.md'), post('A, edited'));
		await waitFor(() => library.posts.some((p) => p.title === 'A, edited'), {describe: () => JSON.stringify(updates)});
		assert.deepEqual(
			library.posts.map((p) => p.title),
			['B', 'A, edited'],
		);
	});

	test('heads the start took from the cache unseen are checked when live reload starts: a post edited meanwhile is read again', async (t) => {
		const folder = tempFolder();
		const cache = tempFolder();
		const previous = process.env['KUBECON_NOTES_CACHE_DIR'];
		process.env['KUBECON_NOTES_CACHE_DIR'] = cache;
		t.after(() =>
			previous === undefined
				? delete process.env['KUBECON_NOTES_CACHE_DIR']
				: (process.env['KUBECON_NOTES_CACHE_DIR'] = previous),
		);
		writeFileSync(join(folder, '2024-01-01-a.md'), post('A'));
		writeFileSync(join(folder, '2024-02-02-b.md'), post('B'));
		loadLibrary([folder]);
		// Edited while the reader was closed: a new size, so a new stamp whatever the clock.
		writeFileSync(join(folder, '2024-01-01-a.md'), post('A, edited meanwhile'));
		let library: Library = loadLibrary([folder], {checkLater: true});
		assert.deepEqual(
			library.posts.map((p) => p.title),
			['B', 'A'],
			'the first frame shows the cache',
		);
		const live = startLiveReload({
			paths: [folder],
			currentLibrary: () => library,
			onUpdate(update) {
				library = update.library;
			},
		});
		t.after(() => live.stop());
		assert.deepEqual(
			library.posts.map((p) => p.title),
			['B', 'A, edited meanwhile'],
		);
		await live.ready;
	});

	test('after the editor, one post can be reloaded without a watcher, named as loading named it', () => {
		const folder = tempFolder();
		mkdirSync(join(folder, 'talks'));
		writeFileSync(join(folder, 'talks', '2024-01-01-a.md'), post('A'));
		const library = loadLibrary([folder]);
		const change = changeForPost(library, library.posts[0]!);
		assert.deepEqual(change, {
			kind: 'changed',
			path: join(folder, 'talks', '2024-01-01-a.md'),
			id: 'talks/2024-01-01-a.md',
			displayPath: join(folder, 'talks', '2024-01-01-a.md'),
		});
		writeFileSync(join(folder, 'talks', '2024-01-01-a.md'), post('A, saved in the editor'));
		assert.equal(updateLibrary(library, [change]).library.posts[0]?.title, 'A, saved in the editor');
	});
});
