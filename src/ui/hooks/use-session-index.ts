import {useEffect, useRef} from 'react';
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
	// The progress line said last, kept across a restart of the effect (a new env or the panel
	// reopened), so a build that ends in another run of it still takes its line away.
	const said = useRef<string | null>(null);
	useEffect(() => {
		const builder = env.sessionIndex;
		// The last progress line goes, unless something else was said since (the reducer knows what
		// is shown; a frame not drawn yet cannot mislead it); the new frame searches.
		const finish = () => {
			if (said.current !== null) say(null, said.current);
			said.current = null;
		};
		if (!isSearching || !builder) return;
		if (builder.isDone) return finish();
		let next: ReturnType<typeof setImmediate> | undefined;
		let saidAt = 0;
		const slice = () => {
			const isDone = builder.step(deadlineIn(SLICE_MS));
			if (isDone) return finish();
			// A few times a second: each message is a frame.
			if (performance.now() - saidAt > 250) {
				saidAt = performance.now();
				const text = `Reading the sessions of every post for search: ${builder.postsRead.toLocaleString('en-US')} of ${builder.postCount.toLocaleString('en-US')}…`;
				said.current = text;
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
