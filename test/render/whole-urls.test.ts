import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {stripStyles} from '../../src/render/plain.js';
import {renderLines, renderMarkdown} from '../../src/render/render-markdown.js';
import {textWidth, wrapToWidth} from '../../src/render/text-width.js';

const url = 'https://wiki.example.org/wiki/Toolforge/EnhancementProposals/Toolforge_build_service';

describe('long URLs', () => {
	test('printing: a URL wider than the width stands whole on its own row, plain, styled and linked', () => {
		for (const options of [
			{color: false, hyperlinks: false},
			{color: true, hyperlinks: false},
			{color: true, hyperlinks: true},
		]) {
			const lines = renderLines(`See ${url} now, and [the slides](${url}x).`, {width: 30, ...options}).map(stripStyles);
			assert.ok(lines.includes(url), JSON.stringify(lines));
			if (!options.hyperlinks) assert.ok(lines.includes(`(${url}x).`), JSON.stringify(lines));
			for (const line of lines) if (!line.includes('https://')) assert.ok(textWidth(line) <= 30, line);
		}
	});

	test('printing with hyperlinks: the whole URL is inside one OSC 8 link', () => {
		const lines = renderLines(`See ${url} now.`, {width: 30, color: true, hyperlinks: true});
		assert.ok(
			lines.some((line) => line.includes(`\u001B]8;;${url}\u001B\\`) && stripStyles(line) === url),
			JSON.stringify(lines),
		);
	});

	test('a word that is not a URL is still broken; wrapToWidth breaks URLs unless asked', () => {
		assert.deepEqual(wrapToWidth('x'.repeat(12), 5, {wholeUrls: true}), ['xxxxx', 'xxxxx', 'xx']);
		assert.deepEqual(wrapToWidth('a https://e.org/abcdef b', 8), ['a', 'https://', 'e.org/ab', 'cdef b']);
		assert.deepEqual(wrapToWidth('a https://e.org/abcdef b', 8, {wholeUrls: true}), ['a', 'https://e.org/abcdef', 'b']);
	});

	test('the reader: the URL wraps over rows of the pane, each row the same link (one id), joined it is whole', () => {
		const doc = renderMarkdown(`See ${url} now.`, {width: 30, color: true, hyperlinks: true});
		const rows = doc.lines.filter((line) => line.includes('\u001B]8;'));
		assert.ok(rows.length >= 3, JSON.stringify(doc.lines));
		const ids = new Set(rows.map((row) => /\u001B\]8;(id=\w+);/.exec(row)?.[1]));
		assert.equal(ids.size, 1);
		assert.ok(!ids.has(undefined));
		for (const row of doc.lines) assert.ok(textWidth(stripStyles(row)) <= 30);
		assert.ok(doc.lines.map(stripStyles).join('').includes(url));
	});
});

describe('long URLs in tables', () => {
	const table = `| Talk | Slides |\n| --- | --- |\n| Edge | ${url} |\n| Short | https://e.org/s |`;

	test('printing: a table whose URL is wider than its column is stacked, the URL whole on its own line', () => {
		const lines = renderLines(table, {width: 60, color: false, hyperlinks: false});
		assert.ok(lines.includes(url), JSON.stringify(lines));
		assert.ok(lines.includes('Slides:'), JSON.stringify(lines));
		assert.ok(!lines.some((line) => line.includes('│')), JSON.stringify(lines));
	});

	test('printing: a table whose URLs fit keeps its grid; the reader keeps the grid and wraps the URL in its cell', () => {
		assert.ok(
			renderLines(table, {width: 200, color: false, hyperlinks: false}).some((line) => line.includes('│ Edge')),
		);
		const reader = renderMarkdown(table, {width: 60, color: false, hyperlinks: false}).lines;
		assert.ok(
			reader.some((line) => line.includes('│')),
			JSON.stringify(reader),
		);
		for (const line of reader) assert.ok(textWidth(line) <= 60);
	});
});
