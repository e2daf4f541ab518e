import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lines, parse} from './helpers.js';

test('a paragraph in bold italics is a topic, like a bold one', () => {
	const post = parse(
		lines(
			'---',
			'title: Myths',
			'---',
			'Intro.',
			'',
			'***Myth #1: Kubernetes is secure by default***',
			'',
			'It is not.',
			'',
			'___Myth #2: etcd is fast anywhere___',
			'',
			'Disks.',
			'',
			'*just italic*',
		),
	);
	assert.deepEqual(
		post.topics.map((topic) => [topic.name, topic.kind, topic.line]),
		[
			['Myth #1: Kubernetes is secure by default', 'bold', 3],
			['Myth #2: etcd is fast anywhere', 'bold', 7],
		],
	);
});
