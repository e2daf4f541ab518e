import {Chalk} from 'chalk';
import type {Session} from '../posts/types.js';
import {fitToWidth, textWidth} from '../render/text-width.js';

/** The JSON shape of one session: stable keys for scripts (`sessions --json | jq`). */
export type SessionJson = Pick<Session, 'title' | 'speakers' | 'people' | 'organizations' | 'url' | 'day' | 'note' | 'missed'> & {
	/** The post's id. */
	post: string;
	/** The bullet's line in the file. */
	line: number;
};

export function sessionJson(session: Session): SessionJson {
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
	};
}

/** One line a session, tab-separated, for cut and awk: day, title, speakers, note, missed, url, post. */
export function sessionsTsv(sessions: Session[]): string[] {
	const clean = (text: string | null) => (text ?? '').replace(/[\t\n]/g, ' ');
	return sessions.map(session =>
		[session.day, session.title, session.speakers, session.note, session.missed ? 'missed' : '', session.url, session.postId].map(clean).join('\t'),
	);
}

/** An aligned table for a terminal: the title column takes what the others leave. */
export function sessionsTable(sessions: Session[], width: number, color: boolean): string[] {
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
		const mark = session.missed ? chalk.yellow('◌') : ' ';
		const speakers = session.speakers ?? '';
		const line = `${mark} ${cell(session.day ?? '', dayWidth)} ${chalk.bold(cell(session.title, titleWidth))} ${chalk.dim(cell(speakers, speakerWidth))}`;
		return line.trimEnd();
	});
}
