import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {Library, Post} from './posts/types.js';
import type {RenderedDoc, RenderOptions} from './render/types.js';
import {captureAnchor, restoreAnchor} from './state/reading-anchor.js';
import {initialState, layoutOf, readerReducer, type ReaderAction, type ReaderEnv, type ReaderState} from './state/reader-reducer.js';
import type {DebouncedSaver, Store} from './state/store.js';
import {percentRead, topicAt} from './state/viewport.js';
import {EmptyLibrary} from './ui/components/empty-library.js';
import {HelpOverlay, TextOverlay} from './ui/components/help-overlay.js';
import {ReaderPane} from './ui/components/reader-pane.js';
import {SearchPanel} from './ui/components/search-panel.js';
import {Sidebar} from './ui/components/sidebar.js';
import {StatusLine} from './ui/components/status-line.js';
import {keyPresses} from './ui/key-name.js';
import {keyToAction} from './ui/key-dispatch.js';
import {warningLines} from './ui/overlay-lines.js';
import {createReaderEnv, sectionsOf} from './ui/reader-env.js';
import {uiTheme} from './ui/theme.js';

export type AppProps = {
	library: Library;
	renderPost: (post: Post, options: RenderOptions) => RenderedDoc;
	color: boolean;
	hyperlinks: boolean;
	width: number;
	height: number;
	/** Where reading positions and watched marks are kept; none in tests that do not need it. */
	store?: ReaderStore;
	/** Open the last post read at its position (else the newest post at its top). */
	resume?: boolean;
	/** Saves positions while scrolling; flushed by the caller on exit. */
	saver?: Pick<DebouncedSaver, 'save'>;
	/** A message for the status line at start (a store problem, say). */
	startMessage?: string | null;
	/** Opens or copies a session's link (the terminal side of `o` and `y`). */
	onLink?: (kind: 'open' | 'copy', url: string) => Promise<string | null>;
};

/** A key press, resolved inside the reducer against the current state. */
type KeyPress = {type: 'key'; name: string; input: string; isModified: boolean};

