import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {initialState, readerReducer, type ReaderAction, type ReaderState} from '../../src/state/reader-reducer.js';
import {selectView} from '../../src/state/select-view.js';
import {addRange, isCovered, sectionsSeen} from '../../src/state/viewport/seen-rows.js';
import {createReaderEnv} from '../../src/ui/reader-env.js';

// Issue 24, point 3: a topic is read once all of its section has been on screen.
const body =
	['One', 'Two', 'Three']
		.flatMap((topic) => [`## ${topic}`, '', ...Array.from({length: 30}, (_, index) => `${topic} line ${index}\n`)])
		.join('\n') + '\n## Short\n\nA short topic.\n\n## Last\n\nThe end.';
const post = parsePost({
	text: `---\ntitle: Post\ndate: 2024-01-01\n---\nAn introduction.\n\n${body}`,
	id: 'a.md',
	path: '/a.md',
	displayPath: 'a.md',
});
const env = createReaderEnv(
	{posts: [post], warnings: []},
	(entry, options) => renderMarkdown(entry.loadBody().body, options),
	{
		color: false,
		hyperlinks: false,
	},
);
const run = (state: ReaderState, ...actions: ReaderAction[]) =>
	actions.reduce((current, action) => readerReducer(current, action, env), state);
const stored = (state: ReaderState) => new Set(state.places['a.md']?.readTopics ?? []);
const shown = (state: ReaderState) =>
	selectView(state, env, {keepsPlaces: true, title: () => 'Post', warningCount: 0}).readTopics;

describe('seen rows', () => {
	test('ranges merge when they touch or overlap, and stay sorted', () => {
		assert.deepEqual(addRange([], 5, 10), [[5, 10]]);
		assert.deepEqual(addRange([[5, 10]], 10, 15), [[5, 15]]);
		assert.deepEqual(
			addRange(
				[
					[5, 10],
					[20, 25],
				],
				0,
				2,
			),
			[
				[0, 2],
				[5, 10],
				[20, 25],
			],
		);
		assert.deepEqual(
			addRange(
				[
					[5, 10],
					[20, 25],
				],
				8,
				21,
			),
			[[5, 25]],
		);
		assert.deepEqual(addRange([[5, 10]], 30, 30), [[5, 10]]);
		assert.equal(
			isCovered(
				[
					[0, 10],
					[12, 20],
				],
				5,
				15,
			),
			false,
		);
		assert.equal(isCovered([[0, 20]], 5, 15), true);
	});
	test('a section is seen when all its rows were, in one stretch; an empty one by its first row', () => {
		assert.deepEqual(sectionsSeen([[0, 40]], [0, 10, 30, 30, 50], 60), [0, 1, 2]);
		assert.deepEqual(sectionsSeen([[0, 40]], [0, 10, 30, 31, 50], 60), [0, 1, 2]);
		assert.deepEqual(
			sectionsSeen(
				[
					[0, 20],
					[45, 60],
				],
				[0, 10, 30, 50],
				60,
			),
			[0, 3],
		);
	});
});

describe('read marks follow what was on screen (issue 24)', () => {
	test('paging to the end with Space reads every topic', () => {
		let state = initialState(100, 20);
		for (let page = 0; page < 20; page++) state = run(state, {type: 'page', pages: 1});
		assert.deepEqual(stored(state), new Set(['Introduction', 'One', 'Two', 'Three', 'Short', 'Last']));
		assert.equal(state.places['a.md']!.done, true);
	});

	test('a topic chosen with ] is read only once its whole section has been on screen', () => {
		const chosen = run(initialState(100, 20), {type: 'topic', direction: 1});
		assert.match(
			selectView(chosen, env, {keepsPlaces: true, title: () => 'Post', warningCount: 0}).statusLeft,
			/› One/,
		);
		assert.equal(stored(chosen).has('One'), false, 'One is longer than the screen');
		let through = run(chosen, {type: 'page', pages: 1});
		assert.equal(stored(through).has('One'), false, 'a page is not the whole section');
		while (
			!/› Two/.test(selectView(through, env, {keepsPlaces: true, title: () => 'Post', warningCount: 0}).statusLeft)
		)
			through = run(through, {type: 'page', pages: 1});
		assert.equal(stored(through).has('One'), true);
		assert.equal(stored(through).has('Two'), false);
	});

	test('G to the end reads only the topics wholly on the last page; the first screen counts as seen', () => {
		const end = run(initialState(100, 20), {type: 'bottom'});
		assert.deepEqual(stored(end), new Set(['Introduction', 'Short', 'Last']));
	});

	test('the screen shows what was seen before a move stores it (a post opened shows its first screen)', () => {
		const opened = initialState(100, 20);
		assert.ok(shown(opened).has('Introduction'));
		assert.equal(stored(opened).size, 0, 'opening stores nothing');
	});

	test('a resize keeps what was read: the rows are counted anew, the sections wholly seen stay', () => {
		const longIntro = parsePost({
			text: `---\ntitle: Long\n---\n${Array.from({length: 8}, (_, index) => `Intro line ${index}.\n`).join('\n')}\n## After\n\nText.\n`,
			id: 'l.md',
			path: '/l.md',
			displayPath: 'l.md',
		});
		const longEnv = createReaderEnv(
			{posts: [longIntro], warnings: []},
			(entry, options) => renderMarkdown(entry.loadBody().body, options),
			{color: false, hyperlinks: false},
		);
		const opened = initialState(100, 30);
		const shownIn = (state: ReaderState) =>
			selectView(state, longEnv, {keepsPlaces: true, title: () => 'Long', warningCount: 0}).readTopics;
		assert.ok(shownIn(opened).has('Introduction'));
		const narrow = readerReducer(opened, {type: 'resize', width: 30, height: 6}, longEnv);
		assert.ok(
			shownIn({...narrow, seen: null}).has('Introduction') === false,
			'at 30x6 the introduction is not all on screen',
		);
		assert.ok(shownIn(narrow).has('Introduction'));
		const moved = readerReducer(narrow, {type: 'scroll', lines: 1}, longEnv);
		assert.ok(moved.places['l.md']!.readTopics.includes('Introduction'));
	});
});
