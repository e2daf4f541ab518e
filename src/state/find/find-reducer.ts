import {stripStyles} from '../../render/plain.js';
import {currentDoc, type ReaderEnv, type ReaderState} from '../reader-state.js';
import {scrollTo} from '../viewport/viewport-reducer.js';

/** An in-document find: the query and the rendered lines that hold it. */
export type Find = {query: string; lines: number[]; current: number};

export type FindAction = {type: 'findType'; text: string} | {type: 'findBackspace'} | {type: 'findSubmit'} | {type: 'findStep'; direction: 1 | -1} | {type: 'clearFind'};

/** Typing a find (the mode holds the input), running it, and stepping through its matches. */
export function findReducer(state: ReaderState, action: FindAction, env: ReaderEnv): ReaderState {
	switch (action.type) {
		case 'findType': {
			return state.mode.kind === 'find' ? {...state, mode: {kind: 'find', input: state.mode.input + action.text}} : state;
		}
		case 'findBackspace': {
			return state.mode.kind === 'find' ? {...state, mode: {kind: 'find', input: [...state.mode.input].slice(0, -1).join('')}} : state;
		}
		case 'findSubmit': {
			if (state.mode.kind !== 'find') return state;
			const query = state.mode.input.trim();
			const closed: ReaderState = {...state, mode: {kind: 'reader'}};
			if (query === '') return {...closed, find: null};
			const folded = query.toLowerCase();
			const lines = currentDoc(state, env)
				.lines.map((line, index) => (stripStyles(line).toLowerCase().includes(folded) ? index : -1))
				.filter(index => index !== -1);
			if (lines.length === 0) return {...closed, find: null, message: `Not found: ${query}`};
			const first = lines.findIndex(line => line >= state.top);
			const current = first === -1 ? 0 : first;
			return scrollTo(closed, env, lines[current]!, {find: {query, lines, current}, message: `${current + 1} of ${lines.length}`});
		}
		case 'findStep': {
			if (!state.find) return state;
			const count = state.find.lines.length;
			const current = (state.find.current + action.direction + count) % count;
			return scrollTo(state, env, state.find.lines[current]!, {find: {...state.find, current}, message: `${current + 1} of ${count}`});
		}
		case 'clearFind': {
			return {...state, find: null, message: null};
		}
	}
}
