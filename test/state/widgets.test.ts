import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {computeLayout} from '../../src/state/layout.js';
import {initialState, readerReducer, type ReaderAction, type ReaderState} from '../../src/state/reader-reducer.js';
import {selectView} from '../../src/state/select-view.js';
import {spyTopic} from '../../src/state/viewport/viewport.js';
import {createReaderEnv} from '../../src/ui/reader-env.js';

// Two posts whose last topics are short: they start on the last page.
const body = (name: string) =>
	[
		...['One', 'Two', 'Three'].flatMap((topic) => [
			`## ${name} ${topic}`,
			'',
			...Array.from({length: 30}, (_, index) => `${topic} line ${index}\n`),
		]),
		`## ${name} Short`,
		'',
		'A short topic.',
		'',
		`## ${name} Last`,
		'',
		'The end.',
	].join('\n');
const posts = ['a', 'b'].map((name, index) =>
	parsePost({
		text: `---\ntitle: Post ${name}\ndate: 2024-01-0${2 - index}\n---\n${body(name)}`,
		id: `${name}.md`,
		path: `/${name}.md`,
		displayPath: `${name}.md`,
	}),
);
const env = createReaderEnv({posts, warnings: []}, (post, options) => renderMarkdown(post.loadBody().body, options), {
	color: false,
	hyperlinks: false,
});
const run = (state: ReaderState, ...actions: ReaderAction[]) =>
	actions.reduce((current, action) => readerReducer(current, action, env), state);
const view = (state: ReaderState) =>
	selectView(state, env, {keepsPlaces: true, title: (index) => posts[index]!.title, warningCount: 0});

describe('widgets and the view-model', () => {
	test('layout: a 100-column measure, spare room to the sidebar, then a margin', () => {
		const wide = computeLayout(200, 50, true);
		assert.equal(wide.paneWidth, 100);
		assert.equal(wide.sidebarWidth, 48);
		assert.ok(wide.textMargin > 0);
		assert.equal(computeLayout(200, 50, true, 70).paneWidth, 70);
		assert.equal(computeLayout(120, 30, false).paneWidth, 100);
		assert.equal(computeLayout(120, 30, false).textMargin, 9);
		assert.equal(computeLayout(50, 30, true).sidebarWidth, 0);
	});

	test('at the end of a post the scroll-spy names the last heading on screen', () => {
		assert.equal(spyTopic([0, 10, 95, 98], 90, 100, 10), 3);
		assert.equal(spyTopic([0, 10, 95, 98], 50, 100, 10), 1);
	});

	test('opening and switching posts records nothing; a move records the place', () => {
		const start = initialState(100, 20);
		const switched = run(start, {type: 'post', direction: 1}, {type: 'post', direction: -1});
		assert.equal(switched.lastMove, null);
		assert.deepEqual(switched.places, {});
		const moved = run(switched, {type: 'scroll', lines: 3});
		assert.equal(moved.lastMove?.postId, 'a.md');
		// Another post opens at its own place, and coming back finds this one where it was left.
		const back = run(moved, {type: 'post', direction: 1}, {type: 'post', direction: -1});
		assert.equal(back.top, 3);
		assert.equal(back.lastMove, moved.lastMove);
	});

	test('sidebar Enter on the last topic, the end already on screen: it is current and read', () => {
		const atEnd = run(initialState(100, 20), {type: 'bottom'});
		const rows = env.sidebarRows(0);
		const last = rows.findIndex((row) => row.kind === 'topic' && row.topicIndex === 4);
		const focused = run(atEnd, {type: 'switchFocus'});
		// The spy already names the last topic here; choose the one before it, then the last.
		const before = run(focused, {type: 'sidebarMove', delta: last - 1 - focused.sidebar.cursor}, {type: 'sidebarOpen'});
		assert.equal(view(before).topic, 3);
		const chosen = run(before, {type: 'switchFocus'}, {type: 'sidebarMove', delta: 1}, {type: 'sidebarOpen'});
		assert.equal(view(chosen).topic, 4);
		assert.ok(chosen.places['a.md']!.readTopics.includes('a Last'));
		assert.match(view(chosen).statusLeft, /› a Last/);
		// [ goes back to the topic before it, also on the last page.
		assert.match(view(run(chosen, {type: 'topic', direction: -1})).statusLeft, /› a Short/);
	});
});
