import {captureAnchor, restoreAnchor} from '../reading-anchor.js';
import {currentDoc, layoutOf, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {addRange, sectionsSeen, type SeenRows} from './seen-rows.js';
import {maxJumpTop, percentRead, spyTopic} from './viewport.js';

/** The topic being read: one chosen by a jump, else the scroll-spy's. */
export function currentTopic(state: ReaderState, env: ReaderEnv): number {
	const doc = currentDoc(state, env);
	const lines = env.topicLines(state.postIndex, doc);
	return state.chosenTopic ?? spyTopic(lines, state.top, doc.lines.length, layoutOf(state).paneHeight);
}

/**
 * The rows seen of the open post, with those on screen now: what was seen since the post was
 * opened at this width, else only the screen as it is; and the sections wholly seen, kept across
 * widths (a resize re-wraps the rows, not what was read).
 */
export function seenNow(state: ReaderState, env: ReaderEnv): SeenRows {
	const layout = layoutOf(state);
	const doc = currentDoc(state, env);
	const postId = env.postId(state.postIndex);
	const {seen} = state;
	const isSamePost = seen !== null && seen.postId === postId;
	const isSameRows = isSamePost && seen.width === layout.paneWidth && seen.lineCount === doc.lines.length;
	const ranges = addRange(isSameRows ? seen.ranges : [], state.top, state.top + layout.paneHeight);
	const names = env.sectionNames(state.postIndex);
	const wholly = sectionsSeen(ranges, env.topicLines(state.postIndex, doc), doc.lines.length)
		.map((index) => names[index])
		.filter((name): name is string => name !== undefined);
	return {
		postId,
		width: layout.paneWidth,
		lineCount: doc.lines.length,
		ranges,
		topics: [...new Set([...(isSamePost ? seen.topics : []), ...wholly])],
	};
}

/**
 * After the reader moved in the open post: its place, read topics and `done` are updated in the
 * state (the save effect writes them). A topic is read once all of its section has been on screen
 * (reading a post through with Space reads every topic); the screen before the move counts as
 * seen. Opening a post never comes here, so it never writes.
 */
export function recordMove(before: ReaderState, after: ReaderState, env: ReaderEnv): ReaderState {
	if (after.postIndex === before.postIndex && after.top === before.top && after.chosenTopic === before.chosenTopic)
		return after;
	const layout = layoutOf(after);
	if (layout.isTooSmall) return after;
	const postId = env.postId(after.postIndex);
	const doc = currentDoc(after, env);
	const topicIndex = currentTopic(after, env);
	const topic = env.sectionNames(after.postIndex)[topicIndex] ?? null;
	const previous = after.places[postId];
	const seen = seenNow({...after, seen: before.postIndex === after.postIndex ? seenNow(before, env) : after.seen}, env);
	const read = new Set([...(previous?.readTopics ?? []), ...seen.topics]);
	const isDone = percentRead(after.top, doc.lines.length, layout.paneHeight) === 100;
	const place = {
		anchor: captureAnchor(doc, after.top, topic, layout.paneHeight),
		readTopics: [...read],
		updatedAt: env.now(),
		done: isDone || previous?.done === true,
	};
	return {
		...after,
		seen,
		places: {...after.places, [postId]: place},
		lastMove: {postId, count: (after.lastMove?.count ?? 0) + 1},
	};
}

/** The top line a post opens at: its stored place, or its first line. */
export function storedTop(state: ReaderState, env: ReaderEnv, postIndex: number): number {
	const place = state.places[env.postId(postIndex)];
	if (!place) return 0;
	const layout = layoutOf(state);
	const doc = env.doc(postIndex, layout.paneWidth);
	const lines = env.topicLines(postIndex, doc);
	const named = env.sectionNames(postIndex).map((name, index) => ({name, line: lines[index] ?? 0}));
	// Never fail to open over a stale place: restoreAnchor falls back, and never throws.
	const top = restoreAnchor(doc, place.anchor, named, layout.paneHeight);
	// A topic chosen near the end was left at the top, past the last page: it opens so again.
	const heading = named.find((topic) => topic.name === place.anchor.topic)?.line;
	const isChosenHeading =
		place.anchor.progress >= 1 && place.anchor.blockFraction === 0 && heading !== undefined && heading > top;
	return isChosenHeading ? Math.min(heading, maxJumpTop(doc.lines.length)) : top;
}
