import assert from 'node:assert/strict';
import {mkdirSync, unlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {loadLibrary} from '../../src/posts/load-library.js';
import {updateLibrary} from '../../src/posts/update-library.js';
import {locatePost, mergeChange, watchPosts, watchRoots, type PostChange} from '../../src/posts/watch-posts.js';
import {waitFor} from '../helpers/wait-for.js';
import {lines} from './helpers.js';
import {tempFolder} from '../helpers/temp-folder.js';

// No date in the front matter: the file name's date orders the posts.
const post = (title: string, body = 'Some text.') => lines('---', `title: "${title}"`, '---', '', body, '');

/** A temp folder of posts, removed after the test that made it whatever happens. */
function tempPosts(files: Record<string, string>): string {
	const folder = tempFolder();
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(join(folder, name, '..'), {recursive: true});
		writeFileSync(join(folder, name), text);
	}
	return folder;
}

/** Starts a watcher that keeps every batch; closed after the test. */
async function startWatching(t: {after: (fn: () => Promise<void>) => void}, paths: string[]) {
	const batches: PostChange[][] = [];
	const errors: unknown[] = [];
	const watcher = watchPosts(paths, {
		onChange: (changes) => batches.push(changes),
		onError: (error) => errors.push(error),
	});
	t.after(() => watcher.close());
	await watcher.ready;
	const seen = () => batches.flat();
	/** Waits for a change of `kind` to `id` and returns every change seen so far. */
	const waitForChange = (kind: PostChange['kind'], id: string) =>
		waitFor(() => seen().some((change) => change.kind === kind && change.id === id) && seen(), {
			describe: () => JSON.stringify({batches, errors}),
		});
	return {batches, errors, waitForChange};
}

describe('which files the watcher reports (find-posts rules)', () => {
	const roots = [
		{given: 'notes', absolute: '/abs/notes', isFolder: true},
		{given: 'one.txt', absolute: '/abs/one.txt', isFolder: false},
	];
	test('a markdown file under a folder is a post, named as find-posts names it', () => {
		assert.deepEqual(locatePost(roots, '/abs/notes/2024/a.md'), {
			path: '/abs/notes/2024/a.md',
			id: '2024/a.md',
			displayPath: 'notes/2024/a.md',
		});
		assert.equal(locatePost(roots, '/abs/notes/b.markdown')?.id, 'b.markdown');
	});
	test('hidden files and folders, node_modules, _site, vendor and other extensions are not posts', () => {
		for (const path of [
			'/abs/notes/.git/x.md',
			'/abs/notes/.draft.md',
			'/abs/notes/node_modules/p/README.md',
			'/abs/notes/_site/a.md',
			'/abs/notes/vendor/a.md',
			'/abs/notes/a.txt',
			'/abs/elsewhere/a.md',
		]) {
			assert.equal(locatePost(roots, path), null, path);
		}
	});
	test('a file named on the command line is watched whatever its name', () => {
		assert.deepEqual(locatePost(roots, '/abs/one.txt'), {path: '/abs/one.txt', id: 'one.txt', displayPath: 'one.txt'});
	});
	test('standard input and vanished paths are not watched', () => {
		assert.deepEqual(watchRoots(['-', '/no/such/folder/kn']), []);
	});
	test('events on one file within a batch merge: a save by rename is a change, a file that came and went is nothing', () => {
		assert.equal(mergeChange('removed', 'added'), 'changed');
		assert.equal(mergeChange('added', 'changed'), 'added');
		assert.equal(mergeChange('added', 'removed'), null);
		assert.equal(mergeChange('changed', 'removed'), 'removed');
		assert.equal(mergeChange(undefined, 'changed'), 'changed');
	});
});