/** The reader: composition of sidebar, pane and status line over one reducer. */
export function App({library, renderPost, color, hyperlinks, width, height, onLink, store, resume = true, saver, startMessage = null}: AppProps) {
	const {exit} = useApp();
	const env = useMemo(
		() => createReaderEnv(library, renderPost, {color, hyperlinks}, key => store?.isWatched(key)),
		[library, renderPost, color, hyperlinks, store],
	);
	const [state, dispatch] = useReducer(
		(current: ReaderState, action: ReaderAction | KeyPress) => {
			if (action.type !== 'key') return readerReducer(current, action, env);
			const resolved = keyToAction(current, action.name, action.input, action.isModified);
			return resolved ? readerReducer(current, resolved, env) : current;
		},
		undefined,
		() => resumedState(library, env, width, height, resume ? store : undefined, startMessage),
	);
	const theme = uiTheme(color);

	useEffect(() => {
		if (width !== state.width || height !== state.height) dispatch({type: 'resize', width, height});
	}, [width, height, state.width, state.height]);

	// A jump marks its line for a moment, then the mark goes.
	const flashTimer = useRef<NodeJS.Timeout | undefined>(undefined);
	useEffect(() => {
		if (state.flashLine === null) return;
		clearTimeout(flashTimer.current);
		flashTimer.current = setTimeout(() => dispatch({type: 'clearFlash'}), 1200);
		return () => clearTimeout(flashTimer.current);
	}, [state.flashLine]);

	// A typed character is drawn at once with the results it replaces; the results for the new
	// query follow in the next frame, so however long a search takes, the echo never waits for it.
	const [settledQuery, setSettledQuery] = useState(state.search.query);
	useEffect(() => {
		if (settledQuery === state.search.query) return;
		const timer = setTimeout(() => setSettledQuery(state.search.query), 0);
		return () => clearTimeout(timer);
	}, [state.search.query, settledQuery]);

	useEffect(() => {
		if (state.isQuitting) exit();
	}, [state.isQuitting, exit]);

	// Reading position: saved (debounced) whenever the post or the top line changes.
	const readTopics = useRef(new Map<string, Set<string>>());
	const layoutNow = layoutOf(state);
	useEffect(() => {
		const post = library.posts[state.postIndex];
		if (!post || !store || layoutNow.isTooSmall) return;
		const doc = env.doc(state.postIndex, layoutNow.paneWidth);
		const sections = sectionsOf(post);
		const topicIndex = topicAt(env.topicLines(state.postIndex, doc), state.top);
		const topic = sections[topicIndex]?.name ?? null;
		let read = readTopics.current.get(post.id);
		if (!read) {
			read = new Set(store.getPosition(post.id)?.readTopics ?? []);
			readTopics.current.set(post.id, read);
		}
		if (topic) read.add(topic);
		const isDone = percentRead(state.top, doc.lines.length, layoutNow.paneHeight) === 100;
		const previous = store.getPosition(post.id);
		saver?.save(post.id, {
			anchor: captureAnchor(doc, state.top, topic, layoutNow.paneHeight),
			readTopics: [...read],
			updatedAt: Date.now(),
			done: isDone || previous?.done === true,
		});
		if (store.lastPostId() !== post.id) store.setLastPostId(post.id);
	}, [state.postIndex, state.top, layoutNow.paneWidth, layoutNow.paneHeight, layoutNow.isTooSmall, env, library, store, saver]);

	// Watched marks are kept at once: they are rare and deliberate.
	useEffect(() => {
		if (!store) return;
		for (const [key, isWatched] of Object.entries(state.watched)) if (store.isWatched(key) !== isWatched) store.setWatched(key, isWatched);
	}, [state.watched, store]);

	useEffect(() => {
		if (!state.effect || !onLink) return;
		void onLink(state.effect.kind, state.effect.url).then(message => {
			if (message) dispatch({type: 'message', text: message});
		});
	}, [state.effect, onLink]);

	useInput((input, key) => {
		for (const press of keyPresses(input, key)) dispatch({type: 'key', ...press});
	});

	const layout = layoutOf(state);
	if (layout.isTooSmall) {
		return <Text wrap="truncate">{`too small: ${width}x${height}, the reader needs 20x5`}</Text>;
	}
	if (library.posts.length === 0) {
		return <EmptyLibrary library={library} width={width} height={height} />;
	}
	const post = library.posts[state.postIndex]!;
	const doc = env.doc(state.postIndex, layout.paneWidth);
	const topicLines = env.topicLines(state.postIndex, doc);
	const currentTopic = topicAt(topicLines, state.top);
	const sections = sectionsOf(post);
	const rows = env.sidebarRows(state.postIndex);
	const sidebarOffset = state.focus === 'sidebar' ? state.sidebarOffset : spyOffset(rows, state.postIndex, currentTopic, layout.paneHeight);
	const percent = percentRead(state.top, doc.lines.length, layout.paneHeight);
	const position = `${Math.min(doc.lines.length, state.top + 1)}/${doc.lines.length} ${percent}%`;
	const livePercent = percent === 100 ? 'done' : `${percent}%`;
	// A post without sections has one named like itself: `Title › Title` would say nothing more.
	const topicName = sections[currentTopic]?.name;
	const where = [post.title, topicName === post.title ? '' : topicName].filter(Boolean).join(' › ');
	const warnings = library.warnings.length > 0 ? `${library.warnings.length} warning${library.warnings.length === 1 ? '' : 's'} (W) · ` : '';
	const sidebar = (sidebarWidth: number) => (
		<Sidebar
			posts={library.posts}
			rows={rows}
			width={sidebarWidth}
			height={layout.paneHeight}
			offset={sidebarOffset}
			cursor={state.focus === 'sidebar' ? state.sidebarCursor : -1}
			openPost={state.postIndex}
			currentTopic={currentTopic}
			progress={postIndex => (postIndex === state.postIndex ? (store ? livePercent : '') : progressLabel(store, library.posts[postIndex]!.id))}
			readTopics={readTopics.current.get(post.id) ?? new Set(store?.getPosition(post.id)?.readTopics ?? [])}
			theme={theme}
		/>
	);
	// Too narrow for the sidebar beside the text: with the focus on it, it takes the text's place.
	const isSidebarInPlace = layout.sidebarWidth === 0 && state.focus === 'sidebar';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="row" height={layout.paneHeight}>
				{layout.sidebarWidth > 0 && (
					<>
						{sidebar(layout.sidebarWidth)}
						<Box width={2} height={layout.paneHeight} flexDirection="column">
							<Text color={theme.rule} dimColor={!color}>
								{'│\n'.repeat(layout.paneHeight).trimEnd()}
							</Text>
						</Box>
					</>
				)}
				{state.mode === 'help' ? (
					<HelpOverlay width={layout.paneWidth} height={layout.paneHeight} top={state.overlayTop} />
				) : state.mode === 'warnings' ? (
					<TextOverlay
						title={library.warnings.length === 0 ? 'No warnings: every file loaded.' : `${library.warnings.length} file problem${library.warnings.length === 1 ? '' : 's'}  (Esc closes)`}
						lines={warningLines(library.warnings, layout.paneWidth)}
						width={layout.paneWidth}
						height={layout.paneHeight}
						top={state.overlayTop}
					/>
				) : state.mode === 'search' ? (
					<SearchPanel
						panel={state.search}
						hits={env.searchResults(settledQuery === state.search.query ? state.search : {...state.search, query: settledQuery})}
						posts={library.posts}
						watched={state.watched}
						storedWatched={env.storedWatched}
						width={layout.paneWidth}
						height={layout.paneHeight}
						theme={theme}
					/>
				) : isSidebarInPlace ? (
					sidebar(layout.paneWidth)
				) : (
					<ReaderPane lines={doc.lines} top={state.top} width={layout.paneWidth} height={layout.paneHeight} find={state.find} flashLine={state.flashLine} />
				)}
			</Box>
			{state.mode === 'find' ? (
				<StatusLine width={width} left={`Find: ${state.findInput}▏`} right="" hint="Enter find · Esc cancel" />
			) : (
				<StatusLine width={width} left={state.message ?? where} right={`${warnings}${position}`} hint={width >= 80 ? '? keys  q quit' : '?'} />
			)}
		</Box>
	);
}

