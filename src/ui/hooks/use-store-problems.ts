import {useEffect} from 'react';
import type {Library, PostWarning} from '../../posts/types.js';
import type {LibraryUpdate} from '../../posts/update-library.js';

/**
 * Problems the store meets after the reader started (a write that failed: disk full, the lock
 * held too long), told as they happen. Each is one line for the status line and one entry of the
 * W list: a user who keeps reading must learn at once that places stay in memory only.
 */
export type StoreProblemFeed = {
	/** Starts telling `listener`; returns the way to stop. */
	subscribe(listener: (problem: {warning: PostWarning; text: string}) => void): () => void;
};

/** Shows each store problem in the status line and adds it to the W list. */
export function useStoreProblems(
	feed: StoreProblemFeed | undefined,
	applyUpdate: (make: (current: Library) => LibraryUpdate, message: string | null) => void,
): void {
	useEffect(
		() =>
			feed?.subscribe(({warning, text}) =>
				applyUpdate(
					(current) => ({
						library: {...current, warnings: [...current.warnings, warning]},
						warnings: [warning],
						added: [],
						changed: [],
						removed: [],
					}),
					text,
				),
			),
		[feed, applyUpdate],
	);
}
