import type {Library, Session} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';
import {searchableSessions} from '../search/searchable.js';
import {createSessionIndex, sessionKey, type SessionFilter} from '../search/session-index.js';
import {readStoreSnapshot} from '../state/store-snapshot.js';
import type {Command} from './args.js';
import {writeLines} from './output.js';
import {sessionJson, sessionsTable, sessionsTsv, type IsWatched} from './print-sessions.js';

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
	// The marks set with w in the reader; read quietly: this command never writes the store.
	const stored = readStoreSnapshot();
	const isWatched: IsWatched = session => stored.isWatched(sessionKey(session)) ?? !session.missed;
	if (command.json) {
		await writeLines([JSON.stringify(hits.map(session => sessionJson(session, isWatched)), null, 2)]);
	} else if (isTty) {
		await writeLines(sessionsTable(hits, render.width, render.color, isWatched));
	} else {
		await writeLines(sessionsTsv(hits, isWatched));
	}
	if (hits.length === 0 && !command.json) process.stderr.write(`kubecon-notes: no sessions match${command.query ? ` '${command.query}'` : ''}\n`);
	return hits.length === 0 ? 1 : 0;
}
