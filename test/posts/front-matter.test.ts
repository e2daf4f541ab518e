import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatPostDate} from '../../src/posts/post-name.js';
import {lines, parse} from './helpers.js';

describe('front matter', () => {
	test('reads quoted titles with colons, flow-list tags, unknown keys', () => {
		const post = parse(
			lines(
				'---',
				'layout: post',
				'title: "Day 1: storage"',
				'tags: [kubecon, storage]',
				'image: /x.png',
				'mood: happy',
				'---',
				'Body.',
			),
		);
		assert.equal(post.title, 'Day 1: storage');
		assert.deepEqual(post.tags, ['kubecon', 'storage']);
		assert.equal(post.frontMatter['mood'], 'happy');
		assert.deepEqual(post.warnings, []);
	});

	test('tags as a block list and as a space-separated string; categories too', () => {
		const block = parse(lines('---', 'title: A', 'tags:', '  - one', '  - two', 'categories: conf notes', '---', 'x'));
		assert.deepEqual(block.tags, ['one', 'two']);
		assert.deepEqual(block.categories, ['conf', 'notes']);
		const spaced = parse(lines('---', 'title: A', 'tags: kubecon k8s', '---', 'x'));
		assert.deepEqual(spaced.tags, ['kubecon', 'k8s']);
	});

	test('dates in every shape Jekyll accepts, and the file name as fallback', () => {
		const cases: Array<[string, string]> = [
			['2023-04-27', '2023-04-27T00:00:00.000Z'],
			['2023-04-27 11:47 +0100', '2023-04-27T11:47:00.000Z'],
			['2023-04-27 11:47:05 -05:00', '2023-04-27T11:47:05.000Z'],
			['2023-04-27T11:47:05Z', '2023-04-27T11:47:05.000Z'],
			['"2023-04-27 00:30 +0200"', '2023-04-27T00:30:00.000Z'],
		];
		for (const [written, expected] of cases) {
			const post = parse(lines('---', 'title: A', `date: ${written}`, '---', 'x'));
			assert.equal(post.date?.toISOString(), expected, written);
			assert.deepEqual(post.warnings, [], written);
		}
		const fallback = parse(lines('---', 'title: A', '---', 'x'), '2021-02-03-slug.md');
		assert.equal(formatPostDate(fallback.date), '2021-02-03');
	});

	test('a date that is not one warns with its line and falls back to the file name', () => {
		const post = parse(lines('---', 'title: A', 'date: last tuesday', '---', 'x'), '2021-02-03-slug.md');
		assert.equal(formatPostDate(post.date), '2021-02-03');
		assert.equal(post.warnings.length, 1);
		assert.equal(post.warnings[0]!.line, 3);
		assert.match(post.warnings[0]!.message, /last tuesday/);
	});

	test('published: false (and YAML 1.1 `no`) is a draft', () => {
		assert.equal(parse(lines('---', 'title: A', 'published: false', '---', 'x')).published, false);
		assert.equal(parse(lines('---', 'title: A', 'published: no', '---', 'x')).published, false);
		assert.equal(parse(lines('---', 'title: A', '---', 'x')).published, true);
	});

	test('tab-indented lists and repeated keys load like Jekyll, without a warning', () => {
		const post = parse(lines('---', 'title: First', 'tags:', '\t- a', '\t- b', 'title: Second', '---', 'x'));
		assert.equal(post.title, 'Second');
		assert.deepEqual(post.tags, ['a', 'b']);
		assert.deepEqual(post.warnings, []);
	});

	test('YAML that does not parse: one warning with the file line, title salvaged', () => {
		const post = parse(
			lines('---', 'title: Salvaged', 'tags: [unclosed', 'date: 2020-01-02', '---', '# Heading', 'text'),
		);
		assert.equal(post.title, 'Salvaged');
		assert.equal(formatPostDate(post.date), '2020-01-02');
		assert.equal(post.warnings.length, 1);
		assert.equal(post.warnings[0]!.file, '2024-05-06-notes.md');
		assert.ok(post.warnings[0]!.line! >= 3, `line ${post.warnings[0]!.line}`);
		assert.match(post.warnings[0]!.message, /not valid YAML/);
	});

	test('no front matter: title from the first # heading, else the slug; one warning', () => {
		const headed = parse(lines('Some intro', '', '# The *real* title', '', 'text'), 'plain-notes.md');
		assert.equal(headed.title, 'The real title');
		assert.equal(headed.date, null);
		assert.equal(headed.warnings.length, 1);
		const bare = parse('just text', '2020-01-01-my-conf-notes.md');
		assert.equal(bare.title, 'My conf notes');
	});

	test('an empty block warns once; an unclosed block is read as text', () => {
		const empty = parse(lines('---', '---', 'Body'));
		assert.equal(empty.warnings.length, 1);
		assert.match(empty.warnings[0]!.message, /empty/);
		const unclosed = parse(lines('---', 'title: x', 'Body'));
		assert.equal(unclosed.warnings.length, 1);
		assert.match(unclosed.warnings[0]!.message, /never ends/);
	});

	test('CRLF files, a BOM and trailing spaces on the fences', () => {
		const post = parse('\uFEFF--- \r\ntitle: Windows\r\n---  \r\n\r\n__Topic__\r\n\r\ntext\r\n');
		assert.equal(post.title, 'Windows');
		assert.equal(post.topics[0]!.name, 'Topic');
		assert.deepEqual(post.warnings, []);
	});

	test('body line N is file line N + bodyLineOffset', () => {
		const text = lines('---', 'title: A', '---', 'first body line', '', '## Topic');
		const post = parse(text);
		assert.equal(post.bodyLineOffset, 3);
		const topicLine = post.topics[0]!.line + post.bodyLineOffset;
		assert.equal(text.split('\n')[topicLine - 1], '## Topic');
	});
});
