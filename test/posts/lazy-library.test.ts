import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {createRequire, syncBuiltinESMExports} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {loadLibrary, parsePost} from '../../src/posts/index.js';
import {cacheDirectory} from '../../src/cache-directory.js';
import {bodyLines, parseCount} from '../../src/posts/lazy-post.js';
import fc from 'fast-check';
import {readPostText} from '../../src/posts/load-library.js';
import {updateLibrary} from '../../src/posts/update-library.js';

const root = mkdtempSync(join(tmpdir(), 'kn-lazy-'));
const cacheDir = join(root, 'cache');
// Set around this file's tests, not at its top: unit files share a process (scripts/test-shard.mjs).
const previousCacheDir = process.env['KUBECON_NOTES_CACHE_DIR'];
before(() => {
	process.env['KUBECON_NOTES_CACHE_DIR'] = cacheDir;
});
after(() => {
	if (previousCacheDir === undefined) delete process.env['KUBECON_NOTES_CACHE_DIR'];
	else process.env['KUBECON_NOTES_CACHE_DIR'] = previousCacheDir;
	rmSync(root, {recursive: true, force: true});
});

function folder(name: string, files: Record<string, string | Buffer>): string {
	const dir = join(root, name);
	mkdirSync(dir, {recursive: true});
	for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
	return dir;
}

/** The files `run` opens or reads by path, through node:fs (its ESM bindings follow the patched module); stats go to `stated`. */
function countOpens(run: () => void, stated: string[] = []): string[] {
	const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
	const {openSync, readFileSync: read, statSync} = fs;
	const opened: string[] = [];
	fs.openSync = ((path: string, ...rest: unknown[]) => {
		opened.push(String(path));
		return (openSync as (...args: unknown[]) => number)(path, ...rest);
	}) as typeof fs.openSync;
	fs.readFileSync = ((path: unknown, ...rest: unknown[]) => {
		if (typeof path === 'string') opened.push(path);
		return (read as (...args: unknown[]) => unknown)(path, ...rest);
	}) as typeof fs.readFileSync;
	(fs as {statSync: unknown}).statSync = (path: unknown, ...rest: unknown[]) => {
		if (typeof path === 'string') stated.push(path);
		return (statSync as (...args: unknown[]) => unknown)(path, ...rest);
	};
	syncBuiltinESMExports();
	try {
		run();
	} finally {
		fs.openSync = openSync;
		fs.readFileSync = read;
		(fs as {statSync: unknown}).statSync = statSync;
		syncBuiltinESMExports();
	}
	return opened;
}

const long = (words: string) => `${words} `.repeat(Math.ceil(20_000 / (words.length + 1)));

/** Posts whose heads are easy to get wrong: a title only in a far heading, CRLF, a BOM, bad YAML, bad bytes. */
const tricky: Record<string, string | Buffer> = {
	'2023-01-01-plain.md': `---\ntitle: Plain\ndate: 2023-01-02\ntags: [a, b]\nauthor: Ann\n---\n\n${long('text')}\n`,
	'2023-01-02-no-title.md': `---\ndate: 2023-01-03\n---\n\n${long('intro')}\n\n# The heading far down\n\ntext\n`,
	'2023-01-03-crlf.md': `---\r\ntitle: "Crlf \\u001b[31m red"\r\ncategories: x y\r\n---\r\n\r\n${long('words')}\r\n`,
	'2023-01-04-bom.md': `\uFEFF---\ntitle: Bom\n---\n\n${long('bom')}\n`,
	'2023-01-05-bad-yaml.md': `---\ntitle: Bad\ndate: [oops\n---\n\n${long('bad')}\n`,
	'2023-01-06-bad-date.md': `---\ntitle: Bad date\ndate: yesterday\n---\n\n${long('date')}\n`,
	'2023-01-07-draft.md': `---\ntitle: Draft\npublished: no\n---\n\n${long('draft')}\n`,
	'2023-01-08-no-front-matter.md': `# Only a heading\n\n${long('none')}\n`,
	'2023-01-09-bad-bytes.md': Buffer.concat([
		Buffer.from(`---\ntitle: Bytes\n---\n\n${long('bytes')}\n`),
		Buffer.from([0xff, 0xfe]),
		Buffer.from('\nmore\n'),
	]),
	'2023-01-10-binary.md': Buffer.concat([Buffer.from('---\ntitle: Bin\n---\n'), Buffer.alloc(9000)]),
	'2023-01-11-empty.md': '',
	'2023-01-12-small.md': '---\ntitle: Small\n---\n\n# Heading\n\nshort\n',
	'2023-01-13-never-closes.md': `---\ntitle: Open\n${long('open')}\n`,
	'2023-01-14-liquid-title.md': `---\ntitle: "{{ page.x }} Liquid"\n---\n\n${long('liquid')}\n`,
};

