/**
 * Ctrl-Z and `fg`. In raw mode the terminal sends Ctrl-Z as a byte, not a signal, so the reader's
 * key handler calls `suspend()`; `kill -TSTP` from elsewhere arrives as SIGTSTP and does the same.
 * Either way the terminal is given back first (main screen, cursor, cooked mode, mouse off), then
 * the process stops itself with SIGSTOP (which, unlike SIGTSTP, cannot be caught or ignored).
 * On SIGCONT it takes the terminal again and asks for a full redraw: the shell drew over the screen.
 */
import {enterTerminal, leaveTerminal, type TerminalSetup} from './terminal-modes.js';

/** The process, as far as suspending needs it: signals to listen to, and a way to stop. */
export type SignalSource = {
	on(signal: 'SIGTSTP' | 'SIGCONT', listener: () => void): unknown;
	off(signal: 'SIGTSTP' | 'SIGCONT', listener: () => void): unknown;
};

export type SuspendOptions = TerminalSetup & {
	/** Repaints the whole frame: Ink only writes what changed, and the screen was cleared. */
	redraw: () => void;
	/** Runs before stopping: save the reading position while the process still can. */
	beforeStop?: () => void;
	/** Default `process`. */
	signals?: SignalSource;
	/** Default: `process.kill(process.pid, 'SIGSTOP')`. */
	stop?: () => void;
};

export type Suspender = {
	/** Gives the terminal back and stops; returns after `fg` (SIGCONT) has taken it again. */
	suspend(): void;
	/** Stops listening for SIGTSTP and SIGCONT (on quit). */
	dispose(): void;
};

/** Listens for SIGTSTP and SIGCONT until disposed; `suspend()` is for the Ctrl-Z key. */
export function createSuspender(options: SuspendOptions): Suspender {
	const signals = options.signals ?? process;
	const stop = options.stop ?? (() => process.kill(process.pid, 'SIGSTOP'));
	let isDisposed = false;
	let isStopping = false;

	const suspend = () => {
		if (isDisposed || isStopping) return;
		isStopping = true;
		try {
			options.beforeStop?.();
		} catch {
			// Saving failed: stopping must not.
		}
		leaveTerminal(options);
		// The terminal writes above are synchronous on a TTY, so the shell finds it restored.
		stop();
		isStopping = false;
	};

	const resume = () => {
		if (isDisposed) return;
		// Also after a stop we did not ask for (kill -STOP): the shell may have drawn over the screen.
		enterTerminal(options);
		try {
			options.redraw();
		} catch {
			// A failed redraw is a stale frame until the next key, not a reason to die.
		}
	};

	signals.on('SIGTSTP', suspend);
	signals.on('SIGCONT', resume);
	return {
		suspend,
		dispose() {
			if (isDisposed) return;
			isDisposed = true;
			signals.off('SIGTSTP', suspend);
			signals.off('SIGCONT', resume);
		},
	};
}
