import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {expandLiquid, MAX_LIQUID_GROWTH, MAX_TAG_CHARS, renderLiquid} from '../../src/posts/liquid.js';
import {firstHeading} from '../../src/posts/parse-post.js';
import {lines, parse} from './helpers.js';

const page = {page: {title: 'My post'}};

describe('Liquid is read in one pass, with a cap on a tag', () => {
	test('an opener without a closer is text, and so is every opener after it', () => {
		assert.equal(renderLiquid('a {% b', page), 'a {% b');
		assert.equal(renderLiquid('{{ x {% y', page), '{{ x {% y');
		// 100 KB of openers: each used to search the rest of the text for its closer.
		const openers = '{%'.repeat(50_000);
		assert.equal(renderLiquid(openers, page), openers);
		assert.equal(renderLiquid(`{%${' '.repeat(100_000)}`, page), `{%${' '.repeat(100_000)}`);
	});

	test('a tag is read up to its first closer, as Liquid reads it', () => {
		assert.equal(renderLiquid('{% if a {% endif %}b', page), 'b');
		assert.equal(renderLiquid('{{ page.title }}{{ page.title }}', page), 'My postMy post');
		assert.equal(renderLiquid('{%- assign x = 1 -%}{{- page.title -}}', page), 'My post');
	});

	test('an opener whose closer is further than the cap is text; the tags after it still resolve', () => {
		const far = `{% include x.html ${'a'.repeat(MAX_TAG_CHARS)} %}`;
		assert.equal(renderLiquid(far, page), far);
		assert.equal(
			renderLiquid(`{% ${'a '.repeat(MAX_TAG_CHARS)}{{ page.title }}`, page),
			`{% ${'a '.repeat(MAX_TAG_CHARS)}My post`,
		);
		assert.equal(renderLiquid(`{% youtube ${'b'.repeat(100)} %}`, page), `▣ youtube ${'b'.repeat(100)} `);
	});

	test('raw and comment blocks that never close run to the end; their lines stay', () => {
		assert.equal(renderLiquid(lines('{% raw %}', '{{ kept }}'), page), lines('', '{{ kept }}'));
		assert.equal(renderLiquid(lines('a', '{% comment %}', 'gone', '{% comment %}'), page), lines('a', '', '', ''));
		assert.equal(renderLiquid('{% raw %}{{ a }}{% endraw %}{{ page.title }}', page), '{{ a }}My post');
	});
});

describe('what Liquid produces is bounded', () => {
	test('a post whose Liquid would grow it by more than the limit is shown as written, with one warning', () => {
		const value = 'v'.repeat(100_000);
		const body = '{{ page.t }}\n'.repeat(Math.ceil((MAX_LIQUID_GROWTH * 2) / value.length));
		const post = parse(lines('---', 'title: Big', `t: ${value}`, '---', body));
		assert.equal(post.body, body);
		const warnings = post.warnings.filter((warning) => /Liquid/.test(warning.message));
		assert.equal(warnings.length, 1);
		assert.match(warnings[0]!.message, /shown with the Liquid as written/);
	});

	test('within the limit it expands, without a warning', () => {
		const post = parse(lines('---', 'title: Small', 't: word', '---', '{{ page.t }} '.repeat(1000)));
		assert.equal(post.body, 'word '.repeat(1000));
		assert.equal(post.warnings.filter((warning) => /Liquid/.test(warning.message)).length, 0);
	});

	test('the limit is checked while expanding: thousands of copies of a large value stop early', () => {
		const result = expandLiquid('{{ page.t }}'.repeat(6000), {page: {t: 'x'.repeat(100_000)}});
		assert.equal(result.isOverLimit, true);
		assert.equal(result.text, '{{ page.t }}'.repeat(6000));
	});
});

describe('a title from the first heading', () => {
	test('closing hashes and spaces are dropped, as CommonMark reads them', () => {
		assert.equal(firstHeading('# Title #'), 'Title');
		assert.equal(firstHeading('# Title ##   '), 'Title');
		assert.equal(firstHeading('# C#'), 'C#');
		assert.equal(firstHeading('intro\n#not a heading\n# Real'), 'Real');
		assert.equal(firstHeading('## Second level'), null);
		assert.equal(firstHeading('# #\n# Next'), 'Next');
	});

	test('a heading followed by thousands of spaces is read in one pass', () => {
		assert.equal(firstHeading(`# a${' '.repeat(100_000)}b`), `a b`);
		assert.equal(firstHeading(`# a${' #'.repeat(50_000)}b`)?.startsWith('a # #'), true);
		assert.equal(parse(`# a${' '.repeat(100_000)}`).title, 'a');
	});
});
