import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {postHeader, withHeader} from '../../src/render/post-header.js';
import {FIRST_PART, lexAfterFirstBlocks, lexFirstBlocks, lexTokens} from '../../src/markdown/lexer.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import type {RenderedDoc, RenderOptions} from '../../src/render/types.js';

const bundled = readdirSync(new URL('../../posts', import.meta.url).pathname)
	.map((name) => readFileSync(join(new URL('../../posts', import.meta.url).pathname, name), 'utf8'))
	.map((text) => text.replace(/^---\n[\s\S]*?\n---\n/, ''));

/** A long body in our own words: the bundled posts, then lists, code, a table, footnotes and references defined at the end. */
const long = [
	...bundled,
	'## Closing notes\n\nA remark with a footnote[^1] and a [reference link][ref].\n',
	'* one item\n* two items\n\n  with a second paragraph\n',
	'```yaml\nkind: Pod\nmetadata:\n  name: demo\n```\n',
	'| a | b |\n| - | - |\n| 1 | 2 |\n',
	'[^1]: The footnote, rendered after everything else.\n',
	'[ref]: https://example.org/ref\n',
].join('\n\n');

const options: RenderOptions = {width: 70, color: true, hyperlinks: true};

const fixtures = new URL('../corpus/posts', import.meta.url).pathname;
/** Our corpus fixtures and the bundled posts one after another, five times: every shape of post we know, far longer than a first part. */
const corpusBody = Array.from({length: 5}, (_, round) =>
	[
		`# Round ${round}`,
		...bundled,
		...readdirSync(fixtures)
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => readFileSync(join(fixtures, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')),
	].join('\n\n'),
).join('\n\n');

function sameDoc(actual: RenderedDoc, expected: RenderedDoc): void {
	assert.deepEqual(actual.lines, expected.lines);
	assert.deepEqual(actual.blocks, expected.blocks);
	assert.equal(actual.partial, undefined);
}

describe('a doc rendered in part', () => {
	const whole = renderMarkdown(long, options);

	test('holds the first rows of the whole doc, and its rest makes exactly the whole doc', () => {
		const first = renderMarkdown(long, options, {rows: 40});
		assert.ok(first.partial, 'rendered in part');
		assert.ok(first.lines.length >= 40 && first.lines.length < whole.lines.length / 4);
		assert.deepEqual(first.lines, whole.lines.slice(0, first.lines.length));
		// Every block but the last is as in the whole doc (the last may still lack its blank row).
		assert.deepEqual(first.blocks.slice(0, -1), whole.blocks.slice(0, first.blocks.length - 1));
		assert.ok(first.partial.renderedSourceLines < first.partial.sourceLineCount);
		sameDoc(first.partial.whole(), whole);
		assert.equal(first.partial.whole(), first.partial.whole(), 'rendered once');
	});

	test('renders on as far as asked: past a source line by a screen', () => {
		const first = renderMarkdown(long, options, {rows: 30});
		const deep = whole.blocks[Math.floor(whole.blocks.length * 0.6)]!;
		const more = first.partial!.more({rows: 30, throughSourceLine: deep.sourceLine});
		assert.ok(more.partial);
		const block = more.blocks.find((candidate) => candidate.sourceLine === deep.sourceLine);
		assert.deepEqual(block, deep, 'that block whole, at its place in the whole doc');
		assert.ok(more.lines.length >= deep.startLine + deep.lineCount + 30);
		assert.deepEqual(more.lines, whole.lines.slice(0, more.lines.length));
		sameDoc(more.partial.whole(), whole);
	});

	test('a short text, or a need past its end, is rendered whole', () => {
		sameDoc(renderMarkdown('# Short\n\ntext\n', options, {rows: 40}), renderMarkdown('# Short\n\ntext\n', options));
		sameDoc(renderMarkdown(long, options, {rows: whole.lines.length + 10}), whole);
	});

	test('printing is the same after a render in part was left unfinished', () => {
		const first = renderMarkdown(long, {...options, color: false}, {rows: 20});
		assert.ok(first.partial);
		// Another render in between must not disturb the one waiting (each has its own context).
		const other = renderMarkdown(long, {...options, color: false});
		sameDoc(first.partial.whole(), other);
	});

	test('keeps the header above it, the rest too', () => {
		const header = postHeader({title: 'A long post', date: new Date('2024-03-20'), tags: ['notes']}, options);
		const first = withHeader(renderMarkdown(long, options, {rows: 40}), header);
		const headed = withHeader(whole, header);
		assert.ok(first.partial);
		assert.deepEqual(first.lines, headed.lines.slice(0, first.lines.length));
		sameDoc(first.partial.whole(), headed);
		const more = first.partial.more({rows: 40, throughSourceLine: whole.blocks.at(-20)!.sourceLine});
		assert.deepEqual(more.lines, headed.lines.slice(0, more.lines.length));
	});
});

describe('a long body rendered from its first blocks (lexed alone) on', () => {
	test("the first blocks are the whole text's first tokens, wherever the text is cut", () => {
		assert.ok(corpusBody.length > 4 * FIRST_PART, String(corpusBody.length));
		const whole = lexTokens(corpusBody);
		for (let through = 0; through < corpusBody.length / 2 - FIRST_PART; through += 7919) {
			const first = lexFirstBlocks(corpusBody, through);
			assert.ok(first && first.tokens.length > 0);
			const covered = first.tokens.reduce((sum, token) => sum + token.raw.length, 0);
			assert.ok(covered >= through, `covers ${through}`);
			const raws = (tokens: readonly {raw: string; type: string}[]) =>
				tokens.map((token) => `${token.type}:${token.raw}`);
			assert.deepEqual(raws(first.tokens), raws(whole.slice(0, first.tokens.length)), `cut past ${through}`);
		}
	});

	test('renders, in part and then whole, exactly the doc rendered at once', () => {
		const once = renderMarkdown(corpusBody, options);
		for (const need of [{rows: 35}, {rows: 35, throughSourceLine: once.blocks.at(-40)!.sourceLine}]) {
			const first = renderMarkdown(corpusBody, options, need);
			assert.ok(first.partial);
			assert.deepEqual(first.lines, once.lines.slice(0, first.lines.length));
			sameDoc(first.partial.whole(), once);
		}
	});

	test('a reference definition or footnote below the first blocks: the whole is made again, the same as at once', () => {
		const filler = Array.from(
			{length: 1200},
			(_, index) => `Paragraph ${index} of filler, long enough to wrap twice at seventy columns of width.`,
		).join('\n\n');
		for (const tail of ['[early]: https://example.org/defined-late', '[^early]: A note defined at the very end.']) {
			const text = `A [link][early] and a note[^early] in the first paragraph.\n\n${filler}\n\n${tail}\n`;
			const first = lexFirstBlocks(text);
			assert.ok(first);
			assert.equal(lexAfterFirstBlocks(first).continues, false, tail);
			const once = renderMarkdown(text, options);
			const inPart = renderMarkdown(text, options, {rows: 10});
			assert.ok(inPart.partial);
			sameDoc(inPart.partial.whole(), once);
			// What the definition below makes of the first line: a link, a numbered note.
			assert.ok(!once.lines[0]!.includes(tail.startsWith('[^') ? '[^early]' : '[early]'), once.lines[0]);
		}
		const plain = `A paragraph.\n\n${filler}\n`;
		assert.equal(lexAfterFirstBlocks(lexFirstBlocks(plain)!).continues, true);
	});
});

describe('a long body lexed for its topics and its render', () => {
	test('is lexed once: the second caller gets the same tokens in an array of its own, the third lexes anew', () => {
		const source = `${long}\n\n${long}\nA distinct last line.\n`;
		assert.ok(source.length > 40_000);
		const first = lexTokens(source);
		const second = lexTokens(source);
		assert.notEqual(first, second);
		assert.equal(first.length, second.length);
		assert.ok(first.every((token, index) => token === second[index]));
		const third = lexTokens(source);
		assert.notEqual(third[0], first[0]);
	});

	test('rendering leaves the tokens as they were lexed (the post model reads them too)', () => {
		const html = `${'A paragraph of filler text for length. '.repeat(1200)}\n\n**<a href="https://example.org">a link</a> in bold**\n`;
		const tokens = lexTokens(html);
		// The render takes the shared tokens (the same source, lexed just before) and fills their inline content.
		assert.match(renderMarkdown(html, options).lines.join('\n'), /a link/);
		const strong = (tokens.at(-1) as {tokens?: Array<{tokens?: Array<{type: string}>}>}).tokens?.[0]?.tokens;
		assert.deepEqual(
			strong?.map((token) => token.type),
			['html', 'text', 'html', 'text'],
			'the <a> run inside the bold text is still three tokens',
		);
	});
});
