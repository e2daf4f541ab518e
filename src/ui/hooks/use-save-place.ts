import {useEffect, useRef} from 'react';
import type {ReaderState} from '../../state/reader-state.js';
import type {DebouncedSaver, Store} from '../../store/index.js';

/** The store as the reader uses it. */
export type ReaderStore = Pick<Store, 'getPosition' | 'lastPostId' | 'setLastPostId' | 'isWatched' | 'setWatched'>;

/**
 * Writes a post's place after the reader moved in it (debounced), and only then: the reducer bumps
 * `lastMove` on a move, never on opening a post, so looking at a post never rewrites its place.
 */
export function useSavePlace(
	state: Pick<ReaderState, 'lastMove' | 'places'>,
	store: ReaderStore | undefined,
	saver: Pick<DebouncedSaver, 'save'> | undefined,
): void {
	const {lastMove, places} = state;
	const place = lastMove ? places[lastMove.postId] : undefined;
	// Only a new move saves: a place that changes without one (a reload clamping it) is not written.
	const savedMove = useRef<typeof lastMove>(null);
	useEffect(() => {
		if (!lastMove || !store || !place || savedMove.current === lastMove) return;
		savedMove.current = lastMove;
		saver?.save(lastMove.postId, place);
		if (store.lastPostId() !== lastMove.postId) store.setLastPostId(lastMove.postId);
	}, [lastMove, place, store, saver]);
}

/** Watched marks are kept at once: they are rare and deliberate. */
export function useSaveWatched(watched: Record<string, boolean>, store: ReaderStore | undefined): void {
	useEffect(() => {
		if (!store) return;
		for (const [key, isWatched] of Object.entries(watched))
			if (store.isWatched(key) !== isWatched) store.setWatched(key, isWatched);
	}, [watched, store]);
}
