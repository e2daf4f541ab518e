import chalk from 'chalk';
import {render as inkRender} from 'ink-testing-library';
import {after, before, type TestContext} from 'node:test';
import type {ReactElement} from 'react';
import {nextTurn, waitFor} from './wait-for.js';

/** Key sequences as a terminal sends them, for ink-testing-library's stdin. */
export const keys = {
	down: '\u001B[B',
	up: '\u001B[A',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	ctrlC: '\u0003',
	ctrlF: '\u0006',
	ctrlU: '\u0015',
	backspace: '\u007F',
};

type Frames = {frames: unknown[]};
type Rendered = Frames;
type Input = {write: (data: string) => void};

/** Which app a test's stdin belongs to, so `press(app.stdin, …)` can wait on that app's frames. */
const appOfStdin = new WeakMap<object, Frames>();

/** ink-testing-library's render, remembered so the key helpers can wait for its frames. */
export function render(tree: ReactElement): ReturnType<typeof inkRender> {
	const app = inkRender(tree);
	appOfStdin.set(app.stdin, app);
	return app;
}

/**
 * Waits until the app has done everything its last input set going. Ink renders a legacy React
 * root synchronously; the work that follows (passive effects on an immediate, then 0 ms timers
 * such as the deferred search query) is queued before our own later 0 ms timer. So once no new
 * frame has appeared over a few timer turns, nothing is pending. This counts event-loop turns,
 * not milliseconds: a busy machine makes each turn slower, never the order different.
 */
export async function settle(app: Frames): Promise<void> {
	let seen = app.frames.length;
	let quietTurns = 0;
	for (let turn = 0; quietTurns < 3; turn++) {
		if (turn > 10_000) throw new Error('the app never settled: it draws frames without end');
		await nextTurn();
		if (app.frames.length === seen) quietTurns++;
		else {
			seen = app.frames.length;
			quietTurns = 0;
		}
	}
}

/**
 * Ink attaches its keyboard listener in an effect, so a key written right after `render()` is
 * lost: wait until the listener is there.
 */
async function untilListening(stdin: Input): Promise<void> {
	const emitter = stdin as Partial<NodeJS.EventEmitter>;
	if (typeof emitter.listenerCount !== 'function') return;
	await waitFor(() => emitter.listenerCount!('readable') > 0);
}

/**
 * Writes each key in turn, once the app listens, and waits for the app to settle after each.
 * Takes the rendered app or its stdin.
 */
export async function press(target: Input | (Rendered & {stdin: Input}), ...sequence: string[]): Promise<void> {
	const isApp = 'frames' in target && 'stdin' in target;
	const stdin = isApp ? target.stdin : target;
	const app = isApp ? target : appOfStdin.get(stdin);
	await untilListening(stdin);
	for (const key of sequence) {
		stdin.write(key);
		if (app) await settle(app);
		else await nextTurn();
	}
}

/** Waits until the last frame passes `test` (a generous ceiling guards against a hang); returns it. */
export async function waitForFrame(
	app: {lastFrame: () => string | undefined},
	test: (frame: string) => boolean,
): Promise<string> {
	return waitFor(
		() => {
			const frame = app.lastFrame() ?? '';
			return test(frame) ? frame : false;
		},
		{describe: () => `the last frame:\n${app.lastFrame() ?? ''}`},
	);
}

/** Waits until a freshly rendered app listens to keys and has drawn what its start set going. */
export async function ready(app: Frames & {stdin: Input}): Promise<void> {
	await untilListening(app.stdin);
	await settle(app);
}

/**
 * Ink styles with chalk, which turns every style off where stdout is not a terminal (as in these
 * tests); the reader turns them back on (run-reader.tsx), and so do the tests that look at marks:
 * called at the top of a file or suite, for its tests; called in a test with its context, for that test.
 */
export function keepInkStyles(t?: TestContext): void {
	// Given back after: unit files share a process (scripts/test-shard.mjs), and chalk is one for all.
	let level = chalk.level;
	if (t) {
		chalk.level = 1;
		t.after(() => {
			chalk.level = level;
		});
		return;
	}
	before(() => {
		level = chalk.level;
		chalk.level = 1;
	});
	after(() => {
		chalk.level = level;
	});
}
