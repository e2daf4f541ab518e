import {captureAnchor, restoreAnchor} from '../reading-anchor.js';
import {currentDoc, layoutOf, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {maxJumpTop, percentRead, spyTopic} from './viewport.js';

/** The topic being read: one chosen by a jump, else the scroll-spy's. */
export function currentTopic(state: ReaderState, env: ReaderEnv): number {
	const doc = currentDoc(state, env);
	const lines = env.topicLines(state.postIndex, doc);
	return state.chosenTopic ?? spyTopic(lines, state.top, doc.lines.length, layoutOf(state).paneHeight);
}

/**
 * After the reader moved in the open post: its place, read topics and `done` are updated in the
 * state (the save effect writes them). Opening a post never comes here, so it never writes.
 */
export function recordMove(before: ReaderState, after: ReaderState, env: ReaderEnv): ReaderState {
	if (after.postIndex === before.postIndex && after.top === before.top && after.chosenTopic === before.chosenTopic) return after;
	const layout = layoutOf(after);
	if (layout.isTooSmall) return after;
	const postId = env.postId(after.postIndex);
	const doc = currentDoc(after, env);
	const topicIndex = currentTopic(after, env);
	const topic = env.sectionNames(after.postIndex)[topicIndex] ?? null;
	const previous = after.places[postId];
	const read = new Set(previous?.readTopics ?? []);
	if (topic) read.add(topic);
	const isDone = percentRead(after.top, doc.lines.length, layout.paneHeight) === 100;
	const place = {
		anchor: captureAnchor(doc, after.top, topic, layout.paneHeight),
		readTopics: [...read],
		updatedAt: env.now(),
		done: isDone || previous?.done === true,
	};
	return {...after, places: {...after.places, [postId]: place}, lastMove: {postId, count: (after.lastMove?.count ?? 0) + 1}};
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
	const heading = named.find(topic => topic.name === place.anchor.topic)?.line;
	const isChosenHeading = place.anchor.progress >= 1 && place.anchor.blockFraction === 0 && heading !== undefined && heading > top;
	return isChosenHeading ? Math.min(heading, maxJumpTop(doc.lines.length)) : top;
}
