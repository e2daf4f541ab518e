import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {openPrintedMemo, type PrintedPost} from '../../src/cli/printed-memo.js';
import {ANY_ESCAPE, runCli} from '../helpers/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'kn-printed-memo-'));
after(() => rmSync(root, {recursive: true, force: true}));

const OPTIONS = {width: 80, color: false, hyperlinks: false, drafts: false};
const post = (text: string): PrintedPost => ({
	id: 'a.md',
	time: 5,
	published: true,
	readWarnings: [],
	warnings: [{file: 'a.md', message: 'odd', line: 2}],
	bytes: Buffer.from(text),
});

describe('the printed memo (issue 13)', () => {
	test('a post set and saved comes back for the same file stamp, and only for it', () => {
		const dir = join(root, 'unit');
		const memo = openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1');
		memo.set('/notes/a.md', {size: 10, mtimeMs: 1}, post('Title\nText é\n'));
		memo.set('/notes/b.md', {size: 20, mtimeMs: 2}, {...post(''), id: 'b.md', bytes: null, published: false});
		memo.save();
		const again = openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1');
		const back = again.get('/notes/a.md', {size: 10, mtimeMs: 1});
		assert.equal(back?.bytes?.toString(), 'Title\nText é\n');
		assert.deepEqual(back?.warnings, [{file: 'a.md', message: 'odd', line: 2}]);
		assert.equal(again.get('/notes/b.md', {size: 20, mtimeMs: 2})?.bytes, null);
		assert.equal(again.get('/notes/a.md', {size: 10, mtimeMs: 3}), undefined);
		// Other code (another build, or edited sources), other options, the paths given otherwise: nothing.
		assert.equal(
			openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-2').get('/notes/a.md', {size: 10, mtimeMs: 1}),
			undefined,
		);
		assert.equal(
			openPrintedMemo(['notes'], {...OPTIONS, width: 100}, dir, 'bundle-1').get('/notes/a.md', {size: 10, mtimeMs: 1}),
			undefined,
		);
		assert.equal(
			openPrintedMemo(['./notes'], OPTIONS, dir, 'bundle-1').get('/notes/a.md', {size: 10, mtimeMs: 1}),
			undefined,
		);
	});

	test('a file cut short, grown, or writable by others is not believed', () => {
		const dir = join(root, 'damaged');
		const memo = openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1');
		memo.set('/notes/a.md', {size: 10, mtimeMs: 1}, post('Title\nText\n'));
		memo.save();
		const [name] = readdirSync(dir);
		const file = join(dir, name!);
		const whole = readFileSync(file);
		const stamp = {size: 10, mtimeMs: 1};
		writeFileSync(file, whole.subarray(0, whole.length - 3), {mode: 0o600});
		assert.equal(openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1').get('/notes/a.md', stamp), undefined);
		writeFileSync(file, Buffer.concat([whole, Buffer.from('more')]), {mode: 0o600});
		assert.equal(openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1').get('/notes/a.md', stamp), undefined);
		writeFileSync(file, whole, {mode: 0o600});
		assert.ok(openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1').get('/notes/a.md', stamp));
		// Its bytes are written out as they are: only a file this user alone may write is read.
		chmodSync(file, 0o666);
		assert.equal(openPrintedMemo(['notes'], OPTIONS, dir, 'bundle-1').get('/notes/a.md', stamp), undefined);
	});
});

describe('printing a library again (built CLI)', () => {
	test('prints the same bytes and warnings, takes unchanged posts from the memo, and prints an edited post afresh', async () => {
		const posts = join(root, 'posts');
		mkdirSync(posts);
		writeFileSync(join(posts, '2024-01-01-one.md'), '---\ntitle: One\n---\n\n## Topic\n\nFirst text.\n');
		writeFileSync(
			join(posts, '2024-01-02-two.md'),
			'---\ntitle: [broken\n---\n\nSecond text with a [link](https://example.org).\n',
		);
		writeFileSync(join(posts, '2024-01-03-draft.md'), '---\ntitle: Draft\npublished: false\n---\n\nNot shown.\n');
		// Hostile text goes through the writer once, and its bytes are kept as the writer made them.
		writeFileSync(
			join(posts, '2024-01-04-hostile.md'),
			'---\ntitle: "Red &#27;[31m alert"\n---\n\n## Bell &#7; here\n\nRaw \u001b]0;pwned\u0007 and \u009b2J.\n',
		);
		const env = {KUBECON_NOTES_CACHE_DIR: join(root, 'cache')};
		const first = await runCli([posts], {env});
		assert.equal(first.code, 0, first.stderr);
		assert.match(first.stderr, /2024-01-02-two\.md:2: .*not valid YAML/);
		const second = await runCli([posts], {env});
		assert.deepEqual(second, first);
		assert.doesNotMatch(second.stdout, ANY_ESCAPE);
		assert.match(second.stdout, /alert/);
		// The memo is what printed the second time: a word planted in it shows (same length).
		const [memoName] = readdirSync(env.KUBECON_NOTES_CACHE_DIR).filter((name) => name.startsWith('printed-'));
		const memoPath = join(env.KUBECON_NOTES_CACHE_DIR, memoName!);
		writeFileSync(memoPath, readFileSync(memoPath, 'latin1').replace('First text.', 'FIRST TEXT.'), {
			encoding: 'latin1',
			mode: 0o600,
		});
		assert.match((await runCli([posts], {env})).stdout, /FIRST TEXT\./);
		// An edit is printed as the file now says.
		writeFileSync(join(posts, '2024-01-01-one.md'), '---\ntitle: One\n---\n\n## Topic\n\nEdited text.\n');
		const edited = await runCli([posts], {env});
		assert.match(edited.stdout, /Edited text\./);
		assert.doesNotMatch(edited.stdout, /FIRST TEXT|First text/);
		assert.match(edited.stdout, /Second text/);
		// Colour is another memo, printed afresh.
		const coloured = await runCli(['--color=always', posts], {env});
		assert.match(coloured.stdout, /\u001b\[/);
		assert.match(coloured.stdout, /Edited text\./);
	});
});
