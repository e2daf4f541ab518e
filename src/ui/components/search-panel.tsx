import {Box, Text} from 'ink';
import type {Post, Session} from '../../posts/types.js';
import {truncateToWidth} from '../../render/text-width.js';
import {isWatchedIn, type SearchPanel as Panel} from '../../state/search/search-reducer.js';
import {followCursor} from '../../state/viewport/viewport.js';
import type {MatchRange, SessionHit} from '../../search/session-index.js';
import {layerHints} from '../keymap.js';
import {SYMBOLS} from '../symbols.js';
import type {UiTheme} from '../theme.js';

type Props = {
	panel: Panel;
	hits: SessionHit[];
	posts: Post[];
	watched: Record<string, boolean>;
	storedWatched: (session: Session) => boolean | undefined;
	width: number;
	height: number;
	theme: UiTheme;
};

/** Text with its matched ranges in bold (inverse without colour), cut to `width`. */
function Highlighted({text, ranges, width, color}: {text: string; ranges: MatchRange[] | undefined; width: number; color: string | undefined}) {
	const parts: Array<{text: string; isMatch: boolean}> = [];
	let at = 0;
	for (const [start, end] of ranges ?? []) {
		if (start > at) parts.push({text: text.slice(at, start), isMatch: false});
		parts.push({text: text.slice(start, end + 1), isMatch: true});
		at = end + 1;
	}
	parts.push({text: text.slice(at), isMatch: false});
	let room = width;
	return (
		<Text wrap="truncate">
			{parts.map((part, index) => {
				const shown = truncateToWidth(part.text, Math.max(0, room));
				room -= [...shown].length;
				return part.isMatch ? (
					<Text key={index} bold underline color={color}>
						{shown}
					</Text>
				) : (
					<Text key={index}>{shown}</Text>
				);
			})}
		</Text>
	);
}

/** The session search: the query, the filters, and two lines per result. */
export function SearchPanel({panel, hits, posts, watched, storedWatched, width, height, theme}: Props) {
	const rowsPerHit = 2;
	const visibleHits = Math.max(1, Math.floor((height - 2) / rowsPerHit));
	const offset = followCursor(panel.selected, Math.max(0, panel.selected - visibleHits + 1), visibleHits);
	const filters = [panel.missedOnly ? 'missed only' : '', panel.day === null ? '' : `day ${panel.day}`].filter(Boolean).join(', ');
	// A kept query shows selected (inverse): the next character typed replaces it.
	const query = panel.isQueryKept ? `\u001B[7m${panel.query}\u001B[27m` : panel.query;
	const header = `/ ${query}${panel.focus === 'query' ? '▏' : ''}`;
	const count = `${hits.length} session${hits.length === 1 ? '' : 's'}${filters ? ` · ${filters}` : ''}`;
	const postTitle = new Map(posts.map(post => [post.id, post.title]));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(`${header}   ${count}`, width)}
			</Text>
			<Text color={theme.rule} dimColor={theme.dim} wrap="truncate">
				{truncateToWidth(panel.focus === 'query' ? `type to search · ${layerHints('searchQuery')}` : layerHints('searchList'), width)}
			</Text>
			{hits.length === 0 && <Text wrap="truncate">{panel.query ? 'No session matches.' : 'These notes list no sessions.'}</Text>}
			{hits.slice(offset, offset + visibleHits).map((hit, index) => {
				const isSelected = offset + index === panel.selected;
				const {session} = hit;
				const mark = isWatchedIn(watched, session, storedWatched) ? SYMBOLS.watched.mark : SYMBOLS.toWatch.mark;
				const details = [session.speakers, session.day, postTitle.get(session.postId), session.note].filter(Boolean).join(' · ');
				return (
					<Box key={`${session.postId}:${session.line}`} flexDirection="column">
						<Box>
							<Text inverse={isSelected}>{`${isSelected ? '›' : ' '} ${mark} `}</Text>
							<Highlighted text={session.title} ranges={hit.matches.title} width={width - 4} color={theme.accent} />
						</Box>
						<Text dimColor={theme.dim} wrap="truncate">
							{truncateToWidth(`     ${details}`, width)}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
