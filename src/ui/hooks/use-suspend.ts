import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import {createSuspender, type Suspender} from '../suspend.js';
import type {TerminalSetup} from '../terminal-modes.js';

/**
 * Ctrl-Z and `fg` for the whole run: SIGTSTP and SIGCONT are listened to while the reader is
 * mounted. The place is saved before stopping; after `fg` the whole frame is written again, at the
 * terminal's size read anew (the shell drew over the screen meanwhile, and was told of any resize).
 * Without the terminal's own redraw, Ink's write('') clears its last frame and draws it anew.
 */
export function useSuspend(terminal: TerminalSetup | undefined, flush: () => void): () => void {
	const {write} = useStdout();
	const suspender = useRef<Suspender | null>(null);
	const flushRef = useRef(flush);
	flushRef.current = flush;
	useEffect(() => {
		if (!terminal) return;
		const created = createSuspender({
			...terminal,
			redraw: terminal.redraw ?? (() => write('')),
			beforeStop: () => flushRef.current(),
		});
		suspender.current = created;
		return () => {
			created.dispose();
			suspender.current = null;
		};
	}, [terminal, write]);
	return () => suspender.current?.suspend();
}
