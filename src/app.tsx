import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {Library, Post} from './posts/types.js';
import type {RenderedDoc, RenderOptions} from './render/types.js';
import {initialState, layoutOf, readerReducer, type ReaderAction, type ReaderState} from './state/reader-reducer.js';
import {percentRead, topicAt} from './state/viewport.js';
import {EmptyLibrary} from './ui/components/empty-library.js';
import {HelpOverlay} from './ui/components/help-overlay.js';
import {ReaderPane} from './ui/components/reader-pane.js';
import {SearchPanel} from './ui/components/search-panel.js';
import {Sidebar} from './ui/components/sidebar.js';
import {StatusLine} from './ui/components/status-line.js';
import {keyPresses} from './ui/key-name.js';
import {keyToAction} from './ui/key-dispatch.js';
import {createReaderEnv, sectionsOf} from './ui/reader-env.js';
import {uiTheme} from './ui/theme.js';

export type AppProps = {
	library: Library;
	renderPost: (post: Post, options: RenderOptions) => RenderedDoc;
	color: boolean;
	hyperlinks: boolean;
	width: number;
	height: number;
	/** Opens or copies a session's link (the terminal side of `o` and `y`). */
	onLink?: (kind: 'open' | 'copy', url: string) => Promise<string | null>;
};

/** A key press, resolved inside the reducer against the current state. */
type KeyPress = {type: 'key'; name: string; input: string; isModified: boolean};

/** The reader: composition of sidebar, pane and status line over one reducer. */
export function App({library, renderPost, color, hyperlinks, width, height, onLink}: AppProps) {
	const {exit} = useApp();
	const env = useMemo(() => createReaderEnv(library.posts, renderPost, {color, hyperlinks}), [library, renderPost, color, hyperlinks]);
	const [state, dispatch] = useReducer(
		(current: ReaderState, action: ReaderAction | KeyPress) => {
			if (action.type !== 'key') return readerReducer(current, action, env);
			const resolved = keyToAction(current, action.name, action.input, action.isModified);
			return resolved ? readerReducer(current, resolved, env) : current;
		},
		undefined,
		() => initialState(width, height),
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

	useEffect(() => {
		if (state.isQuitting) exit();
	}, [state.isQuitting, exit]);

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
		return <Text wrap="truncate">{`Terminal too small (${width}x${height}); 20x5 at least`}</Text>;
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
	const position = `${Math.min(doc.lines.length, state.top + 1)}/${doc.lines.length} ${percentRead(state.top, doc.lines.length, layout.paneHeight)}%`;
	const where = [post.title, sections[currentTopic]?.name].filter(Boolean).join(' › ');
	const warnings = library.warnings.length > 0 ? `${library.warnings.length} warning${library.warnings.length === 1 ? '' : 's'} · ` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="row" height={layout.paneHeight}>
				{layout.sidebarWidth > 0 && (
					<>
						<Sidebar
							posts={library.posts}
							rows={rows}
							width={layout.sidebarWidth}
							height={layout.paneHeight}
							offset={sidebarOffset}
							cursor={state.focus === 'sidebar' ? state.sidebarCursor : -1}
							openPost={state.postIndex}
							currentTopic={currentTopic}
							theme={theme}
						/>
						<Box width={2} height={layout.paneHeight} flexDirection="column">
							<Text color={theme.rule} dimColor={!color}>
								{'│\n'.repeat(layout.paneHeight).trimEnd()}
							</Text>
						</Box>
					</>
				)}
				{state.mode === 'help' ? (
					<HelpOverlay width={layout.paneWidth} height={layout.paneHeight} />
				) : state.mode === 'search' ? (
					<SearchPanel panel={state.search} hits={env.searchResults(state.search)} posts={library.posts} watched={state.watched} width={layout.paneWidth} height={layout.paneHeight} theme={theme} />
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

/** The sidebar scrolled so the topic being read stays in view while the text scrolls. */
function spyOffset(rows: ReturnType<ReturnType<typeof createReaderEnv>['sidebarRows']>, postIndex: number, topic: number, height: number): number {
	const index = rows.findIndex(row => row.postIndex === postIndex && (topic === -1 ? row.kind === 'post' : row.kind === 'topic' && row.topicIndex === topic));
	if (index < height) return 0;
	return Math.max(0, index - Math.floor(height / 2));
}
