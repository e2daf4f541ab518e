import {currentDoc, layoutOf, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {scrollTo} from '../viewport/viewport-reducer.js';
import {findMatches, type FindMatch} from './find-matches.js';

/** An in-document find: the query, its matches (first row and the stretches they cover), the current one. */
export type Find = {query: string; matches: FindMatch[]; current: number};

export type FindAction =
	| {type: 'findType'; text: string}
	| {type: 'findBackspace'}
	| {type: 'findSubmit'}
	| {type: 'findStep'; direction: 1 | -1}
	| {type: 'clearFind'};

/** Rows kept above a match the reader scrolls to, so it is read in its context (less -j4). */
export const FIND_CONTEXT = 3;

/**
 * Shows match `current`: the text stays put when the match is on screen, else the match comes
 * into view a few rows below the top.
 */
function showMatch(state: ReaderState, env: ReaderEnv, find: Find, message: string): ReaderState {
	const line = find.matches[find.current]!.line;
	const height = layoutOf(state).paneHeight;
	if (line >= state.top && line < state.top + height) return {...state, find, message};
	return scrollTo(state, env, Math.max(0, line - Math.min(FIND_CONTEXT, Math.floor(height / 3))), {find, message});
}

/** Typing a find (the mode holds the input), running it, and stepping through its matches. */
export function findReducer(state: ReaderState, action: FindAction, env: ReaderEnv): ReaderState {
	switch (action.type) {
		case 'findType': {
			if (state.mode.kind !== 'find') return state;
			// The last query is offered selected: typing replaces it, as in a browser's find bar.
			return {
				...state,
				mode: {kind: 'find', input: (state.mode.isKept ? '' : state.mode.input) + action.text, isKept: false},
			};
		}
		case 'findBackspace': {
			if (state.mode.kind !== 'find') return state;
			return {
				...state,
				mode: {
					kind: 'find',
					input: state.mode.isKept ? '' : [...state.mode.input].slice(0, -1).join(''),
					isKept: false,
				},
			};
		}
		case 'findSubmit': {
			if (state.mode.kind !== 'find') return state;
			const query = state.mode.input.trim();
			const closed: ReaderState = {...state, mode: {kind: 'reader'}, lastFind: query || state.lastFind};
			if (query === '') return {...closed, find: null};
			const matches = findMatches(currentDoc(state, env), query);
			if (matches.length === 0) return {...closed, find: null, message: `Not found: ${query}`};
			// The first match at or below the top, as less searches forward from the screen.
			const first = matches.findIndex((match) => match.line >= state.top);
			const current = first === -1 ? 0 : first;
			const wrapped = first === -1 ? ' · from the top' : '';
			return showMatch(closed, env, {query, matches, current}, `${current + 1} of ${matches.length}${wrapped}`);
		}
		case 'findStep': {
			if (!state.find) return state;
			const count = state.find.matches.length;
			const next = state.find.current + action.direction;
			const current = (next + count) % count;
			// Going round is said, as less and vim say it: otherwise a reader thinks the text went on.
			const wrapped = next >= count ? ' · wrapped to the first' : next < 0 ? ' · wrapped to the last' : '';
			return showMatch(state, env, {...state.find, current}, `${current + 1} of ${count}${wrapped}`);
		}
		case 'clearFind': {
			return {...state, find: null, message: null};
		}
	}
}
