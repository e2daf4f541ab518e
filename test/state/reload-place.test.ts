import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {placeAfterReload} from '../../src/state/reload-place.js';

const source = (intro: string[]) =>
	[
		'---',
		'title: Storage day',
		'---',
		'',
		...intro,
		'## Volumes',
		'',
		...Array.from(
			{length: 12},
			(_, index) => `Volume paragraph number ${index + 1} says something about storage classes and claims.\n`,
		),
		'## Snapshots',
		'',
		'Snapshots are cheap, and this sentence is the one at the top of the screen.',
		'',
		...Array.from({length: 12}, (_, index) => `Snapshot paragraph number ${index + 1} goes on about restore times.\n`),
	].join('\n');

function shown(text: string, width = 50) {
	const post = parsePost({text, id: 'a.md', path: '/n/a.md', displayPath: 'a.md'});
	return {post, doc: renderMarkdown(post.body, {width, color: false, hyperlinks: false})};
}

describe('the place after a reload', () => {
	const before = shown(source(['A short intro.', '']));
	const top = before.doc.lines.findIndex((line) => line.includes('Snapshots are cheap'));
	const height = 10;

	test('text inserted above the place: the same text stays at the top', () => {
		assert.ok(top > 0);
		const inserted = Array.from(
			{length: 7},
			(_, index) => `An inserted paragraph ${index + 1}, written during the talk, long enough to wrap over two rows.\n`,
		);
		const after = shown(source(['A short intro.', '', ...inserted]));
		const place = placeAfterReload(before, top, after, height);
		assert.ok(place.topLine > top, 'the place moved down with the text');
		assert.equal(after.doc.lines[place.topLine], before.doc.lines[top]);
		assert.equal(place.anchor.topic, 'Snapshots');
	});

	test('text removed above the place: the same text stays at the top', () => {
		const after = shown(source([]));
		const place = placeAfterReload(before, top, after, height);
		assert.equal(after.doc.lines[place.topLine], before.doc.lines[top]);
	});

	test('the line at the top itself edited: the edited block is found by its words', () => {
		const after = shown(
			source(['A short intro.', '']).replace('this sentence is the one', 'this sentence, edited, is the one'),
		);
		const place = placeAfterReload(before, top, after, height);
		assert.match(after.doc.lines[place.topLine] ?? '', /Snapshots are cheap/);
	});

	test('a reload without a change keeps the exact line, in the middle of a block too', () => {
		const again = shown(source(['A short intro.', '']));
		for (const line of [0, top, top + 1, before.doc.lines.length - height]) {
			assert.equal(placeAfterReload(before, line, again, height).topLine, line);
		}
	});
});
