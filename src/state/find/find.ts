/**
 * The in-document find as a widget of its own: the line typed (the `find` mode's data), and the
 * find run (its matches and the current one). Its reducers take only their slice; showing a match
 * (scrolling the text to it) is the reader's command, told by `matchTop` where to go. Pure.
 */
import type {RenderedDoc} from '../../render/types.js';
import {findMatches, type FindMatch} from './find-matches.js';

/** An in-document find: the query, its matches (first row and the stretches they cover), the current one. */
export type Find = {query: string; matches: FindMatch[]; current: number};

/** The find line being typed; a kept query (the last one, offered again) shows selected. */
export type FindInput = {input: string; isKept: boolean};

export type FindAction =
	| {type: 'findType'; text: string}
	| {type: 'findBackspace'}
	| {type: 'findSubmit'}
	| {type: 'findStep'; direction: 1 | -1}
	| {type: 'clearFind'};

/** Rows kept above a match the reader scrolls to, so it is read in its context (less -j4). */
export const FIND_CONTEXT = 3;

/** The find line opened: the last query offered, selected (typing replaces it), as in a browser's find bar. */
export function openFindInput(lastFind: string): FindInput {
	return {input: lastFind, isKept: lastFind !== ''};
}

/** Typing in the find line. */
export function findInputReducer(
	line: FindInput,
	action: Extract<FindAction, {type: 'findType' | 'findBackspace'}>,
): FindInput {
	switch (action.type) {
		case 'findType': {
			return {input: (line.isKept ? '' : line.input) + action.text, isKept: false};
		}
		case 'findBackspace': {
			return {input: line.isKept ? '' : [...line.input].slice(0, -1).join(''), isKept: false};
		}
	}
}

/**
 * A find run over a doc from the text's `top`: the first match at or below it, as less searches
 * forward from the screen, with what the status line says. `find` is null when nothing matches.
 */
export function startFind(
	doc: Pick<RenderedDoc, 'lines' | 'blocks'>,
	query: string,
	top: number,
): {find: Find | null; message: string} {
	const matches = findMatches(doc, query);
	if (matches.length === 0) return {find: null, message: `Not found: ${query}`};
	const first = matches.findIndex((match) => match.line >= top);
	const current = first === -1 ? 0 : first;
	const wrapped = first === -1 ? ' · from the top' : '';
	return {find: {query, matches, current}, message: `${current + 1} of ${matches.length}${wrapped}`};
}

/** n and N: the next or previous match, going round (and saying so, as less and vim do). */
export function stepFind(find: Find, direction: 1 | -1): {find: Find; message: string} {
	const count = find.matches.length;
	const next = find.current + direction;
	const current = (next + count) % count;
	const wrapped = next >= count ? ' · wrapped to the first' : next < 0 ? ' · wrapped to the last' : '';
	return {find: {...find, current}, message: `${current + 1} of ${count}${wrapped}`};
}

/**
 * Where the text goes to show the current match: null when it is on screen (the text stays put),
 * else a top a few rows above it.
 */
export function matchTop(find: Find, top: number, height: number): number | null {
	const line = find.matches[find.current]!.line;
	if (line >= top && line < top + height) return null;
	return Math.max(0, line - Math.min(FIND_CONTEXT, Math.floor(height / 3)));
}
