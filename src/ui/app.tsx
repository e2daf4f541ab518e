import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect} from 'react';
import type {Library, Post} from '../posts/types.js';
import type {RenderedDoc, RenderNeed, RenderOptions} from '../render/types.js';
import {sessionsKnown} from '../state/search/search-view.js';
import type {DebouncedSaver} from '../store/index.js';
import {EmptyLibrary} from './components/empty-library.js';
import {MainPane} from './components/main-pane.js';
import {Sidebar} from './components/sidebar.js';
import {StatusLine} from './components/status-line.js';
import {useEditEffect} from './hooks/use-edit-effect.js';
import {useFlash} from './hooks/use-flash.js';
import {useLinkEffect} from './hooks/use-link-effect.js';
import {useLiveReload, type WatchTarget} from './hooks/use-live-reload.js';
import {useReader} from './hooks/use-reader.js';
import {useReaderInput} from './hooks/use-reader-input.js';
import {useSavePlace, useSaveWatched, type ReaderStore} from './hooks/use-save-place.js';
import {useSearchHits} from './hooks/use-search-hits.js';
import {useSessionIndex} from './hooks/use-session-index.js';
import {useStoreProblems, type StoreProblemFeed} from './hooks/use-store-problems.js';
import {useSuspend} from './hooks/use-suspend.js';
import {useTextSearch} from './hooks/use-text-search.js';
import {frameParts, sidebarRule} from './frame-parts.js';
import {startState} from './start-state.js';
import type {TerminalSetup} from './terminal-modes.js';
import type {EarlyWorld} from './prepare-reader.js';
import type {Background} from './theme.js';

export type AppProps = {
	library: Library;
	/** A post's doc; given `until`, it may render only that far (a long post's first frame: reader-env.ts). */
	renderPost: (post: Post, options: RenderOptions, until?: RenderNeed) => RenderedDoc;
	/** Settles once the first frame is on screen: the rest of a long post is rendered then. */
	firstFrameDrawn?: Promise<void>;
	color: boolean;
	/** The background the colours are chosen for; dark unless told. */
	background?: Background;
	hyperlinks: boolean;
	width: number;
	height: number;
	/** The text column's widest (--width); 100 by default. */
	measure?: number;
	/** Where reading positions and watched marks are kept; none in tests that do not need it. */
	store?: ReaderStore;
	/** Open the last post read at its position (else the newest post at its top). */
	resume?: boolean;
	/** Saves positions after the reader moves; flushed by the caller on exit. */
	saver?: Pick<DebouncedSaver, 'save'> & Partial<Pick<DebouncedSaver, 'flush'>>;
	/** A message for the status line at start (a store problem, say). */
	startMessage?: string | null;
	/** Store problems met after start: each goes to the status line and the W list. */
	storeProblems?: StoreProblemFeed;
	/** Opens or copies a session's link (the terminal side of `o` and `y`). */
	onLink?: (kind: 'open' | 'copy', url: string) => Promise<string | null>;
	/** The terminal the reader set up: the editor and Ctrl-Z leave it and take it back. */
	terminal?: TerminalSetup;
	/** The posts' paths, watched for changes (live reload); none in tests of the view alone. */
	watch?: WatchTarget;
	/** Secure mode: no opener, clipboard, editor or recording search (secure-mode.ts). */
	secure?: boolean;
	/** The state the early frame was drawn from (prepare-reader.ts): the reader starts from it. */
	early?: EarlyWorld;
};

/** The reader: one reducer, its view-model, and the widgets that draw it. */
export function App({
	renderPost,
	color,
	background = 'dark',
	hyperlinks,
	width,
	height,
	measure,
	onLink,
	store,
	resume = true,
	saver,
	startMessage = null,
	storeProblems,
	terminal,
	watch,
	secure = false,
	firstFrameDrawn,
	early,
	...props
}: AppProps) {
	const {exit} = useApp();
	const start = (library: Library, env: Parameters<typeof startState>[0]['env']) =>
		startState({library, env, width, height, measure, store, resume, message: startMessage});
	const {state, env, library, dispatch, applyUpdate, currentLibrary} = useReader({
		library: props.library,
		renderPost,
		style: {color, hyperlinks},
		store,
		start,
		firstFrameDrawn,
		early,
	});
	// A new size is taken in the same render, so no frame mixes the new size with the old layout.
	if (width !== state.width || height !== state.height) dispatch({type: 'resize', width, height});
	const hits = useSearchHits(state, env);
	useSessionIndex(
		state.mode.kind === 'search',
		env,
		useCallback((text: string | null, replacing?: string) => dispatch({type: 'message', text, replacing}), [dispatch]),
	);
	useTextSearch(state, env, dispatch);
	useSavePlace(state, store, saver);
	useSaveWatched(state.watched, store);
	useFlash(
		state.flashLine,
		useCallback(() => dispatch({type: 'clearFlash'}), [dispatch]),
	);
	const say = useCallback((text: string) => dispatch({type: 'message', text}), [dispatch]);
	useLinkEffect(state.effect, onLink, say, secure);
	const flush = useCallback(() => saver?.flush?.(), [saver]);
	useEditEffect(state.effect, {
		library,
		env,
		terminal,
		drafts: watch?.drafts ?? false,
		flush,
		apply: applyUpdate,
		say,
		isSecure: secure,
	});
	useLiveReload(
		watch,
		currentLibrary,
		useCallback((update) => applyUpdate(() => update), [applyUpdate]),
		say,
	);
	useStoreProblems(storeProblems, applyUpdate);
	useEffect(() => void (state.isQuitting && exit()), [state.isQuitting, exit]);
	const suspend = useSuspend(terminal, flush);
	const redraw = useCallback(() => terminal?.redraw?.(), [terminal]);
	useReaderInput(dispatch, {suspend, redraw});

	if (width < 20 || height < 5)
		return <Text wrap="truncate">{`too small: ${width}x${height}, the reader needs 20x5`}</Text>;
	if (library.posts.length === 0) return <EmptyLibrary library={library} width={width} height={height} />;
	const {view, status, layout, theme} = frameParts(state, env, library, {
		keepsPlaces: Boolean(store),
		width,
		color,
		background,
	});
	const rule = sidebarRule(view, theme, color);
	const list = (listWidth: number) => (
		<Sidebar
			posts={library.posts}
			rows={view.rows}
			width={listWidth}
			height={layout.paneHeight}
			offset={view.sidebarOffset}
			cursor={state.focus === 'sidebar' ? state.sidebar.cursor : -1}
			filter={view.sidebarFilter}
			openPost={state.postIndex}
			topicNames={env.sectionNames(state.postIndex)}
			currentTopic={view.topic}
			progress={view.progress}
			readTopics={view.readTopics}
			theme={theme}
		/>
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="row" height={layout.paneHeight}>
				{layout.sidebarWidth > 0 && (
					<>
						{list(layout.sidebarWidth)}
						{/* The focused pane is marked: a heavy rule in the accent colour beside the list it belongs to. */}
						<Box width={2} height={layout.paneHeight} flexDirection="column">
							<Text {...rule.style}>{`${rule.mark}\n`.repeat(layout.paneHeight).trimEnd()}</Text>
						</Box>
					</>
				)}
				<MainPane
					state={state}
					view={layout === view.layout ? view : {...view, layout}}
					library={library}
					hits={hits}
					storedWatched={env.storedWatched}
					list={list}
					theme={theme}
					sessions={sessionsKnown(env.sessionIndex)}
				/>
			</Box>
			<StatusLine width={width} rows={status} />
		</Box>
	);
}
