import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {TextHit} from '../../src/search/text-search.js';
import {findInputReducer, matchTop, stepFind, type Find} from '../../src/state/find/find.js';
import {overlayReducer} from '../../src/state/help/overlay.js';
import type {SearchItem} from '../../src/state/search/search-items.js';
import {panelView, sessionsKnown} from '../../src/state/search/search-view.js';
import {emptySearch, searchReducer, type SearchPanel} from '../../src/state/search/search.js';
import {initialSidebar, listHeight, sidebarReducer, type SidebarInput} from '../../src/state/sidebar/sidebar.js';
import {sidebarRows, shownPosts} from '../../src/state/sidebar/sidebar-rows.js';

// Issue 27, point 2: each widget reduces its own slice, given a few inputs, without the reader's
// state or a document. These drive the reducers with nothing else, as ink-ui's select is driven.

describe('the sidebar reduces its own slice', () => {
	// Twelve posts, the third open with four topics; a filter keeps the even posts.
	const input = (options: Partial<SidebarInput> = {}): SidebarInput => ({
		rows: (filter) => sidebarRows(12, 2, 4, filter.query === 'even' ? shownPosts([0, 2, 4, 6, 8, 10], 12) : undefined),
		current: {kind: 'topic', postIndex: 2, topicIndex: 1},
		paneHeight: 6,
		isTyping: false,
		...options,
	});

	test('the cursor moves, stops at the ends, and the window follows it', () => {
		const down = sidebarReducer(initialSidebar, {type: 'sidebarMove', delta: 7}, input());
		assert.deepEqual([down.cursor, down.offset], [7, 2]);
		const last = sidebarReducer(down, {type: 'sidebarEdge', edge: 'last'}, input());
		assert.deepEqual([last.cursor, last.offset], [15, 10]);
		const pagedUp = sidebarReducer(last, {type: 'sidebarPage', pages: -1}, input());
		assert.deepEqual([pagedUp.cursor, pagedUp.offset], [10, 10]);
		const first = sidebarReducer(pagedUp, {type: 'sidebarMove', delta: -99}, input());
		assert.deepEqual([first.cursor, first.offset], [0, 0]);
	});

	test('a filter typed puts the cursor on the first post kept; set, it stays on what is read', () => {
		const typed = sidebarReducer(
			{...initialSidebar, cursor: 5, offset: 3},
			{type: 'sidebarSetFilter', filter: {query: 'even', isTalksOnly: false}},
			input({isTyping: true}),
		);
		assert.deepEqual([typed.cursor, typed.offset], [0, 0]);
		const kept = sidebarReducer(
			initialSidebar,
			{type: 'sidebarSetFilter', filter: {query: 'even', isTalksOnly: false}},
			input(),
		);
		// Posts 0 and 2, then the open post's topics: topic 1 is the fourth row.
		assert.equal(kept.cursor, 3);
		assert.equal(sidebarReducer(kept, {type: 'sidebarFilterType', text: 'x'}, input()), kept, 'not typing: no change');
	});

	test("the filter's row takes a row of the list", () => {
		assert.equal(listHeight(6, true), 5);
		assert.equal(listHeight(1, true), 1);
	});
});

describe('find reduces its line, and says where a match is', () => {
	test('a kept query is replaced by what is typed; Backspace on it empties the line', () => {
		assert.deepEqual(findInputReducer({input: 'old', isKept: true}, {type: 'findType', text: 'n'}), {
			input: 'n',
			isKept: false,
		});
		assert.deepEqual(findInputReducer({input: 'old', isKept: true}, {type: 'findBackspace'}), {
			input: '',
			isKept: false,
		});
	});

	test('stepping goes round and says so; a match on screen keeps the text still', () => {
		const find: Find = {query: 'x', matches: [10, 40, 90].map((line) => ({line, segments: []})), current: 2};
		const next = stepFind(find, 1);
		assert.equal(next.find.current, 0);
		assert.match(next.message, /wrapped to the first/);
		assert.equal(matchTop(next.find, 5, 20), null);
		assert.equal(matchTop({...find, current: 1}, 5, 20), 37);
	});
});

