// Guards two start-up interventions of scripts/build.mjs (docs/upgrading.md): the heavy libraries
// marked-terminal loads are not in the bundle but in files of their own, required on first use
// (lazy-dependencies), and highlighting knows the languages notes use, not all 190
// (highlight-languages).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
// Fails loudly, on import, when dist/ is missing or older than src/.
import '../helpers/run-cli.js';

const dist = (name: string) => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));

describe('the bundle as built (issue 25: each intervention guarded)', () => {
	test('highlight.js, emojilib and cli-table3 are in files of their own, not in the bundle', () => {
		const bundle = readFileSync(dist('kubecon-notes.cjs'), 'utf8');
		for (const [file, mark] of [
			['lazy-highlight.cjs', 'registerLanguage'],
			['lazy-emoji.cjs', 'grinning'],
			['lazy-table.cjs', 'colWidths'],
		] as const) {
			assert.ok(readFileSync(dist(file), 'utf8').includes(mark), `${file} holds ${mark}`);
			assert.ok(!bundle.includes(mark), `the bundle holds ${mark}`);
		}
	});

	test('what the reader uses only after its first frame (conf and ajv, proper-lockfile, chokidar, fuse.js) is in a file of its own', () => {
		const bundle = readFileSync(dist('kubecon-notes.cjs'), 'utf8');
		const later = readFileSync(dist('lazy-later.cjs'), 'utf8');
		for (const mark of [
			'Config schema violation', // conf
			'strictSchema', // ajv
			'awaitWriteFinish', // chokidar
			'Pattern length exceeds max of', // fuse.js
		]) {
			assert.ok(later.includes(mark), `lazy-later.cjs holds ${mark}`);
			assert.ok(!bundle.includes(mark), `the bundle holds ${mark}`);
		}
	});

	test('yaml is a file of its own, required by the first front matter the simple reader leaves to it (issue 25)', () => {
		const bundle = readFileSync(dist('kubecon-notes.cjs'), 'utf8');
		assert.ok(readFileSync(dist('lazy-yaml.cjs'), 'utf8').includes('Nested mappings'), 'lazy-yaml.cjs holds yaml');
		assert.ok(!bundle.includes('Nested mappings'), 'the bundle holds yaml');
		const stub = createRequire(import.meta.url)('../../scripts/lazy/yaml.cjs') as typeof import('yaml');
		assert.equal(typeof stub.parseDocument, 'function');
		const yaml = createRequire(import.meta.url)(dist('lazy-yaml.cjs')) as typeof import('yaml');
		assert.deepEqual(yaml.parseDocument('n: 12').toJS(), {n: 12});
	});

	test("the session finder is a file of its own that uses the bundle's markdown modules, not copies (issue 25)", () => {
		const bundle = readFileSync(dist('kubecon-notes.cjs'), 'utf8');
		const talks = readFileSync(dist('lazy-talks.cjs'), 'utf8');
		// One of its 13,000 given names.
		assert.ok(talks.includes('Aanandaswarup') && !bundle.includes('Aanandaswarup'));
		assert.ok(talks.includes('kubeconNotesShared["src/markdown/index.ts"]'));
		// marked's lexer is the bundle's: the lazy file does not carry one.
		assert.ok(!talks.includes('Infinite loop on byte'), 'lazy-talks.cjs carries a copy of marked');
	});

	test('the stubs hand out the real libraries: a Conf, a Fuse that searches, chokidar and proper-lockfile', () => {
		const later = createRequire(import.meta.url)(dist('lazy-later.cjs')) as {
			Conf: unknown;
			Fuse: new (list: string[]) => {search(query: string): Array<{item: string}>};
			watch: unknown;
			lockfile: {lockSync: unknown};
		};
		assert.equal(typeof later.Conf, 'function');
		assert.equal(typeof later.watch, 'function');
		assert.equal(typeof later.lockfile.lockSync, 'function');
		assert.equal(new later.Fuse(['gitops', 'etcd']).search('etcd')[0]?.item, 'etcd');
	});

	test('highlighting knows the languages notes use, not every language highlight.js has', () => {
		const highlight = createRequire(import.meta.url)(dist('lazy-highlight.cjs')) as {
			supportsLanguage(name: string): boolean;
		};
		for (const name of ['yaml', 'go', 'bash', 'json', 'python', 'dockerfile'])
			assert.ok(highlight.supportsLanguage(name), name);
		for (const name of ['brainfuck', 'cos', 'x86asm']) assert.equal(highlight.supportsLanguage(name), false, name);
	});
});
