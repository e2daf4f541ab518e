/** What the search panel lists, worked out without React: results grouped by post, the empty words. */
import type {SearchPanel} from './search-reducer.js';

/**
 * Hits grouped under their post, the posts in the order of their best hit, each post's hits in
 * score order: a post's title is then said once, above its sessions.
 */
export function groupByPost<T extends {session: {postId: string}}>(hits: readonly T[]): T[] {
	const rank = new Map<string, number>();
	for (const hit of hits) if (!rank.has(hit.session.postId)) rank.set(hit.session.postId, rank.size);
	return hits.map((hit, index) => ({hit, index})).sort((a, b) => rank.get(a.hit.session.postId)! - rank.get(b.hit.session.postId)! || a.index - b.index).map(({hit}) => hit);
}

/**
 * Why the list is empty, naming the filters that hide what the query alone finds and the keys that
 * clear them: "no missed talks on day 2 match 'x' — m clears missed, d changes the day".
 */
export function emptyResultText(panel: Pick<SearchPanel, 'query' | 'missedOnly' | 'day'>, hasSessions: boolean): string {
	const query = panel.query.trim();
	if (!panel.missedOnly && panel.day === null) {
		if (!hasSessions) return 'These notes list no sessions.';
		return query ? `no talk matches '${query}' — Ctrl-U clears the query` : 'no talk matches';
	}
	const what = `no ${panel.missedOnly ? 'missed talks' : 'talks'}${panel.day === null ? '' : ` on day ${panel.day}`}${query ? ` match '${query}'` : ''}`;
	const keys = [panel.missedOnly ? 'm clears missed' : '', panel.day === null ? '' : 'd changes the day'].filter(Boolean).join(', ');
	return `${what} — ${keys}`;
}
