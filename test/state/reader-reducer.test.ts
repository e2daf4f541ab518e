import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {
	initialState,
	layoutOf,
	readerReducer,
	type ReaderAction,
	type ReaderState,
} from '../../src/state/reader-reducer.js';
import {
	clampTop,
	maxTop,
	nextTopicLine,
	percentRead,
	previousTopicLine,
	topicAt,
} from '../../src/state/viewport/viewport.js';
import {createReaderEnv} from '../../src/ui/reader-env.js';

const body = Array.from({length: 8}, (_, topic) =>
	[
		`## Topic ${topic}`,
		'',
		...Array.from(
			{length: 4},
			(_, index) => `Topic ${topic} paragraph ${index} ${'with words that wrap at every width '.repeat(4)}\n`,
		),
	].join('\n'),
).join('\n');
const post = parsePost({text: `---\ntitle: T\n---\n${body}`, id: 't.md', path: '/t.md', displayPath: 't.md'});
const env = createReaderEnv({posts: [post], warnings: []}, (p, o) => renderMarkdown(p.loadBody().body, o), {
	color: false,
	hyperlinks: false,
});
const run = (state: ReaderState, ...actions: ReaderAction[]) =>
	actions.reduce((current, action) => readerReducer(current, action, env), state);
const topText = (state: ReaderState) =>
	stripStyles(env.doc(state.postIndex, layoutOf(state).paneWidth).lines[state.top] ?? '');

describe('viewport maths', () => {
	test('clamping, percent, topics', () => {
		assert.equal(maxTop(100, 20), 80);
		assert.equal(clampTop(95, 100, 20), 80);
		assert.equal(clampTop(-3, 100, 20), 0);
		assert.equal(percentRead(40, 100, 20), 50);
		assert.equal(percentRead(0, 10, 20), 100);
		assert.equal(topicAt([0, 10, 20], 15), 1);
		assert.equal(topicAt([5, 10], 2), -1);
		assert.equal(nextTopicLine([0, 10, 20], 10), 20);
		assert.equal(nextTopicLine([0, 10, 20], 20), null);
		assert.equal(previousTopicLine([0, 10, 20], 15), 10);
		assert.equal(previousTopicLine([0, 10, 20], 10), 0);
	});
});

describe('the reader reducer', () => {
	test('a resize keeps the same text at the top, through a too-small terminal and back', () => {
		const start = run(
			initialState(120, 30),
			{type: 'topic', direction: 1},
			{type: 'topic', direction: 1},
			{type: 'topic', direction: 1},
		);
		assert.equal(topText(start), '## Topic 3');
		const narrow = run(start, {type: 'resize', width: 70, height: 20});
		assert.equal(topText(narrow), '## Topic 3');
		const tiny = run(narrow, {type: 'resize', width: 15, height: 4}, {type: 'scroll', lines: 5});
		const back = run(tiny, {type: 'resize', width: 100, height: 30});
		assert.equal(topText(back), '## Topic 3');
	});

	test('hiding the sidebar re-wraps and keeps the place', () => {
		const start = run(
			initialState(120, 30),
			{type: 'topic', direction: 1},
			{type: 'topic', direction: 1},
			{type: 'scroll', lines: 3},
		);
		const before = topText(start);
		const hidden = run(start, {type: 'toggleSidebar'});
		assert.ok(layoutOf(hidden).paneWidth > layoutOf(start).paneWidth);
		// The words at the top before are still at the top, in the line re-wrapped around them.
		const lines = env
			.doc(0, layoutOf(hidden).paneWidth)
			.lines.slice(hidden.top, hidden.top + 2)
			.map((line) => stripStyles(line))
			.join(' ');
		assert.ok(lines.includes(before.split(' ').slice(0, 3).join(' ')), `${before} / ${lines}`);
	});

	test('pages keep a line of context; half pages move half', () => {
		const start = initialState(120, 21);
		assert.equal(run(start, {type: 'page', pages: 1}).top, 19);
		assert.equal(run(start, {type: 'page', pages: 0.5}).top, 10);
	});
});

describe('status messages', () => {
	test('a message that replaces another goes only while that one is still shown (the progress line of the session index)', () => {
		const start = initialState(120, 30);
		const progress = run(start, {type: 'message', text: 'Reading 1 of 3'}, {type: 'message', text: 'Reading 2 of 3'});
		// Cleared when the line shown is the one it replaces…
		assert.equal(run(progress, {type: 'message', text: null, replacing: 'Reading 2 of 3'}).message, null);
		// …but an older progress line (a frame that was not drawn yet) or another message stays.
		assert.equal(run(progress, {type: 'message', text: null, replacing: 'Reading 1 of 3'}).message, 'Reading 2 of 3');
		const other = run(progress, {type: 'message', text: 'Copied the link'});
		assert.equal(run(other, {type: 'message', text: null, replacing: 'Reading 2 of 3'}).message, 'Copied the link');
	});
});
