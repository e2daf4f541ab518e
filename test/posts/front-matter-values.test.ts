import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {MAX_VALUE_DEPTH, MAX_YAML_ALIASES, splitFrontMatter} from '../../src/posts/front-matter.js';
import {sanitizeValue} from '../../src/markdown/sanitize.js';
import {lines, parse} from './helpers.js';

const warningsOf = (text: string) => parse(text).warnings.map((warning) => warning.message);

describe('cyclic or absurd front matter values are data, not crashes', () => {
	test('a value that contains itself is cut where it loops, with one warning naming its key and line', () => {
		for (const [yaml, key] of [
			['title: &x [*x]', 'title'],
			['a: &x {b: *x}', 'a'],
			['tags: &x [*x, *x, [*x]]', 'tags'],
			['excerpt_separator: &x [*x]', 'excerpt_separator'],
			['author: &x {name: [{self: *x}]}', 'author'],
		] as const) {
			const post = parse(
				lines('---', 'date: 2024-01-01', yaml, '---', '', '# Heading', '', '{{ page.title }} {{ page.tags }}'),
			);
			const warnings = post.warnings.filter((warning) => /refers to itself/.test(warning.message));
			assert.equal(warnings.length, 1, yaml);
			assert.match(warnings[0]!.message, new RegExp(`"${key}"`));
			assert.equal(warnings[0]!.line, 3);
			assert.ok(post.title.length > 0 && post.excerpt !== undefined && post.topics.length > 0);
			assert.doesNotThrow(() => JSON.stringify(post.frontMatter));
		}
		assert.deepEqual(parse(lines('---', 'a: &x {b: *x, c: 1}', '---')).frontMatter['a'], {b: null, c: 1});
	});

	test('a value nested deeper than the limit is cut there', () => {
		const deep = `${'['.repeat(MAX_VALUE_DEPTH + 5)}x${']'.repeat(MAX_VALUE_DEPTH + 5)}`;
		const post = parse(lines('---', 'title: T', `tags: ${deep}`, '---'));
		assert.ok(post.warnings.some((warning) => /"tags" is nested more than 32 levels deep/.test(warning.message)));
		assert.equal(post.title, 'T');
	});

	test('front matter nested thousands deep is not given to the YAML parser, however often it comes', () => {
		// After one stack overflow inside the parser, V8 ended the process on the next deep one
		// ("RegExpCompiler Allocation failed"), where no catch could see it.
		for (const yaml of [
			`title: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
			`title: ${'['.repeat(100_000)}`,
			Array.from({length: 300}, (_, depth) => `${' '.repeat(depth)}a:`).join('\n'),
			`x:\n${'- '.repeat(5000)}a`,
		]) {
			const split = splitFrontMatter(lines('---', yaml, '---', 'body'));
			assert.match(split.problem!.message, /nested more than 100 levels deep; read as key: value lines/);
			assert.equal(split.body, 'body');
		}
		assert.equal(
			parse(lines('---', `title: ${'['.repeat(100_000)}`, 'date: 2024-02-03', '---'))
				.date?.toISOString()
				.slice(0, 10),
			'2024-02-03',
		);
	});

	test('front matter with thousands of aliases is read as key: value lines (the parser resolves each by a search)', () => {
		const anchors = Array.from({length: MAX_YAML_ALIASES + 1}, (_, index) => `k${index}: &a${index} v`);
		const split = splitFrontMatter(
			lines('---', ...anchors, `title: [${anchors.map((_, index) => `*a${index}`).join(', ')}]`, '---'),
		);
		assert.match(split.problem!.message, /more than 1000 aliases/);
		assert.equal(split.data['k5'], '&a5 v');
	});

	test('front matter longer than 128 KB is read as key: value lines (the parser reads about 150 KB a second)', () => {
		const keys = Array.from({length: 20_000}, (_, index) => `key${index}: value ${index}`);
		const split = splitFrontMatter(lines('---', 'title: Big', ...keys, '---', 'body'));
		assert.match(split.problem!.message, /longer than 128 KB; read as key: value lines/);
		assert.equal(split.data['title'], 'Big');
		assert.equal(split.data['key19999'], 'value 19999');
	});

	test('a __proto__ key never becomes the prototype of the front matter', () => {
		const post = parse(
			lines('---', '__proto__: {title: Polluted, published: false}', 'date: 2024-01-01', '---', '# Own heading'),
		);
		assert.equal(post.title, 'Own heading');
		assert.equal(post.published, true);
		assert.equal(Object.getPrototypeOf(post.frontMatter), Object.prototype);
		const value = sanitizeValue(JSON.parse('{"__proto__": {"title": "x"}, "a": 1}')) as Record<string, unknown>;
		assert.equal(value['title'], undefined);
	});

	test('sets, ordered maps and collection keys are plain data, and the parser writes nothing to stderr', async () => {
		const emitted: string[] = [];
		const listener = (warning: Error) => emitted.push(warning.message);
		process.on('warning', listener);
		try {
			const post = parse(
				lines('---', 'title: T', 'tags: !!set {a, b}', 'categories: !!omap [x: 1]', '? [a, b]', ': c', '---'),
			);
			assert.deepEqual(post.tags, ['a', 'b']);
			assert.deepEqual(post.frontMatter['categories'], {x: 1});
			await new Promise((resolve) => setImmediate(resolve));
			assert.deepEqual(emitted, []);
		} finally {
			process.off('warning', listener);
		}
	});

	test('sanitising a value has a depth limit of its own', () => {
		const loop: unknown[] = [];
		loop.push(loop);
		assert.doesNotThrow(() => sanitizeValue(loop));
	});
});

describe('absurd dates are one warning each', () => {
	test('lists, maps, huge numbers and impossible days fall back to the file name', () => {
		for (const date of ['[1, 2]', '{a: 1}', '1e400', '.nan', '275760-09-14', `[${'9, '.repeat(10_000)}9]`]) {
			const messages = warningsOf(lines('---', 'title: T', `date: ${date}`, '---'));
			assert.equal(messages.filter((message) => /is not a date/.test(message)).length, 1, date);
			assert.ok(
				messages.every((message) => message.length < 200),
				date,
			);
		}
	});
});
