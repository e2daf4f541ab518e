import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import type {SidebarRow} from '../../src/state/reader-state.js';
import {currentRow, sidebarRows} from '../../src/state/sidebar/sidebar-rows.js';

/** The rows as a list of objects, as the sidebar was built before: every post, the open one followed by its topics. */
function listed(postCount: number, openPost: number, topicCount: number): SidebarRow[] {
	const rows: SidebarRow[] = [];
	for (let postIndex = 0; postIndex < postCount; postIndex++) {
		rows.push({kind: 'post', postIndex});
		if (postIndex === openPost)
			for (let topicIndex = 0; topicIndex < topicCount; topicIndex++) rows.push({kind: 'topic', postIndex, topicIndex});
	}
	return rows;
}

test('rows worked out from their index are the listed rows: at, indexOf, slice, findIndex', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 0, max: 30}),
			fc.integer({min: -2, max: 32}),
			fc.integer({min: 0, max: 8}),
			fc.integer({min: -3, max: 45}),
			fc.integer({min: -3, max: 45}),
			(postCount, openPost, topicCount, start, end) => {
				const expected = listed(postCount, openPost, topicCount);
				const rows = sidebarRows(postCount, openPost, topicCount);
				assert.equal(rows.length, expected.length);
				for (let index = -2; index < expected.length + 2; index++) assert.deepEqual(rows.at(index), expected[index]);
				for (const [index, row] of expected.entries()) {
					assert.equal(rows.indexOf(row), index);
					assert.equal(
						rows.findIndex(
							(candidate) =>
								candidate.kind === row.kind &&
								candidate.postIndex === row.postIndex &&
								(candidate.kind === 'post' || candidate.topicIndex === (row as {topicIndex: number}).topicIndex),
						),
						index,
					);
				}
				assert.deepEqual(rows.slice(start, end), expected.slice(Math.max(0, start), Math.max(0, end)));
				// A topic of a post that is not open, or past the open post's topics, is not a row.
				assert.equal(rows.indexOf({kind: 'topic', postIndex: openPost + 1, topicIndex: 0}), -1);
				assert.equal(rows.indexOf({kind: 'topic', postIndex: openPost, topicIndex: topicCount}), -1);
				assert.equal(rows.indexOf({kind: 'post', postIndex: postCount}), -1);
			},
		),
	);
});

test('the current row: the open post before its first topic, else the topic read', () => {
	assert.deepEqual(currentRow(3, -1), {kind: 'post', postIndex: 3});
	assert.deepEqual(currentRow(3, 2), {kind: 'topic', postIndex: 3, topicIndex: 2});
});
