import {useEffect, useRef} from 'react';
import type {TextResult} from '../../search/text-search.js';
import type {ReaderAction} from '../../state/reader-reducer.js';
import type {ReaderEnv, ReaderState} from '../../state/reader-state.js';
import {currentText} from '../../state/search/search-items.js';

/** How long one slice of the text search may take before the keys typed meanwhile are read. */
export const TEXT_SLICE_MS = 4;
/** While a long search runs, what it found so far is shown this often (a frame costs too). */
const PROGRESS_MS = 120;

/**
 * Searches the text of every post for the panel's query, in slices of a few milliseconds between
 * which the keys are read, so typing never waits for a library of thousands of posts. What was
 * found goes to the reducer: the open post's lines at once, the rest when done (and now and then
 * while a long search runs). A new query, or closing the panel, drops the search under way.
 */
export function useTextSearch(state: ReaderState, env: ReaderEnv, dispatch: (action: ReaderAction) => void): void {
	const panel = state.mode.kind === 'search' ? state.mode.panel : null;
	const query = panel?.query ?? null;
	const {postIndex} = state;
	// A result for this query, from this post, already there (the panel reopened): nothing to search.
	const known = panel === null ? null : currentText(panel);
	const isKnown = known?.isDone === true && known.first === postIndex;
	// The last search that ran to its end: a longer query searches only the posts it found.
	const lastDone = useRef<{result: TextResult; env: ReaderEnv; postIndex: number} | null>(null);
	useEffect(() => {
		if (query === null || isKnown) return;
		const previous =
			lastDone.current?.env === env && lastDone.current.postIndex === postIndex ? lastDone.current.result : null;
		const job = env.textSearch(query, postIndex, previous);
		let timer: NodeJS.Immediate | undefined;
		let shown = performance.now();
		let isFirst = true;
		const slice = () => {
			const deadline = performance.now() + TEXT_SLICE_MS;
			const isDone = job.step(() => performance.now() >= deadline);
			const now = performance.now();
			if (isDone || isFirst || now - shown >= PROGRESS_MS) {
				isFirst = false;
				shown = now;
				const result = job.result();
				if (isDone) lastDone.current = {result, env, postIndex};
				dispatch({type: 'searchText', result});
			}
			if (!isDone) timer = setImmediate(slice);
		};
		timer = setImmediate(slice);
		return () => {
			if (timer) clearImmediate(timer);
		};
	}, [query, isKnown, postIndex, env, dispatch]);
}
