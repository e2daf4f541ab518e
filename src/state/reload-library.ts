/**
 * The reader after its library changed under it (live reload, or the editor closed): the open
 * post and the sidebar cursor are found again by post id, not index (posts are sorted newest
 * first, so an added post moves every index), and the open post keeps the same text at the top.
 * Pure: the documents before and after come from the two envs.
 */
import {sanitizeText} from '../posts/sanitize.js';
import {layoutOf, withSidebarFit, type ReaderEnv, type ReaderState} from './reader-state.js';
import {placeAfterReload} from './reload-place.js';
import {followCursor} from './sidebar/sidebar.js';
import {isSameRowOfPost} from './sidebar/sidebar-rows.js';
import {maxJumpTop} from './viewport/viewport.js';
import {sidebarListHeight} from './widget-inputs.js';

/** What a reload tells the reader: the env over the new library, and which post ids moved. */
export type LibraryReloaded = {
	type: 'libraryReloaded';
	/** The env over the library as it was: the open post's old document is read from it. */
	before: ReaderEnv;
	changed: readonly string[];
	removed: readonly string[];
	/** One line for the status line (the batch's first warning), or null. */
	message: string | null;
};

/** Applies a reload: `after` is the env over the new library (the one the reducer now runs with). */
export function reloadLibrary(state: ReaderState, action: LibraryReloaded, after: ReaderEnv): ReaderState {
	const {before} = action;
	const openId = before.postId(state.postIndex);
	const layout = layoutOf(state);
	let postIndex = after.postIndexOf(openId);
	let {top, find, flashLine, chosenTopic} = state;
	let message = action.message;
	if (postIndex === -1) {
		// The open post is gone: show its neighbour, from its top.
		postIndex = Math.max(0, Math.min(state.postIndex, after.postCount - 1));
		top = 0;
		find = null;
		flashLine = null;
		chosenTopic = null;
		// The id is a file name: hostile text like any other from the posts.
		message ??= sanitizeText(`${openId} was removed`);
	} else if (action.changed.includes(openId) && !layout.isTooSmall) {
		const oldDoc = before.doc(state.postIndex, state.topWidth);
		const newDoc = after.doc(postIndex, layout.paneWidth);
		const place = placeAfterReload(
			{post: {topics: before.topics(state.postIndex)}, doc: oldDoc},
			state.top,
			{post: {topics: after.topics(postIndex)}, doc: newDoc},
			layout.paneHeight,
		);
		top = Math.max(0, Math.min(place.topLine, maxJumpTop(newDoc.lines.length)));
		// Matches and the flashed line were counted in the old lines.
		find = null;
		flashLine = null;
	}
	const oldRow = before.sidebarRows(state.postIndex, state.sidebar.filter).at(state.sidebar.cursor);
	const rows = after.sidebarRows(postIndex, state.sidebar.filter);
	const rowId = oldRow ? before.postId(oldRow.postIndex) : openId;
	let cursor = rows.findIndex(
		(row) => after.postId(row.postIndex) === rowId && oldRow !== undefined && isSameRowOfPost(row, oldRow),
	);
	if (cursor === -1)
		cursor = Math.max(
			0,
			rows.findIndex((row) => after.postId(row.postIndex) === rowId),
		);
	cursor = Math.min(cursor, Math.max(0, rows.length - 1));
	// Lines of text found before are of the old posts: the search runs again.
	const mode =
		state.mode.kind === 'search' ? {kind: 'search' as const, panel: {...state.mode.panel, text: null}} : state.mode;
	return withSidebarFit(
		{
			...state,
			mode,
			keptSearch: {...state.keptSearch, text: null},
			sidebarFit: null,
			postIndex,
			top,
			topWidth: layout.isTooSmall ? state.topWidth : layout.paneWidth,
			find,
			flashLine,
			chosenTopic,
			message: message ?? state.message,
			sidebar: {...state.sidebar, cursor, offset: followCursor(cursor, state.sidebar.offset, sidebarListHeight(state))},
		},
		after,
	);
}
