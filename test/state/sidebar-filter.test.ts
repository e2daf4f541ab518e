import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {parsePost} from '../../src/posts/parse-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {
	initialState,
	readerReducer,
	type ReaderAction,
	type ReaderState,
	type SidebarRow,
} from '../../src/state/reader-reducer.js';
import {computeLayout} from '../../src/state/layout.js';
import {selectView} from '../../src/state/select-view.js';
import {filterPosts, filterTerms} from '../../src/state/sidebar/post-filter.js';
import {shownPosts, sidebarRows} from '../../src/state/sidebar/sidebar-rows.js';
import {createReaderEnv} from '../../src/ui/reader-env.js';
import {sidebarFitOf} from '../../src/ui/sidebar-row.js';

// Issue 24, point 6: the sidebar for a whole blog.
const talks =
	'\n\nTalks I attended:\n\n* [Scaling etcd - Ann Lee, Acme](https://sched.co/a)\n* [Gateway API deep dive - Bo Chen, Beta](https://sched.co/b)\n';
const posts = Array.from({length: 60}, (_, index) => {
	const isKubeCon = index % 3 === 0;
	const title = isKubeCon
		? `KubeCon notes, part ${index}`
		: index === 7
			? 'Notes from Zürich'
			: `A week of reading, ${index}`;
	const tags = isKubeCon ? '[kubecon, conference]' : '[reading]';
	const date = `20${String(24 - Math.floor(index / 12)).padStart(2, '0')}-0${(index % 9) + 1}-1${index % 9}`;
	return parsePost({
		text: `---\ntitle: ${title}\ndate: ${date}\ntags: ${tags}\n---\n## First\n\nSome text.${index % 6 === 0 ? talks : ''}\n\n## Second\n\nMore text.\n`,
		id: `p${index}.md`,
		path: `/b/p${index}.md`,
		displayPath: `p${index}.md`,
	});
});
const env = createReaderEnv({posts, warnings: []}, (post, options) => renderMarkdown(post.loadBody().body, options), {
	color: false,
	hyperlinks: false,
});
const run = (state: ReaderState, ...actions: ReaderAction[]) =>
	actions.reduce((current, action) => readerReducer(current, action, env), state);
const view = (state: ReaderState) =>
	selectView(state, env, {keepsPlaces: true, title: (index) => posts[index]!.title, warningCount: 0});
const cursorRow = (state: ReaderState) =>
	env.sidebarRows(state.postIndex, state.sidebar.filter).at(state.sidebar.cursor);
const focused = () => run(initialState(120, 20), {type: 'switchFocus'});
const typed = (state: ReaderState, text: string) =>
	run(
		state,
		{type: 'sidebarFilterOpen'},
		...[...text].map((char) => ({type: 'sidebarFilterType', text: char}) as const),
	);

describe('the filter', () => {
	test('words are looked for in the title, folded; tag: and # ask for a tag by its start', () => {
		assert.deepEqual(filterTerms('KubeCon  tag:Conf #read'), {words: ['kubecon'], tags: ['conf', 'read']});
		const kept = (query: string, isTalksOnly = false) =>
			filterPosts(posts, {query, isTalksOnly}, (index) => posts[index]!.sessions.length > 0);
		assert.equal(kept('zurich').length, 1);
		assert.equal(kept('tag:kube').length, 20);
		assert.equal(kept('tag:kube part 3').length, 5, 'part 3, 30, 33, 36, 39');
		assert.equal(kept('tag:nothing').length, 0);
		assert.equal(kept('', true).length, 10);
		assert.deepEqual(kept('part', true), kept('', true), 'every post with talks is a KubeCon part');
	});

	test('filtered rows are the listed rows of the posts kept, the open one with its topics', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({min: 0, max: 19}), {maxLength: 20}),
				fc.integer({min: -1, max: 20}),
				fc.integer({min: 0, max: 4}),
				(picked, openPost, topicCount) => {
					const kept = [...picked].sort((a, b) => a - b);
					const expected: SidebarRow[] = [];
					for (const postIndex of kept) {
						expected.push({kind: 'post', postIndex});
						if (postIndex === openPost)
							for (let topicIndex = 0; topicIndex < topicCount; topicIndex++)
								expected.push({kind: 'topic', postIndex, topicIndex});
					}
					const rows = sidebarRows(20, openPost, topicCount, shownPosts(kept, 20));
					assert.deepEqual(rows.slice(0, rows.length + 1), expected);
					for (const [index, row] of expected.entries()) assert.equal(rows.indexOf(row), index);
					assert.equal(
						rows.indexOf({
							kind: 'post',
							postIndex: kept.length === 20 ? 99 : [...Array(20).keys()].find((post) => !kept.includes(post))!,
						}),
						-1,
					);
				},
			),
		);
	});
});

