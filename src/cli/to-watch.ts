/**
 * The to-watch list: talks the notes mark missed (or the user marked to watch with `w`) and not yet
 * marked watched. The marks live in the store (store.ts), keyed by sessionKey; the rule is the
 * reader's own (isWatchedIn in the reducer): a mark wins, else a missed talk is still to watch.
 */
import type {Session} from '../posts/types.js';
import {sanitizeText} from '../markdown/sanitize.js';
import {sessionKey} from '../search/session-index.js';

/** Watched marks by session key: true watched, false to watch, undefined never marked. */
export type WatchedMarks = (sessionKey: string) => boolean | undefined;

/** Whether a talk counts as watched: its mark, else watched unless the notes say it was missed. */
export function isWatched(session: Session, marks: WatchedMarks): boolean {
	return marks(sessionKey(session)) ?? !session.missed;
}

/** The talks still to watch, in the order given. */
export function toWatchSessions<T extends Session>(sessions: readonly T[], marks: WatchedMarks): T[] {
	return sessions.filter((session) => !isWatched(session, marks));
}

/**
 * A markdown checklist, one talk a line: `- [ ] [Title — Speakers](url)`, `[x]` for a watched one.
 * Titles come from posts: control characters are shown as pictures and markdown's own characters
 * escaped, so a title prints as text wherever the list is pasted.
 */
export function sessionsMarkdown(sessions: readonly Session[], marks: WatchedMarks): string[] {
	return sessions.map((session) => {
		const box = isWatched(session, marks) ? '[x]' : '[ ]';
		const label = [session.title, session.speakers]
			.filter((part): part is string => Boolean(part && part.trim()))
			.map(markdownText)
			.join(' — ');
		return session.url ? `- ${box} [${label}](${markdownUrl(session.url)})` : `- ${box} ${label}`;
	});
}

/** One line of literal text in markdown: whitespace folded, markup characters escaped. */
export function markdownText(text: string): string {
	return (
		sanitizeText(text)
			.replace(/\s+/g, ' ')
			.trim()
			// Only what could start markup inside a link's text; `(OPA)` and `Q&A` read as they are.
			.replace(/[\\`*_[\]<>~]/g, (character) => `\\${character}`)
			// `&amp;` would be read as an entity; `Q&A` is fine as it is.
			.replace(/&(?=#?\w+;)/g, '\\&')
	);
}

/** A URL that cannot end the link early: spaces, brackets and angle brackets percent-encoded. */
function markdownUrl(url: string): string {
	return sanitizeText(url)
		.trim()
		.replace(
			/[\s()<>[\]\\`]/g,
			(character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
		);
}

/** The message for an empty list: exit 1 as for any search that found nothing, but say why. */
export function nothingToWatchMessage(query: string): string {
	return query
		? `no talks left to watch match '${query}'`
		: 'nothing left to watch: no talk is marked missed and not yet watched';
}
