import {captureAnchor, restoreAnchor} from '../reading-anchor.js';
import {currentDoc, layoutOf, withSidebarFit, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {recordMove, seenNow, storedTop} from './places.js';
import {clampScroll, clampTop, maxJumpTop, maxTop, nextTopicLine, previousTopicLine} from './viewport.js';

/** Moving through the text of the open post, and between posts. */
export type ViewportAction =
	| {type: 'scroll'; lines: number}
	| {type: 'page'; pages: number}
	| {type: 'top'}
	| {type: 'bottom'}
	| {type: 'topic'; direction: 1 | -1}
	| {type: 'post'; direction: 1 | -1}
	| {type: 'openPost'; postIndex: number}
	| {type: 'jumpToTopic'; postIndex: number; topicIndex: number}
	| {type: 'resize'; width: number; height: number};

/** Scrolls the open post to `top` (clamped to the last page, or kept past it) as a move of the reader. */
export function scrollTo(
	state: ReaderState,
	env: ReaderEnv,
	top: number,
	extra: Partial<ReaderState> = {},
): ReaderState {
	const doc = currentDoc(state, env);
	const next = {
		...state,
		top: clampScroll(top, state.top, doc.lines.length, layoutOf(state).paneHeight),
		chosenTopic: null,
		message: null,
		...extra,
	};
	return recordMove(state, next, env);
}

export function viewportReducer(state: ReaderState, action: ViewportAction, env: ReaderEnv): ReaderState {
	const height = layoutOf(state).paneHeight;
	switch (action.type) {
		case 'scroll': {
			return scrollTo(state, env, state.top + action.lines);
		}
		case 'page': {
			// A page keeps one line of context, as less does.
			return scrollTo(
				state,
				env,
				state.top + action.pages * Math.max(1, height - (Math.abs(action.pages) >= 1 ? 1 : 0)),
			);
		}
		case 'top': {
			return scrollTo(state, env, 0);
		}
		case 'bottom': {
			return scrollTo(state, env, maxTop(currentDoc(state, env).lines.length, height));
		}
		case 'topic': {
			const lines = env.topicLines(state.postIndex, currentDoc(state, env));
			const current = state.chosenTopic === null ? state.top : (lines[state.chosenTopic] ?? state.top);
			const target = action.direction > 0 ? nextTopicLine(lines, current) : previousTopicLine(lines, current);
			if (target === null) return {...state, message: action.direction > 0 ? 'Last topic' : 'First topic'};
			return jumpTo(state, env, state.postIndex, lines.indexOf(target));
		}
		case 'post': {
			// n and p follow the sidebar's filter: the next post it keeps, in library order.
			const shown = env.shownPosts(state.sidebar.filter);
			const next = shown ? neighbour(shown, state.postIndex, action.direction) : state.postIndex + action.direction;
			const edge = action.direction > 0 ? 'Last post' : 'First post';
			if (next < 0 || next >= env.postCount) return {...state, message: shown ? `${edge} of the filter` : edge};
			return openPost(state, env, next);
		}
		case 'openPost': {
			return openPost(state, env, action.postIndex);
		}
		case 'jumpToTopic': {
			return jumpTo(state, env, action.postIndex, action.topicIndex);
		}
		case 'resize': {
			return resize(state, env, action.width, action.height);
		}
	}
}

/** Opens a post at its own stored place: a look, not a move, so nothing is written. */
export function openPost(state: ReaderState, env: ReaderEnv, postIndex: number): ReaderState {
	if (postIndex === state.postIndex) return state;
	const layout = layoutOf(state);
	return {
		...state,
		postIndex,
		top: storedTop(state, env, postIndex),
		topWidth: layout.paneWidth,
		find: null,
		flashLine: null,
		chosenTopic: null,
		message: null,
	};
}

/**
 * A topic chosen (], [, the sidebar): its heading goes to the top, past the last page if need be,
 * and it is current and read even when the end of the post was already on screen.
 */
export function jumpTo(state: ReaderState, env: ReaderEnv, postIndex: number, topicIndex: number): ReaderState {
	const opened = openPost(state, env, postIndex);
	const doc = currentDoc(opened, env);
	const line = env.topicLines(postIndex, doc)[topicIndex] ?? 0;
	const top = Math.min(Math.max(0, line), maxJumpTop(doc.lines.length));
	return recordMove(opened, {...opened, top, chosenTopic: topicIndex, message: null}, env);
}

/** Opens a post at a line (a search hit) as a move: that line is then the post's place. */
export function jumpToLine(state: ReaderState, env: ReaderEnv, postIndex: number, line: number): ReaderState {
	const opened = openPost(state, env, postIndex);
	const doc = currentDoc(opened, env);
	return recordMove(
		opened,
		{...opened, top: clampTop(line, doc.lines.length, layoutOf(opened).paneHeight), chosenTopic: null, message: null},
		env,
	);
}

/**
 * A new size re-renders the post at the new pane width and keeps the same text at the top: the
 * block at the top and how far into it are carried over, not the line number. The sidebar yields:
 * too narrow for it, the text stays and the list leaves (t or Tab bring it in the text's place).
 */
export function resize(state: ReaderState, env: ReaderEnv, width: number, height: number): ReaderState {
	// What was read on screen so far stays read at the new width (the rows are counted anew).
	const seen = layoutOf(state).isTooSmall ? state.seen : seenNow(state, env);
	const next = withSidebarFit({...state, width, height, seen}, env);
	const layout = layoutOf(next);
	// Too small: nothing is shown, and the place stays counted at the width it was read at.
	if (layout.isTooSmall) return next;
	const oldDoc = env.doc(state.postIndex, state.topWidth);
	const newDoc = env.doc(state.postIndex, layout.paneWidth);
	const top =
		oldDoc === newDoc || state.top === 0
			? state.top
			: restoreAnchor(newDoc, captureAnchor(oldDoc, state.top, null, layout.paneHeight), undefined, layout.paneHeight);
	const isListInPlace = state.isListInPlace && !layout.hasRoomForSidebar;
	// The focus stays on the list only where it shows: beside the text, or put in its place by t/Tab.
	const isListShown = layout.sidebarWidth > 0 || isListInPlace;
	const focus = isListShown ? state.focus : 'reader';
	const limit =
		top > maxTop(newDoc.lines.length, layout.paneHeight) && state.chosenTopic !== null
			? maxJumpTop(newDoc.lines.length)
			: maxTop(newDoc.lines.length, layout.paneHeight);
	return {
		...next,
		focus,
		isListInPlace,
		top: Math.min(Math.max(0, top), limit),
		topWidth: layout.paneWidth,
		find: oldDoc === newDoc ? state.find : null,
	};
}

/** The post after (or before) `postIndex` among `shown` (ascending), which may not hold it; -1 past either end. */
function neighbour(shown: readonly number[], postIndex: number, direction: 1 | -1): number {
	let low = 0;
	let high = shown.length;
	// The first position whose post comes after `postIndex`.
	while (low < high) {
		const middle = (low + high) >> 1;
		if (shown[middle]! <= postIndex) low = middle + 1;
		else high = middle;
	}
	if (direction > 0) return shown[low] ?? -1;
	const before = shown[low - 1] === postIndex ? low - 2 : low - 1;
	return before >= 0 ? shown[before]! : -1;
}
