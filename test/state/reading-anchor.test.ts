import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import type {RenderedDoc} from '../../src/render/types.js';
import {blockAtLine} from '../../src/render/locate.js';
import {
	anchorKey,
	captureAnchor,
	renderedTopicLines,
	restoreAnchor,
	type ReadingAnchor,
} from '../../src/state/reading-anchor.js';

/** A source block for the hand-made renderer: `# ` starts a topic heading. */
type Source = string;

/**
 * A stand-in renderer: each source string is one block on its own source line (blank lines between,
 * as in markdown), word-wrapped to `width`, followed by one blank separator row.
 */
function renderByHand(sources: Source[], width: number): RenderedDoc {
	const lines: string[] = [];
	const blocks: RenderedDoc['blocks'] = [];
	for (const [index, source] of sources.entries()) {
		const text = source.replace(/^# /, '');
		const startLine = lines.length;
		lines.push(...wrap(text, width), '');
		blocks.push({sourceLine: index * 2 + 1, startLine, lineCount: lines.length - startLine, key: text});
	}
	return {width, color: false, lines, blocks};
}

function wrap(text: string, width: number): string[] {
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(' ')) {
		if (row !== '' && row.length + 1 + word.length > width) {
			rows.push(row);
			row = word;
		} else {
			row = row === '' ? word : `${row} ${word}`;
		}
	}
	rows.push(row);
	return rows;
}

function topicsOf(sources: Source[], doc: RenderedDoc): {name: string; line: number}[] {
	return sources.flatMap((source, index) =>
		source.startsWith('# ') ? [{name: source.slice(2), line: doc.blocks[index]!.startLine}] : [],
	);
}

const words =
	'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
		' ',
	);

/** A paragraph of `count` distinct-ish words, seeded so every paragraph differs. */
function paragraph(seed: number, count = 40): string {
	return Array.from({length: count}, (_, index) => `${words[(seed * 7 + index * 3) % words.length]}${seed}`).join(' ');
}

const post: Source[] = [
	'# Keynotes',
	paragraph(1),
	paragraph(2),
	'# Storage deep dive',
	paragraph(3),
	paragraph(4, 80),
	paragraph(5),
	'# Closing',
	paragraph(6),
	paragraph(7),
];

function blockAt(doc: RenderedDoc, line: number) {
	return doc.blocks[blockAtLine(doc, line)]!;
}

describe('captureAnchor', () => {
	test('names the block at the top, how far into it, the topic and the progress', () => {
		const doc = renderByHand(post, 80);
		const block = doc.blocks[5]!;
		const top = block.startLine + 2;
		const anchor = captureAnchor(doc, top, 'Storage deep dive', 10);
		assert.equal(anchor.sourceLine, 11);
		assert.equal(anchor.blockKey, anchorKey(block.key));
		assert.equal(anchor.blockFraction, 2 / block.lineCount);
		assert.equal(anchor.topic, 'Storage deep dive');
		assert.equal(anchor.progress, top / (doc.lines.length - 10));
	});

	test('progress is 1 at the end and 0 for a doc shorter than the pane; out-of-range lines clamp', () => {
		const doc = renderByHand(post, 80);
		assert.equal(captureAnchor(doc, doc.lines.length - 10, null, 10).progress, 1);
		assert.equal(captureAnchor(doc, 10_000, null, 10).progress, 1);
		assert.equal(captureAnchor(doc, -5, null, 10).sourceLine, 1);
		const short = renderByHand(['one line'], 80);
		assert.equal(captureAnchor(short, 0, null, 24).progress, 0);
		const empty: RenderedDoc = {width: 80, color: false, lines: [], blocks: []};
		assert.deepEqual(captureAnchor(empty, 3, null, 24), {
			sourceLine: 0,
			blockKey: '',
			blockFraction: 0,
			topic: null,
			progress: 0,
		});
	});

	test('the rows above the first block (the title the reader shows first) are a distance from the top, not that block (issue 24)', () => {
		const body = renderByHand(post, 80);
		const header = ['Title', '2024-04-01', '────', ''];
		const doc: RenderedDoc = {
			...body,
			lines: [...header, ...body.lines],
			blocks: body.blocks.map((block) => ({...block, startLine: block.startLine + header.length})),
		};
		const top = captureAnchor(doc, 0, 'Keynotes', 10);
		assert.deepEqual(top, {sourceLine: 0, blockKey: '', blockFraction: 0, topic: null, progress: 0});
		assert.equal(restoreAnchor(doc, top, topicsOf(post, doc), 10), 0);
		// Wider or narrower, the top is still the top; two rows down is still two rows down.
		assert.equal(restoreAnchor(renderByHand(post, 40), top, undefined, 10), 0);
		assert.equal(restoreAnchor(doc, captureAnchor(doc, 2, null, 10), undefined, 10), 2);
		assert.equal(captureAnchor(doc, header.length, 'Keynotes', 10).sourceLine, 1);
	});
});

