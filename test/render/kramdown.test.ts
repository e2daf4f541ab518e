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

describe('task lists', () => {
	test('`- [x]` and `- [ ]` are check boxes', () => {
		assert.deepEqual(plain('- [x] done\n- [ ] todo\n\n1. [x] first'), ['• ☑ done', '• ☐ todo', '', '1. ☑ first']);
	});
});

const longUrl = `https://example.sched.com/event/${'a'.repeat(150)}/the-end`;

describe('no characters dropped', () => {
	test('a link target over 120 characters is shown whole, wrapped, never ending in …', () => {
		for (const render of [plain, linked]) {
			const lines = render(`See [https://example.sched.com/x](${longUrl}) and <${longUrl}>.`, 60);
			assert.ok(lines.every(line => line.length <= 60 && !line.includes('…')), lines.join('\n'));
			const joined = lines.join('');
			assert.equal(joined.split(longUrl).length - 1, 2, joined);
		}
	});

	test('an image placeholder with a long target wraps instead of being cut', () => {
		const lines = plain(`![Slides](${longUrl})`, 60);
		assert.ok(!lines.join('').includes('…'), lines.join('\n'));
		assert.ok(lines.join('').includes(longUrl), lines.join('\n'));
	});

	test('a long code line is shown whole, its continuation marked', () => {
		const code = `kubectl apply -f ${'x'.repeat(100)} --server-side`;
		for (const render of [plain, linked]) {
			const lines = render('```sh\n' + code + '\nls\n```', 50);
			assert.ok(lines.every(line => line.length <= 50), lines.join('\n'));
			assert.ok(!lines.join('').includes('…'), lines.join('\n'));
			assert.ok(lines.length === 4, lines.join('\n'));
			assert.ok(lines[1]!.trimStart().startsWith('↪ ') && lines[2]!.trimStart().startsWith('↪ '), lines.join('\n'));
			assert.equal(lines.slice(0, 3).map((line, index) => line.trimStart().replace(index > 0 ? /^↪ / : /^/, '')).join(''), code);
		}
	});
});