describe('the sidebar for a whole blog (issue 24)', () => {
	test('G, g, End, Home, Space, b, PgDn, PgUp, d and u move in the list when it has the focus', () => {
		const start = focused();
		const last = run(start, {type: 'sidebarEdge', edge: 'last'});
		assert.deepEqual(cursorRow(last), {kind: 'post', postIndex: 59});
		assert.equal(last.top, start.top, 'the text did not move');
		assert.equal(last.sidebar.offset, last.sidebar.cursor - 18, 'the last row is at the bottom of the list');
		assert.deepEqual(cursorRow(run(last, {type: 'sidebarEdge', edge: 'first'})), {kind: 'post', postIndex: 0});
		const page = run(start, {type: 'sidebarEdge', edge: 'first'}, {type: 'sidebarPage', pages: 1});
		assert.equal(page.sidebar.cursor, 18, 'a page keeps one row');
		assert.equal(run(page, {type: 'sidebarPage', pages: -1}).sidebar.cursor, 0);
		assert.equal(run(page, {type: 'sidebarPage', pages: 0.5}).sidebar.cursor, 27);
	});

	test('/ types a filter: the list follows each key, Enter keeps it, Esc in the list clears it', () => {
		const filtering = typed(focused(), 'tag:kubecon');
		assert.equal(filtering.mode.kind, 'filter');
		assert.deepEqual(view(filtering).sidebarFilter, {text: '/ tag:kubecon▏', count: '20/60'});
		assert.deepEqual(cursorRow(filtering), {kind: 'post', postIndex: 0});
		const kept = run(filtering, {type: 'sidebarFilterDone'});
		assert.equal(kept.mode.kind, 'reader');
		assert.deepEqual(view(kept).sidebarFilter, {text: '/ tag:kubecon', count: '20/60'});
		// The list has 20 posts and the open post's topics: G goes to the last KubeCon post.
		assert.deepEqual(cursorRow(run(kept, {type: 'sidebarEdge', edge: 'last'})), {kind: 'post', postIndex: 57});
		const cleared = run(kept, {type: 'sidebarEscape'});
		assert.equal(view(cleared).sidebarFilter, null);
		assert.equal(cleared.focus, 'sidebar', 'the first Esc clears the filter');
		assert.equal(run(cleared, {type: 'sidebarEscape'}).focus, 'reader');
	});

	test('n and p follow the filter; Esc while typing clears it; Backspace on nothing leaves the line', () => {
		const kept = run(typed(focused(), 'tag:kube'), {type: 'sidebarFilterDone'});
		const next = run(kept, {type: 'post', direction: 1});
		assert.equal(next.postIndex, 3);
		assert.equal(run(next, {type: 'post', direction: -1}).postIndex, 0);
		assert.match(view(run(kept, {type: 'post', direction: -1})).statusLeft, /First post of the filter/);
		assert.equal(view(run(typed(focused(), 'zz'), {type: 'sidebarFilterClear'})).sidebarFilter, null);
		const empty = run(typed(focused(), 'a'), {type: 'sidebarFilterBackspace'});
		assert.equal(empty.mode.kind, 'filter');
		assert.equal(run(empty, {type: 'sidebarFilterBackspace'}).mode.kind, 'reader');
	});

	test('s shows only the posts with talks, and all again', () => {
		const only = run(focused(), {type: 'sidebarTalksOnly'});
		assert.deepEqual(view(only).sidebarFilter, {text: 'talks only', count: '10/60'});
		assert.deepEqual(env.shownPosts(only.sidebar.filter), [0, 6, 12, 18, 24, 30, 36, 42, 48, 54]);
		assert.equal(view(run(only, {type: 'sidebarTalksOnly'})).sidebarFilter, null);
	});

	test('while the list has the focus, the status line names the post under the cursor, whole; the pane is marked', () => {
		const state = run(focused(), {type: 'sidebarEdge', edge: 'last'});
		assert.equal(view(state).isSidebarFocused, true);
		assert.match(view(state).statusLeft, /^A week of reading, 59$/);
		assert.equal(view(initialState(120, 20)).isSidebarFocused, false);
	});

	test('on a wide terminal the sidebar widens to show titles whole; the text keeps its measure', () => {
		const fit = sidebarFitOf([{title: 'x'.repeat(45)}, {title: 'short'}]);
		assert.equal(fit, 2 + 45 + 11 + 1 + 4);
		const wide = computeLayout(220, 50, true, 100, fit);
		assert.equal(wide.sidebarWidth, fit);
		assert.equal(wide.paneWidth, 100);
		assert.equal(
			computeLayout(120, 50, true, 100, fit).sidebarWidth,
			computeLayout(120, 50, true, 100, 0).sidebarWidth,
			'no room, no growth',
		);
		assert.ok(sidebarFitOf([{title: 'y'.repeat(300)}]) <= 72);
	});
});