describe('restoreAnchor', () => {
	test('same doc: every top line comes back exactly', () => {
		const doc = renderByHand(post, 60);
		const height = 12;
		for (let top = 0; top <= doc.lines.length - height; top++) {
			assert.equal(restoreAnchor(doc, captureAnchor(doc, top, null, height), [], height), top, `top line ${top}`);
		}
	});

	test('captured at 80 columns, restored at 40 and 160: the same text is at the top', () => {
		const wide = renderByHand(post, 80);
		for (const blockIndex of [1, 4, 5, 8]) {
			const block = wide.blocks[blockIndex]!;
			const anchor = captureAnchor(wide, block.startLine, null, 10);
			for (const width of [40, 160]) {
				const doc = renderByHand(post, width);
				const top = restoreAnchor(doc, anchor, topicsOf(post, doc));
				assert.equal(top, doc.blocks[blockIndex]!.startLine, `block ${blockIndex} at ${width}`);
				// The first words on screen are the same words.
				const firstWords = wide.lines[block.startLine]!.split(' ').slice(0, 3).join(' ');
				assert.ok(doc.lines[top]!.startsWith(firstWords), `${doc.lines[top]} starts with ${firstWords}`);
			}
		}
	});

	test('halfway through a long block at 80 columns lands halfway through it at 40 and 160', () => {
		const wide = renderByHand(post, 80);
		const block = wide.blocks[5]!;
		const middle = block.startLine + Math.floor(block.lineCount / 2);
		const anchor = captureAnchor(wide, middle, null, 10);
		const wordAtTop = wide.lines[middle]!.split(' ')[0]!;
		for (const width of [40, 160]) {
			const doc = renderByHand(post, width);
			const top = restoreAnchor(doc, anchor);
			const target = doc.blocks[5]!;
			assert.ok(top >= target.startLine && top < target.startLine + target.lineCount, `inside the block at ${width}`);
			// The word that was at the top is on screen within a couple of rows.
			const near = doc.lines.slice(Math.max(target.startLine, top - 2), top + 3).join(' ');
			assert.ok(near.includes(wordAtTop), `${wordAtTop} near the top at ${width}`);
		}
	});

	test('a paragraph inserted above: the same block, found where it moved', () => {
		const before = renderByHand(post, 80);
		const anchor = captureAnchor(before, before.blocks[6]!.startLine + 1, 'Storage deep dive', 10);
		const edited = [...post.slice(0, 2), paragraph(99), ...post.slice(2)];
		const after = renderByHand(edited, 80);
		const top = restoreAnchor(after, anchor, topicsOf(edited, after));
		assert.equal(top, after.blocks[7]!.startLine + 1);
		assert.notEqual(after.blocks[7]!.sourceLine, anchor.sourceLine);
	});

	test('a block edited slightly is found by similarity, preferring the same-named topic', () => {
		const shared = paragraph(42);
		const withTwins = ['# Keynotes', shared, paragraph(1), '# Storage deep dive', paragraph(3), shared, paragraph(5)];
		const before = renderByHand(withTwins, 80);
		const anchor = captureAnchor(before, before.blocks[5]!.startLine, 'Storage deep dive', 10);
		assert.equal(anchor.sourceLine, 11);
		// Both copies edited the same way, and new text above the second moves it further from its
		// old source line (11 -> 21) than the first copy is (3).
		const edit = (text: string) => text.replace(/ \S+ \S+$/, ' and two new words');
		const edited = [
			'# Keynotes',
			edit(shared),
			paragraph(1),
			'# Storage deep dive',
			paragraph(3),
			...[8, 9, 10, 11, 12].map((seed) => paragraph(seed)),
			edit(shared),
			paragraph(5),
		];
		const after = renderByHand(edited, 80);
		assert.equal(after.blocks[10]!.sourceLine, 21);
		assert.equal(restoreAnchor(after, anchor, topicsOf(edited, after)), after.blocks[10]!.startLine);
		// Without topics to prefer, the copy nearest the old source line wins.
		assert.equal(restoreAnchor(after, anchor), after.blocks[1]!.startLine);
	});

	test('a block rewritten beyond recognition falls back to its topic by name', () => {
		const before = renderByHand(post, 80);
		const anchor = captureAnchor(before, before.blocks[5]!.startLine, 'Storage deep dive', 10);
		const edited = [...post];
		edited[5] = 'Entirely different words now stand here.';
		const after = renderByHand(edited, 80);
		assert.equal(restoreAnchor(after, anchor, topicsOf(edited, after)), after.blocks[3]!.startLine);
	});

	test('a renamed topic with its block gone falls through to progress', () => {
		const before = renderByHand(post, 80);
		const height = 10;
		const anchor = captureAnchor(before, before.blocks[5]!.startLine, 'Storage deep dive', height);
		const edited = [...post];
		edited[3] = '# Storage, in depth';
		edited[5] = 'Entirely different words now stand here.';
		const after = renderByHand(edited, 80);
		const maxScroll = after.lines.length - height;
		assert.equal(
			restoreAnchor(after, anchor, topicsOf(edited, after), height),
			Math.round(anchor.progress * maxScroll),
		);
	});

	test('a shortened post falls back to progress, clamped to the end', () => {
		const before = renderByHand(post, 80);
		const height = 10;
		const anchor = captureAnchor(before, before.blocks[9]!.startLine, 'Closing', height);
		const shortened = post.slice(0, 3);
		const after = renderByHand(shortened, 80);
		const top = restoreAnchor(after, anchor, topicsOf(shortened, after), height);
		assert.equal(top, Math.round(anchor.progress * (after.lines.length - height)));
		assert.ok(top <= after.lines.length - height);
		// Without a pane height the result is still a line of the doc.
		assert.ok(restoreAnchor(after, anchor) <= after.lines.length - 1);
	});

	test('two topics with one name: the one nearest the old position', () => {
		const twice = ['# Q&A', paragraph(1), paragraph(2), '# Talk', paragraph(3), '# Q&A', paragraph(4), paragraph(5)];
		const doc = renderByHand(twice, 80);
		const anchor: ReadingAnchor = {sourceLine: 999, blockKey: 'gone', blockFraction: 0, topic: 'Q&A', progress: 0.9};
		assert.equal(restoreAnchor(doc, anchor, topicsOf(twice, doc)), doc.blocks[5]!.startLine);
		assert.equal(restoreAnchor(doc, {...anchor, progress: 0.05}, topicsOf(twice, doc)), doc.blocks[0]!.startLine);
	});

	test('long keys are kept short, still match exactly, and an edit past the prefix still matches', () => {
		const long = paragraph(4, 80);
		assert.ok(long.length > 200);
		const key = anchorKey(long);
		assert.ok(key.length < 180);
		assert.match(key, /…#[0-9a-f]{8}$/);
		assert.notEqual(anchorKey(`${long} more`), key);
		assert.equal(anchorKey('short key'), 'short key');
		const before = renderByHand(post, 80);
		const anchor = captureAnchor(before, before.blocks[5]!.startLine + 3, null, 10);
		assert.equal(anchor.blockKey, anchorKey(before.blocks[5]!.key));
		const edited = [...post];
		edited[5] = `${long} with a sentence added at the end`;
		edited.splice(1, 0, paragraph(77));
		const after = renderByHand(edited, 80);
		assert.equal(restoreAnchor(after, anchor), after.blocks[6]!.startLine + 3);
	});

	test('an anchor with a source line but no key (older store) uses the block at that line', () => {
		const doc = renderByHand(post, 80);
		const anchor: ReadingAnchor = {sourceLine: 9, blockKey: '', blockFraction: 0, topic: null, progress: 0};
		assert.equal(restoreAnchor(doc, anchor), doc.blocks[4]!.startLine);
		assert.equal(restoreAnchor(doc, {...anchor, sourceLine: 10}), doc.blocks[4]!.startLine);
		// Past the last block's start it could be anywhere in a shortened post: progress decides.
		assert.equal(
			restoreAnchor(doc, {...anchor, sourceLine: 500, progress: 0.5}),
			Math.round(0.5 * (doc.lines.length - 1)),
		);
	});

	test('never throws on garbage, always returns a line of the doc', () => {
		const doc = renderByHand(post, 80);
		const garbage: unknown[] = [
			null,
			undefined,
			'anchor',
			42,
			[],
			{},
			{sourceLine: 'x', blockKey: 7, blockFraction: Number.NaN, topic: 3, progress: Number.POSITIVE_INFINITY},
			{sourceLine: -4, blockKey: null, blockFraction: 9, topic: null, progress: -2},
			{sourceLine: 1.5, blockKey: '', blockFraction: -1, topic: 'Nope', progress: 7},
		];
		for (const value of garbage) {
			const top = restoreAnchor(doc, value as ReadingAnchor, [{name: 'Nope', line: Number.NaN}, null] as never);
			assert.ok(Number.isInteger(top) && top >= 0 && top < doc.lines.length, `${JSON.stringify(value)} -> ${top}`);
		}
		const progress7 = restoreAnchor(doc, {sourceLine: 0, blockKey: '', blockFraction: 0, topic: null, progress: 7});
		assert.equal(progress7, doc.lines.length - 1);
		const empty: RenderedDoc = {width: 80, color: false, lines: [], blocks: []};
		assert.equal(restoreAnchor(empty, captureAnchor(doc, 30, 'Closing', 10), topicsOf(post, doc)), 0);
		assert.equal(restoreAnchor(null as never, captureAnchor(doc, 30, null, 10)), 0);
	});
});

describe('restoreAnchor properties', () => {
	const anyAnchor = fc.record(
		{
			sourceLine: fc.oneof(fc.integer({min: -5, max: 40}), fc.double(), fc.anything()),
			blockKey: fc.oneof(fc.constantFrom('', 'Keynotes', paragraph(3)), fc.string(), fc.anything()),
			blockFraction: fc.oneof(fc.double(), fc.anything()),
			topic: fc.oneof(fc.constantFrom(null, 'Keynotes', 'Closing'), fc.anything()),
			progress: fc.oneof(fc.double(), fc.anything()),
		},
		{requiredKeys: []},
	);

	test('any anchor, any width, any pane height: an integer top line inside the doc', () => {
		fc.assert(
			fc.property(
				anyAnchor,
				fc.integer({min: 1, max: 200}),
				fc.integer({min: 0, max: 60}),
				fc.integer({min: 0, max: post.length}),
				(anchor, width, height, keep) => {
					const sources = post.slice(0, keep);
					const doc = renderByHand(sources, width);
					const top = restoreAnchor(doc, anchor as unknown as ReadingAnchor, topicsOf(sources, doc), height);
					const limit = Math.max(0, doc.lines.length - Math.max(1, height));
					return Number.isInteger(top) && top >= 0 && top <= limit;
				},
			),
		);
	});

	test('capture then restore at the same width and height is the identity', () => {
		fc.assert(
			fc.property(fc.integer({min: 8, max: 200}), fc.integer({min: 1, max: 50}), fc.nat(), (width, height, seed) => {
				const doc = renderByHand(post, width);
				const maxScroll = Math.max(0, doc.lines.length - height);
				const top = seed % (maxScroll + 1);
				return restoreAnchor(doc, captureAnchor(doc, top, null, height), [], height) === top;
			}),
		);
	});
});

describe('renderedTopicLines', () => {
	test('maps topic source lines to the rendered line of their first block', () => {
		const doc = renderByHand(post, 50);
		assert.deepEqual(
			renderedTopicLines(doc, [
				{name: 'Keynotes', line: 1},
				{name: 'Storage deep dive', line: 7},
				{name: 'Past the end', line: 400},
			]),
			[
				{name: 'Keynotes', line: 0},
				{name: 'Storage deep dive', line: doc.blocks[3]!.startLine},
				{name: 'Past the end', line: doc.lines.length - 1},
			],
		);
	});
});

const rendererPath = new URL('../../src/render/render-markdown.ts', import.meta.url);

describe(
	'with the real renderer',
	{skip: existsSync(rendererPath) ? false : 'src/render/render-markdown.ts not written yet'},
	() => {
		type Render = (markdown: string, options: {width: number; color: boolean; hyperlinks: boolean}) => RenderedDoc;
		const load = async (): Promise<Render> => {
			const specifier: string = rendererPath.href;
			const module = (await import(specifier)) as {renderMarkdown: Render};
			return module.renderMarkdown;
		};
		const sources = [
			'# Keynotes',
			'',
			paragraph(1),
			'',
			paragraph(2),
			'',
			'## Storage deep dive',
			'',
			paragraph(3),
			'',
			'* [A talk - Ann Lee, Acme](https://sched.co/abc) _(missed)_',
			'* [Another talk - Bo Chan, Beta](https://sched.co/def)',
			'',
			paragraph(4, 80),
			'',
			'## Closing',
			'',
			paragraph(6),
			'',
		];
		const markdown = sources.join('\n');

		test('captured at 80 columns, restored at 40 and 160: the same block at the top, same first words', async () => {
			const render = await load();
			const wide = render(markdown, {width: 80, color: false, hyperlinks: false});
			for (const block of wide.blocks) {
				if (block.key === '') {
					continue;
				}
				const anchor = captureAnchor(wide, block.startLine, null, 10);
				for (const width of [40, 160]) {
					const doc = render(markdown, {width, color: false, hyperlinks: false});
					const top = restoreAnchor(doc, anchor);
					const landed = blockAt(doc, top);
					assert.equal(landed.key, block.key, `block at source line ${block.sourceLine}, width ${width}`);
					assert.equal(top, landed.startLine);
				}
			}
		});

		test('a paragraph inserted above and a topic renamed: still the same block', async () => {
			const render = await load();
			const before = render(markdown, {width: 80, color: false, hyperlinks: false});
			const target = before.blocks.find((block) => block.key.startsWith(paragraph(4, 80).slice(0, 20)))!;
			const anchor = captureAnchor(before, target.startLine + 2, 'Storage deep dive', 10);
			const edited = [...sources.slice(0, 2), paragraph(55), '', ...sources.slice(2)]
				.join('\n')
				.replace('## Storage deep dive', '## Storage, in depth');
			const after = render(edited, {width: 80, color: false, hyperlinks: false});
			const top = restoreAnchor(after, anchor);
			const landed = blockAt(after, top);
			assert.equal(landed.key, target.key);
			assert.equal(top, landed.startLine + 2);
		});

		test('a paragraph slightly edited is found by similarity; a shortened post falls back to progress', async () => {
			const render = await load();
			const options = {width: 80, color: false, hyperlinks: false};
			const before = render(markdown, options);
			const target = before.blocks.find((block) => block.key.startsWith(paragraph(3).slice(0, 20)))!;
			const anchor = captureAnchor(before, target.startLine, 'Storage deep dive', 10);
			const edited = render(
				markdown.replace(paragraph(3), `${paragraph(3).replace(/ \S+$/, '')} **and** a new ending`),
				options,
			);
			const landed = blockAt(edited, restoreAnchor(edited, anchor));
			assert.notEqual(landed.key, target.key);
			assert.ok(landed.key.startsWith(paragraph(3).slice(0, 20)));
			const shortened = render(sources.slice(0, 5).join('\n'), options);
			const height = 5;
			const top = restoreAnchor(shortened, anchor, [], height);
			assert.equal(top, Math.round(anchor.progress * Math.max(0, shortened.lines.length - height)));
		});
	},
);
