import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {nameFromBytes} from '../../src/posts/file-names.js';
import {loadLibrary} from '../../src/posts/index.js';
import {readPostText} from '../../src/posts/load-library.js';
import {readPostHead} from '../../src/posts/post-head.js';
import type {PostWarning} from '../../src/posts/types.js';

const root = mkdtempSync(join(tmpdir(), 'kn-reading-'));
after(() => rmSync(root, {recursive: true, force: true}));

/** A path whose last names are raw bytes (Latin-1 here: not UTF-8). */
const bytePath = (...parts: string[]) =>
	Buffer.concat(
		parts.flatMap((part, index) => [
			index === 0 ? Buffer.from(part) : Buffer.from('/'),
			index === 0 ? Buffer.alloc(0) : Buffer.from(part, 'latin1'),
		]),
	);

describe('file names that are not UTF-8 are read by their bytes', () => {
	const dir = join(root, 'names');
	mkdirSync(dir);
	writeFileSync(bytePath(dir, '2024-01-01-caf\xe9.md'), '---\ntitle: Café\n---\n\n## Espresso\n\ntext\n');
	// Both names are `caf?` to a lossy decoder: they must stay two posts.
	writeFileSync(bytePath(dir, '2024-01-02-caf\xe8.md'), '---\ntitle: Cafè\n---\n\n## Ristretto\n');
	mkdirSync(bytePath(dir, 'd\xfcsseldorf'));
	writeFileSync(bytePath(dir, 'd\xfcsseldorf', '2024-01-03-notes.md'), '---\ntitle: Düsseldorf\n---\n\n## Altbier\n');

	test('each is found, read and named with its bad bytes written \\xNN', () => {
		for (const bodies of [true, false]) {
			const library = loadLibrary([dir], {bodies});
			assert.deepEqual(library.warnings, [], JSON.stringify(library.warnings));
			const byId = new Map(library.posts.map((post) => [post.id, post]));
			assert.deepEqual([...byId.keys()].sort(), [
				'2024-01-01-caf\\xe9.md',
				'2024-01-02-caf\\xe8.md',
				'd\\xfcsseldorf/2024-01-03-notes.md',
			]);
			assert.equal(byId.get('2024-01-01-caf\\xe9.md')!.title, 'Café');
			assert.deepEqual(
				byId
					.get('d\\xfcsseldorf/2024-01-03-notes.md')!
					.loadBody()
					.topics.map((topic) => topic.name),
				['Altbier'],
			);
			assert.deepEqual(
				byId
					.get('2024-01-02-caf\\xe8.md')!
					.loadBody()
					.topics.map((topic) => topic.name),
				['Ristretto'],
			);
		}
	});

	test('UTF-8 stays as it is; only bytes that are not are written \\xNN', () => {
		assert.equal(nameFromBytes(Buffer.from('Düsseldorf 日本.md')), 'Düsseldorf 日本.md');
		assert.equal(nameFromBytes(Buffer.from([0x61, 0xe9, 0x62, 0xc3, 0xa9, 0xff])), 'a\\xe9bé\\xff');
		assert.equal(nameFromBytes(Buffer.from([0xf0, 0x9f, 0x98])), '\\xf0\\x9f\\x98');
	});
});

describe(
	'a post is read through the descriptor that was checked',
	{skip: process.platform === 'win32' ? 'no FIFOs' : false},
	() => {
		const dir = join(root, 'fifo');
		mkdirSync(dir);
		const regular = join(dir, 'regular.md');
		writeFileSync(regular, '---\ntitle: R\n---\ntext\n');
		const fifo = join(dir, '2024-01-01-pipe.md');
		execFileSync('mkfifo', [fifo]);

		test('a FIFO where a checked file was (a swap after the stat) is refused, not read', () => {
			// The caller's stat saw a regular file; what is opened now is a FIFO with no writer.
			const warnings: PostWarning[] = [];
			assert.equal(readPostText(fifo, 'pipe.md', warnings, statSync(regular)), null);
			assert.deepEqual(warnings, [{file: 'pipe.md', message: 'skipped: not a regular file (a named pipe)'}]);
		});

		test('the head of a FIFO named like a post is refused without waiting for a writer', () => {
			const {head} = readPostHead(fifo, 'pipe.md', '2024-01-01-pipe.md');
			assert.equal(head.readable, false);
			assert.match(head.warnings[0]!.message, /named pipe/);
		});

		test('a file larger than the cap is refused, read or not', () => {
			const big = join(dir, 'big.md');
			writeFileSync(big, Buffer.alloc(8 * 1024 * 1024 + 1, 0x61));
			const warnings: PostWarning[] = [];
			assert.equal(readPostText(big, 'big.md', warnings), null);
			assert.match(warnings[0]!.message, /larger than the 8 MB/);
			assert.equal(readPostText(regular, 'regular.md', []), '---\ntitle: R\n---\ntext\n');
		});
	},
);
