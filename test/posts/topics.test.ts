import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {lines, parse} from './helpers.js';

describe('topics', () => {
	test('headings (atx and setext) and bold-only paragraphs, names without markup', () => {
		const post = parse(
			lines(
				'---',
				'title: T',
				'---',
				'Intro text.', // body line 1
				'',
				'__On *storage*__',
				'',
				'Storage text.',
				'',
				'## Networking `cni`',
				'',
				'Net text.',
				'',
				'Final words',
				'-----------',
				'',
				'**Bold inside** a sentence is not a topic.',
			),
		);
		assert.deepEqual(
			post.topics.map((topic) => [topic.name, topic.kind, topic.line, topic.endLine]),
			[
				['On storage', 'bold', 3, 6],
				['Networking cni', 'heading', 7, 10],
				['Final words', 'heading', 11, 14],
			],
		);
		assert.equal(post.intro?.text, 'Intro text.\n');
		assert.match(post.topics[0]!.text, /^__On \*storage\*__\n\nStorage text\./);
	});

	test('**bold** topics too, and a bold paragraph with a trailing word is text', () => {
		const post = parse(lines('---', 'title: T', '---', '**On jobs**', '', 'text', '', '**Not** a topic'));
		assert.deepEqual(
			post.topics.map((topic) => topic.name),
			['On jobs'],
		);
		assert.equal(post.intro, null);
	});

	test('a post without topics is one topic named after the post', () => {
		const post = parse(lines('---', 'title: Only text', '---', 'One paragraph.', '', 'Another.'));
		assert.equal(post.topics.length, 1);
		assert.equal(post.topics[0]!.name, 'Only text');
		assert.equal(post.topics[0]!.kind, 'whole');
		assert.equal(post.intro, null);
	});

	test('reference definitions alone before the first topic are no introduction', () => {
		const post = parse(lines('---', 'title: T', '---', '[logo]: /x.png', '', '## First', 'text'));
		assert.equal(post.intro, null);
	});

	test('headings inside code blocks are not topics', () => {
		const post = parse(lines('---', 'title: T', '---', '```', '# not a heading', '```', '', '## Real'));
		assert.deepEqual(
			post.topics.map((topic) => topic.name),
			['Real'],
		);
	});
});
