import type {Library, Post} from '../posts/types.js';
import {lineForSource} from '../render/locate.js';
import type {RenderedDoc, RenderOptions} from '../render/types.js';
import {createIndexBuilder, type SessionIndexBuilder} from '../search/index-builder.js';
import {sessionKey, type SessionHit} from '../search/session-index.js';
import {searchText} from '../search/text-search.js';
import type {ReaderEnv} from '../state/reader-state.js';
import {filterPosts, isFiltering, type SidebarFilter} from '../state/sidebar/post-filter.js';
import {sidebarRows, shownPosts as shownOf, type ShownPosts} from '../state/sidebar/sidebar-rows.js';
import {sidebarFitOf} from './sidebar-row.js';
import {groupByPost} from '../state/search/search-view.js';
import {helpLines, warningLines} from './overlay-lines.js';

/** The longest the session index is built for in one go: a frame's worth, so keys are read in between. */
export const SLICE_MS = 8;

/** A deadline `ms` from now, as the index builder asks it. */
export function deadlineIn(ms: number): () => boolean {
	const end = performance.now() + ms;
	return () => performance.now() >= end;
}

/** A post's sections as the sidebar lists them: the introduction (when there is one), then the topics. */
export function sectionsOf(post: Post): Array<{name: string; line: number}> {
	const {intro, topics} = post.loadBody();
	return [...(intro ? [intro] : []), ...topics];
}

/**
 * Rendered documents by post, then width. Keyed by the post itself, not its index: a reload keeps
 * the unchanged posts (the same objects) and their documents, while a changed post is a new object.
 */
export type DocCache = WeakMap<Post, Map<number, RenderedDoc>>;

/**
 * The documents the reducer reads: each post rendered once per pane width and kept (a few widths
 * at most), so scrolling never re-renders and a resize renders once. `docs` is shared by the envs
 * of one run, so an env built after a reload renders only what changed.
 */
export function createReaderEnv(
	library: Pick<Library, 'posts' | 'warnings'>,
	render: (post: Post, options: RenderOptions) => RenderedDoc,
	style: {color: boolean; hyperlinks: boolean},
	storedWatched: (key: string) => boolean | undefined = () => undefined,
	docs: DocCache = new WeakMap(),
): ReaderEnv {
	const {posts} = library;
	// The session index needs every post's sessions parsed: built between frames once the search
	// panel opens (use-session-index.ts); until it is whole, searches find nothing.
	let builder: SessionIndexBuilder | undefined;
	const sessionIndex = () => (builder ??= createIndexBuilder(posts));
	let lastSearch = '';
	let lastHits: SessionHit[] = [];
	const topicCache = new WeakMap<RenderedDoc, number[]>();
	// The last filter's posts: the reducer asks for them on every key in the list.
	let lastFilter: {key: string; shown: ShownPosts | null} | undefined;
	const shown = (filter: SidebarFilter | undefined): ShownPosts | null => {
		if (!filter || !isFiltering(filter)) return null;
		const key = `${filter.isTalksOnly ? 1 : 0}${filter.query}`;
		if (lastFilter?.key !== key)
			lastFilter = {
				key,
				shown: shownOf(
					filterPosts(posts, filter, (index) => posts[index]!.loadBody().sessions.length > 0),
					posts.length,
				),
			};
		return lastFilter.shown;
	};
	let fit: number | undefined;
	return {
		postCount: posts.length,
		doc(postIndex, width) {
			const post = posts[postIndex];
			if (!post) return {width, color: style.color, lines: [], blocks: []};
			let widths = docs.get(post);
			if (!widths) docs.set(post, (widths = new Map()));
			let doc = widths.get(width);
			if (!doc) {
				doc = render(post, {width, ...style});
				widths.set(width, doc);
				// Widths pile up while a window is dragged: keep the newest few.
				if (widths.size > 4) widths.delete(widths.keys().next().value!);
			}
			return doc;
		},
		topicLines(postIndex, doc) {
			let lines = topicCache.get(doc);
			if (!lines) {
				const post = posts[postIndex];
				lines = post
					? sectionsOf(post).map((section) => (section.line <= 1 ? 0 : lineForSource(doc, section.line)))
					: [];
				topicCache.set(doc, lines);
			}
			return lines;
		},
		searchResults(panel) {
			// A slice of the build here too: a library of a few hundred posts is whole at the first search.
			const building = sessionIndex();
			if (!building.isDone) building.step(deadlineIn(SLICE_MS));
			const index = building.index();
			if (!index) return [];
			const key = JSON.stringify([panel.query, panel.missedOnly, panel.day]);
			if (key !== lastSearch) {
				lastHits = groupByPost(
					index.search(panel.query, {
						...(panel.missedOnly ? {missedOnly: true} : {}),
						...(panel.day === null ? {} : {day: panel.day}),
					}),
				);
				lastSearch = key;
			}
			return lastHits;
		},
		textSearch: (query, openPost, narrowFrom) => searchText(posts, query, openPost, narrowFrom),
		get days() {
			return sessionIndex().days();
		},
		get sessionIndex() {
			return sessionIndex();
		},
		storedWatched: (session) => storedWatched(sessionKey(session)),
		overlayLength: (mode, width) =>
			mode === 'help' ? helpLines(width).length : warningLines(library.warnings, width).length,
		sectionNames: (postIndex) => (posts[postIndex] ? sectionsOf(posts[postIndex]).map((section) => section.name) : []),
		postId: (postIndex) => posts[postIndex]?.id ?? '',
		topics: (postIndex) => posts[postIndex]?.loadBody().topics ?? [],
		now: () => Date.now(),
		postIndexOf(postId) {
			return posts.findIndex((post) => post.id === postId);
		},
		sidebarRows: (openPost, filter) =>
			sidebarRows(
				posts.length,
				openPost,
				posts[openPost] ? sectionsOf(posts[openPost]).length : 0,
				shown(filter) ?? undefined,
			),
		shownPosts: (filter) => shown(filter)?.posts ?? null,
		get sidebarFit() {
			fit ??= sidebarFitOf(posts);
			return fit;
		},
	};
}
