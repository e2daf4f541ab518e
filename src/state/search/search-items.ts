/**
 * What the search panel lists, as one list the selection moves in: the talks found (session-index.ts),
 * then the lines of text (text-search.ts), the open post's first. Pure.
 */
import type {SessionHit} from '../../search/session-index.js';
import {textNeedle, type TextHit, type TextResult} from '../../search/text-search.js';

/** What of the panel (search.ts) its entries depend on: the query, the text found, the talk filters. */
type PanelQuery = {query: string; text: TextResult | null; missedOnly: boolean; day: number | null};

/** One entry of the panel: a talk, or a line of a post's text. */
export type SearchItem = {kind: 'talk'; hit: SessionHit} | {kind: 'line'; hit: TextHit};

/** Which entry an item is, across searches: the selection stays on it while results come in. */
export function itemKey(item: SearchItem): string {
	return item.kind === 'talk'
		? `t${item.hit.session.postId}\n${item.hit.session.line}`
		: `l${item.hit.postId}\n${item.hit.line}`;
}

/** The text found for the panel's query; null while it is searched (or the results are another query's). */
export function currentText(panel: Pick<PanelQuery, 'query' | 'text'>): TextResult | null {
	return panel.text && textNeedle(panel.text.query) === textNeedle(panel.query) ? panel.text : null;
}

/** Talk filters (missed only, a day) are about talks: the text's lines step aside while one is on. */
export function hasTalkFilter(panel: Pick<PanelQuery, 'missedOnly' | 'day'>): boolean {
	return panel.missedOnly || panel.day !== null;
}

// Per list of talks (the reducer asks with the query's, the view with the settled query's): its
// items, made once, and the last list made with lines of text after them. 10,000 talks are not
// listed again when lines come in.
const made = new WeakMap<
	readonly SessionHit[],
	{talkItems: SearchItem[]; text: TextResult | null; filtered: boolean; items: SearchItem[]}
>();

/** The items that are talks: the first ones of every list of items made from `talks`. */
export function talkItemsOf(items: readonly SearchItem[]): readonly SearchItem[] | undefined {
	return talksOfItems.get(items);
}
const talksOfItems = new WeakMap<readonly SearchItem[], SearchItem[]>();

/** The talks, then the lines of text that are not a talk's own bullet (the talk says it better). */
export function searchItems(panel: PanelQuery, talks: readonly SessionHit[]): SearchItem[] {
	const text = currentText(panel);
	const filtered = hasTalkFilter(panel);
	const last = made.get(talks);
	if (last && last.text === text && last.filtered === filtered) return last.items;
	const talkItems = last?.talkItems ?? talks.map((hit): SearchItem => ({kind: 'talk', hit}));
	const lines = text && !filtered ? withoutBullets(text.hits, talks) : [];
	const items =
		lines.length === 0 ? talkItems : talkItems.concat(lines.map((hit): SearchItem => ({kind: 'line', hit})));
	made.set(talks, {talkItems, text, filtered, items});
	talksOfItems.set(items, talkItems);
	return items;
}

/** The lines that are not a talk's bullet: only the posts that have lines are looked at. */
function withoutBullets(lines: readonly TextHit[], talks: readonly SessionHit[]): TextHit[] {
	if (lines.length === 0) return [];
	const posts = new Set(lines.map((hit) => hit.postId));
	const bullets = new Set<string>();
	for (const hit of talks) if (posts.has(hit.session.postId)) bullets.add(`${hit.session.postId}\n${hit.session.line}`);
	return lines.filter((hit) => !bullets.has(`${hit.postId}\n${hit.line}`));
}
