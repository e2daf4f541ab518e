import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {blockAtLine, lineForSource} from '../../src/render/locate.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import type {RenderedDoc} from '../../src/render/types.js';

const markdown = [
	'# Title', // 1
	'', // 2
	'Intro', // 3
	'', // 4
	'* [a](https://sched.co/A) _(missed)_', // 5
	'* b', // 6
	'  continued', // 7
	'* c', // 8
	'', // 9
	'Closing paragraph.', // 10
].join('\n');

const doc = renderMarkdown(markdown, {width: 80, color: false, hyperlinks: false});

/** Blocks tile the lines: in order, contiguous, nothing left over. */
function assertCovers(rendered: RenderedDoc): void {
	let next = 0;
	for (const block of rendered.blocks) {
		assert.equal(block.startLine, next);
		next += block.lineCount;
	}
	assert.equal(next, rendered.lines.length);
}

describe('blocks', () => {
	test('a top-level list contributes one block per item, each with its own source line', () => {
		assert.deepEqual(
			doc.blocks.map(({sourceLine, startLine, lineCount, key}) => [sourceLine, startLine, lineCount, key]),
			[
				[1, 0, 2, 'Title'],
				[3, 2, 2, 'Intro'],
				[5, 4, 1, 'a (missed)'],
				[6, 5, 1, 'b continued'],
				[8, 6, 2, 'c'],
				[10, 8, 1, 'Closing paragraph.'],
			],
		);
		assert.deepEqual(doc.lines, [
			'# Title',
			'',
			'Intro',
			'',
			'• a (https://sched.co/A) (missed)',
			'• b continued',
			'• c',
			'',
			'Closing paragraph.',
		]);
		assertCovers(doc);
	});

	test('a loose list gives each item its blank separator; keys do not depend on width or colour', () => {
		const loose = renderMarkdown('1. one\n\n2. two\n\n   more\n\nafter', {width: 40, color: true, hyperlinks: true});
		assert.deepEqual(
			loose.blocks.map(({sourceLine, lineCount, key}) => [sourceLine, lineCount, key]),
			[
				[1, 2, 'one'],
				[3, 4, 'two more'],
				[7, 1, 'after'],
			],
		);
		assertCovers(loose);
		const narrow = renderMarkdown(markdown, {width: 12, color: true, hyperlinks: true});
		assert.deepEqual(
			narrow.blocks.map((block) => block.key),
			doc.blocks.map((block) => block.key),
		);
		assertCovers(narrow);
	});

	test('source lines stay right after code, tables, HTML and reference definitions', () => {
		const mixed = [
			'```',
			'code',
			'```',
			'',
			'| a |',
			'|---|',
			'| 1 |',
			'',
			'[x]: /y',
			'',
			'<div>',
			'html',
			'</div>',
			'',
			'* item',
		].join('\n');
		const rendered = renderMarkdown(mixed, {width: 40, color: false, hyperlinks: false});
		assert.deepEqual(
			rendered.blocks.map((block) => block.sourceLine),
			[1, 5, 11, 15],
		);
		assertCovers(rendered);
	});

	test('an empty document has no line and no block', () => {
		assert.deepEqual(renderMarkdown('', {width: 40, color: false, hyperlinks: false}), {
			width: 40,
			color: false,
			lines: [],
			blocks: [],
		});
	});
});

describe('lineForSource', () => {
	test('gives the first rendered line of the block holding the source line', () => {
		assert.equal(lineForSource(doc, 1), 0);
		assert.equal(lineForSource(doc, 5), 4);
		assert.equal(lineForSource(doc, 6), 5);
		assert.equal(lineForSource(doc, 7), 5);
		assert.equal(lineForSource(doc, 8), 6);
		assert.equal(lineForSource(doc, 9), 6);
		assert.equal(lineForSource(doc, 10), 8);
		assert.equal(lineForSource(doc, 500), 8);
	});

	test('gives 0 before every block and for an empty document', () => {
		assert.equal(lineForSource(renderMarkdown('\n\n\ntext', {width: 40, color: false, hyperlinks: false}), 2), 0);
		assert.equal(lineForSource(doc, 0), 0);
		assert.equal(lineForSource(renderMarkdown('', {width: 40, color: false, hyperlinks: false}), 3), 0);
	});
});

describe('blockAtLine', () => {
	test('finds the block whose lines hold the rendered line, separators included', () => {
		assert.deepEqual(
			doc.lines.map((_, line) => blockAtLine(doc, line)),
			[0, 0, 1, 1, 2, 3, 4, 4, 5],
		);
	});

	test('clamps lines outside the document; -1 without blocks', () => {
		assert.equal(blockAtLine(doc, -3), 0);
		assert.equal(blockAtLine(doc, 999), 5);
		assert.equal(blockAtLine(renderMarkdown('', {width: 40, color: false, hyperlinks: false}), 0), -1);
	});
});
