import {useEffect, useRef} from 'react';
import type {Library} from '../../posts/types.js';
import type {LibraryUpdate} from '../../posts/update-library.js';

/**
 * What is watched: the paths the library was read from, as given, and whether drafts show.
 * `after`: watching starts once it settles (the reader's first frame is on screen): its first step
 * stats every post the start took from the index cache, 70 ms over 5,000 posts, which must not
 * hold the first frame back.
 */
export type WatchTarget = {paths: readonly string[]; drafts: boolean; after?: Promise<void>};

/**
 * Watches the posts while the reader is mounted; each batch is applied to the newest library and
 * handed to `apply`. The watcher (chokidar) loads after the first frame, and stops on unmount.
 */
export function useLiveReload(
	target: WatchTarget | undefined,
	currentLibrary: () => Library,
	apply: (update: LibraryUpdate) => void,
	say: (text: string) => void,
): void {
	const latest = useRef({currentLibrary, apply, say});
	latest.current = {currentLibrary, apply, say};
	useEffect(() => {
		const paths = target?.paths.filter((path) => path !== '-') ?? [];
		if (!target || paths.length === 0) return;
		let isStopped = false;
		let stop: (() => Promise<void>) | null = null;
		void (target.after ?? Promise.resolve())
			.then(() => import('../../posts/live-reload.js'))
			.then(({startLiveReload}) => {
				if (isStopped) return;
				const running = startLiveReload({
					paths,
					drafts: target.drafts,
					currentLibrary: () => latest.current.currentLibrary(),
					onUpdate: (update) => latest.current.apply(update),
					onError: (message) => latest.current.say(message),
				});
				stop = running.stop;
			});
		return () => {
			isStopped = true;
			void stop?.();
		};
	}, [target]);
}
