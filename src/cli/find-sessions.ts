import type {Library, Session} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';
import {searchableSessions} from '../search/searchable.js';
import {createSessionIndex, type SessionFilter} from '../search/session-index.js';
import {UsageError, type Command} from './args.js';
import {writeLines} from './output.js';
import {sessionJson, sessionsTable, sessionsTsv} from './print-sessions.js';
import {nothingToWatchMessage, sessionsMarkdown, storedMarks, toWatchSessions} from './to-watch.js';
import {sanitizeText} from '../posts/sanitize.js';

/** `kubecon-notes sessions`: the same search the reader's panel runs, printed for a person or a script. */
export async function findSessions(
	command: Extract<Command, {kind: 'sessions'}>,
	library: Library,
	render: RenderOptions,
	isTty: boolean,
): Promise<number> {
	const searchable = searchableSessions(library.posts);
	if (command.day !== null) requireKnownDay(command.day, searchable);
	const filter: SessionFilter = {
		...(command.missed ? {missedOnly: true} : {}),
		...(command.day === null ? {} : {day: /^\d+$/.test(command.day) ? Number(command.day) : command.day}),
	};
	let hits: Session[] = createSessionIndex(searchable)
		.search(command.query, filter)
		.map(hit => hit.session);
	// Watched marks are read only when asked for: a plain search opens no store.
	const marks = command.toWatch || command.format === 'md' ? await storedMarks(message => process.stderr.write(`kubecon-notes: warning: ${sanitizeText(message)}\n`)) : null;
	if (marks && command.toWatch) hits = toWatchSessions(hits, marks);
	if (marks && command.format === 'md') {
		await writeLines(sessionsMarkdown(hits, marks));
	} else if (command.json) {
		await writeLines([JSON.stringify(hits.map(sessionJson), null, 2)]);
	} else if (isTty) {
		await writeLines(sessionsTable(hits, render.width, render.color));
	} else {
		await writeLines(sessionsTsv(hits));
	}
	if (hits.length === 0 && !command.json) {
		process.stderr.write(`kubecon-notes: ${command.toWatch ? nothingToWatchMessage(command.query) : `no sessions match${command.query ? ` '${command.query}'` : ''}`}\n`);
	}
	return hits.length === 0 ? 1 : 0;
}

/** `--day abc` names no day of these notes: that is bad usage (exit 2), not an empty result. */
function requireKnownDay(day: string, sessions: Session[]): void {
	const wanted = day.trim().toLowerCase().replace(/^day\s*/, '');
	const numbers = new Set(sessions.flatMap(session => (session.dayNumber === null ? [] : [String(session.dayNumber)])));
	const labels = new Set(sessions.flatMap(session => (session.day ? [session.day] : [])));
	if (numbers.has(wanted) || [...labels].some(label => label.toLowerCase() === day.trim().toLowerCase())) return;
	const known = numbers.size > 0 ? `days ${[...numbers].sort().join(', ')}` : labels.size > 0 ? [...labels].map(label => `'${label}'`).join(', ') : 'no days';
	throw new UsageError(`--day ${day}: these notes have ${known}`);
}
