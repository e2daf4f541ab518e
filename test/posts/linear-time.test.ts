/**
 * Linear time on any post: every parser (front matter, Liquid, title, nesting, markdown, topics,
 * sessions, excerpt, session index, rendering) is fed long runs of the characters that open
 * something, with no closer. A linear parser reads each in well under a second; one that rescans
 * from every opener takes minutes at 100 KB. The bound is each test's timeout: nothing here
 * measures time.
 */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {hostileTexts, OPENERS, throughEveryParser} from '../../bench/hostile-text.js';
import {lexBlocks, lexInline} from '../../src/markdown/index.js';
import {parse} from './helpers.js';

/** Far above what a linear parser needs for one 100 KB text on a loaded machine; far below a quadratic one. */
const TIMEOUT = 30_000;

describe('every parser finishes on runs of openers, spaces and brackets', () => {
	for (const size of [10_000, 100_000]) {
		for (const {name, text} of hostileTexts(size)) {
			test(`${name}, ${size / 1000} KB`, {timeout: TIMEOUT}, () => {
				assert.ok(throughEveryParser(text) >= 0);
			});
		}
	}

	test('generated mixtures of openers, words and spaces, 100 KB each', {timeout: TIMEOUT * 4}, () => {
		const unit = fc.constantFrom(...OPENERS, ' ', '\n', 'a', '@', '.', ']', ')', '}}', '%}', '-->', '```');
		fc.assert(
			fc.property(
				fc.array(unit, {minLength: 1, maxLength: 6}),
				fc.constantFrom('', '# ', '* ', '> ', '| a | b |\n|---|---|\n| ', '['),
				(units, lead) => {
					const block = units.join('');
					assert.ok(throughEveryParser(lead + block.repeat(Math.ceil(100_000 / block.length))) >= 0);
				},
			),
			{numRuns: 12, seed: 23},
		);
	});
});

describe('containers opened on one line are capped like nested quotes', () => {
	test('50,000 list markers or quote marks on a line are read 16 deep, with one warning', {timeout: TIMEOUT}, () => {
		for (const text of [
			'- '.repeat(50_000) + 'a',
			'* >'.repeat(30_000) + ' a',
			'1. '.repeat(30_000) + 'a',
			'> - '.repeat(25_000) + 'a',
		]) {
			const post = parse(text);
			assert.ok(post.topics.length >= 1);
			const messages = post.warnings.map((warning) => warning.message);
			assert.ok(
				messages.some((message) => /(nested|opened) more than 16 deep/.test(message)),
				messages.join('; '),
			);
			assert.ok(!messages.some((message) => /shown without topics/.test(message)), messages.join('; '));
		}
	});

	test('a thematic break of many marks is still a break', () => {
		assert.equal(lexBlocks('* '.repeat(40) + '\n')[0]!.token.type, 'hr');
	});
});

describe('an excerpt is read from the start of a long first paragraph', () => {
	test('a 100 KB paragraph gives its first 4 KB or so, ending in an ellipsis; a short one is whole', () => {
		const long = parse(`---\ntitle: T\n---\n${'Words and *more* words. '.repeat(5000)}`);
		assert.ok(
			long.excerpt.length < 4200 && long.excerpt.endsWith('…') && long.excerpt.startsWith('Words and more words.'),
			long.excerpt.slice(-40),
		);
		assert.equal(parse('---\ntitle: T\n---\nOne *short* paragraph.').excerpt, 'One short paragraph.');
	});
});

describe('long inline text is lexed in pieces', () => {
	test('a long paragraph keeps its links and emphasis where pieces are cut', () => {
		const sentence =
			'The talk [“Module Reusability – Writing Modules for Everyone”](https://sched.co/x) by *Ann Lee* was good. ';
		const tokens = lexInline(sentence.repeat(40));
		assert.equal(tokens.filter((token) => token.type === 'link').length, 40);
		assert.equal(tokens.filter((token) => token.type === 'em').length, 40);
	});

	test('text under the piece size lexes as marked lexes it', () => {
		const text = 'a [b](https://x.example) `c` *d* <!-- e --> f';
		assert.deepEqual(
			lexInline(text).map((token) => token.type),
			['text', 'link', 'text', 'codespan', 'text', 'em', 'text', 'html', 'text'],
		);
	});

	test('the shapes marked rescans from every opener finish at 100 KB', {timeout: TIMEOUT}, () => {
		for (const text of [
			`[${'`'.repeat(100_000)}](https://x.example)`,
			'!'.repeat(100_000),
			`# ${'<!--'.repeat(25_000)}`,
			`# ${'<?'.repeat(50_000)}`,
		]) {
			assert.ok(throughEveryParser(text) >= 0);
		}
	});
});
