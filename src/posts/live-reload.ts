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

/** Starts watching; never throws (a watcher that cannot start is reported through onError). */
export function startLiveReload(options: LiveReloadOptions): LiveReload {
	const report = (error: unknown) => options.onError?.(`Live reload: ${error instanceof Error ? error.message : String(error)}`);
	const started = import('./watch-posts.js').then(
		({watchPosts}) =>
			watchPosts(options.paths, {
				...(options.debounceMs === undefined ? {} : {debounceMs: options.debounceMs}),
				onError: report,
				onChange(changes) {
					const update = updateLibrary(options.currentLibrary(), changes, {drafts: options.drafts === true});
					options.onUpdate(update, changes);
				},
			}),
		(error: unknown) => {
			report(error);
			return null;
		},
	);
	return {
		ready: started.then(watcher => watcher?.ready),
		async stop() {
			const watcher = await started;
			await watcher?.close();
		},
	};
}
