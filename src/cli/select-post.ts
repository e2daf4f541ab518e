import Fuse from 'fuse.js';
import type {Post, Topic} from '../posts/types.js';

/** The outcome of matching a name the user typed against posts or topics. */
export type Match<T> = {kind: 'one'; item: T} | {kind: 'many'; items: T[]} | {kind: 'none'};

/** Lower case, accents and punctuation folded: `Körbes` and `korbes` are one name. */
export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Finds what a typed name means: an exact name first, then names holding every typed word, then
 * the closest name by fuzzy match (a typo or two). Several matches at one level are ambiguous,
 * except at the fuzzy one: a typo that could be several names names none (`nope` is no typo of
 * every post titled "… notes"), and a word shorter than five letters is never taken for a typo.
 */
export function matchByName<T>(query: string, items: T[], names: (item: T) => string[]): Match<T> {
	const wanted = fold(query);
	if (wanted === '') return {kind: 'none'};
	const folded = items.map((item) => names(item).map(fold));
	const levels: Array<(name: string) => boolean> = [
		(name) => name === wanted,
		(name) => wanted.split(' ').every((word) => name.split(' ').some((part) => part.startsWith(word))),
		(name) => wanted.split(' ').every((word) => name.includes(word)),
	];
	for (const level of levels) {
		const hits = items.filter((_, index) => folded[index]!.some(level));
		if (hits.length === 1) return {kind: 'one', item: hits[0]!};
		if (hits.length > 1) return {kind: 'many', items: hits};
	}
	// Last, a typo or two: the best fuzzy hit when it clearly beats the next one.
	const fuse = new Fuse(
		folded.map((names, index) => ({names, index})),
		{keys: ['names'], threshold: 0.35, includeScore: true, ignoreLocation: true},
	);
	// A typo may bend a word, never a number: `2025` is not `2023`.
	const numbers = wanted.match(/\d+/g) ?? [];
	const hasNumbers = (names: string[]) =>
		numbers.every((number) => names.some((name) => name.split(' ').includes(number)));
	const hits = fuse.search(wanted).filter((hit) => hasNumbers(hit.item.names));
	const [best, next] = hits;
	if (!best) return {kind: 'none'};
	// A typo bends a word of five letters or more: a short word not in the name is no typo of it.
	const bestWords = best.item.names.flatMap((name) => name.split(' '));
	if (wanted.split(' ').some((word) => word.length < 5 && !bestWords.some((part) => part.startsWith(word))))
		return {kind: 'none'};
	if (!next || next.score! - best.score! > 0.1) return {kind: 'one', item: items[best.item.index]!};
	return {kind: 'none'};
}

/**
 * The one rule for naming a post (read, topics, forget): the path of its file (`file`, resolved,
 * when the name is one), its exact id (`-` is standard input's, which folding would erase), then
 * by name: id, slug or title, loosely (matchByName).
 */
export function matchPost(query: string, posts: Post[], file: string | null = null): Match<Post> {
	const byPath = file === null ? undefined : posts.find((post) => post.path === file);
	if (byPath) return {kind: 'one', item: byPath};
	const byId = posts.find((post) => post.id === query);
	return byId ? {kind: 'one', item: byId} : matchByName(query, posts, (post) => [post.id, post.slug, post.title]);
}

export const matchTopic = (query: string, topics: Topic[]): Match<Topic> =>
	matchByName(query, topics, (topic) => [topic.name]);
