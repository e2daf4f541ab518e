import {useEffect} from 'react';
import type {ReaderEnv} from '../../state/reader-state.js';
import {deadlineIn, SLICE_MS} from '../reader-env.js';

/**
 * Builds the session index between frames while the search panel is open: a slice of about a
 * frame, then the event loop (keys, Ink's frames), then the next slice. The status line says how
 * far it is; once it is whole the message goes and the panel's results follow. Leaving the panel
 * pauses it (what was read stays read); a new library (a reload) starts a new one.
 */
export function useSessionIndex(
	isSearching: boolean,
	env: ReaderEnv,
	say: (text: string | null, replacing?: string) => void,
): void {
	useEffect(() => {
		const builder = env.sessionIndex;
		if (!isSearching || !builder || builder.isDone) return;
		let next: ReturnType<typeof setImmediate> | undefined;
		let saidAt = 0;
		let said: string | null = null;
		const slice = () => {
			const isDone = builder.step(deadlineIn(SLICE_MS));
			if (isDone) {
				// The last progress line goes, unless something else was said since (the reducer knows
				// what is shown; a frame not drawn yet cannot mislead it); the new frame searches.
				if (said !== null) say(null, said);
				return;
			}
			// A few times a second: each message is a frame.
			if (performance.now() - saidAt > 250) {
				saidAt = performance.now();
				const text = `Reading the sessions of every post for search: ${builder.postsRead.toLocaleString('en-US')} of ${builder.postCount.toLocaleString('en-US')}…`;
				said = text;
				say(text);
			}
			next = setImmediate(slice);
		};
		next = setImmediate(slice);
		return () => {
			if (next !== undefined) clearImmediate(next);
		};
	}, [isSearching, env, say]);
}
