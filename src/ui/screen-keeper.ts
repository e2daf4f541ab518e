/**
 * Keeps every frame whole. Ink draws a frame as changes to the last one (the rows that changed,
 * each from its first changed column: patches/ink+6.8.0.patch), which is right only while the
 * terminal still holds that last frame. It does not after a resize (tmux, xterm and kitty each
 * reflow or cut what they held when the width changes, each its own way), after `fg` (the shell
 * drew meanwhile), after an editor, or when another program wrote over the screen (Ctrl-L).
 *
 * So once the screen is lost, what Ink writes (changes to a frame no longer there) is held back,
 * and as soon as a frame drawn at the terminal's size is ready, the whole of it is written on a
 * cleared screen (ESC[2J: on the alternate screen it touches no scrollback). From then on the
 * terminal holds Ink's last frame again, and the small writes per key are right.
 */
import {CLEAR_SCREEN, SYNC_ON} from './terminal-modes.js';

/** Columns and rows. */
export type ScreenSize = {width: number; height: number};

export type ScreenKeeper = {
	/**
	 * The stream to give Ink: writes go to `stream` unless the screen is lost; Ink is not told of
	 * resizes (its own handler draws the old view at the new width; the reader draws the new one).
	 */
	readonly stream: NodeJS.WriteStream;
	/** The screen no longer holds the last frame: the next frame at the terminal's size is drawn whole. */
	lose(): void;
	/** Loses the screen after reading the terminal's size again (Ctrl-L, `fg`, back from an editor). */
	redraw(): void;
	/** The size the view is being drawn at (told on every render of the root, before Ink draws it). */
	viewAt(size: ScreenSize): void;
	/** Ink has computed a frame (its `onRender`): the one of the view last told. */
	frameDrawn(): void;
	/** How to write the whole last frame after some text: Ink's `useStdout().write`. */
	setPainter(paint: ((prefix: string) => void) | null): void;
	/**
	 * Something else drew on the screen (the early frame: early-frame.ts), and Ink's first frame
	 * assumes a blank one: its first write clears the screen first, inside the same synchronized
	 * update, so rows it leaves shorter show nothing of what was there.
	 */
	clearBeforeFirstFrame(): void;
	/** Stops listening to the terminal. */
	dispose(): void;
};

/** What the keeper needs of the terminal: its size, resizes, and writing. */
type Terminal = Pick<NodeJS.WriteStream, 'write' | 'on' | 'off' | 'columns' | 'rows'>;

/** The terminal's size as the view reads it (useTerminalSize): 80x24 when it cannot say. */
export const terminalSize = (stdout: Pick<NodeJS.WriteStream, 'columns' | 'rows'>): ScreenSize => ({
	width: stdout.columns || 80,
	height: stdout.rows || 24,
});

/**
 * Reads the terminal's size again: a terminal resized while the reader was stopped told the shell,
 * which had the terminal then, not the reader, so after `fg` nobody says the size changed. Node
 * keeps the size it last read (`getWindowSize()` returns that copy) and reads it anew only on
 * SIGWINCH, through the stream's `_refreshSize`, which updates `columns` and `rows` and emits
 * `resize` when they changed: that is called here, at once. A stream without it gets the signal.
 */
export function refreshSize(stdout: Terminal): void {
	const refresh = (stdout as {_refreshSize?: unknown})._refreshSize;
	try {
		if (typeof refresh === 'function') (refresh as () => void).call(stdout);
		else process.kill(process.pid, 'SIGWINCH');
	} catch {
		// The terminal cannot say (it went away): the size known stays.
	}
}

const RESIZE_HIDDEN = new Set([
	'on',
	'addListener',
	'prependListener',
	'once',
	'prependOnceListener',
	'off',
	'removeListener',
]);

/**
 * A keeper over `stdout` (the real terminal, for its size and resizes) that writes through
 * `writer` (the reader's one writer, guarded-stdout.ts).
 */
export function createScreenKeeper(stdout: Terminal, writer: NodeJS.WriteStream): ScreenKeeper {
	let isLost = false;
	let viewSize: ScreenSize | null = null;
	let frameSize: ScreenSize | null = null;
	let paint: ((prefix: string) => void) | null = null;
	let isScheduled = false;
	let isClearFirst = false;

	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const out = writer.write as (...args: unknown[]) => boolean;
		// Held back: an empty write keeps Ink's callbacks (its exit waits on one) in their order.
		if (isLost) return out('', ...rest);
		if (isClearFirst && typeof chunk === 'string' && chunk !== '') {
			isClearFirst = false;
			const synchronized = chunk.startsWith(SYNC_ON);
			return out(
				synchronized ? `${SYNC_ON}${CLEAR_SCREEN}${chunk.slice(SYNC_ON.length)}` : `${CLEAR_SCREEN}${chunk}`,
				...rest,
			);
		}
		return out(chunk, ...rest);
	};
	const stream = new Proxy(writer, {
		get(target, property, receiver) {
			if (property === 'write') return write;
			if (typeof property === 'string' && RESIZE_HIDDEN.has(property)) {
				const method = Reflect.get(target, property, receiver) as (
					event: string | symbol,
					listener: (...args: unknown[]) => void,
				) => unknown;
				return (event: string | symbol, listener: (...args: unknown[]) => void) =>
					event === 'resize' ? stream : method.call(target, event, listener);
			}
			return Reflect.get(target, property, receiver) as unknown;
		},
	});

	/** Draws the whole frame once the frame Ink holds was drawn at the terminal's size. */
	const settle = () => {
		isScheduled = false;
		if (!isLost || !paint || !frameSize) return;
		const size = terminalSize(stdout);
		if (frameSize.width !== size.width || frameSize.height !== size.height) return;
		isLost = false;
		isClearFirst = false;
		// Ink's write forgets the frame it drew, writes this, then the whole last frame: the screen
		// cleared and homed first, wherever a terminal's reflow left the cursor.
		paint(CLEAR_SCREEN);
	};
	// Ink records the frame it computed only after onRender returns (and may write it a moment
	// later): settling on the next turn paints that frame, not the one before.
	const schedule = () => {
		if (isScheduled) return;
		isScheduled = true;
		setImmediate(settle);
	};
	const lose = () => {
		isLost = true;
		schedule();
	};
	stdout.on('resize', lose);
	return {
		stream: stream as NodeJS.WriteStream,
		lose,
		redraw() {
			lose();
			refreshSize(stdout);
		},
		viewAt(size) {
			viewSize = size;
		},
		frameDrawn() {
			frameSize = viewSize;
			if (isLost) schedule();
		},
		setPainter(painter) {
			paint = painter;
			if (isLost) schedule();
		},
		clearBeforeFirstFrame() {
			isClearFirst = true;
		},
		dispose() {
			stdout.off('resize', lose);
		},
	};
}
