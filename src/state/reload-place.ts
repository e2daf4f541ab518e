/**
 * Where the reader stays when the open post is reloaded: the text that was at the top stays at the
 * top, found again by its source anchor (reading-anchor.ts), so an edit above the place (a line
 * inserted, a paragraph removed) does not move what is being read. Pure.
 */
import type {Topic} from '../posts/types.js';
import type {RenderedDoc} from '../render/types.js';
import {captureAnchor, renderedTopicLines, restoreAnchor, type ReadingAnchor} from './reading-anchor.js';

/** What the reader knows of a post at one width: its topics and its rendered doc. */
export type ShownPost = {post: {topics: readonly Topic[]}; doc: RenderedDoc};

/** The place in the reloaded post: the top line to scroll to, and the anchor it was found by. */
export type ReloadPlace = {topLine: number; anchor: ReadingAnchor};

/**
 * The top line in `after` that shows what `topLine` showed in `before`. `viewportHeight` is the
 * pane's height in rows (the last scroll position is clamped to it).
 */
export function placeAfterReload(
	before: ShownPost,
	topLine: number,
	after: ShownPost,
	viewportHeight: number,
): ReloadPlace {
	const oldTopics = renderedTopicLines(before.doc, before.post.topics);
	const topic = oldTopics.filter((candidate) => candidate.line <= topLine).at(-1)?.name ?? null;
	const anchor = captureAnchor(before.doc, topLine, topic, viewportHeight);
	const newTopics = renderedTopicLines(after.doc, after.post.topics);
	return {topLine: restoreAnchor(after.doc, anchor, newTopics, viewportHeight), anchor};
}
