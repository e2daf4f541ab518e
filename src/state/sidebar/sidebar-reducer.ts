import {layoutOf, type ReaderEnv, type ReaderState, type SidebarRow} from '../reader-state.js';
import {currentTopic} from '../viewport/places.js';
import {followCursor} from '../viewport/viewport.js';
import {currentRow} from './sidebar-rows.js';
import {jumpTo, openPost, resize} from '../viewport/viewport-reducer.js';

/** The sidebar's own state: the cursor row and the first row shown while it has the focus. */
export type SidebarState = {cursor: number; offset: number};

export type SidebarAction = {type: 'toggleSidebar'} | {type: 'switchFocus'} | {type: 'sidebarMove'; delta: number} | {type: 'sidebarOpen'};

export function sidebarReducer(state: ReaderState, action: SidebarAction, env: ReaderEnv): ReaderState {
	const layout = layoutOf(state);
	switch (action.type) {
		case 'toggleSidebar': {
			// Too narrow for the sidebar beside the text: it shows in place of the text instead.
			if (!layout.hasRoomForSidebar) return toggleListInPlace(state, env);
			// The text re-wraps at its new width and keeps the same words at the top.
			const next = resize({...state, isSidebarWanted: !state.isSidebarWanted}, env, state.width, state.height);
			return {...next, focus: next.isSidebarWanted ? next.focus : 'reader'};
		}
		case 'switchFocus': {
			if (!layout.hasRoomForSidebar) return toggleListInPlace(state, env);
			if (layout.sidebarWidth === 0) return {...state, focus: 'reader', message: 'The sidebar is hidden (t shows it)'};
			return state.focus === 'reader' ? withCursorOnCurrent({...state, focus: 'sidebar'}, env) : {...state, focus: 'reader'};
		}
		case 'sidebarMove': {
			const rows = env.sidebarRows(state.postIndex);
			const cursor = Math.max(0, Math.min(rows.length - 1, state.sidebar.cursor + action.delta));
			return {...state, sidebar: {cursor, offset: followCursor(cursor, state.sidebar.offset, layout.paneHeight)}};
		}
		case 'sidebarOpen': {
			const row = env.sidebarRows(state.postIndex).at(state.sidebar.cursor);
			if (!row) return state;
			const next = row.kind === 'post' ? openPost(state, env, row.postIndex) : jumpTo(state, env, row.postIndex, row.topicIndex);
			// A topic chosen goes back to the text; a post opened keeps the list (its topics to pick).
			const isTopic = row.kind === 'topic';
			return withCursorOnCurrent({...next, focus: isTopic ? 'reader' : 'sidebar', isListInPlace: isTopic ? false : next.isListInPlace}, env, row);
		}
	}
}

/** Narrow terminals: t and Tab put the list in the text's place, and take it away again. */
function toggleListInPlace(state: ReaderState, env: ReaderEnv): ReaderState {
	if (state.isListInPlace) return {...state, isListInPlace: false, focus: 'reader'};
	return withCursorOnCurrent({...state, isListInPlace: true, focus: 'sidebar', message: null}, env);
}

/** Puts the sidebar cursor on the open post's current topic (or on `row` when given). */
export function withCursorOnCurrent(state: ReaderState, env: ReaderEnv, row?: SidebarRow): ReaderState {
	const rows = env.sidebarRows(state.postIndex);
	const topic = currentTopic(state, env);
	const index = rows.indexOf(row ?? currentRow(state.postIndex, topic));
	const cursor = Math.max(0, index);
	return {...state, sidebar: {cursor, offset: followCursor(cursor, state.sidebar.offset, layoutOf(state).paneHeight)}};
}
