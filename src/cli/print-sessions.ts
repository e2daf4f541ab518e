import {Chalk} from 'chalk';
import type {Session} from '../posts/types.js';
import {fitToWidth, textWidth} from '../render/text-width.js';

/** The JSON shape of one session: stable keys for scripts (`sessions --json | jq`). */
export type SessionJson = Pick<Session, 'title' | 'speakers' | 'people' | 'organizations' | 'url' | 'day' | 'note' | 'missed'> & {
	/** The post's id. */
	post: string;
	/** The bullet's line in the file. */
	line: number;
	/** Marked watched in the reader (w), else true unless the talk was missed. */
	watched: boolean;
};

/** Whether a session counts as watched: the mark kept by the reader, else not missed. */
export type IsWatched = (session: Session) => boolean;

const unlessMissed: IsWatched = session => !session.missed;

export function sessionJson(session: Session, isWatched: IsWatched = unlessMissed): SessionJson {
	return {
		title: session.title,
		speakers: session.speakers,
		people: session.people,
		organizations: session.organizations,
		url: session.url,
		day: session.day,
		note: session.note,
		missed: session.missed,
		post: session.postId,
		line: session.fileLine,
		watched: isWatched(session),
	};
}

/**
 * One line a session, tab-separated, for cut and awk: day, title, speakers, note, missed, url, post,
 * watched. The watched column came last so that the earlier columns kept their numbers.
 */
export function sessionsTsv(sessions: Session[], isWatched: IsWatched = unlessMissed): string[] {
	const clean = (text: string | null) => (text ?? '').replace(/[\t\n]/g, ' ');
	return sessions.map(session =>
		[session.day, session.title, session.speakers, session.note, session.missed ? 'missed' : '', session.url, session.postId, isWatched(session) ? 'watched' : '']
			.map(clean)
			.join('\t'),
	);
}

/**
 * An aligned table for a terminal: the title column takes what the others leave. The first column
 * is the reader's mark: ✓ watched, ◌ to watch.
 */
export function sessionsTable(sessions: Session[], width: number, color: boolean, isWatched: IsWatched = unlessMissed): string[] {
	const chalk = new Chalk({level: color ? 1 : 0});
	const dayWidth = Math.min(12, Math.max(3, ...sessions.map(session => textWidth(session.day ?? ''))));
	const rest = width - dayWidth - 4;
	const titleWidth = Math.max(10, Math.floor(rest * 0.55));
	const speakerWidth = Math.max(0, rest - titleWidth);
	const cell = (text: string, size: number) => {
		const fitted = fitToWidth(text, size);
		return fitted + ' '.repeat(Math.max(0, size - textWidth(fitted)));
	};
	return sessions.map(session => {
		const mark = isWatched(session) ? chalk.green('✓') : chalk.yellow('◌');
		const speakers = session.speakers ?? '';
		const line = `${mark} ${cell(session.day ?? '', dayWidth)} ${chalk.bold(cell(session.title, titleWidth))} ${chalk.dim(cell(speakers, speakerWidth))}`;
		return line.trimEnd();
	});
}