describe('the lazy library', () => {
	test('reads heads only: no post is parsed whole until one is opened, and titles, dates and warnings match a full parse', () => {
		const dir = folder('tricky', tricky);
		const before = parseCount.value;
		const library = loadLibrary([dir], {drafts: true});
		assert.equal(parseCount.value, before, 'loading parsed a post whole');
		const expected: {
			title: string;
			date: number | undefined;
			tags: string[];
			categories: string[];
			author: string | null;
			published: boolean;
		}[] = [];
		const expectedWarnings: string[] = [];
		for (const name of Object.keys(tricky).sort()) {
			const warnings: {file: string; message: string; line?: number}[] = [];
			const path = join(dir, name);
			const text = readPostText(path, path, warnings);
			expectedWarnings.push(...warnings.map((warning) => `${warning.message}@${warning.line}`));
			if (text === null) continue;
			const post = parsePost({text, id: name, path, displayPath: path});
			expectedWarnings.push(...post.warnings.map((warning) => `${warning.message}@${warning.line}`));
			expected.push({
				title: post.title,
				date: post.date?.getTime(),
				tags: post.tags,
				categories: post.categories,
				author: post.author,
				published: post.published,
			});
		}
		const actual = library.posts.map((post) => ({
			title: post.title,
			date: post.date?.getTime(),
			tags: post.tags,
			categories: post.categories,
			author: post.author,
			published: post.published,
		}));
		const byTitle = (a: {title: string}, b: {title: string}) => (a.title < b.title ? -1 : 1);
		assert.deepEqual(actual.sort(byTitle), expected.sort(byTitle));
		// Every post's warnings, once each, after every body has been read too.
		for (const post of library.posts) void post.loadBody().topics;
		const got = library.warnings.map((warning) => `${warning.message}@${warning.line}`).sort();
		assert.deepEqual(got, [...expectedWarnings].sort());
		assert.ok(
			library.posts.find((post) => post.title === 'The heading far down'),
			'a title from a heading past the head',
		);
	});

	test('the open post is parsed once, on first use, and its body is the full parse', () => {
		const dir = folder('once', tricky);
		const library = loadLibrary([dir]);
		const post = library.posts.find((candidate) => candidate.title === 'Plain')!;
		const before = parseCount.value;
		const full = parsePost({
			text: readFileSync(post.path, 'utf8'),
			id: post.id,
			path: post.path,
			displayPath: post.path,
		});
		assert.equal(post.loadBody().body, full.body);
		assert.deepEqual(post.loadBody().topics, full.topics);
		assert.deepEqual(post.loadBody().sessions, full.sessions);
		assert.equal(post.loadBody().excerpt, full.excerpt);
		assert.equal(post.loadBody().bodyLineOffset, full.bodyLineOffset);
		assert.equal(parseCount.value, before + 1);
	});

	test('a post is its head, plain data; only loadBody() reads the file, once', () => {
		const dir = folder('head-only', tricky);
		const library = loadLibrary([dir]);
		const before = parseCount.value;
		const opened = countOpens(() => {
			for (const post of library.posts) {
				// Every field a post has without its body, and copying it, read nothing.
				void JSON.stringify({...post, date: post.date});
				assert.equal('body' in post || 'topics' in post || 'sessions' in post, false, post.id);
			}
		});
		assert.deepEqual(opened, []);
		assert.equal(parseCount.value, before);
		const post = library.posts[0]!;
		const read = countOpens(() => {
			const body = post.loadBody();
			void body.topics;
			void body.sessions;
			assert.equal(post.loadBody(), body);
		});
		assert.deepEqual(read, [post.path]);
		assert.equal(parseCount.value, before + 1);
	});
});

test("a topic's text cut from the body is the lines the parser joined", () => {
	fc.assert(
		fc.property(
			fc.array(fc.constantFrom('a', '', 'b c', ' '), {maxLength: 8}),
			fc.integer({min: 1, max: 10}),
			fc.integer({min: 0, max: 10}),
			(lines, first, last) => {
				const text = lines.join('\n');
				assert.equal(
					bodyLines(text, first, last),
					text
						.split('\n')
						.slice(first - 1, last)
						.join('\n'),
				);
			},
		),
	);
});