describe('live reload on a real folder', () => {
	test('an edited post is reported and the library shows its new text', async (t) => {
		const folder = tempPosts({'2024-05-02-a.md': post('First title'), '2024-05-01-b.md': post('Other')});
		const library = loadLibrary([folder]);
		const watching = await startWatching(t, [folder]);
		writeFileSync(join(folder, '2024-05-02-a.md'), post('Edited title', 'New words.'));
		const changes = await watching.waitForChange('changed', '2024-05-02-a.md');
		const update = updateLibrary(library, changes);
		assert.deepEqual(update.changed, ['2024-05-02-a.md']);
		const edited = update.library.posts.find((p) => p.id === '2024-05-02-a.md');
		assert.equal(edited?.title, 'Edited title');
		assert.match(edited?.loadBody().body ?? '', /New words\./);
		assert.equal(update.library.posts.length, 2);
		assert.equal(
			library.posts.find((p) => p.id === '2024-05-02-a.md')?.title,
			'First title',
			'the old library is left as it was',
		);
	});

	test('an added post appears in date order, a removed one goes; files in ignored folders are never reported', async (t) => {
		const folder = tempPosts({'2024-05-02-a.md': post('A'), '2024-05-01-b.md': post('B')});
		let library = loadLibrary([folder]);
		const watching = await startWatching(t, [folder]);
		mkdirSync(join(folder, 'node_modules'));
		writeFileSync(join(folder, 'node_modules', 'ignored.md'), post('Ignored'));
		writeFileSync(join(folder, '.hidden.md'), post('Hidden'));
		mkdirSync(join(folder, 'talks'));
		writeFileSync(
			join(folder, 'talks', '2025-01-01-new.md'),
			lines('---', 'title: New', 'date: 2025-01-01', '---', '', 'Fresh.'),
		);
		library = updateLibrary(library, await watching.waitForChange('added', 'talks/2025-01-01-new.md')).library;
		assert.deepEqual(
			library.posts.map((p) => p.title),
			['New', 'A', 'B'],
		);
		unlinkSync(join(folder, '2024-05-01-b.md'));
		const update = updateLibrary(library, await watching.waitForChange('removed', '2024-05-01-b.md'));
		assert.deepEqual(update.removed, ['2024-05-01-b.md']);
		assert.deepEqual(
			update.library.posts.map((p) => p.title),
			['New', 'A'],
		);
		assert.ok(
			!watching.batches.flat().some((change) => /ignored|hidden/.test(change.path)),
			JSON.stringify(watching.batches),
		);
	});

	test('a post that becomes unreadable keeps its last good version and gains a warning naming the file', async (t) => {
		const folder = tempPosts({'2024-05-02-a.md': post('Good title', 'Good text.')});
		const library = loadLibrary([folder]);
		// The version read is the one kept: the reader has read the post it shows.
		assert.match(library.posts[0]!.loadBody().body, /Good text/);
		const watching = await startWatching(t, [folder]);
		writeFileSync(join(folder, '2024-05-02-a.md'), Buffer.from([0x00, 0x01, 0x02, 0x00]));
		const update = updateLibrary(library, await watching.waitForChange('changed', '2024-05-02-a.md'));
		assert.equal(update.library.posts[0]?.title, 'Good title');
		assert.match(update.library.posts[0]?.loadBody().body ?? '', /Good text/);
		assert.equal(update.warnings.length, 1);
		assert.match(update.warnings[0]!.file, /2024-05-02-a\.md$/);
		assert.match(update.warnings[0]!.message, /binary.*last version read/);
		assert.deepEqual(update.library.warnings, update.warnings);
	});

	test('a single file named on the command line is watched too', async (t) => {
		const folder = tempPosts({'notes.md': post('Single')});
		const file = join(folder, 'notes.md');
		const library = loadLibrary([file]);
		const watching = await startWatching(t, [file]);
		writeFileSync(file, post('Single, edited'));
		const update = updateLibrary(library, await watching.waitForChange('changed', 'notes.md'));
		assert.equal(update.library.posts[0]?.title, 'Single, edited');
	});
});

describe('updateLibrary without a disk', () => {
	const at = (id: string) => ({path: `/n/${id}`, id, displayPath: `n/${id}`});
	const texts = new Map<string, string | null>();
	const readText = (path: string, displayPath: string, warnings: {file: string; message: string}[]) => {
		const text = texts.get(path) ?? null;
		if (text === null) warnings.push({file: displayPath, message: 'cannot read (permission denied)'});
		return text;
	};
	const base = () => {
		texts.clear();
		texts.set('/n/2024-01-01-a.md', post('A'));
		return updateLibrary({posts: [], warnings: [], searched: ['n']}, [{kind: 'added', ...at('2024-01-01-a.md')}], {
			readText,
		}).library;
	};

	test('a post turned into a draft leaves the library, unless drafts are shown', () => {
		const library = base();
		texts.set('/n/2024-01-01-a.md', lines('---', 'title: A', 'published: false', '---', 'x'));
		const change: PostChange = {kind: 'changed', ...at('2024-01-01-a.md')};
		assert.deepEqual(updateLibrary(library, [change], {readText}).removed, ['2024-01-01-a.md']);
		assert.deepEqual(updateLibrary(library, [change], {readText, drafts: true}).changed, ['2024-01-01-a.md']);
	});

	test('an unreadable new file is a plain warning; fixing an unreadable post clears its warning', () => {
		const library = base();
		const newFile = updateLibrary(library, [{kind: 'added', ...at('2024-02-02-b.md')}], {readText});
		assert.deepEqual(newFile.added, []);
		assert.deepEqual(
			newFile.warnings.map((w) => w.message),
			['cannot read (permission denied)'],
		);
		texts.set('/n/2024-01-01-a.md', null);
		const broken = updateLibrary(library, [{kind: 'changed', ...at('2024-01-01-a.md')}], {readText});
		assert.equal(broken.library.warnings.length, 1);
		texts.set('/n/2024-01-01-a.md', post('A again'));
		const fixed = updateLibrary(broken.library, [{kind: 'changed', ...at('2024-01-01-a.md')}], {readText});
		assert.deepEqual(fixed.library.warnings, []);
		assert.equal(fixed.library.posts[0]?.title, 'A again');
	});

	test('a new file whose id another folder already uses keeps its full path as id, as find-posts does', () => {
		const library = base();
		texts.set('/m/2024-01-01-a.md', post('Twin'));
		const update = updateLibrary(
			library,
			[{kind: 'added', path: '/m/2024-01-01-a.md', id: '2024-01-01-a.md', displayPath: 'm/2024-01-01-a.md'}],
			{readText},
		);
		assert.deepEqual(update.added, ['/m/2024-01-01-a.md']);
	});
});
