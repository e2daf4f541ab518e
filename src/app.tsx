import {Box, Text, useApp, useInput} from 'ink';
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {Library, Post} from './posts/types.js';
import type {RenderedDoc, RenderOptions} from './render/types.js';
import {initialState, layoutOf, readerReducer, type ReaderAction, type ReaderState} from './state/reader-reducer.js';
import {percentRead, topicAt} from './state/viewport.js';
import {EmptyLibrary} from './ui/components/empty-library.js';
import {HelpOverlay} from './ui/components/help-overlay.js';
import {ReaderPane} from './ui/components/reader-pane.js';
import {Sidebar} from './ui/components/sidebar.js';
import {StatusLine} from './ui/components/status-line.js';
import {keyName} from './ui/key-name.js';
import {resolveKey, type KeyAction, type KeyLayer} from './ui/keymap.js';
import {createReaderEnv, sectionsOf} from './ui/reader-env.js';
import {uiTheme} from './ui/theme.js';

export type AppProps = {
	library: Library;
	renderPost: (post: Post, options: RenderOptions) => RenderedDoc;
	color: boolean;
	hyperlinks: boolean;
	width: number;
	height: number;
};

const ACTIONS: Partial<Record<KeyAction, ReaderAction>> = {
	lineDown: {type: 'scroll', lines: 1},
	lineUp: {type: 'scroll', lines: -1},
	pageDown: {type: 'page', pages: 1},
	pageUp: {type: 'page', pages: -1},
	halfDown: {type: 'page', pages: 0.5},
	halfUp: {type: 'page', pages: -0.5},
	top: {type: 'top'},
	bottom: {type: 'bottom'},
	nextTopic: {type: 'topic', direction: 1},
	previousTopic: {type: 'topic', direction: -1},
	nextPost: {type: 'post', direction: 1},
	previousPost: {type: 'post', direction: -1},
	toggleSidebar: {type: 'toggleSidebar'},
	switchFocus: {type: 'switchFocus'},
	sidebarDown: {type: 'sidebarMove', delta: 1},
	sidebarUp: {type: 'sidebarMove', delta: -1},
	sidebarOpen: {type: 'sidebarOpen'},
	openHelp: {type: 'setMode', mode: 'help'},
	closeOverlay: {type: 'setMode', mode: 'reader'},
	openFind: {type: 'setMode', mode: 'find'},
	nextMatch: {type: 'findStep', direction: 1},
	previousMatch: {type: 'findStep', direction: -1},
	clearFind: {type: 'clearFind'},
	openSearch: {type: 'message', text: 'Session search: kubecon-notes sessions QUERY'},
};

/** The layers a key is looked up in, in order, for the state the reader is in. */
function keyLayers(state: ReaderState): KeyLayer[] {
	if (state.mode === 'help') return ['global', 'help'];
	const base: KeyLayer[] = state.focus === 'sidebar' ? ['global', 'sidebar', 'reader'] : ['global', 'reader'];
	return state.find ? ['global', 'found', ...base.slice(1)] : base;
}

/** The reader: composition of sidebar, pane and status line over one reducer. */
export function App({library, renderPost, color, hyperlinks, width, height}: AppProps) {
	const {exit} = useApp();
	const env = useMemo(() => createReaderEnv(library.posts, renderPost, {color, hyperlinks}), [library, renderPost, color, hyperlinks]);
	const [state, dispatch] = useReducer((current: ReaderState, action: ReaderAction) => readerReducer(current, action, env), undefined, () => initialState(width, height));
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

	useInput((input, key) => {
		const name = keyName(input, key);
		if (state.mode === 'find') {
			if (name === 'ctrl+c') exit();
			else if (name === 'escape') dispatch({type: 'setMode', mode: 'reader'});
			else if (name === 'enter') dispatch({type: 'findSubmit'});
			else if (name === 'backspace') dispatch({type: 'findBackspace'});
			// Letters go to the input: `q` types q.
			else if (!key.ctrl && !key.meta && input.length > 0 && !/[\u0000-\u001F\u007F]/.test(input)) dispatch({type: 'findType', text: input});
			return;
		}
		const action = resolveKey(name, keyLayers(state));
		if (action === 'quit') exit();
		else if (action) dispatch(ACTIONS[action]!);
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