describe('the index cache', () => {
	const files = () =>
		Object.fromEntries(
			Array.from({length: 5}, (_, index) => [
				`2024-01-0${index + 1}-p${index}.md`,
				`---\ntitle: Post ${index}\n---\n\n${long('body')}\n`,
			]),
		);

	test('a second start takes unchanged heads from the cache; a changed size or mtime is read again', () => {
		const dir = folder('cached', files());
		const path = join(dir, '2024-01-01-p0.md');
		// A whole second: file systems keep finer times than utimes can set back.
		const mtime = new Date(1_700_000_000_000);
		utimesSync(path, mtime, mtime);
		loadLibrary([dir]);
		const cacheFiles = readdirSync(cacheDir).filter(
			(name) => name.endsWith('.json') && readFileSync(join(cacheDir, name), 'utf8').includes(dir),
		);
		assert.equal(cacheFiles.length, 1, 'one cache file for the folder');
		// Same size and mtime, other title: the cache is believed (the file is not read).
		writeFileSync(path, readFileSync(path, 'utf8').replace('Post 0', 'Fost 0'));
		utimesSync(path, mtime, mtime);
		assert.ok(loadLibrary([dir]).posts.some((post) => post.title === 'Post 0'));
		// Another mtime: read again.
		utimesSync(path, mtime, new Date(mtime.getTime() + 5000));
		assert.ok(loadLibrary([dir]).posts.some((post) => post.title === 'Fost 0'));
	});

	test('a corrupt, foreign or tampered cache is rebuilt without a warning', () => {
		const dir = folder('corrupt', files());
		loadLibrary([dir]);
		const cacheFile = join(
			cacheDir,
			readdirSync(cacheDir).find(
				(name) => name.endsWith('.json') && readFileSync(join(cacheDir, name), 'utf8').includes(dir),
			)!,
		);
		const good = readFileSync(cacheFile, 'utf8');
		const tampered = [
			good.replaceAll('Post 1', 'Post \\u001b[31m1'),
			// Raw characters need no escape in JSON: a C1 control and a bidi override.
			good.replaceAll('Post 1', 'Post \u009b1'),
			good.replaceAll('Post 1', 'Post \u202e1'),
			// The wrong shape: a number for a title, a column cut short, a tag list that is not one.
			good.replaceAll('"Post 1"', '1'),
			good.replace(/"sizes":\[(\d+),/, '"sizes":['),
			good.replace(/"lists":\[/, '"lists":[7,'),
		];
		for (const bad of [
			'{"version',
			'[]',
			'null',
			good.replace(/"version":"[^"]*"/, '"version":"0/old"'),
			...tampered,
		]) {
			writeFileSync(cacheFile, bad);
			const library = loadLibrary([dir]);
			assert.equal(library.warnings.length, 0);
			assert.deepEqual(library.posts.map((post) => post.title).sort(), [
				'Post 0',
				'Post 1',
				'Post 2',
				'Post 3',
				'Post 4',
			]);
			assert.ok(readFileSync(cacheFile, 'utf8').includes('"Post 1"'), 'the cache was rewritten');
		}
	});

	test('holds only what the sidebar needs, and only the files seen', () => {
		const dir = folder('lean', files());
		loadLibrary([dir]);
		rmSync(join(dir, '2024-01-05-p4.md'));
		loadLibrary([dir]);
		const cacheFile = readdirSync(cacheDir)
			.map((name) => join(cacheDir, name))
			.find((name) => readFileSync(name, 'utf8').includes(dir))!;
		const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, unknown[]> & {root: string};
		assert.equal(cache.root, `${dir}/`);
		assert.deepEqual([...cache['paths']!].sort(), [
			'2024-01-01-p0.md',
			'2024-01-02-p1.md',
			'2024-01-03-p2.md',
			'2024-01-04-p3.md',
		]);
		// One column per field of the head (and size and mtime), one value per post; tag lists shared.
		for (const column of ['sizes', 'mtimes', 'slugs', 'titles', 'dates', 'authors', 'flags', 'tags', 'categories'])
			assert.equal(cache[column]!.length, 4, column);
		assert.deepEqual(cache['lists'], [[]], 'no post has tags or categories: one empty list for all');
		assert.ok(!readFileSync(cacheFile, 'utf8').includes('body body'), 'no body text in the cache');
	});

	test('a start over a warm cache opens no post: one file is read, the cache', () => {
		const dir = folder('warm', files());
		loadLibrary([dir]);
		const stated: string[] = [];
		const opened = countOpens(() => loadLibrary([dir]), stated);
		assert.deepEqual(
			opened.filter((path) => path.startsWith(dir)),
			[],
		);
		assert.equal(opened.filter((path) => path.startsWith(cacheDir)).length, 1);
		// Each post's size and mtime are asked, to know the cache is right about it.
		assert.equal(stated.filter((path) => path.endsWith('.md')).length, 5);
	});

	test("the reader's start believes the cache without a stat per post; the check after it reads what changed", () => {
		const dir = folder('later', files());
		const edited = join(dir, '2024-01-02-p1.md');
		const removed = join(dir, '2024-01-03-p2.md');
		loadLibrary([dir]);
		writeFileSync(edited, readFileSync(edited, 'utf8').replace('Post 1', 'Post one'));
		utimesSync(edited, new Date(1_700_000_000_000), new Date(1_700_000_000_000));
		const stated: string[] = [];
		let library = loadLibrary([dir], {checkLater: true});
		rmSync(removed);
		assert.deepEqual(
			countOpens(() => (library = loadLibrary([dir], {checkLater: true})), stated).filter((path) =>
				path.startsWith(dir),
			),
			[],
		);
		assert.deepEqual(
			stated.filter((path) => path.endsWith('.md')),
			[],
			"no post was stat'ed",
		);
		// The first frame shows what the cache said; the check finds what changed since.
		assert.deepEqual(
			library.posts.map((post) => post.title),
			['Post 4', 'Post 3', 'Post 1', 'Post 0'],
		);
		const changes = library.checkCachedHeads!();
		assert.deepEqual(changes.map((change) => `${change.kind} ${change.id}`).sort(), ['changed 2024-01-02-p1.md']);
		assert.deepEqual(
			updateLibrary(library, changes).library.posts.map((post) => post.title),
			['Post 4', 'Post 3', 'Post one', 'Post 0'],
		);
		assert.deepEqual(library.checkCachedHeads!(), [], 'checked once');
		// The cache was brought up to date: the next start believes the new title.
		assert.ok(loadLibrary([dir], {checkLater: true}).posts.some((post) => post.title === 'Post one'));
	});

	test('a post removed while the reader was closed is removed by the check', () => {
		const dir = folder('later-removed', files());
		loadLibrary([dir]);
		const library = loadLibrary([dir], {checkLater: true});
		rmSync(join(dir, '2024-01-05-p4.md'));
		const changes = library.checkCachedHeads!();
		assert.deepEqual(
			changes.map((change) => `${change.kind} ${change.id}`),
			['removed 2024-01-05-p4.md'],
		);
		assert.equal(updateLibrary(library, changes).library.posts.length, 4);
	});

	test('titles JSON must escape (a backslash, quotes) and paths under two folders are believed too', () => {
		const first = folder('escapes-a', {
			'2024-01-01-a.md': `---\ntitle: 'C:\\bin "quoted" \u00e9'\n---\n\n${long('a')}\n`,
			'2024-01-02-b.md': `---\ntitle: B\n---\n\n${long('b')}\n`,
		});
		const second = folder('escapes-b/deeper', {'2024-01-03-c.md': `---\ntitle: C\n---\n\n${long('c')}\n`});
		const changed = [join(first, '2024-01-01-a.md'), join(second, '2024-01-03-c.md')];
		// A whole second: file systems keep finer times than utimes can set back.
		const mtime = new Date(1_700_000_000_000);
		for (const path of changed) utimesSync(path, mtime, mtime);
		const titles = () =>
			loadLibrary([first, second])
				.posts.map((post) => post.title)
				.sort();
		assert.deepEqual(titles(), ['B', 'C', 'C:\\bin "quoted" \u00e9']);
		// Same size and mtime, other text: each title still comes from the cache.
		for (const path of changed) {
			writeFileSync(path, readFileSync(path, 'utf8').replace(/title: ./, 'title: X'));
			utimesSync(path, mtime, mtime);
		}
		assert.deepEqual(titles(), ['B', 'C', 'C:\\bin "quoted" \u00e9']);
	});

	test('the cache folder: the variable, else XDG, else ~/.cache; none under the test runner unless named', () => {
		assert.equal(cacheDirectory({KUBECON_NOTES_CACHE_DIR: '/x'}, 'linux'), '/x');
		assert.equal(cacheDirectory({XDG_CACHE_HOME: '/xdg'}, 'linux'), '/xdg/kubecon-notes');
		assert.match(cacheDirectory({XDG_CACHE_HOME: 'relative'}, 'linux')!, /\/\.cache\/kubecon-notes$/);
		assert.match(cacheDirectory({}, 'darwin')!, /Library\/Caches\/kubecon-notes$/);
		assert.equal(cacheDirectory({NODE_TEST_CONTEXT: 'child'}, 'linux'), null);
	});
});
