import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {loadLibrary} from '../../src/posts/load-library.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {runCli} from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kn-contain-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const stars = `${'***'.repeat(13_000)}x${'***'.repeat(13_000)}`;
const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const name of 'bcdefghi')
	bomb.push(
		`${name}: &${name} [*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)},*${String.fromCharCode(name.charCodeAt(0) - 1)}]`,
	);
const posts: Record<string, string> = {
	'2024-02-01-alias-bomb.md': `---\ntitle: Bomb\n${bomb.join('\n')}\n---\n\n## Still here\n`,
	'2024-02-02-star-heading.md': `---\nlayout: post\n---\n\n# ${stars}\n\n## Next\n\ntext\n`,
	'2024-02-03-star-paragraph.md': `---\ntitle: Stars\n---\n\n## Before\n\n${stars}\n\n* [Talk - Ann Lee, Org](https://sched.co/a)\n`,
	'2024-02-04-deep-quotes.md': `---\ntitle: Quotes\n---\n\n## Deep\n\n${Array.from({length: 3000}, (_, i) => '>'.repeat(i + 1) + ' q').join('\n')}\n`,
	'2024-02-05-fine.md': `---\ntitle: Fine\n---\n\n## One\n\ntext\n`,
};
for (const [name, text] of Object.entries(posts)) writeFileSync(join(dir, name), text);

describe('one bad post is one warning; the rest load and render', () => {
	test('alias bomb, 40 KB emphasis runs and 3,000 nested quotes: each one warning naming the file', () => {
		const library = loadLibrary([dir]);
		assert.equal(library.posts.length, 5);
		for (const post of library.posts) {
			assert.ok(post.loadBody().topics.length > 0, post.id);
			void post.loadBody().sessions;
			void post.loadBody().excerpt;
		}
		const warned = library.warnings.map((warning) => warning.file.slice(dir.length + 1)).sort();
		assert.deepEqual(warned, [
			'2024-02-01-alias-bomb.md',
			'2024-02-02-star-heading.md',
			'2024-02-03-star-paragraph.md',
			'2024-02-04-deep-quotes.md',
		]);
		assert.match(library.warnings.find((warning) => warning.file.endsWith('alias-bomb.md'))!.message, /alias/i);
		const stars = library.posts.find((post) => post.id === '2024-02-03-star-paragraph.md')!;
		assert.equal(stars.loadBody().sessions.length, 1);
		for (const post of library.posts) {
			const doc = renderMarkdown(post.loadBody().body, {width: 80, color: true, hyperlinks: true});
			assert.ok(doc.lines.length > 0);
		}
	});

	test('the renderer never throws on them, also fed raw (nesting is capped inside the lexer)', () => {
		for (const text of Object.values(posts)) {
			const doc = renderMarkdown(text, {width: 60, color: false, hyperlinks: false});
			for (const line of doc.lines) assert.ok(line.length <= 60 * 2);
		}
	});
});

describe('only regular files are read', () => {
	const fifo = join(dir, 'pipe.md');
	execFileSync('mkfifo', [fifo]);
	symlinkSync('/dev/urandom', join(dir, 'random-link.md'));
	const named = [fifo, '/dev/zero', '/dev/urandom', join(dir, 'random-link.md')];

	for (const path of named) {
		test(`${path.replace(dir, 'DIR')} named on the command line: exit 2 with one line`, async () => {
			for (const args of [[path], ['read', path], ['topics', path], ['sessions', '--posts', path]]) {
				const result = await runCli(args);
				assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
				assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
				assert.match(result.stderr, /not a regular file/);
			}
		});
	}

	test('standard input gets the size cap and the binary check', async () => {
		const nul = await runCli(['-'], {input: '\u0000'.repeat(1024)});
		assert.equal(nul.code, 2, nul.stderr);
		assert.match(nul.stderr, /^kubecon-notes: standard input: binary/);
		const huge = await runCli(['-'], {input: 'lorem ipsum\n'.repeat(800_000)});
		assert.equal(huge.code, 2, huge.stderr);
		assert.match(huge.stderr, /^kubecon-notes: standard input: larger than the 8 MB/);
	});
});
