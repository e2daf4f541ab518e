import {Box, Text} from 'ink';
import type {Post, Session} from '../../posts/types.js';
import {textWidth, truncateToWidth, wrapToWidth} from '../../render/text-width.js';
import {emptyResultText} from '../../state/search/search-view.js';
import {isWatchedIn, type SearchPanel as Panel} from '../../state/search/search-reducer.js';
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
	/** Whether the notes list any session at all (an empty list then names its filters instead). */
	hasSessions?: boolean;
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

type Row = {kind: 'post'; title: string} | {kind: 'title' | 'details'; index: number};

/** The panel's rows: a post's title once, then two rows per session (title; speakers, day, note). */
function rowsOf(hits: SessionHit[], postTitle: Map<string, string>): Row[] {
	const rows: Row[] = [];
	let lastPost: string | null = null;
	for (const [index, hit] of hits.entries()) {
		if (hit.session.postId !== lastPost) {
			lastPost = hit.session.postId;
			rows.push({kind: 'post', title: postTitle.get(lastPost) ?? lastPost});
		}
		rows.push({kind: 'title', index}, {kind: 'details', index});
	}
	return rows;
}

/** The first row shown: the selected session in view, with its post's title above it when it fits. */
function windowStart(rows: Row[], selected: number, room: number): number {
	const at = rows.findIndex(row => row.kind === 'title' && row.index === selected);
	if (at === -1) return 0;
	const header = rows[at - 1]?.kind === 'post' ? at - 1 : at;
	return header + room > at + 2 ? Math.max(0, Math.min(header, at + 2 - room)) : Math.max(0, at + 2 - room);
}

/** The session search: the query, the filters, the keys, and the results under their posts. */
export function SearchPanel({panel, hits, posts, watched, storedWatched, width, height, theme, hasSessions = true}: Props) {
	const filters = [panel.missedOnly ? 'missed only' : '', panel.day === null ? '' : `day ${panel.day}`].filter(Boolean).join(', ');
	// A kept query shows selected (inverse): the next character typed replaces it.
	const query = panel.isQueryKept ? `\u001B[7m${panel.query}\u001B[27m` : panel.query;
	const header = `/ ${query}${panel.focus === 'query' ? '▏' : ''}`;
	const count = `${hits.length} session${hits.length === 1 ? '' : 's'}${filters ? ` · ${filters}` : ''}`;
	// The keys wrap to a second line rather than lose their end.
	const hintLines = wrapToWidth(panel.focus === 'query' ? `type to search · ${layerHints('searchQuery')}` : layerHints('searchList'), width).slice(0, width < 80 ? 3 : 2);
	const room = Math.max(2, height - 1 - hintLines.length);
	const postTitle = new Map(posts.map(post => [post.id, post.title]));
	const rows = rowsOf(hits, postTitle);
	const start = windowStart(rows, panel.selected, room);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(`${header}   ${count}`, width)}
			</Text>
			{hintLines.map((line, index) => (
				<Text key={`h${index}`} color={theme.rule} dimColor={theme.dim} wrap="truncate">
					{line}
				</Text>
			))}
			{hits.length === 0 &&
				wrapToWidth(emptyResultText(panel, hasSessions), width).map((line, index) => (
					<Text key={`e${index}`} wrap="truncate">
						{line}
					</Text>
				))}
			{rows.slice(start, start + room).map((row, index) => {
				if (row.kind === 'post') {
					return (
						<Text key={`p${start + index}`} bold color={theme.accent} wrap="truncate">
							{truncateToWidth(row.title, width)}
						</Text>
					);
				}
				const hit = hits[row.index]!;
				const {session} = hit;
				const isSelected = row.index === panel.selected;
				// Two talks can share a line (`**A** by X and **B** by Y`): the hit's place keeps keys unique.
				const key = `${session.postId}:${session.line}:${row.index}:${row.kind}`;
				if (row.kind === 'details') {
					const rest = [session.day, session.note].filter(Boolean).join(' · ');
					const speakers = session.speakers ?? '';
					return (
						<Box key={key} width={width}>
							<Text wrap="truncate">{'     '}</Text>
							<Highlighted text={speakers} ranges={hit.matches.speakers} width={Math.max(0, width - 5)} color={theme.accent} />
							<Text color={theme.muted} dimColor={theme.dim} wrap="truncate">
								{truncateToWidth(`${speakers && rest ? ' · ' : ''}${rest}`, Math.max(0, width - 5 - textWidth(speakers)))}
							</Text>
						</Box>
					);
				}
				const mark = isWatchedIn(watched, session, storedWatched) ? SYMBOLS.watched.mark : SYMBOLS.toWatch.mark;
				const prefix = `${isSelected ? SYMBOLS.selected.mark : ' '} ${mark} `;
				const titleWidth = Math.max(0, width - textWidth(prefix));
				// The selected row is inverse across the whole width, as a list's cursor is in lazygit.
				return (
					<Box key={key} width={width}>
						<Text inverse={isSelected}>
							{prefix}
							<Highlighted text={session.title} ranges={hit.matches.title} width={titleWidth} color={isSelected ? undefined : theme.accent} />
							{isSelected ? ' '.repeat(Math.max(0, titleWidth - textWidth(truncateToWidth(session.title, titleWidth)))) : ''}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
