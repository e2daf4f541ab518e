import {estimatedPercent, partialPositionText} from '../render/partial.js';
import type {RenderedDoc} from '../render/types.js';
import type {Layout} from './layout.js';
import type {FindInput} from './find/find.js';
import {currentDoc, layoutOf, type ReaderEnv, type ReaderState, type SidebarRows} from './reader-state.js';
import {cursorNames, filterLineText, postCountText, sidebarOffset} from './sidebar/sidebar.js';
import {currentRow} from './sidebar/sidebar-rows.js';
import {currentTopic, seenNow} from './viewport/places.js';
import {percentRead} from './viewport/viewport.js';
import {hasSidebarFilterRow, rowsOf, sidebarListHeight} from './widget-inputs.js';

/** What the view needs, computed once per frame from the state: the components only draw it. */
export type ReaderView = {
	layout: Layout;
	doc: RenderedDoc;
	/** Index of the topic being read among the open post's sections, -1 before the first. */
	topic: number;
	rows: SidebarRows;
	/** The sidebar's first row: its own while it has the focus, else following the topic read. */
	sidebarOffset: number;
	/** The line above the list while a filter is typed or kept: `/ tag:kube▏ · talks only` and `3/60`; else null. */
	sidebarFilter: {text: string; count: string} | null;
	/** Whether keys go to the list: its pane is marked. */
	isSidebarFocused: boolean;
	/** A post's percentage, `done`, or '' when not opened yet (null when places are not kept): asked for the rows drawn only. */
	progress: (postIndex: number) => string | null;
	/** Topic names of the open post already read. */
	readTopics: ReadonlySet<string>;
	/** The list shown in the text's place (narrow terminals, after t or Tab). */
	isListInPlace: boolean;
	/** What the pane right of the sidebar shows: the wheel there scrolls that, never the text under it. */
	pane: PaneContent;
	statusLeft: string;
	/** The status line's parts, so it can cut the post title before the topic. */
	status: {title: string; topic: string; message: string | null};
	/** The find line while it is typed: the view draws its prompt (a kept query selected) in the status line. */
	findInput: FindInput | null;
	statusRight: string;
	/** Which key layer the status line's hint is taken from. */
	hintLayer: 'reader' | 'find' | 'sidebar' | 'filter';
};

/** What fills the pane right of the sidebar: an overlay for the mode, the list put in place, or the text. */
export type PaneContent = 'text' | 'list' | 'help' | 'warnings' | 'search';

/** Whether the list shows in the text's place (narrow terminals, after t or Tab). */
export function isListShownInPlace(state: ReaderState): boolean {
	return state.isListInPlace && layoutOf(state).sidebarWidth === 0;
}

/** The pane's content for a state: overlays first, then the list in the text's place, then the text. */
export function paneContent(state: ReaderState, isListInPlace: boolean): PaneContent {
	if (state.mode.kind === 'help' || state.mode.kind === 'warnings' || state.mode.kind === 'search')
		return state.mode.kind;
	return isListInPlace ? 'list' : 'text';
}

/** The view-model: status line, current topic and progress, from the state alone. */
export function selectView(
	state: ReaderState,
	env: ReaderEnv,
	options: {keepsPlaces: boolean; title: (postIndex: number) => string; warningCount: number},
): ReaderView {
	const layout = layoutOf(state);
	const doc = currentDoc(state, env);
	const topic = currentTopic(state, env);
	const rows = rowsOf(state, env);
	// A long post's first frame may come before its rows are all rendered: its length is not known yet.
	const percent = doc.partial
		? estimatedPercent(doc, state.top)
		: percentRead(state.top, doc.lines.length, layout.paneHeight);
	const progress = (postIndex: number) => {
		if (!options.keepsPlaces || postIndex < 0 || postIndex >= env.postCount) return null;
		if (postIndex === state.postIndex) return percent === 100 ? 'done' : `${percent}%`;
		const place = state.places[env.postId(postIndex)];
		if (!place) return '';
		return place.done ? 'done' : `${Math.round(place.anchor.progress * 100)}%`;
	};
	const openId = env.postId(state.postIndex);
	// Read: as stored, and what has been wholly on screen since (stored with the next move).
	const readTopics = new Set([...(state.places[openId]?.readTopics ?? []), ...seenNow(state, env).topics]);
	const isSidebarFocused = state.focus === 'sidebar' && (layout.sidebarWidth > 0 || state.isListInPlace);
	const sidebarOffset = sidebarOffsetOf(state, rows, topic);
	// While the list has the focus, the status line names the post under its cursor, whole.
	const cursor = cursorNames(isSidebarFocused ? rows.at(state.sidebar.cursor) : undefined);
	const named = cursor.postIndex ?? state.postIndex;
	const title = options.title(named);
	// A post without sections has one named like itself: `Title › Title` would say nothing more.
	const topicName = cursor.postIndex === null ? env.sectionNames(state.postIndex)[cursor.topicIndex ?? topic] : title;
	const where = [title, topicName === title ? '' : topicName].filter(Boolean).join(' › ');
	const sidebarFilter = hasSidebarFilterRow(state) ? filterText(state, env) : null;
	const warnings =
		options.warningCount > 0 ? `${options.warningCount} warning${options.warningCount === 1 ? '' : 's'} (W) · ` : '';
	const position = doc.partial
		? partialPositionText(state.top, layout.paneHeight, doc, percent)
		: positionText(state.top, layout.paneHeight, doc.lines.length, percent);
	const isFind = state.mode.kind === 'find';
	const hintLayer = isFind
		? 'find'
		: state.mode.kind === 'filter'
			? 'filter'
			: isSidebarFocused && state.mode.kind === 'reader'
				? 'sidebar'
				: 'reader';
	const isListInPlace = isListShownInPlace(state);
	return {
		layout,
		doc,
		topic,
		rows,
		sidebarOffset,
		sidebarFilter,
		isSidebarFocused,
		progress,
		readTopics,
		isListInPlace,
		pane: paneContent(state, isListInPlace),
		statusLeft: state.mode.kind === 'find' ? `Find: ${state.mode.input}▏` : (state.message ?? where),
		status: {
			title,
			topic: topicName === title ? '' : (topicName ?? ''),
			message: state.mode.kind === 'find' ? `Find: ${state.mode.input}▏` : state.message,
		},
		findInput: state.mode.kind === 'find' ? {input: state.mode.input, isKept: state.mode.isKept} : null,
		statusRight: isFind ? '' : `${warnings}${position}`,
		hintLayer,
	};
}

/** The filter's line: what is typed (with the cursor while typing) and talks-only; the count apart. */
function filterText(state: ReaderState, env: ReaderEnv): {text: string; count: string} {
	return {
		text: filterLineText(state.sidebar.filter, state.mode.kind === 'filter'),
		count: postCountText(env.shownPosts(state.sidebar.filter), env.postCount),
	};
}

/** The sidebar's first row shown: its own while it has the focus, else following the topic read. */
export function sidebarOffsetOf(state: ReaderState, rows: SidebarRows, topic: number): number {
	return sidebarOffset(state.sidebar, rows, {
		isFocused: state.focus === 'sidebar',
		current: currentRow(state.postIndex, topic),
		height: sidebarListHeight(state),
	});
}

/** `68–101/101 100%`: the rows on screen (as less -M shows them), of how many, and how far read. */
export function positionText(top: number, height: number, lineCount: number, percent: number): string {
	if (lineCount === 0) return '0/0';
	const first = Math.min(lineCount, top + 1);
	const last = Math.min(lineCount, top + height);
	return `${first}–${last}/${lineCount} ${percent}%`;
}
