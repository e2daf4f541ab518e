import type {ReactNode} from 'react';
import type {Library, Session} from '../../posts/types.js';
import type {SessionHit} from '../../search/session-index.js';
import type {ReaderState} from '../../state/reader-state.js';
import type {ReaderView} from '../../state/select-view.js';
import {warningLines} from '../overlay-lines.js';
import type {UiTheme} from '../theme.js';
import {HelpOverlay, TextOverlay} from './help-overlay.js';
import {ReaderPane} from './reader-pane.js';
import {currentText, searchItems} from '../../state/search/search-items.js';
import {SearchPanel} from './search-panel.js';
import type {SessionsKnown} from '../../state/search/search-view.js';

type Props = {
	state: ReaderState;
	view: ReaderView;
	library: Library;
	/** The search results for the query as last settled (typing draws before searching). */
	hits: SessionHit[];
	storedWatched: (session: Session) => boolean | undefined;
	/** The sidebar at a width, for narrow terminals where it takes the text's place. */
	list: (width: number) => ReactNode;
	theme: UiTheme;
	/** Whether the sessions are still being read, or none or some were found (from the session index: render reads no file). */
	sessions: SessionsKnown;
};

/** What fills the space right of the sidebar: an overlay for the mode, the list in place, or the text. */
export function MainPane({state, view, library, hits, storedWatched, list, theme, sessions}: Props) {
	const {paneWidth: width, paneHeight: height} = view.layout;
	const {mode} = state;
	// As view.pane says (the wheel follows it too): overlays, then the list in place, then the text.
	if (mode.kind === 'help') return <HelpOverlay width={width} height={height} top={mode.top} />;
	if (mode.kind === 'warnings') {
		const count = library.warnings.length;
		const title =
			count === 0 ? 'No warnings: every file loaded.' : `${count} file problem${count === 1 ? '' : 's'}  (Esc closes)`;
		return (
			<TextOverlay
				title={title}
				lines={warningLines(library.warnings, width)}
				width={width}
				height={height}
				top={mode.top}
			/>
		);
	}
	if (mode.kind === 'search') {
		const items = searchItems(mode.panel, hits);
		return (
			<SearchPanel
				panel={mode.panel}
				items={items}
				text={currentText(mode.panel)}
				openPostId={library.posts[state.postIndex]?.id ?? ''}
				posts={library.posts}
				watched={state.watched}
				storedWatched={storedWatched}
				width={width}
				height={height}
				theme={theme}
				sessions={sessions}
			/>
		);
	}
	if (view.pane === 'list') return list(width);
	return (
		<ReaderPane
			lines={view.doc.lines}
			top={state.top}
			width={width}
			height={height}
			find={state.find}
			flashLine={state.flashLine}
			margin={view.layout.textMargin}
			theme={theme}
		/>
	);
}
