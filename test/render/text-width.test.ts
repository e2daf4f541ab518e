import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {CLIP_END, CLIP_START, HARD_BREAK} from '../../src/render/layout-markers.js';
import {hyperlink} from '../../src/render/links.js';
import {fitToWidth, textWidth, truncateToWidth, visibleWidth, wrapToWidth} from '../../src/render/text-width.js';
import {codePointWidths} from '../../src/render/text-measure.js';

describe('textWidth', () => {
	test("on every BMP character: string-width's count or the per-code-point (wcwidth) count, whichever is more", () => {
		for (let code = 0x20; code < 0x1_00_00; code++) {
			if (code >= 0xd8_00 && code <= 0xdf_ff) continue;
			const char = String.fromCharCode(code);
			const expected = Math.max(stringWidth(char), codePointWidths(char));
			if (textWidth(char) !== expected) assert.fail(`U+${code.toString(16)}: ${textWidth(char)} vs ${expected}`);
		}
		for (const text of [
			'abc 中文 def',
			'e\u0301',
			'🇫🇷',
			'한국어',
			'ｱｲｳ',
			'•─│▣…',
			'1\uFE0F\u20E3 keycap',
			'©\uFE0F x',
		]) {
			assert.equal(textWidth(text), stringWidth(text), text);
		}
		// Clusters terminals draw wider than string-width says: their count.
		for (const [text, columns] of [
			['क्षत्रिय', 6],
			['ক্ষত্রিয়', 6],
			['น้ำ', 2],
			['ខ្មែរ', 4],
			['👨‍👩‍👧 family', 13],
			['a👍🏽b', 6],
		] as const) {
			assert.equal(textWidth(text), columns, text);
		}
	});

	// A quadratic layout would still show here, as a run that never ends; speed is the bench's.
	test('long CJK text is measured right', () => {
		const text = '中'.repeat(100_000);
		assert.equal(textWidth(text), 200_000);
		assert.equal(wrapToWidth(text, 40).length, 5000);
	});

	test('visibleWidth ignores SGR and OSC 8', () => {
		assert.equal(visibleWidth(`\u001B[1m中文\u001B[22m ${hyperlink('https://x.org', 'ab')}`), 7);
	});
});

describe('wrapToWidth', () => {
	test('greedy by words, long words broken, whitespace folded', () => {
		assert.deepEqual(wrapToWidth('aa bb  cc\ndd', 5), ['aa bb', 'cc dd']);
		assert.deepEqual(wrapToWidth('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
		assert.deepEqual(wrapToWidth('中文字符', 5), ['中文', '字符']);
		assert.deepEqual(wrapToWidth('x 中', 1), ['x', '…']);
	});

	test('narrow text (sliced by its spaces, never measured word by word) is laid out greedily like any other', () => {
		// The layout spelled out: words joined by one space while they fit, a longer word cut into rows.
		const greedy = (text: string, width: number): string[] => {
			const lines: string[] = [];
			let line = '';
			for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
				if (line !== '' && line.length + 1 + word.length <= width) {
					line += ` ${word}`;
					continue;
				}
				if (line !== '') lines.push(line);
				let rest = word;
				for (; rest.length > width; rest = rest.slice(width)) lines.push(rest.slice(0, width));
				line = rest;
			}
			return line === '' ? lines : [...lines, line];
		};
		const piece = fc.constantFrom(
			'a',
			'bc',
			'word',
			'longerword',
			'x'.repeat(23),
			' ',
			'  ',
			'\t',
			'\n',
			' \n ',
			'—',
			'•',
			'é',
			'\u00A0',
			'─',
		);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 16}), fc.integer({min: 1, max: 30}), (pieces, width) => {
				const text = pieces.join('');
				assert.deepEqual(wrapToWidth(text, width), greedy(text, width));
			}),
			{numRuns: 5000},
		);
	});

	test('style is closed at each line end and reopened on the next', () => {
		assert.deepEqual(wrapToWidth('\u001B[1mhello world\u001B[22m', 5), [
			'\u001B[1mhello\u001B[0m',
			'\u001B[1mworld\u001B[22m',
		]);
	});

	test('a hyperlink is never split: closed at the line end, reopened after, its rows sharing one id', () => {
		assert.deepEqual(wrapToWidth(hyperlink('https://x', 'aaa bbb'), 3), [
			'\u001B]8;id=ki2lz02;https://x\u001B\\aaa\u001B]8;;\u001B\\',
			'\u001B]8;id=ki2lz02;https://x\u001B\\bbb\u001B]8;;\u001B\\',
		]);
		// A link on one row keeps the plain form.
		assert.deepEqual(wrapToWidth(hyperlink('https://x', 'aaa bbb'), 10), [
			'\u001B]8;;https://x\u001B\\aaa bbb\u001B]8;;\u001B\\',
		]);
	});

	test('hard breaks end lines; clipped spans take a line of their own, word-wrapped when too wide', () => {
		assert.deepEqual(wrapToWidth(`one${HARD_BREAK}two`, 20), ['one', 'two']);
		assert.deepEqual(wrapToWidth(`a${HARD_BREAK}${HARD_BREAK}b`, 20), ['a', '', 'b']);
		assert.deepEqual(wrapToWidth(`before ${CLIP_START}a span too long to fit${CLIP_END} after`, 10), [
			'before',
			'a span too',
			'long to',
			'fit',
			'after',
		]);
	});
});

describe('truncateToWidth', () => {
	test('keeps what fits and ends a cut with an ellipsis', () => {
		assert.equal(truncateToWidth('hello', 5), 'hello');
		assert.equal(truncateToWidth('hello world', 5), 'hell…');
		assert.equal(truncateToWidth('中文中文', 5), '中文…');
		assert.equal(truncateToWidth('  indented code', 8), '  inden…');
		assert.equal(fitToWidth('anything', 0), '');
	});

	test('closes style and hyperlink when it cuts inside them', () => {
		const cut = truncateToWidth(`\u001B[34m${hyperlink('https://x', 'a long link text')}\u001B[39m`, 6);
		// The closing sequences after the cut still apply, so nothing is left open.
		assert.equal(cut, '\u001B[34m\u001B]8;;https://x\u001B\\a lon…\u001B]8;;\u001B\\\u001B[39m');
		assert.equal(truncateToWidth('\u001B[1mbold text', 4), '\u001B[1mbol…\u001B[0m');
	});
});
