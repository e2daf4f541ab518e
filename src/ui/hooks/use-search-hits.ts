import type {SessionHit} from '../../search/session-index.js';
import type {ReaderEnv, ReaderState} from '../../state/reader-state.js';
import type {SearchPanel} from '../../state/search/search.js';
import {useSettledValue} from './use-settled-value.js';

/** Panels that search for the same thing: moving the selection needs no new search. */
const sameQuery = (a: SearchPanel, b: SearchPanel) =>
	a.query === b.query && a.missedOnly === b.missedOnly && a.day === b.day;

/** No search is run outside the panel: the session index parses every post, the first frame one. */
const NO_HITS: SessionHit[] = [];

/**
 * The search panel's results. A typed character is drawn at once with the results it replaces;
 * the results for the new query follow in the next frame, so the echo never waits for a search.
 */
export function useSearchHits(state: ReaderState, env: ReaderEnv): SessionHit[] {
	const panel = state.mode.kind === 'search' ? state.mode.panel : state.keptSearch;
	const settledPanel = useSettledValue(panel, sameQuery);
	return state.mode.kind === 'search' ? env.searchResults(settledPanel) : NO_HITS;
}
