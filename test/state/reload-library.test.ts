import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Post} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {
	initialState,
	layoutOf,
	readerReducer,
	type ReaderAction,
	type ReaderEnv,
	type ReaderState,
} from '../../src/state/reader-reducer.js';
import {createReaderEnv, type DocCache} from '../../src/ui/reader-env.js';

const paragraphs = (count: number, prefix = '') =>
	Array.from({length: count}, (_, index) => `${prefix}Paragraph ${index} of the notes.`).join('\n\n');
const makePost = (id: string, date: string, body: string): Post =>
	parsePost({
		text: `---\ntitle: ${id}\ndate: ${date}\n---\n\n## First\n\n${body}`,
		id,
		path: `/${id}`,
		displayPath: id,
	});
const docs: DocCache = new WeakMap();
let renders = 0;
const envOf = (posts: Post[]) =>
	createReaderEnv(
		{posts, warnings: []},
		(post, options) => {
			renders++;
			return renderMarkdown(post.loadBody().body, options);
		},
		{color: false, hyperlinks: false},
		undefined,
		docs,
	);
const run = (state: ReaderState, env: ReaderEnv, ...actions: ReaderAction[]) =>
	actions.reduce((current, action) => readerReducer(current, action, env), state);
const topText = (state: ReaderState, env: ReaderEnv) =>
	stripStyles(env.doc(state.postIndex, layoutOf(state).paneWidth).lines[state.top] ?? '');

describe('a reloaded library', () => {
	const older = makePost('older.md', '2024-01-01', paragraphs(60));
	const newer = makePost('newer.md', '2025-01-01', paragraphs(60));
	const before = envOf([newer, older]);
	const reading = run(initialState(120, 30), before, {type: 'post', direction: 1}, {type: 'scroll', lines: 40});

	test('keeps the text at the top when lines are inserted above it, and re-finds the post by id after an add', () => {
		const top = topText(reading, before);
		assert.match(top, /^Paragraph \d+ of the notes\.$/);
		const edited = makePost('older.md', '2024-01-01', `${paragraphs(5, 'Inserted ')}\n\n${paragraphs(60)}`);
		const added = makePost('newest.md', '2026-01-01', paragraphs(3));
		const after = envOf([added, newer, edited]);
		before.doc(0, layoutOf(reading).paneWidth);
		const rendersBefore = renders;
		const next = readerReducer(
			reading,
			{type: 'libraryReloaded', before, changed: ['older.md'], removed: [], message: null},
			after,
		);
		assert.equal(next.postIndex, 2);
		assert.equal(topText(next, after), top);
		assert.ok(next.top > reading.top);
		// The unchanged post keeps its document: only the edited one is rendered again.
		after.doc(1, layoutOf(next).paneWidth);
		assert.equal(renders - rendersBefore, 1);
	});

	test('the sidebar cursor stays on the same post', () => {
		const inList = run(reading, before, {type: 'switchFocus'}, {type: 'sidebarMove', delta: -100});
		assert.equal(before.postId(before.sidebarRows(inList.postIndex).at(inList.sidebar.cursor)!.postIndex), 'newer.md');
		const after = envOf([makePost('newest.md', '2026-01-01', paragraphs(3)), newer, older]);
		const next = readerReducer(
			inList,
			{type: 'libraryReloaded', before, changed: [], removed: [], message: null},
			after,
		);
		assert.equal(after.postId(after.sidebarRows(next.postIndex).at(next.sidebar.cursor)!.postIndex), 'newer.md');
	});

	test('a removed open post gives way to its neighbour, from its top, and says so', () => {
		const after = envOf([newer]);
		const next = readerReducer(
			reading,
			{type: 'libraryReloaded', before, changed: [], removed: ['older.md'], message: null},
			after,
		);
		assert.equal(next.postIndex, 0);
		assert.equal(next.top, 0);
		assert.match(next.message ?? '', /older\.md was removed/);
	});

	test('a warning from the batch is the status message', () => {
		const next = readerReducer(
			reading,
			{type: 'libraryReloaded', before, changed: [], removed: [], message: 'older.md: not reloaded'},
			before,
		);
		assert.equal(next.message, 'older.md: not reloaded');
		assert.equal(next.top, reading.top);
	});
});
