import {Box, Text} from 'ink';
import type {Post, Session} from '../../posts/types.js';
import {textWidth, truncateToWidth, wrapToWidth} from '../../render/text-width.js';
import type {SearchItem} from '../../state/search/search-items.js';
import {panelView, snippet, type SessionsKnown} from '../../state/search/search-view.js';
import {isWatchedIn, type SearchPanel as Panel} from '../../state/search/search.js';
import type {MatchRange} from '../../search/session-index.js';
import type {TextResult} from '../../search/text-search.js';
import {layerHints} from '../keymap.js';
import {SYMBOLS} from '../symbols.js';
import type {UiTheme} from '../theme.js';

type Props = {
	panel: Panel;
	/** The talks found (for the query as last settled), then the lines of text. */
	items: readonly SearchItem[];
	/** The text search for the panel's query, as far as it went; null before it starts. */
	text: TextResult | null;
	/** The open post: its lines come first, under a heading of their own. */
	openPostId: string;
	posts: Post[];
	watched: Record<string, boolean>;
	storedWatched: (session: Session) => boolean | undefined;
	width: number;
	height: number;
	theme: UiTheme;
	/** Whether the sessions are still being read, or none or some were found (an empty list then says which). */
	sessions?: SessionsKnown;
};

/** Text with its matched ranges in bold (inverse without colour), cut to `width`. */
function Highlighted({
	text,
	ranges,
	width,
	color,
}: {
	text: string;
	ranges: MatchRange[] | undefined;
	width: number;
	color: string | undefined;
}) {
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

const NO_MORE: Readonly<Record<string, number>> = Object.freeze({});

// Post titles by id, made once per library (every frame of the panel asks).
let titles: {posts: readonly Post[]; byId: Map<string, string>} | undefined;
function titlesOf(posts: readonly Post[]): Map<string, string> {
	if (titles?.posts !== posts) titles = {posts, byId: new Map(posts.map((post) => [post.id, post.title]))};
	return titles.byId;
}

/** The search: the query, the filters, the keys, the talks under their posts, then the lines of text. */
export function SearchPanel({
	panel,
	items,
	text,
	openPostId,
	posts,
	watched,
	storedWatched,
	width,
	height,
	theme,
	sessions = 'some',
}: Props) {
	// A kept query shows selected (inverse): the next character typed replaces it.
	const query = panel.isQueryKept ? `\u001B[7m${panel.query}\u001B[27m` : panel.query;
	const header = `/ ${query}${panel.focus === 'query' ? '▏' : ''}`;
	// The keys wrap to a second line rather than lose their end.
	const hintLines = wrapToWidth(
		panel.focus === 'query' ? `type to search · ${layerHints('searchQuery')}` : layerHints('searchList'),
		width,
	).slice(0, width < 80 ? 3 : 2);
	const postTitle = titlesOf(posts);
	const view = panelView(panel, items, text, {
		openPostId,
		postTitle: (id) => postTitle.get(id) ?? id,
		more: text?.more ?? NO_MORE,
		room: Math.max(2, height - 1 - hintLines.length),
		sessions,
	});
	const {start} = view;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				{truncateToWidth(`${header}   ${view.count}`, width)}
			</Text>
			{hintLines.map((line, index) => (
				<Text key={`h${index}`} color={theme.rule} dimColor={theme.dim} wrap="truncate">
					{line}
				</Text>
			))}
			{view.empty !== null &&
				wrapToWidth(view.empty, width).map((line, index) => (
					<Text key={`e${index}`} wrap="truncate">
						{line}
					</Text>
				))}
			{view.rows.map((row, index) => {
				if (row.kind === 'post' || row.kind === 'group') {
					return (
						<Text
							key={`${row.kind}${start + index}`}
							bold
							color={row.kind === 'post' ? theme.accent : undefined}
							underline={row.kind === 'group'}
							wrap="truncate"
						>
							{truncateToWidth(row.title, width)}
						</Text>
					);
				}
				if (row.kind === 'more') {
					return (
						<Text key={`m${start + index}`} color={theme.muted} dimColor={theme.dim} wrap="truncate">
							{truncateToWidth(
								`     … ${row.count} more line${row.count === 1 ? '' : 's'} in this post (Enter, then n)`,
								width,
							)}
						</Text>
					);
				}
				const item = items[row.index]!;
				const isSelected = row.index === panel.selected;
				if (item.kind === 'line') {
					const {hit} = item;
					const prefix = `${isSelected ? SYMBOLS.selected.mark : ' '}   `;
					const lineWidth = Math.max(0, width - textWidth(prefix));
					const shown = snippet(hit.text, hit.ranges, lineWidth);
					return (
						<Box key={`l${hit.postId}:${hit.line}`} width={width}>
							<Text inverse={isSelected}>
								{prefix}
								<Highlighted
									text={shown.text}
									ranges={shown.ranges}
									width={lineWidth}
									color={isSelected ? undefined : theme.accent}
								/>
								{isSelected
									? ' '.repeat(Math.max(0, lineWidth - textWidth(truncateToWidth(shown.text, lineWidth))))
									: ''}
							</Text>
						</Box>
					);
				}
				const {hit} = item;
				const {session} = hit;
				// Two talks can share a line (`**A** by X and **B** by Y`): the hit's place keeps keys unique.
				const key = `${session.postId}:${session.line}:${row.index}:${row.kind}`;
				if (row.kind === 'details') {
					const rest = [session.day, session.note].filter(Boolean).join(' · ');
					const speakers = session.speakers ?? '';
					return (
						<Box key={key} width={width}>
							<Text wrap="truncate">{'     '}</Text>
							<Highlighted
								text={speakers}
								ranges={hit.matches.speakers}
								width={Math.max(0, width - 5)}
								color={theme.accent}
							/>
							<Text color={theme.muted} dimColor={theme.dim} wrap="truncate">
								{truncateToWidth(
									`${speakers && rest ? ' · ' : ''}${rest}`,
									Math.max(0, width - 5 - textWidth(speakers)),
								)}
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
							<Highlighted
								text={session.title}
								ranges={hit.matches.title}
								width={titleWidth}
								color={isSelected ? undefined : theme.accent}
							/>
							{isSelected
								? ' '.repeat(Math.max(0, titleWidth - textWidth(truncateToWidth(session.title, titleWidth))))
								: ''}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