test('the help overlay scrolls and stops at its last line', () => {
	// 30 lines under a title row, in 11 rows: the last top is 20.
	assert.equal(overlayReducer(0, {type: 'overlayScroll', lines: Infinity}, {length: 30, paneHeight: 11}), 20);
	assert.equal(overlayReducer(15, {type: 'overlayScroll', pages: 1}, {length: 30, paneHeight: 11}), 20);
	assert.equal(overlayReducer(15, {type: 'overlayScroll', pages: -0.5}, {length: 30, paneHeight: 11}), 10);
});

describe('the search panel reduces its own slice and works out its rows', () => {
	const line = (postId: string, at: number): SearchItem => ({
		kind: 'line',
		hit: {postId, line: at, text: `line ${at}`, ranges: [[0, 3]], score: 1, before: 0} as TextHit,
	});
	const items = Array.from({length: 8}, (_, index) => line(index < 4 ? 'a.md' : 'b.md', index + 1));
	const input = {items: () => items, days: [1, 2]};

	test('the selection stops at the last entry; the day filter goes round', () => {
		const moved = searchReducer(emptySearch, {type: 'searchMove', delta: 20}, input);
		assert.equal(moved.selected, 7);
		const days = [1, 2, 3].reduce<SearchPanel>(
			(panel) => searchReducer(panel, {type: 'searchCycleDay'}, input),
			emptySearch,
		);
		assert.equal(days.day, null);
	});

	test('lines coming in keep the top selected, and a selection moved to on its entry', async () => {
		const {searchText} = await import('../../src/search/text-search.js');
		const result = searchText([{id: 'c.md', title: 'C', body: 'line one'}], 'line', 0).result();
		// The talks arrive between two calls (the session index whole in between): lines, then a talk above them.
		const talk = {kind: 'talk', hit: {session: {postId: 'z.md', line: 3}}} as SearchItem;
		let calls = 0;
		const growing = {items: () => (calls++ === 0 ? items : [talk, ...items]), days: []};
		const top = searchReducer({...emptySearch, query: 'line'}, {type: 'searchText', result}, growing);
		assert.equal(top.selected, 0);
		calls = 0;
		const moved = searchReducer({...emptySearch, query: 'line', selected: 2}, {type: 'searchText', result}, growing);
		assert.equal(moved.selected, 3, 'the third line, one row down under the talk');
	});

	test('the window keeps the selected entry in view, its post heading above it when there is room', () => {
		const view = panelView({...emptySearch, query: 'line', selected: 6}, items, null, {
			openPostId: 'a.md',
			postTitle: (id) => id.toUpperCase(),
			more: {},
			room: 4,
			sessions: 'some',
		});
		assert.equal(view.empty, null);
		assert.match(view.count, /^0 sessions · 8 lines/);
		assert.deepEqual(
			view.rows.map((row) => (row.kind === 'line' ? row.index : row.kind)),
			['post', 4, 5, 6],
		);
	});

	test('while the sessions are still read, the count says so, not "0 sessions"', () => {
		const options = {openPostId: 'a.md', postTitle: (id: string) => id, more: {}, room: 4} as const;
		const reading = panelView(emptySearch, [], null, {
			...options,
			sessions: sessionsKnown({isDone: false, sessionCount: 3}),
		});
		assert.match(reading.count, /^… sessions/);
		assert.equal(reading.empty, 'reading the sessions of every post…');
		const none = panelView(emptySearch, [], null, {
			...options,
			sessions: sessionsKnown({isDone: true, sessionCount: 0}),
		});
		assert.match(none.count, /^0 sessions/);
		assert.match(none.empty ?? '', /list no sessions/);
		assert.equal(sessionsKnown(undefined), 'some');
	});
});
