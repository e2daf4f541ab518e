import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {generateLargeMarkdown} from '../../bench/render.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import type {RenderedDoc, RenderOptions} from '../../src/render/types.js';

/**
 * string-width of a line, each distinct line measured once: the huge inputs below render to the same
 * line many times over (a row of 中, of words, of table cells), and string-width is most of this
 * file's time. The same answer for every line, at a fraction of the cost.
 */
const widths = new Map<string, number>();
function widthOf(line: string): number {
	let width = widths.get(line);
	if (width === undefined) {
		width = stringWidth(line);
		if (widths.size < 100_000) widths.set(line, width);
	}
	return width;
}

/** What every rendered doc must satisfy, whatever the input. */
function assertSound(doc: RenderedDoc, options: RenderOptions): void {
	let next = 0;
	for (const block of doc.blocks) {
		assert.equal(block.startLine, next);
		next += block.lineCount;
	}
	assert.equal(next, doc.lines.length);
	for (const line of doc.lines) {
		if (widthOf(line) > options.width) assert.fail(`${widthOf(line)} > ${options.width}: ${JSON.stringify(line)}`);
		const shown = options.color ? stripStyles(line) : line;
		if (/[\u0000-\u001F\u007F-\u009F]/.test(shown)) assert.fail(`control character in ${JSON.stringify(line)}`);
	}
}

const options: RenderOptions[] = [
	{width: 1, color: false, hyperlinks: false},
	{width: 40, color: true, hyperlinks: true},
	{width: 80, color: false, hyperlinks: false},
];

describe('hostile and huge input never throws and never breaks layout', () => {
	const cases: Record<string, string> = {
		empty: '',
		'only blank lines': '\n\n\n',
		'300-deep nested list': Array.from({length: 300}, (_, depth) => `${'  '.repeat(depth)}* item ${depth}`).join('\n'),
		'300-deep block quote': `${'>'.repeat(300)} deep`,
		'300 quote levels': Array.from({length: 300}, (_, depth) => `${'>'.repeat(depth + 1)} level ${depth}`).join('\n'),
		'200 KB single line': 'word '.repeat(40_000),
		'200 KB single word': 'x'.repeat(200_000),
		'100 K CJK characters': '中'.repeat(100_000),
		'unclosed markup': '*'.repeat(5000) + '['.repeat(5000) + '<a '.repeat(5000) + '`'.repeat(5000),
		'a long table': `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(5000)}`,
		'control characters': 'a\u001B[31mred\u001B]8;;http://x\u0007link\u0007 \u009B\u0000\r\n\u202E &#27;[2J &#x9b;',
	};
	for (const [name, markdown] of Object.entries(cases)) {
		test(name, () => {
			for (const option of options) assertSound(renderMarkdown(markdown, option), option);
		});
	}

	// How fast is the bench's business (bench/render.ts, budget 300 ms); here only that it is sound.
	test('a 1 MB document renders soundly', () => {
		const markdown = generateLargeMarkdown(1024 * 1024);
		const doc = renderMarkdown(markdown, {width: 100, color: true, hyperlinks: true});
		assertSound(doc, {width: 100, color: true, hyperlinks: true});
		assert.ok(doc.blocks.length > 1000);
	});

	test('any mix of markdown syntax, wide characters and controls at any width', () => {
		const pieces = [
			'# ',
			'## ',
			'* ',
			'1. ',
			'> ',
			'```\n',
			'`',
			'**',
			'_',
			'[',
			'](',
			')',
			'![',
			'|',
			'---',
			'\n',
			'\n\n',
			'  ',
			'\t',
			'<br>',
			'<img src="x" alt="y">',
			'<a href="javascript:x">',
			'</a>',
			'<!--',
			'-->',
			'&amp;',
			'&#27;',
			'word',
			'https://x.org',
			'中文',
			'🚀',
			'👩‍👩‍👧',
			'e\u0301',
			'\u001B',
			'\u0007',
			'\u009B',
			'\u202E',
			'\r',
		];
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...pieces), {maxLength: 60}),
				fc.integer({min: 1, max: 120}),
				fc.boolean(),
				(parts, width, color) => {
					const option = {width, color, hyperlinks: color};
					assertSound(renderMarkdown(parts.join(''), option), option);
				},
			),
			{numRuns: 300},
		);
	});
});
