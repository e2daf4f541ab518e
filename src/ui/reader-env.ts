import type {Library, Post} from '../posts/types.js';
import {lineForSource} from '../render/locate.js';
import type {RenderedDoc, RenderNeed, RenderOptions} from '../render/types.js';
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

/**
 * A post's sections as the sidebar lists them: the introduction (when there is one), then the
 * topics. `inPartThrough`: a long post's doc is drawn in part through that source line, and so are
 * its sections, those of its first blocks through that line at least (the rest come with the
 * whole doc).
 */
export function sectionsOf(post: Post, inPartThrough?: number): Array<{name: string; line: number}> {
	const body = post.loadBody();
	const first = inPartThrough === undefined ? null : body.firstSections?.(inPartThrough);
	if (first) return first;
	const {intro, topics} = body;
	return [...(intro ? [intro] : []), ...topics];
}

/**
 * Rendered documents by post, then width. Keyed by the post itself, not its index: a reload keeps
 * the unchanged posts (the same objects) and their documents, while a changed post is a new object.
 */
export type DocCache = WeakMap<Post, Map<number, RenderedDoc>>;

/**
 * A post this long (characters of markdown) or longer has its first frame drawn before it is
 * rendered whole; `KUBECON_NOTES_RENDER_WHOLE=1` renders every post whole first (docs/upgrading.md).
 */
export const RENDER_IN_PART_FROM =
	process.env['KUBECON_NOTES_RENDER_WHOLE'] === '1' ? Number.POSITIVE_INFINITY : 48 * 1024;

/**
 * The first frame of a long post, drawn before the post is rendered whole (progressive.ts in the
 * docs: docs/architecture.md). Between `firstFrame` and `endFirstFrame` a long post's doc is its
 * first rows only; after it, any doc asked for is whole (rendered there and then if need be), and
 * `finishDocs` renders what is left, once the frame is on screen.
 */
export type FirstFrameDocs = {
	/** From now until `endFirstFrame`, long posts are rendered as far as `need` asks (at `postIndex`: its own). */
	firstFrame(need: RenderNeed & {postIndex?: number}): void;
	/** Every doc asked for from now on is whole. */
	endFirstFrame(): void;
	/** Renders the rest of the docs drawn in part; true when there was any. */
	finishDocs(): boolean;
};

/**
 * The documents the reducer reads: each post rendered once per pane width and kept (a few widths
 * at most), so scrolling never re-renders and a resize renders once. `docs` is shared by the envs
 * of one run, so an env built after a reload renders only what changed. A long post's first frame
 * may be drawn from its first rows (`FirstFrameDocs`); nothing but that frame ever sees them.
 */
export function createReaderEnv(
	library: Pick<Library, 'posts' | 'warnings'>,
	render: (post: Post, options: RenderOptions, until?: RenderNeed) => RenderedDoc,
	style: {color: boolean; hyperlinks: boolean},
	storedWatched: (key: string) => boolean | undefined = () => undefined,
	docs: DocCache = new WeakMap(),
): ReaderEnv & FirstFrameDocs {
	const {posts} = library;
	// Docs rendered in part for the first frame, by post and width; whole ones go to `docs`.
	const partials = new Map<Post, Map<number, RenderedDoc>>();
	let firstFrameNeed: (RenderNeed & {postIndex?: number}) | null = null;
	/**
	 * The source lines the docs of this post drawn in part reach (undefined: none is): its sections
	 * are then those of its first blocks through that line, the same for every caller.
	 */
	const inPart = (post: Post): number | undefined => {
		let through: number | undefined;
		for (const doc of partials.get(post)?.values() ?? [])
			if (doc.partial) through = Math.max(through ?? 0, doc.partial.renderedSourceLines);
		return through;
	};
	const keep = (post: Post, width: number, doc: RenderedDoc) => {
		let widths = docs.get(post);
		if (!widths) docs.set(post, (widths = new Map()));
		widths.set(width, doc);
		// Widths pile up while a window is dragged: keep the newest few.
		if (widths.size > 4) widths.delete(widths.keys().next().value!);
		return doc;
	};
	const partialDoc = (postIndex: number, post: Post, width: number): RenderedDoc | undefined => {
		const need = firstFrameNeed;
		const kept = partials.get(post)?.get(width);
		if (!need) {
			if (!kept) return undefined;
			partials.get(post)!.delete(width);
			return keep(post, width, kept.partial ? kept.partial.whole() : kept);
		}
		if (!kept && post.loadBody().body.length < RENDER_IN_PART_FROM) return undefined;
		const own: RenderNeed =
			need.postIndex === postIndex && need.throughSourceLine !== undefined
				? {rows: need.rows, throughSourceLine: need.throughSourceLine}
				: {rows: need.rows};
		const doc = kept?.partial ? kept.partial.more(own) : render(post, {width, ...style}, own);
		if (!doc.partial) {
			partials.get(post)?.delete(width);
			return keep(post, width, doc);
		}
		let widths = partials.get(post);
		if (!widths) partials.set(post, (widths = new Map()));
		widths.set(width, doc);
		return doc;
	};
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
			return (
				docs.get(post)?.get(width) ??
				partialDoc(postIndex, post, width) ??
				keep(post, width, render(post, {width, ...style}))
			);
		},
		firstFrame(need) {
			firstFrameNeed = need;
		},
		endFirstFrame() {
			firstFrameNeed = null;
		},
		finishDocs() {
			firstFrameNeed = null;
			let isAny = false;
			for (const [post, widths] of partials)
				for (const [width, doc] of widths) {
					isAny = true;
					keep(post, width, doc.partial ? doc.partial.whole() : doc);
				}
			partials.clear();
			return isAny;
		},
		topicLines(postIndex, doc) {
			let lines = topicCache.get(doc);
			if (!lines) {
				const post = posts[postIndex];
				// In a doc rendered in part, a topic past its rows is below any screen of it.
				const rendered = doc.partial ? (doc.blocks.at(-1)?.sourceLine ?? 0) : Number.POSITIVE_INFINITY;
				lines = post
					? sectionsOf(post, doc.partial ? (inPart(post) ?? doc.partial.renderedSourceLines) : undefined).map(
							(section) =>
								section.line <= 1
									? 0
									: section.line > rendered
										? Number.MAX_SAFE_INTEGER
										: lineForSource(doc, section.line),
						)
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
		sectionNames: (postIndex) =>
			posts[postIndex] ? sectionsOf(posts[postIndex], inPart(posts[postIndex])).map((section) => section.name) : [],
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
				posts[openPost] ? sectionsOf(posts[openPost], inPart(posts[openPost])).length : 0,
				shown(filter) ?? undefined,
			),
		shownPosts: (filter) => shown(filter)?.posts ?? null,
		get sidebarFit() {
			fit ??= sidebarFitOf(posts);
			return fit;
		},
	};
}
