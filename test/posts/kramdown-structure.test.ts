import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lines, parse} from './helpers.js';

test('attribute lists are not text: a bold paragraph with a block IAL is still a topic, named without it', () => {
	const post = parse(
		lines(
			'---',
			'title: IALs',
			'---',
			'Intro.',
			'',
			'**On storage**',
			'{:.alert}',
			'',
			'Text.',
			'',
			'## Day 2 {: #day-2}',
			'',
			'More.',
			'',
			'### Day 3 {#day-3}',
			'',
			'Text {#not-an-id} stays.',
		),
	);
	assert.deepEqual(
		post.topics.map((topic) => [topic.name, topic.line]),
		[
			['On storage', 3],
			['Day 2', 8],
			['Day 3', 12],
		],
	);
});

test('footnote references and definitions are not text of topic names or excerpts', () => {
	const post = parse(
		lines(
			'---',
			'title: Notes',
			'---',
			'Kubernetes is great[^1].',
			'',
			'## Storage[^1]',
			'',
			'Text.',
			'',
			'[^1]: A note.',
		),
	);
	assert.equal(post.excerpt, 'Kubernetes is great.');
	assert.deepEqual(
		post.topics.map((topic) => topic.name),
		['Storage'],
	);
});

test('reference definitions with TABs resolve in the post model too', () => {
	const post = parse(
		lines(
			'---',
			'title: Defs',
			'---',
			'![Logo][logo]',
			'',
			'The talk [here][talk].',
			'',
			'[logo]:\t\t/x.png',
			'[talk]:\thttps://sched.co/A',
		),
	);
	assert.equal(post.excerpt, 'The talk here.');
});
