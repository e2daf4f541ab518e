import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {stripStyles} from '../../src/render/plain.js';

const plain = (markdown: string, width = 80) => renderMarkdown(markdown, {width, color: false, hyperlinks: false}).lines;
const linked = (markdown: string, width = 80) => renderMarkdown(markdown, {width, color: true, hyperlinks: true}).lines.map(stripStyles);

describe('markdown as kramdown reads it', () => {
	test('reference definitions with TABs after `]:` are definitions, and so are the ones below', () => {
		const markdown = '![Logo][logo] by [Company][company]\n\n[logo]:\t\t/assets/x.png\n[company]:\thttps://company.example\t"Co"\n[other]: https://other.example';
		assert.deepEqual(plain(markdown), ['▣ image: Logo (/assets/x.png)', 'by Company (https://company.example)']);
	});
});