/** How far a post was read, for the sidebar: unread, a percentage, or done. */
function progressLabel(store: ReaderStore | undefined, postId: string): string {
	if (!store) return '';
	const position = store.getPosition(postId);
	if (!position) return 'unread';
	if (position.done) return 'done';
	return `${Math.round(position.anchor.progress * 100)}%`;
}

/** The store as the reader uses it. */
export type ReaderStore = Pick<Store, 'getPosition' | 'lastPostId' | 'setLastPostId' | 'isWatched' | 'setWatched'>;

/** The first state: the last post read at its remembered place, or the newest post at its top. */
function resumedState(library: Library, env: ReaderEnv, width: number, height: number, store: ReaderStore | undefined, message: string | null): ReaderState {
	const fresh = {...initialState(width, height), message};
	const lastId = store?.lastPostId();
	const postIndex = lastId === undefined ? -1 : library.posts.findIndex(post => post.id === lastId);
	const position = postIndex === -1 ? undefined : store?.getPosition(lastId!);
	if (!position) return fresh;
	const layout = layoutOf(fresh);
	if (layout.isTooSmall) return {...fresh, postIndex};
	const post = library.posts[postIndex]!;
	const doc = env.doc(postIndex, layout.paneWidth);
	const lines = env.topicLines(postIndex, doc);
	const named = sectionsOf(post).map((section, index) => ({name: section.name, line: lines[index] ?? 0}));
	// Never fail to open over a stale position: restoreAnchor falls back, and never throws.
	const top = restoreAnchor(doc, position.anchor, named, layout.paneHeight);
	const topic = sectionsOf(post)[topicAt(lines, top)]?.name;
	return {...fresh, postIndex, top, message: message ?? (top > 0 ? `Resumed at ${topic ?? `${percentRead(top, doc.lines.length, layout.paneHeight)}%`}` : null)};
}

/** The sidebar scrolled so the topic being read stays in view while the text scrolls. */
function spyOffset(rows: ReturnType<ReturnType<typeof createReaderEnv>['sidebarRows']>, postIndex: number, topic: number, height: number): number {
	const index = rows.findIndex(row => row.postIndex === postIndex && (topic === -1 ? row.kind === 'post' : row.kind === 'topic' && row.topicIndex === topic));
	if (index < height) return 0;
	return Math.max(0, index - Math.floor(height / 2));
}
