/**
 * What the search panel lists, as one list the selection moves in: the talks found (session-index.ts),
 * then the lines of text (text-search.ts), the open post's first. Pure.
 */
import type {SessionHit} from '../../search/session-index.js';
import {textNeedle, type TextHit, type TextResult} from '../../search/text-search.js';
import type {SearchPanel} from './search-reducer.js';

/** One entry of the panel: a talk, or a line of a post's text. */
export type SearchItem = {kind: 'talk'; hit: SessionHit} | {kind: 'line'; hit: TextHit};

/** Which entry an item is, across searches: the selection stays on it while results come in. */
export function itemKey(item: SearchItem): string {
	return item.kind === 'talk' ? `t${item.hit.session.postId}\n${item.hit.session.line}` : `l${item.hit.postId}\n${item.hit.line}`;
}

/** The text found for the panel's query; null while it is searched (or the results are another query's). */
export function currentText(panel: Pick<SearchPanel, 'query' | 'text'>): TextResult | null {
	return panel.text && textNeedle(panel.text.query) === textNeedle(panel.query) ? panel.text : null;
}

/** Talk filters (missed only, a day) are about talks: the text's lines step aside while one is on. */
export function hasTalkFilter(panel: Pick<SearchPanel, 'missedOnly' | 'day'>): boolean {
	return panel.missedOnly || panel.day !== null;
}

let last: {talks: readonly SessionHit[]; text: TextResult | null; filtered: boolean; items: SearchItem[]} | undefined;

/**
 * The talks, then the lines of text that are not a talk's own bullet (the talk says it better).
 * Kept for the last pair of lists: the reducer and the view ask for the same on every key.
 */
export function searchItems(panel: Pick<SearchPanel, 'query' | 'text' | 'missedOnly' | 'day'>, talks: readonly SessionHit[]): SearchItem[] {
	const text = currentText(panel);
	const filtered = hasTalkFilter(panel);
	if (last && last.talks === talks && last.text === text && last.filtered === filtered) return last.items;
	const bullets = new Set(talks.map(hit => `${hit.session.postId}\n${hit.session.line}`));
	const lines = text && !filtered ? text.hits.filter(hit => !bullets.has(`${hit.postId}\n${hit.line}`)) : [];
	const items: SearchItem[] = [...talks.map(hit => ({kind: 'talk', hit}) as const), ...lines.map(hit => ({kind: 'line', hit}) as const)];
	last = {talks, text, filtered, items};
	return items;
}
