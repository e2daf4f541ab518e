/**
 * Live reload as one call for the reader: watch the paths, apply each batch to the library, hand
 * the result over. No React here: the reader's hook starts it in an effect and stops it on unmount.
 * chokidar loads only when this starts, so neither the printed path nor the first frame pays for it.
 */
import type {Library} from './types.js';
import {updateLibrary, type LibraryUpdate} from './update-library.js';
import type {PostChange} from './watch-posts.js';

export type LiveReloadOptions = {
	/** The paths the library was loaded from, as given (`-` is skipped). */
	paths: readonly string[];
	/** The library as it is now: each batch applies to the newest one, not the one at start. */
	currentLibrary: () => Library;
	/** Called with each batch's result; `update.library` replaces the reader's library. */
	onUpdate: (update: LibraryUpdate, changes: readonly PostChange[]) => void;
	/** Watching problems, as one line each for the status line. */
	onError?: (message: string) => void;
	drafts?: boolean;
	debounceMs?: number;
};

/** A running live reload: `ready` once the first scan is done, `stop()` on quit. */
export type LiveReload = {ready: Promise<void>; stop(): Promise<void>};

/**
 * Starts watching; never throws (a watcher that cannot start is reported through onError). Heads
 * the start took from the index cache without looking at their files are checked first, so a post
 * changed while the reader was closed is read again now, not at its next change.
 */
export function startLiveReload(options: LiveReloadOptions): LiveReload {
	const report = (error: unknown) =>
		options.onError?.(`Live reload: ${error instanceof Error ? error.message : String(error)}`);
	const apply = (changes: PostChange[]) => {
		const update = updateLibrary(options.currentLibrary(), changes, {drafts: options.drafts === true});
		options.onUpdate(update, changes);
	};
	try {
		const changed = options.currentLibrary().checkCachedHeads?.() ?? [];
		if (changed.length > 0) apply(changed);
	} catch (error) {
		report(error);
	}
	const started = import('./watch-posts.js').then(
		({watchPosts}) =>
			watchPosts(options.paths, {
				...(options.debounceMs === undefined ? {} : {debounceMs: options.debounceMs}),
				onError: report,
				onChange: apply,
			}),
		(error: unknown) => {
			report(error);
			return null;
		},
	);
	return {
		ready: started.then((watcher) => watcher?.ready),
		async stop() {
			const watcher = await started;
			await watcher?.close();
		},
	};
}
