import type {Post} from '../posts/types.js';
import {lineForSource} from '../render/locate.js';
import type {RenderedDoc, RenderOptions} from '../render/types.js';
import type {ReaderEnv, SidebarRow} from '../state/reader-reducer.js';

/** A post's sections as the sidebar lists them: the introduction (when there is one), then the topics. */
export function sectionsOf(post: Post): Array<{name: string; line: number}> {
	return [...(post.intro ? [post.intro] : []), ...post.topics];
}

/**
 * The documents the reducer reads: each post rendered once per pane width and kept (a few widths
 * at most), so scrolling never re-renders and a resize renders once.
 */
export function createReaderEnv(posts: Post[], render: (post: Post, options: RenderOptions) => RenderedDoc, style: {color: boolean; hyperlinks: boolean}): ReaderEnv {
	const cache = new Map<string, RenderedDoc>();
	const topicCache = new WeakMap<RenderedDoc, number[]>();
	return {
		postCount: posts.length,
		doc(postIndex, width) {
			const key = `${postIndex}:${width}`;
			let doc = cache.get(key);
			if (!doc) {
				const post = posts[postIndex];
				doc = post ? render(post, {width, ...style}) : {width, color: style.color, lines: [], blocks: []};
				cache.set(key, doc);
				// Widths pile up while a window is dragged: keep the newest few.
				if (cache.size > 12) cache.delete(cache.keys().next().value!);
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
		sidebarRows(openPost) {
			const rows: SidebarRow[] = [];
			for (const [postIndex, post] of posts.entries()) {
				rows.push({kind: 'post', postIndex});
				if (postIndex === openPost) for (const topicIndex of sectionsOf(post).keys()) rows.push({kind: 'topic', postIndex, topicIndex});
			}
			return rows;
		},
	};
}
