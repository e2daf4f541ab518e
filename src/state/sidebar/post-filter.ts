/**
 * The sidebar's filter: what is typed after `/` in the list. Words are looked for in the title
 * (folded like the search: case and accents ignored); `tag:kube` keeps posts with a tag starting
 * with `kube`. Every term must hold. Pure.
 */
import {foldText} from '../../search/fold-text.js';

/** The filter as the state keeps it: the text typed and whether only posts with talks show. */
export type SidebarFilter = {query: string; isTalksOnly: boolean};

/** The longest filter kept: a paste is cut here. */
export const MAX_FILTER_CHARS = 200;

type Terms = {words: string[]; tags: string[]};

/** The terms of a filter: words for the title, `tag:` prefixes for the tags. */
export function filterTerms(query: string): Terms {
	const words: string[] = [];
	const tags: string[] = [];
	for (const term of foldText(query.slice(0, MAX_FILTER_CHARS)).split(/\s+/)) {
		if (term === '') continue;
		if (term.startsWith('tag:') || term.startsWith('#')) {
			const tag = term.startsWith('#') ? term.slice(1) : term.slice(4);
			if (tag !== '') tags.push(tag);
		} else words.push(term);
	}
	return {words, tags};
}

/** Whether a filter asks for anything. */
export function isFiltering(filter: SidebarFilter): boolean {
	return filter.isTalksOnly || filter.query.trim() !== '';
}

/**
 * The indices of the posts the filter keeps, in library order. `hasTalks` is asked only when
 * talks-only is on (it parses the post), and only of posts the other terms kept.
 */
export function filterPosts(
	posts: ReadonlyArray<{title: string; tags: readonly string[]}>,
	filter: SidebarFilter,
	hasTalks: (postIndex: number) => boolean,
): number[] {
	const {words, tags} = filterTerms(filter.query);
	const kept: number[] = [];
	for (const [index, post] of posts.entries()) {
		if (words.length > 0) {
			const title = foldText(post.title);
			if (!words.every((word) => title.includes(word))) continue;
		}
		if (tags.length > 0) {
			const folded = post.tags.map((tag) => foldText(tag));
			if (!tags.every((tag) => folded.some((candidate) => candidate.startsWith(tag)))) continue;
		}
		if (filter.isTalksOnly && !hasTalks(index)) continue;
		kept.push(index);
	}
	return kept;
}
