import {Chalk} from 'chalk';
import type {Session} from '../posts/types.js';
import {fitToWidth, textWidth} from '../render/text-width.js';

/** The JSON shape of one session: stable keys for scripts (`sessions --json | jq`). */
export type SessionJson = Pick<
	Session,
	'title' | 'speakers' | 'people' | 'organizations' | 'url' | 'day' | 'note' | 'missed'
> & {
	/** The post's id. */
	post: string;
	/** The bullet's line in the file. */
	line: number;
	/** Marked watched in the reader (w), else true unless the talk was missed. */
	watched: boolean;
};

/** Whether a session counts as watched: the mark kept by the reader, else not missed. */
export type IsWatched = (session: Session) => boolean;

const unlessMissed: IsWatched = (session) => !session.missed;

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
	return sessions.map((session) =>
		[
			session.day,
			session.title,
			session.speakers,
			session.note,
			session.missed ? 'missed' : '',
			session.url,
			session.postId,
			isWatched(session) ? 'watched' : '',
		]
			.map(clean)
			.join('\t'),
	);
}

/** Columns between two cells of the table (as gh and ls leave). */
const GAP = 2;

/**
 * How wide the table's columns are at `width`: every cell whole when it fits (the URL column only
 * then: a URL is never cut); else the URLs go, the day keeps at most 12 columns, and the title and
 * speakers share what is left, the title first (up to three fifths, more when the speakers need
 * less), each cut with … only then.
 */
export function tableColumns(
	natural: {day: number; title: number; speakers: number; url: number},
	width: number,
): {day: number; title: number; speakers: number; url: number} {
	const speakerPart = natural.speakers > 0 ? GAP + natural.speakers : 0;
	const whole = 2 + (natural.day > 0 ? natural.day + GAP : 0) + natural.title + speakerPart;
	if (natural.url > 0 && whole + GAP + natural.url <= width) return natural;
	if (whole <= width) return {...natural, url: 0};
	// No room for everything: a long day label (a heading taken as one) gives way first, to 12 columns.
	const day = Math.min(natural.day, 12);
	const room = Math.max(2, width - 2 - (day > 0 ? day + GAP : 0) - (natural.speakers > 0 ? GAP : 0));
	if (natural.speakers === 0) return {...natural, day, title: Math.min(natural.title, room), url: 0};
	const title = Math.min(natural.title, Math.max(Math.floor(room * 0.6), room - natural.speakers));
	return {
		...natural,
		day,
		title: Math.max(1, title),
		speakers: Math.min(natural.speakers, Math.max(1, room - title)),
		url: 0,
	};
}

/**
 * An aligned table for a terminal as wide as `width`: mark, day, title, speakers and, where there
 * is room for it whole, the URL (tableColumns). The first column is the reader's mark: ✓ watched,
 * ◌ to watch.
 */
export function sessionsTable(
	sessions: Session[],
	width: number,
	color: boolean,
	isWatched: IsWatched = unlessMissed,
): string[] {
	const chalk = new Chalk({level: color ? 1 : 0});
	const widest = (cells: Array<string | null>) => Math.max(0, ...cells.map((cell) => textWidth(cell ?? '')));
	const columns = tableColumns(
		{
			day: widest(sessions.map((session) => session.day)),
			title: widest(sessions.map((session) => session.title)),
			speakers: widest(sessions.map((session) => session.speakers)),
			url: widest(sessions.map((session) => session.url)),
		},
		width,
	);
	const cell = (text: string, size: number) => {
		const fitted = fitToWidth(text, size);
		return fitted + ' '.repeat(Math.max(0, size - textWidth(fitted)));
	};
	const gap = ' '.repeat(GAP);
	return sessions.map((session) => {
		const parts = [isWatched(session) ? chalk.green('✓') : chalk.yellow('◌'), ' '];
		if (columns.day > 0) parts.push(cell(session.day ?? '', columns.day), gap);
		parts.push(chalk.bold(cell(session.title, columns.title)));
		if (columns.speakers > 0) parts.push(gap, chalk.dim(cell(session.speakers ?? '', columns.speakers)));
		if (columns.url > 0) parts.push(gap, cell(session.url ?? '', columns.url));
		return parts.join('').trimEnd();
	});
}
