import {escapeJsonText} from '../markdown/sanitize.js';
import type {Library, Session} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';
import {searchableSessions} from '../search/searchable.js';
import {createSessionIndex, type SessionFilter} from '../search/session-index.js';
import {readStoreSnapshot} from '../store/index.js';
import {UsageError, type Command} from './args.js';
import {writeError, writeLines} from './output.js';
import {sessionJson, sessionsTable, sessionsTsv, type IsWatched} from './print-sessions.js';
import {
	isWatched as isWatchedBy,
	nothingToWatchMessage,
	sessionsMarkdown,
	toWatchSessions,
	type WatchedMarks,
} from './to-watch.js';

/** `kubecon-notes sessions`: the same search the reader's panel runs, printed for a person or a script. */
export async function findSessions(
	command: Extract<Command, {kind: 'sessions'}>,
	library: Library,
	render: RenderOptions,
	isTty: boolean,
	/** The table's width on a terminal: --width, else the terminal's, however wide. */
	tableWidth: number = render.width,
): Promise<number> {
	const searchable = searchableSessions(library.posts);
	if (command.day !== null) requireKnownDay(command.day, searchable);
	const filter: SessionFilter = {
		...(command.missed ? {missedOnly: true} : {}),
		...(command.day === null ? {} : {day: /^\d+$/.test(command.day) ? Number(command.day) : command.day}),
	};
	let hits: Session[] = createSessionIndex(searchable)
		.search(command.query, filter)
		.map((hit) => hit.session);
	// The marks set with w in the reader, read quietly: this command never writes the store.
	const stored = readStoreSnapshot();
	if (stored.problem !== null) writeError(`kubecon-notes: warning: ${stored.problem}`);
	const marks: WatchedMarks = (key) => stored.isWatched(key);
	const isWatched: IsWatched = (session) => isWatchedBy(session, marks);
	if (command.toWatch) hits = toWatchSessions(hits, marks);
	if (command.format === 'md') {
		await writeLines(sessionsMarkdown(hits, marks));
	} else if (command.json) {
		// DEL, C1, bidi and invisible formatting as \uXXXX: JSON.stringify leaves them raw.
		await writeLines([
			escapeJsonText(
				JSON.stringify(
					hits.map((session) => sessionJson(session, isWatched)),
					null,
					2,
				),
			),
		]);
	} else if (isTty) {
		await writeLines(sessionsTable(hits, tableWidth, render.color, isWatched));
	} else {
		await writeLines(sessionsTsv(hits, isWatched));
	}
	if (hits.length === 0 && !command.json) {
		writeError(
			`kubecon-notes: ${command.toWatch ? nothingToWatchMessage(command.query) : `no sessions match${command.query ? ` '${command.query}'` : ''}`}`,
		);
	}
	return hits.length === 0 ? 1 : 0;
}

/** `--day abc` names no day of these notes: that is bad usage (exit 2), not an empty result. */
function requireKnownDay(day: string, sessions: Session[]): void {
	const wanted = day
		.trim()
		.toLowerCase()
		.replace(/^day\s*/, '');
	const numbers = new Set(
		sessions.flatMap((session) => (session.dayNumber === null ? [] : [String(session.dayNumber)])),
	);
	const labels = new Set(sessions.flatMap((session) => (session.day ? [session.day] : [])));
	if (numbers.has(wanted) || [...labels].some((label) => label.toLowerCase() === day.trim().toLowerCase())) return;
	const known =
		numbers.size > 0
			? `days ${[...numbers].sort().join(', ')}`
			: labels.size > 0
				? [...labels].map((label) => `'${label}'`).join(', ')
				: 'no days';
	throw new UsageError(`--day ${day}: these notes have ${known}`);
}
