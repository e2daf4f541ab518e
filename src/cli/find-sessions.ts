import {escapeJsonText} from '../markdown/sanitize.js';
import type {Library, Session} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';
import {searchableSessions} from '../search/searchable.js';
import {createSessionIndex, type SessionFilter} from '../search/session-index.js';
import type {Command} from './args.js';
import {writeError, writeLines} from './output.js';
import {sessionJson, sessionsTable, sessionsTsv} from './print-sessions.js';

/** `kubecon-notes sessions`: the same search the reader's panel runs, printed for a person or a script. */
export async function findSessions(
	command: Extract<Command, {kind: 'sessions'}>,
	library: Library,
	render: RenderOptions,
	isTty: boolean,
): Promise<number> {
	const filter: SessionFilter = {
		...(command.missed ? {missedOnly: true} : {}),
		...(command.day === null ? {} : {day: /^\d+$/.test(command.day) ? Number(command.day) : command.day}),
	};
	const hits: Session[] = createSessionIndex(searchableSessions(library.posts))
		.search(command.query, filter)
		.map(hit => hit.session);
	if (command.json) {
		// DEL, C1, bidi and invisible formatting as \uXXXX: JSON.stringify leaves them raw.
		await writeLines([escapeJsonText(JSON.stringify(hits.map(sessionJson), null, 2))]);
	} else if (isTty) {
		await writeLines(sessionsTable(hits, render.width, render.color));
	} else {
		await writeLines(sessionsTsv(hits));
	}
	if (hits.length === 0 && !command.json) writeError(`kubecon-notes: no sessions match${command.query ? ` '${command.query}'` : ''}`);
	return hits.length === 0 ? 1 : 0;
}
