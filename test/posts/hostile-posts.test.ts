import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {loadLibrary} from '../../src/posts/index.js';
import {hostilePosts, writeHostileFolder} from '../fixtures/hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'kn-hostile-'));
after(() => rmSync(dir, {recursive: true, force: true}));
writeHostileFolder(dir, {huge: true});

const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/;

describe('the hostile set through the post library', () => {
	// Every body read at once (as printing does): its problems are warnings from the start.
	const library = loadLibrary([dir], {bodies: true});

	test('every text post loads; each unreadable file is one warning naming it', () => {
		// Invalid UTF-8 still loads (with replacement characters and a warning).
		assert.deepEqual(
			library.posts.map((post) => post.id).sort(),
			[...Object.keys(hostilePosts), 'invalid-utf8.md'].sort(),
		);
		const files = library.warnings.map((warning) => warning.file.slice(dir.length + 1)).sort();
		assert.deepEqual(files, [
			'2024-01-06-deep-nesting.md',
			'2024-01-08-broken-yaml.md',
			'binary.md',
			'empty.md',
			'huge.md',
			'invalid-utf8.md',
		]);
	});

	test('no field of any post carries a control, bidi or zero-width character', () => {
		for (const post of library.posts) {
			const fields = [
				post.title,
				post.loadBody().body,
				post.loadBody().excerpt,
				...post.tags,
				String(post.author),
				...post.loadBody().topics.map((topic) => topic.name),
			];
			for (const session of post.loadBody().sessions)
				fields.push(session.title, session.speakers ?? '', session.note ?? '', session.url ?? '', ...session.people);
			for (const field of fields)
				assert.doesNotMatch(field, UNSAFE, `${post.id}: ${JSON.stringify(field.slice(0, 80))}`);
		}
	});

	test('only http(s) session links survive', () => {
		const post = library.posts.find((p) => p.id === '2024-01-03-bad-schemes.md')!;
		assert.deepEqual(
			post.loadBody().sessions.map((session) => session.url),
			[null, null, null, 'https://sched.co/ok'],
		);
	});
});
