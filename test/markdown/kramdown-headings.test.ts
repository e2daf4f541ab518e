import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Tokens} from 'marked';
import {lexBlocks} from '../../src/markdown/index.js';

const headings = (text: string) =>
	lexBlocks(text)
		.filter((block) => block.token.type === 'heading')
		.map((block) => [(block.token as Tokens.Heading).depth, (block.token as Tokens.Heading).text, block.line]);

test('##Title without a space is a heading, as kramdown (Jekyll) reads it', () => {
	assert.deepEqual(headings('Intro.\n\n###Venue\n\nText.\n\n##Matt ##\n'), [
		[3, 'Venue', 3],
		[2, 'Matt', 7],
	]);
});

test('a hash line inside a paragraph or a code block stays text', () => {
	assert.deepEqual(headings('Some text\n#notaheading\n\n```\n#include <x>\n```\n\n    #indented\n'), []);
});

test('a long line of hashes and spaces lexes quickly and keeps its text', () => {
	const text = `#${' #'.repeat(20_000)}x`;
	assert.equal(headings(text).length, 1);
});
