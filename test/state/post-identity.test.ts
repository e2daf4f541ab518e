import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {
	foldTitle,
	placeKey,
	placeKeysToForget,
	placesByIdentity,
	resolvePlaceKeys,
} from '../../src/state/post-identity.js';
import type {PostPosition} from '../../src/state/reading-anchor.js';
import {createStore} from '../../src/store/writer.js';
import {tempFolder} from '../helpers/temp-folder.js';

const post = (id: string, path: string, title = 'KubeCon EU 2024 notes') => ({id, path, title});
const place = (progress: number): PostPosition => ({
	anchor: {sourceLine: 1, blockKey: '', blockFraction: 0, topic: null, progress},
	readTopics: [],
	updatedAt: 1,
});

describe('places follow their post', () => {
	const notes = post('2024-04-01-eu.md', '/n/2024-04-01-eu.md');

	test('its own key first; a post renamed or moved (its old file gone) reads the place under its old key', () => {
		const old = placeKey(post('2024-04-10-eu.md', '/n/2024-04-10-eu.md'))!;
		const keys = resolvePlaceKeys([notes], [old], () => false);
		assert.deepEqual(keys.get(notes.id), {write: placeKey(notes), read: old});
		assert.deepEqual(
			resolvePlaceKeys([notes], [placeKey(notes)!, old], () => false).get(notes.id)?.read,
			placeKey(notes),
		);
	});

	test("a copy in another folder does not take the original's place while the original is there", () => {
		const original = placeKey(post('2024-04-01-eu.md', '/usr/lib/node_modules/kubecon-notes/posts/2024-04-01-eu.md'))!;
		const copy = post('2024-04-01-eu.md', '/home/me/notes/2024-04-01-eu.md');
		assert.equal(resolvePlaceKeys([copy], [original], (path) => path.startsWith('/usr/lib')).get(copy.id)?.read, null);
	});

	test('a title edited in place keeps the place of its file; places of earlier versions (keyed by id) migrate', () => {
		const before = placeKey(post(notes.id, notes.path, 'Old title'))!;
		assert.equal(resolvePlaceKeys([notes], [before], () => true).get(notes.id)?.read, before);
		assert.equal(resolvePlaceKeys([notes], [notes.id], () => true).get(notes.id)?.read, notes.id);
		// One file name in two folders (the second's id is its path): the legacy place is the first's only.
		const other = post('/m/2024-04-01-eu.md', '/m/2024-04-01-eu.md');
		const both = resolvePlaceKeys([notes, other], [notes.id], () => true);
		assert.deepEqual([both.get(notes.id)?.read, both.get(other.id)?.read], [notes.id, null]);
	});

	test('the store seen through ids: reads the old key until a save under the new one; lastPostId maps back', () => {
		const data = new Map<string, PostPosition>([['2024-04-01-eu.md', place(0.4)]]);
		let last: string | undefined = '2024-04-01-eu.md';
		const store = {
			getPosition: (key: string) => data.get(key),
			setPosition: (key: string, position: PostPosition) => void data.set(key, position),
			lastPostId: () => last,
			setLastPostId: (key: string) => void (last = key),
			path: '/c/config.json',
		};
		const keyed = placesByIdentity(
			store,
			resolvePlaceKeys([notes], [...data.keys()], () => true),
		);
		assert.equal(keyed.getPosition(notes.id)?.anchor.progress, 0.4);
		assert.equal(keyed.lastPostId(), notes.id);
		keyed.setPosition(notes.id, place(0.6));
		keyed.setLastPostId(notes.id);
		assert.equal(data.get(placeKey(notes)!)?.anchor.progress, 0.6);
		assert.equal(data.get(notes.id)?.anchor.progress, 0.4, 'the old key is left as it was');
		assert.equal(keyed.getPosition(notes.id)?.anchor.progress, 0.6);
		assert.equal(last, placeKey(notes));
		assert.equal(keyed.lastPostId(), notes.id);
		assert.equal(keyed.path, '/c/config.json');
	});

	test('forget clears every key the place may be under', () => {
		const moved = placeKey(post('2024-04-10-eu.md', '/n/2024-04-10-eu.md'))!;
		const elsewhere = placeKey(post('x.md', '/m/x.md', 'Another post'))!;
		assert.deepEqual(
			placeKeysToForget(notes, [placeKey(notes)!, notes.id, moved, elsewhere], () => false).sort(),
			[placeKey(notes)!, notes.id, moved].sort(),
		);
	});
});

test('the store seen through post ids keeps the rest of the store working (watched marks, warnings, settled)', async () => {
	const store = createStore({cwd: tempFolder()});
	const keyed = placesByIdentity(
		store,
		resolvePlaceKeys([post('a.md', '/notes/a.md')], [], () => true),
	);
	keyed.setWatched('talk', true);
	assert.equal(keyed.isWatched('talk'), true);
	assert.deepEqual(keyed.warnings, []);
	assert.equal(keyed.saveProblem, null);
	await keyed.settled();
	keyed.setPosition('a.md', place(0.5));
	assert.equal(keyed.getPosition('a.md')?.anchor.progress, 0.5);
});

describe('place keys at start, over thousands of posts (issue 25)', () => {
	/** Counts String.prototype.normalize calls while `run` runs. */
	function countNormalize(run: () => void): number {
		const original = String.prototype.normalize;
		let calls = 0;
		String.prototype.normalize = function (this: string, form?: string) {
			calls++;
			return original.call(this, form);
		};
		try {
			run();
		} finally {
			String.prototype.normalize = original;
		}
		return calls;
	}

	test('each post’s title is folded once, and a printable ASCII title without the Unicode steps', () => {
		const posts = [
			{title: 'Café  Notes', id: 'a.md', path: '/notes/a.md'},
			{title: 'Plain notes', id: 'b.md', path: '/notes/b.md'},
		];
		assert.equal(
			countNormalize(() => resolvePlaceKeys(posts, [], () => true)),
			1,
		);
	});

	test('the ASCII way folds as the Unicode way does', () => {
		const unicodeFold = (title: string) =>
			title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
		fc.assert(
			fc.property(fc.string({unit: fc.constantFrom(...' aZ9-:.!  Xy~'.split('')), maxLength: 30}), (title) => {
				assert.equal(foldTitle(title), unicodeFold(title));
			}),
		);
		for (let code = 0x20; code <= 0x7e; code++) {
			const title = ` A${String.fromCharCode(code)}  b `;
			assert.equal(foldTitle(title), unicodeFold(title));
		}
	});
});
