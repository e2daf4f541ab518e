import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {Schema} from 'yaml';
import {parseYaml, splitFrontMatter} from '../../src/posts/front-matter.js';
import {NOT_A_STRING, readSimpleFrontMatter, YAML_11_WORDS} from '../../src/posts/front-matter-simple.js';

/** What the YAML library reads (the reader's own path, without the simple one). */
const library = (yamlText: string) => parseYaml(yamlText, {simple: false});

/** The simple reader gives exactly the library's answer, or none. */
function agrees(yamlText: string): boolean {
	const simple = readSimpleFrontMatter(yamlText);
	if (simple === undefined) return false;
	const read = library(yamlText);
	assert.equal(read.problem, undefined, `the library had a problem with what the simple reader read: ${yamlText}`);
	assert.deepStrictEqual(simple, read.data, JSON.stringify(yamlText));
	return true;
}

describe('simple front matter, read without the YAML library', () => {
	test("its YAML 1.1 patterns are the library's own, all of those a plain word can meet", () => {
		const tags = (
			new Schema({schema: 'yaml-1.1'}) as unknown as {tags: Array<{tag: string; default?: unknown; test?: RegExp}>}
		).tags;
		const theirs = tags
			// Timestamps stay strings (front-matter.ts drops the tag); `<<` is a key only, and keys here are words.
			.filter((tag) => tag.default === true && tag.test && tag.tag !== 'tag:yaml.org,2002:timestamp')
			.map((tag) => tag.test!.source)
			.sort();
		const ours = [YAML_11_WORDS.NULL, YAML_11_WORDS.TRUE, YAML_11_WORDS.FALSE, ...NOT_A_STRING]
			.map((pattern) => pattern.source)
			.sort();
		assert.deepEqual(ours, theirs);
	});

	test('reads the shapes posts use, as the library does', () => {
		const cases: Array<[string, Record<string, unknown>]> = [
			[
				'layout: post\ntitle: "KubeCon + CloudNativeCon Europe 2023 notes"\ndate: 2023-04-27 11:47 +0100\ntags: [kubecon]',
				{
					layout: 'post',
					title: 'KubeCon + CloudNativeCon Europe 2023 notes',
					date: '2023-04-27 11:47 +0100',
					tags: ['kubecon'],
				},
			],
			['title: Day 1\ndate: 2023-04-27\npublished: false', {title: 'Day 1', date: '2023-04-27', published: false}],
			['tags:\n  - one\n  - "two words"\ncategories:\n- a\n- b', {tags: ['one', 'two words'], categories: ['a', 'b']}],
			["title: 'It''s: here'\nauthor:\nexcerpt: ''", {title: "It's: here", author: null, excerpt: ''}],
			['# a comment\n\ncomments: yes\nshare: off\nx: ~', {comments: true, share: false, x: null}],
			[
				'title: C# and F#, in one talk\nlink: https://example.org/a#b',
				{title: 'C# and F#, in one talk', link: 'https://example.org/a#b'},
			],
			['tags: [ ]\nimage: /assets/x.png', {tags: [], image: '/assets/x.png'}],
		];
		for (const [yamlText, data] of cases) {
			assert.deepStrictEqual(readSimpleFrontMatter(yamlText), data, yamlText);
			assert.ok(agrees(yamlText), yamlText);
		}
	});

	test('leaves to the library what it is not sure of, and the post reads the same', () => {
		for (const yamlText of [
			'title: 2023',
			'version: 1.10',
			'time: 1:20',
			'x: e5',
			'x: .',
			'x: 0x1F',
			'y: yes',
			'e5: x',
			'title: a\ntitle: b',
			'__proto__: x',
			'title: "a \\"quoted\\" word"',
			'title: &anchor x\nother: *anchor',
			'title: !!str 1',
			'title: |\n  block',
			'title: >\n  folded',
			'title: first line\n  continued',
			'title: x # a comment',
			'title:\tx',
			'tags: [a, [b]]',
			'tags: [a, ]',
			'tags: [a: b]',
			'tags:\n  - a\n    - b',
			'tags:\n  - a\n - b',
			'tags:\n  - a: b',
			'author:\n  name: x',
			'key : value',
			'key:value',
			' indented: x',
			'title: -x',
			'title: {a: b}',
			'title: "x" y',
			"title: 'x''",
			'title: x\r',
			'title: x\u2028y',
			'title: \uFEFFx',
			`title: ${'x'.repeat(20_000)}`,
		]) {
			assert.equal(readSimpleFrontMatter(yamlText), undefined, JSON.stringify(yamlText));
			const text = `---\n${yamlText}\n---\nbody\n`;
			const split = splitFrontMatter(text);
			const read = library(yamlText);
			assert.deepStrictEqual(split.data, read.data, JSON.stringify(yamlText));
		}
	});

	test('on generated blocks, what it reads is exactly what the library reads', () => {
		const word = fc.constantFrom(
			'y',
			'Yes',
			'no',
			'ON',
			'off',
			'true',
			'False',
			'null',
			'NULL',
			'~',
			'e5',
			'E10',
			'.',
			'.5',
			'1.',
			'1e3',
			'1_000',
			'012',
			'019',
			'0b101',
			'0x1F',
			'.inf',
			'-.INF',
			'.NaN',
			'1:20',
			'1:20.5',
			'190:20:30',
			'2023-04-27',
			'2023-4-7',
			'2023-04-27 11:47 +0100',
			'2023-04-27T11:47:05Z',
			'<<',
			'=',
			'post',
			'KubeCon EU',
			'C#',
			'a #b',
			'x:y',
			'x: y',
			'x:',
			'-x',
			'- x',
			'?x',
			'!x',
			'&a',
			'*a',
			'%x',
			'@x',
			'`x`',
			'|',
			'>',
			'',
			' ',
			'a\u00A0',
			'\u00A0',
			'\u00A0#x',
			'é界',
			'🚀 launch',
		);
		const text = fc.oneof(
			word,
			fc.string({
				unit: fc.constantFrom(
					'a',
					'Z',
					'0',
					'9',
					' ',
					':',
					'#',
					'-',
					'.',
					'_',
					',',
					'[',
					']',
					'{',
					'}',
					"'",
					'"',
					'\\',
					'\u00A0',
					'é',
				),
				maxLength: 12,
			}),
		);
		const scalar = fc.oneof(
			{weight: 4, arbitrary: text},
			{weight: 1, arbitrary: text.map((value) => `"${value}"`)},
			{weight: 1, arbitrary: text.map((value) => `'${value}'`)},
		);
		const key = fc.oneof(
			fc.constantFrom('title', 'date', 'tags', 'layout', 'y', 'null', 'e5', 'on', '_x', 'a-b', '__proto__', 'title'),
			fc.string({unit: fc.constantFrom('a', 'b', '_', '-', '1', ' ', ':'), minLength: 1, maxLength: 5}),
		);
		const pad = fc.constantFrom('', ' ', '  ', '\u00A0');
		const entry = fc.oneof(
			{
				weight: 5,
				arbitrary: fc.tuple(key, pad, scalar, pad).map(([k, a, v, b]) => `${k}:${a === '' ? ' ' : a}${v}${b}`),
			},
			{
				weight: 2,
				arbitrary: fc
					.tuple(key, fc.array(scalar, {maxLength: 4}), pad)
					.map(([k, items, space]) => `${k}: [${items.join(`,${space}`)}]`),
			},
			{
				weight: 2,
				arbitrary: fc
					.tuple(key, fc.constantFrom('', '  ', '    '), fc.array(scalar, {maxLength: 3}))
					.map(([k, indent, items]) => [`${k}:`, ...items.map((item) => `${indent}- ${item}`)].join('\n')),
			},
			{weight: 1, arbitrary: key.map((k) => `${k}:`)},
			{
				weight: 1,
				arbitrary: fc.constantFrom('# note', '', '   ', '\u00A0', ' \u00A0', '  # indented note', '\t', '- stray'),
			},
		);
		// Blocks as posts write them, where most are read simply, and blocks of anything.
		const friendly = fc
			.uniqueArray(fc.constantFrom('title', 'date', 'tags', 'layout', 'author', 'categories', 'image', 'published'), {
				minLength: 1,
				maxLength: 5,
			})
			.chain((keys) =>
				fc.tuple(
					...keys.map((name) =>
						fc.oneof(
							{weight: 3, arbitrary: word.map((value) => `${name}: ${value}`)},
							{weight: 1, arbitrary: word.map((value) => `${name}: "${value}"`)},
							{weight: 1, arbitrary: fc.array(word, {maxLength: 3}).map((items) => `${name}: [${items.join(', ')}]`)},
							{
								weight: 1,
								arbitrary: fc
									.array(word, {minLength: 1, maxLength: 3})
									.map((items) => [`${name}:`, ...items.map((item) => `  - ${item}`)].join('\n')),
							},
						),
					),
				),
			);
		let read = 0;
		fc.assert(
			fc.property(fc.oneof(friendly, fc.array(entry, {minLength: 1, maxLength: 6})), (entries) => {
				if (agrees(entries.join('\n'))) read++;
			}),
			{numRuns: 10_000},
		);
		// Not vacuous: a good share of the generated blocks is read by the simple reader.
		assert.ok(read > 1000, `only ${read} of 10,000 generated blocks were read simply`);
	});

	test("the bundled posts' front matter is simple: a first start reads it without the library", () => {
		const folder = new URL('../../posts/', import.meta.url);
		for (const name of readdirSync(folder)) {
			const yamlText = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(new URL(name, folder), 'utf8'))![1]!;
			assert.ok(agrees(yamlText), name);
		}
	});
});
