import {Box, Text, useApp, useInput} from 'ink';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
import type {Library, Post} from '../posts/types.js';
import type {RenderedDoc, RenderOptions} from '../render/types.js';
import {readerReducer, type ReaderAction} from '../state/reader-reducer.js';
import type {ReaderState} from '../state/reader-state.js';
import type {SearchPanel} from '../state/search/search-reducer.js';
import {selectView} from '../state/select-view.js';
import type {DebouncedSaver} from '../state/store.js';
import {EmptyLibrary} from './components/empty-library.js';
import {MainPane} from './components/main-pane.js';
import {Sidebar} from './components/sidebar.js';
import {StatusLine} from './components/status-line.js';
import {useFlash} from './hooks/use-flash.js';
import {useLinkEffect} from './hooks/use-link-effect.js';
import {useSavePlace, useSaveWatched, type ReaderStore} from './hooks/use-save-place.js';
import {useSettledValue} from './hooks/use-settled-value.js';
import {keyToAction} from './key-dispatch.js';
import {keyPresses} from './key-name.js';
import {statusHint} from './keymap.js';
import {createReaderEnv} from './reader-env.js';
import {startState} from './start-state.js';
import {uiTheme, type Background} from './theme.js';

export type AppProps = {
	library: Library;
	renderPost: (post: Post, options: RenderOptions) => RenderedDoc;
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
	saver?: Pick<DebouncedSaver, 'save'>;
	/** A message for the status line at start (a store problem, say). */
	startMessage?: string | null;
	/** Opens or copies a session's link (the terminal side of `o` and `y`). */
	onLink?: (kind: 'open' | 'copy', url: string) => Promise<string | null>;
};

/** Panels that search for the same thing: moving the selection needs no new search. */
const sameQuery = (a: SearchPanel, b: SearchPanel) => a.query === b.query && a.missedOnly === b.missedOnly && a.day === b.day;

/** A key press, resolved inside the reducer against the current state. */
type KeyPress = {type: 'key'; name: string; input: string; isModified: boolean};

/** The reader: one reducer, its view-model, and the widgets that draw it. */
export function App({library, renderPost, color, background = 'dark', hyperlinks, width, height, measure, onLink, store, resume = true, saver, startMessage = null}: AppProps) {
	const {exit} = useApp();
	const env = useMemo(() => createReaderEnv(library, renderPost, {color, hyperlinks}, key => store?.isWatched(key)), [library, renderPost, color, hyperlinks, store]);
	const [state, dispatch] = useReducer(
		(current: ReaderState, action: ReaderAction | KeyPress) => {
			if (action.type !== 'key') return readerReducer(current, action, env);
			const resolved = keyToAction(current, action.name, action.input, action.isModified);
			return resolved ? readerReducer(current, resolved, env) : current;
		},
		undefined,
		() => startState({library, env, width, height, measure, store, resume, message: startMessage}),
	);
	// A new size is taken in the same render, so no frame mixes the new size with the old layout.
	if (width !== state.width || height !== state.height) dispatch({type: 'resize', width, height});
	// A typed character is drawn at once; the results for the new query follow in the next frame.
	const panel = state.mode.kind === 'search' ? state.mode.panel : state.keptSearch;
	const settledPanel = useSettledValue(panel, sameQuery);
	useSavePlace(state, store, saver);
	useSaveWatched(state.watched, store);
	useFlash(state.flashLine, useCallback(() => dispatch({type: 'clearFlash'}), []));
	useLinkEffect(state.effect, onLink, useCallback((text: string) => dispatch({type: 'message', text}), []));
	useEffect(() => void (state.isQuitting && exit()), [state.isQuitting, exit]);
	useInput((input, key) => {
		for (const press of keyPresses(input, key)) dispatch({type: 'key', ...press});
	});

	if (width < 20 || height < 5) return <Text wrap="truncate">{`too small: ${width}x${height}, the reader needs 20x5`}</Text>;
	if (library.posts.length === 0) return <EmptyLibrary library={library} width={width} height={height} />;
	const view = selectView(state, env, {keepsPlaces: Boolean(store), title: postIndex => library.posts[postIndex]?.title ?? '', warningCount: library.warnings.length});
	const {layout} = view;
	const theme = uiTheme(color, background);
	const list = (listWidth: number) => (
		<Sidebar
			posts={library.posts}
			rows={view.rows}
			width={listWidth}
			height={layout.paneHeight}
			offset={view.sidebarOffset}
			cursor={state.focus === 'sidebar' ? state.sidebar.cursor : -1}
			openPost={state.postIndex}
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
						<Box width={2} height={layout.paneHeight} flexDirection="column">
							<Text color={theme.rule} dimColor={!color}>
								{'│\n'.repeat(layout.paneHeight).trimEnd()}
							</Text>
						</Box>
					</>
				)}
				<MainPane state={state} view={view} library={library} hits={env.searchResults(settledPanel)} storedWatched={env.storedWatched} list={list} theme={theme} />
			</Box>
			<StatusLine width={width} parts={{...view.status, right: view.statusRight, hint: statusHint(view.hintLayer, width >= 80)}} />
		</Box>
	);
}
