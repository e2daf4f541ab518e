import type {Library, Post} from '../posts/types.js';
import {lineForSource} from '../render/locate.js';
import type {RenderedDoc, RenderOptions} from '../render/types.js';
import {searchableSessions} from '../search/searchable.js';
import {createSessionIndex, sessionKey, type SessionHit, type SessionIndex} from '../search/session-index.js';
import {searchText} from '../search/text-search.js';
import type {ReaderEnv} from '../state/reader-state.js';
import {filterPosts, isFiltering, type SidebarFilter} from '../state/sidebar/post-filter.js';
import {sidebarRows, shownPosts as shownOf, type ShownPosts} from '../state/sidebar/sidebar-rows.js';
import {sidebarFitOf} from './sidebar-row.js';
import {groupByPost} from '../state/search/search-view.js';
import {helpLines, warningLines} from './overlay-lines.js';

/** A post's sections as the sidebar lists them: the introduction (when there is one), then the topics. */
export function sectionsOf(post: Post): Array<{name: string; line: number}> {
	return [...(post.intro ? [post.intro] : []), ...post.topics];
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
	// The session index is built on the first search: it needs every post's sessions parsed.
	let index: SessionIndex | undefined;
	let lastSearch = '';
	let lastHits: SessionHit[] = [];
	let days: number[] | undefined;
	const topicCache = new WeakMap<RenderedDoc, number[]>();
	// The last filter's posts: the reducer asks for them on every key in the list.
	let lastFilter: {key: string; shown: ShownPosts | null} | undefined;
	const shown = (filter: SidebarFilter | undefined): ShownPosts | null => {
		if (!filter || !isFiltering(filter)) return null;
		const key = `${filter.isTalksOnly ? 1 : 0}${filter.query}`;
		if (lastFilter?.key !== key) lastFilter = {key, shown: shownOf(filterPosts(posts, filter, index => posts[index]!.sessions.length > 0), posts.length)};
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
				lines = post ? sectionsOf(post).map(section => (section.line <= 1 ? 0 : lineForSource(doc, section.line))) : [];
				topicCache.set(doc, lines);
			}
			return lines;
		},
		searchResults(panel) {
			const key = JSON.stringify([panel.query, panel.missedOnly, panel.day]);
			if (key !== lastSearch || !index) {
				index ??= createSessionIndex(searchableSessions(posts));
				lastHits = groupByPost(index.search(panel.query, {...(panel.missedOnly ? {missedOnly: true} : {}), ...(panel.day === null ? {} : {day: panel.day})}));
				lastSearch = key;
			}
			return lastHits;
		},
		textSearch: (query, openPost, narrowFrom) => searchText(posts, query, openPost, narrowFrom),
		get days() {
			days ??= [...new Set(posts.flatMap(post => post.sessions.map(session => session.dayNumber)).filter((day): day is number => day !== null))].sort((a, b) => a - b);
			return days;
		},
		storedWatched: session => storedWatched(sessionKey(session)),
		overlayLength: (mode, width) => (mode === 'help' ? helpLines(width).length : warningLines(library.warnings, width).length),
		sectionNames: postIndex => (posts[postIndex] ? sectionsOf(posts[postIndex]).map(section => section.name) : []),
		postId: postIndex => posts[postIndex]?.id ?? '',
		topics: postIndex => posts[postIndex]?.topics ?? [],
		now: () => Date.now(),
		postIndexOf(postId) {
			return posts.findIndex(post => post.id === postId);
		},
		sidebarRows: (openPost, filter) => sidebarRows(posts.length, openPost, posts[openPost] ? sectionsOf(posts[openPost]).length : 0, shown(filter) ?? undefined),
		shownPosts: filter => shown(filter)?.posts ?? null,
		get sidebarFit() {
			fit ??= sidebarFitOf(posts);
			return fit;
		},
	};
}
