import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {NARROW_TEXT, withNarrowFastPath} from '../../src/render/narrow-text.js';
import {visibleWidth, withTerminalWidths} from '../../src/render/text-measure.js';

describe('the narrow-text fast path Ink measures with (issue 13)', () => {
	// wrap-ansi's older string-width counts © and ® as two columns: the build leaves it unwrapped.
	test('agrees with string-width on every BMP character, bare and styled', () => {
		const fast = withNarrowFastPath(stringWidth);
		for (let code = 0; code < 0x1_00_00; code++) {
			if (code >= 0xd8_00 && code <= 0xdf_ff) continue;
			const char = String.fromCharCode(code);
			const styled = `\u001B[1m${char}\u001B[22m \u001B]8;;https://x.org\u0007${char}x\u001B]8;;\u0007`;
			if (fast(char) !== stringWidth(char))
				assert.fail(`U+${code.toString(16)}: ${fast(char)} vs ${stringWidth(char)}`);
			if (fast(styled) !== stringWidth(styled))
				assert.fail(`styled U+${code.toString(16)}: ${fast(styled)} vs ${stringWidth(styled)}`);
		}
	});

	test('Ink measures as the reader does (withTerminalWidths): every BMP character, bare and styled, and clusters', () => {
		const ink = withNarrowFastPath(withTerminalWidths(stringWidth));
		for (let code = 0x20; code < 0x1_00_00; code++) {
			// Surrogates are no characters; controls never reach Ink (guarded-stdout pictures them).
			if ((code >= 0xd8_00 && code <= 0xdf_ff) || (code >= 0x7f && code <= 0x9f)) continue;
			const char = String.fromCharCode(code);
			const styled = `\u001B[1m${char}\u001B[22m \u001B]8;;https://x.org\u0007${char}x\u001B]8;;\u0007`;
			if (ink(char) !== visibleWidth(char))
				assert.fail(`U+${code.toString(16)}: ${ink(char)} vs ${visibleWidth(char)}`);
			if (ink(styled) !== visibleWidth(styled))
				assert.fail(`styled U+${code.toString(16)}: ${ink(styled)} vs ${visibleWidth(styled)}`);
		}
		assert.equal(ink('\u001B[1mक्षत्रिय\u001B[22m'), 6);
		assert.equal(ink('👨‍👩‍👧'), 6);
	});

	test('narrow text is measured by its length without string-width; anything else by string-width', () => {
		const calls: string[] = [];
		const fast = withNarrowFastPath((text) => {
			calls.push(text);
			return stringWidth(text);
		});
		assert.equal(fast('\u001B[36m● Introduction ─── “quoted” …\u001B[39m'), 29);
		assert.deepEqual(calls, []);
		assert.equal(fast('中文 👍'), 7);
		assert.equal(fast('\u001B(Bodd escape'), stringWidth('\u001B(Bodd escape'));
		assert.equal(calls.length, 2);
		assert.ok(NARROW_TEXT.test('plain • text'));
		assert.ok(!NARROW_TEXT.test('soft\u00ADhyphen'));
	});
});
