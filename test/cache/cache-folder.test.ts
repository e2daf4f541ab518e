// Issue 25, point 2: a cache folder nobody else can plant in. V8 runs what the code cache holds,
// and printed output is written from the printed memo as it is: a cache file is believed only when
// it and its folder are this user's alone, it is opened without following a link, and the writer
// makes its temporary file itself (O_EXCL, a random name) in such a folder.
import assert from 'node:assert/strict';
import {
	chmodSync,
	copyFileSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {cacheFolderProblem, readOwnFile, usableCacheDirectory, writeCacheFile} from '../../src/cache-directory.js';
import {openPrintedMemo} from '../../src/cli/printed-memo.js';
import {loadLibrary} from '../../src/posts/load-library.js';
import type {PostWarning} from '../../src/posts/types.js';
import {runCli} from '../helpers/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'kn-cache-folder-'));
after(() => rmSync(root, {recursive: true, force: true}));

/** A folder only this user may write, as the writer makes one. */
function ownFolder(name: string): string {
	const dir = join(root, name);
	mkdirSync(dir, {recursive: true, mode: 0o700});
	return dir;
}

describe('a cache folder others can write to is not used (issue 25)', () => {
	test('a 0777 folder: refused, said once, nothing read from it or written to it', () => {
		const dir = ownFolder('shared');
		writeFileSync(join(dir, 'kept.bin'), 'planted', {mode: 0o600});
		chmodSync(dir, 0o777);
		assert.match(cacheFolderProblem(dir)!, /others may write/);
		const warnings: PostWarning[] = [];
		const env = {KUBECON_NOTES_CACHE_DIR: dir};
		assert.equal(usableCacheDirectory(warnings, env), null);
		assert.equal(usableCacheDirectory(warnings, env), null);
		assert.equal(warnings.length, 1, 'said once');
		assert.equal(warnings[0]!.file, dir);
		assert.match(warnings[0]!.message, /cache folder is not used.*others may write/);
		assert.throws(() => readOwnFile(join(dir, 'kept.bin')));
		assert.equal(writeCacheFile(join(dir, 'new.bin'), 'data'), false);
		assert.deepEqual(readdirSync(dir), ['kept.bin']);
	});

	test('a folder that is a symbolic link (to a folder of ours): refused', () => {
		const real = ownFolder('real');
		writeFileSync(join(real, 'kept.bin'), 'ours', {mode: 0o600});
		const link = join(root, 'linked');
		symlinkSync(real, link);
		assert.match(cacheFolderProblem(link)!, /symbolic link/);
		const warnings: PostWarning[] = [];
		assert.equal(usableCacheDirectory(warnings, {KUBECON_NOTES_CACHE_DIR: link}), null);
		assert.equal(warnings.length, 1);
		assert.throws(() => readOwnFile(join(link, 'kept.bin')));
		assert.equal(writeCacheFile(join(link, 'new.bin'), 'data'), false);
		assert.deepEqual(readdirSync(real), ['kept.bin']);
	});

	test("a folder that does not exist yet is made, this user's alone", () => {
		const dir = join(root, 'fresh', 'cache');
		assert.equal(cacheFolderProblem(dir), null);
		assert.equal(usableCacheDirectory([], {KUBECON_NOTES_CACHE_DIR: dir}), dir);
		assert.equal(writeCacheFile(join(dir, 'a.bin'), 'data'), true);
		assert.equal(lstatSync(dir).mode & 0o777, 0o700);
		assert.equal(lstatSync(join(dir, 'a.bin')).mode & 0o777, 0o600);
		assert.equal(readOwnFile(join(dir, 'a.bin')).toString(), 'data');
	});
});

describe('a cache file is opened without following a link (issue 25)', () => {
	test('a link to a file of ours, with the right contents, is not read', () => {
		const dir = ownFolder('file-link');
		const elsewhere = join(ownFolder('elsewhere'), 'big-file-of-ours');
		writeFileSync(elsewhere, 'contents', {mode: 0o600});
		symlinkSync(elsewhere, join(dir, 'cache.bin'));
		assert.equal(readOwnFile(elsewhere).toString(), 'contents');
		assert.throws(() => readOwnFile(join(dir, 'cache.bin')));
	});

	test('a printed memo behind a link is not believed; writing replaces the link, not what it points to', () => {
		const dir = ownFolder('memo-link');
		const options = {width: 80, color: false, hyperlinks: false, drafts: false};
		const stamp = {size: 1, mtimeMs: 1};
		const memo = openPrintedMemo(['notes'], options, dir, 'build');
		memo.set('/notes/a.md', stamp, {
			id: 'a.md',
			time: 1,
			published: true,
			readWarnings: [],
			warnings: [],
			bytes: Buffer.from('A\n'),
		});
		memo.save();
		const [name] = readdirSync(dir);
		const file = join(dir, name!);
		const moved = join(ownFolder('memo-elsewhere'), 'memo.bin');
		copyFileSync(file, moved);
		chmodSync(moved, 0o600);
		rmSync(file);
		symlinkSync(moved, file);
		const again = openPrintedMemo(['notes'], options, dir, 'build');
		assert.equal(again.get('/notes/a.md', stamp), undefined);
		again.set('/notes/a.md', stamp, {
			id: 'a.md',
			time: 1,
			published: true,
			readWarnings: [],
			warnings: [],
			bytes: Buffer.from('B\n'),
		});
		again.save();
		assert.ok(lstatSync(file).isFile(), 'the link was replaced by a file');
		assert.ok(readFileSync(moved).includes('A\n'), 'the file the link pointed to is unchanged');
	});
});

describe('the writer makes its temporary file itself (issue 25)', () => {
	const random = Math.random;
	afterEach(() => {
		Math.random = random;
	});

	test('a link planted at the old, predictable temporary name is neither followed nor removed', () => {
		const dir = ownFolder('planted-old');
		const victim = join(ownFolder('victim-old'), 'victim');
		writeFileSync(victim, 'precious', {mode: 0o600});
		const path = join(dir, 'index.json');
		symlinkSync(victim, `${path}.${process.pid}.tmp`);
		assert.equal(writeCacheFile(path, 'cache'), true);
		assert.equal(readFileSync(victim, 'utf8'), 'precious');
		assert.equal(readOwnFile(path).toString(), 'cache');
		assert.ok(lstatSync(`${path}.${process.pid}.tmp`).isSymbolicLink());
	});

	test('a link planted at the very name drawn is not opened: another name is drawn', () => {
		const dir = ownFolder('planted');
		const victim = join(ownFolder('victim'), 'victim');
		writeFileSync(victim, 'precious', {mode: 0o600});
		const path = join(dir, 'index.json');
		// The first name drawn is taken by a link to the victim, as if it had been guessed.
		const draws = [0.5, 0.25];
		Math.random = () => draws.shift() ?? random();
		const first = `${path}.${process.pid}-${(0.5).toString(36).slice(2, 10)}.tmp`;
		symlinkSync(victim, first);
		assert.equal(writeCacheFile(path, 'cache'), true);
		assert.equal(readFileSync(victim, 'utf8'), 'precious');
		assert.equal(readOwnFile(path).toString(), 'cache');
		assert.ok(lstatSync(first).isSymbolicLink(), 'the planted link is left alone');
		assert.deepEqual(
			readdirSync(dir).sort(),
			['index.json', `index.json.${process.pid}-${(0.5).toString(36).slice(2, 10)}.tmp`].sort(),
		);
	});

	test('a planted regular file at the name drawn every time: nothing is written into it', () => {
		const dir = ownFolder('planted-always');
		const path = join(dir, 'index.json');
		Math.random = () => 0.5;
		const name = `${path}.${process.pid}-${(0.5).toString(36).slice(2, 10)}.tmp`;
		writeFileSync(name, 'planted', {mode: 0o600});
		assert.equal(writeCacheFile(path, 'cache'), false);
		assert.equal(readFileSync(name, 'utf8'), 'planted');
	});
});

describe('the index cache and the reader in a folder others can write to (issue 25)', () => {
	test('loading a library says so once in its warnings and runs without the cache', () => {
		const dir = ownFolder('library-shared');
		chmodSync(dir, 0o777);
		const posts = ownFolder('library-posts');
		for (const index of [1, 2, 3])
			writeFileSync(join(posts, `2024-01-0${index}-p.md`), `---\ntitle: Post ${index}\n---\n\nText.\n`);
		const before = process.env['KUBECON_NOTES_CACHE_DIR'];
		process.env['KUBECON_NOTES_CACHE_DIR'] = dir;
		try {
			const library = loadLibrary([posts]);
			assert.equal(library.posts.length, 3);
			assert.deepEqual(readdirSync(dir), []);
			// Told once in a run: this test's folder was not named before.
			assert.equal(library.warnings.filter((warning) => warning.file === dir).length, 1);
			assert.equal(loadLibrary([posts]).warnings.filter((warning) => warning.file === dir).length, 0);
		} finally {
			if (before === undefined) delete process.env['KUBECON_NOTES_CACHE_DIR'];
			else process.env['KUBECON_NOTES_CACHE_DIR'] = before;
		}
	});
});

describe('the built CLI with a cache folder others can write to (issue 25)', () => {
	test('prints as usual, says so in one line on stderr, and writes nothing there', async () => {
		const dir = ownFolder('cli-shared');
		chmodSync(dir, 0o777);
		const clean = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: ownFolder('cli-clean')}});
		const result = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: dir}});
		assert.equal(result.code, 0);
		assert.equal(result.stdout, clean.stdout);
		const lines = result.stderr.trimEnd().split('\n');
		assert.equal(lines.length, 1, result.stderr);
		assert.match(
			lines[0]!,
			/^kubecon-notes: warning: .*cli-shared: the cache folder is not used, as others may write to it/,
		);
		assert.deepEqual(readdirSync(dir), []);
	});

	test('a code cache planted as a link (to a sound cache of ours) is not used, and is replaced by a file', async () => {
		const dir = ownFolder('cli-code-link');
		await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: dir}});
		const [name] = readdirSync(dir).filter((file) => file.startsWith('code-'));
		assert.ok(name, 'a code cache was written');
		const moved = join(ownFolder('cli-code-elsewhere'), 'code.bin');
		copyFileSync(join(dir, name), moved);
		chmodSync(moved, 0o600);
		rmSync(join(dir, name));
		symlinkSync(moved, join(dir, name));
		const result = await runCli([], {env: {KUBECON_NOTES_CACHE_DIR: dir}});
		assert.equal(result.code, 0);
		assert.equal(result.stderr, '');
		assert.ok(lstatSync(join(dir, name)).isFile(), 'the link was replaced by a cache file of its own');
	});
});
