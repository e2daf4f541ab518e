/** What a Jekyll file name says: `2023-04-27-kubecon-eu-2023.md` has a date and a slug. */
export type PostName = {date: Date | null; slug: string};

const NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;

export function parsePostName(fileName: string): PostName {
	const base = fileName.replace(/\.(md|markdown)$/i, '');
	const match = NAME.exec(base);
	if (!match) return {date: null, slug: base};
	const date = utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
	return {date, slug: match[4]!};
}

/** `kubecon-eu-2023` -> `Kubecon eu 2023`: the last-resort title. */
export function titleFromSlug(slug: string): string {
	const words = slug.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function utcDate(year: number, month: number, day: number): Date | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

// `2023-04-27`, `2023-04-27 11:47`, `2023-04-27 11:47:05 +0100`, `2023-04-27T11:47:05.123Z`,
// `2023-04-27 11:47:05 -05:00`: the shapes Jekyll's Time.parse meets in practice.
const DATE =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?$/i;

/** Reads a front matter date value (string or a YAML timestamp) leniently; null when it is not one. */
export function parsePostDate(value: unknown): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	if (typeof value !== 'string') return null;
	const match = DATE.exec(value.trim());
	if (!match) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
	const day = utcDate(Number(y), Number(mo), Number(d));
	if (!day) return null;
	// The wall-clock time is kept as if it were UTC and the zone is dropped: the post's day is then
	// the day the author wrote, whatever the reader's zone (`00:30 +0200` stays on its own day).
	return new Date(day.getTime() + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000);
}

/** `2023-04-27`: the post's calendar day as written (see parsePostDate). */
export function formatPostDate(date: Date | null): string {
	return date ? date.toISOString().slice(0, 10) : '';
}
