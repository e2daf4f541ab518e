import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {searchText} from '../../src/search/text-search.js';
import {initialState, readerReducer, type ReaderAction, type ReaderState} from '../../src/state/reader-reducer.js';
import {itemsOf} from '../../src/state/widget-inputs.js';
import type {SearchItem} from '../../src/state/search/search-items.js';
import {panelRows} from '../../src/state/search/search-view.js';
import {createReaderEnv} from '../../src/ui/reader-env.js';

// Issue 24, point 5: one search over the talks and the text, composed in the panel's reducer.
const open = parsePost({
	text: `---\ntitle: Open\ndate: 2024-01-02\n---\n## Networking\n\nA paragraph on netfilter, then netfilter again.\n\nAnd a second netfilter paragraph.\n\n## Talks\n\nSessions I attended:\n\n* [Netfilter deep dive - Ann Lee, Acme](https://sched.co/a)\n`,
	id: 'open.md',
	path: '/p/open.md',
	displayPath: 'open.md',
});
const other = parsePost({
	text: `---\ntitle: Other\ndate: 2024-01-01\n---\nNetfilter tables, in another post.\n`,
	id: 'other.md',
	path: '/p/other.md',
	displayPath: 'other.md',
});
const posts = [open, other];
const env = createReaderEnv({posts, warnings: []}, (post, options) => renderMarkdown(post.loadBody().body, options), {
	color: false,
	hyperlinks: false,
});
const run = (state: ReaderState, ...actions: ReaderAction[]) =>
	actions.reduce((current, action) => readerReducer(current, action, env), state);

/** The panel with `query` typed and the text search run to its end. */
function searched(query: string): ReaderState {
	const typed = run(
		initialState(100, 30),
		{type: 'setMode', mode: 'search'},
		...[...query].map((char) => ({type: 'searchType', text: char}) as const),
	);
	const job = searchText(posts, query, typed.postIndex);
	while (!job.step(() => false));
	// The session index whole, as the panel's build leaves it before its talks are listed.
	const index = env.sessionIndex;
	while (index && !index.step(() => true));
	return run(typed, {type: 'searchText', result: job.result()});
}

const panelOf = (state: ReaderState) =>
	state.mode.kind === 'search' ? state.mode.panel : assert.fail('not searching');

describe('one search over talks and text (issue 24)', () => {
	test("talks first, then the open post's lines, then other posts'; a talk's own bullet is not listed twice", () => {
		const state = searched('netfilter');
		const items = itemsOf(panelOf(state), env);
		assert.deepEqual(
			items.map((item) =>
				item.kind === 'talk' ? `talk:${item.hit.session.title}` : `${item.hit.postId}:${item.hit.line}`,
			),
			['talk:Netfilter deep dive', 'open.md:3', 'open.md:5', 'other.md:1'],
		);
		const rows = panelRows(items, {
			openPostId: 'open.md',
			postTitle: (id) => (id === 'open.md' ? 'Open' : 'Other'),
			more: {},
		});
		assert.deepEqual(
			rows.map((row) => (row.kind === 'post' || row.kind === 'group' ? row.title : row.kind)),
			['Open', 'title', 'details', 'Lines of this post', 'line', 'line', 'Lines of other posts', 'Other', 'line'],
		);
	});

	test('Enter on a line lands on the match it names, marked current; n and N step as after a find', () => {
		const state = searched('netfilter');
		const second = run(state, {type: 'searchMove', delta: 2}, {type: 'searchOpen'});
		assert.equal(second.mode.kind, 'reader');
		assert.ok(second.find);
		const doc = env.doc(0, 100 - 3 - 28);
		const current = second.find.matches[second.find.current]!;
		assert.match(doc.lines[current.line]!, /second netfilter paragraph/);
		assert.match(second.message ?? '', /^3 of 4/);
		assert.equal(second.lastFind, 'netfilter');
		const next = run(second, {type: 'findStep', direction: 1});
		assert.equal(next.find?.current, 3);
		// The first line's second occurrence is the second match.
		const first = run(state, {type: 'searchMove', delta: 1}, {type: 'searchOpen'});
		assert.equal(first.find?.current, 0);
	});

	test('Enter on a talk goes to its bullet, and n steps through the query in that post', () => {
		const onTalk = run(searched('netfilter'), {type: 'searchOpen'});
		assert.ok(onTalk.flashLine !== null);
		assert.equal(onTalk.find?.query, 'netfilter');
		assert.equal(onTalk.find?.matches[onTalk.find.current]!.line, onTalk.flashLine);
	});

	test('the selection stays on its entry while lines come in; o on a line says it is not a talk', () => {
		const typed = run(
			initialState(100, 30),
			{type: 'setMode', mode: 'search'},
			...[...'netfilter'].map((char) => ({type: 'searchType', text: char}) as const),
		);
		const onTalk = run(typed, {type: 'searchMove', delta: 1});
		const job = searchText(posts, 'netfilter', 0);
		while (!job.step(() => false));
		const arrived = run(onTalk, {type: 'searchText', result: job.result()});
		assert.equal(panelOf(arrived).selected, 0, 'still on the talk');
		const onLine = run(arrived, {type: 'searchMove', delta: 1}, {type: 'searchLink', kind: 'open'});
		assert.match(onLine.message ?? '', /A line of text/);
		// Results of another query are not taken.
		const stale = run(typed, {type: 'searchText', result: {...job.result(), query: 'other'}});
		assert.equal(panelOf(stale).text, null);
	});

	test('lines found from another post (a kept search) keep every post under its title', () => {
		const line = (postId: string, lineNumber: number): SearchItem => ({
			kind: 'line',
			hit: {postId, line: lineNumber, text: 'x', ranges: [], score: 1, before: 0},
		});
		const rows = panelRows([line('other.md', 1), line('open.md', 3)], {
			openPostId: 'open.md',
			postTitle: (id) => id,
			more: {'other.md': 2},
		});
		assert.deepEqual(
			rows.map((row) =>
				row.kind === 'post' || row.kind === 'group' ? row.title : row.kind === 'more' ? `more ${row.count}` : row.kind,
			),
			['Lines of other posts', 'other.md', 'line', 'more 2', 'open.md', 'line'],
		);
	});
});
