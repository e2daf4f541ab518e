/**
 * Everything the reader does before Ink is loaded: the store read, the terminal taken (raw mode,
 * the alternate screen), and the first frame written (early-frame.ts). run-reader.tsx then mounts
 * the reader on the state this computed, so nothing is rendered twice. Nothing here loads Ink,
 * React or yoga: that is the point (test/startup/early-frame-modules.test.ts).
 */
import {existsSync} from 'node:fs';
import {constants as osConstants} from 'node:os';
import chalk from 'chalk';
import {sanitizeName} from '../markdown/sanitize.js';
import type {Library} from '../posts/types.js';
import type {ReaderEnv, ReaderState} from '../state/reader-state.js';
import type {AppProps} from './app.js';
import {earlyFrameText} from './early-frame.js';
import {frameParts} from './frame-parts.js';
import {guardedStdout} from './guarded-stdout.js';
import type {StoreProblemFeed} from './hooks/use-store-problems.js';
import {createReaderEnv, type DocCache, type FirstFrameDocs} from './reader-env.js';
import {createScreenKeeper, terminalSize, type ScreenKeeper, type ScreenSize} from './screen-keeper.js';
import {startState} from './start-state.js';
import {createSuspender} from './suspend.js';
import {enterTerminal, leaveTerminal as giveTerminalBack, SYNC_OFF, SYNC_ON} from './terminal-modes.js';

/** What the App is given as it is (background: --theme, or asked of the terminal), and the terminal's side. */
export type ReaderOptions = Pick<
	AppProps,
	'library' | 'renderPost' | 'color' | 'background' | 'hyperlinks' | 'resume' | 'measure' | 'secure'
> & {
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	/** Wheel and clicks (SGR mouse reports); false for --no-mouse. */
	mouse?: boolean;
	/** The paths the posts were read from, as given, watched for changes; `-` is not watched. */
	paths?: readonly string[];
	/** Drafts shown (--drafts): a reloaded post follows the same rule. */
	drafts?: boolean;
	/** Called once the first frame is on screen. */
	onFirstFrame?: () => void;
	/** Draw no frame before Ink's (the `early-frame` switch: docs/upgrading.md). */
	noEarlyFrame?: boolean;
	/** Print Node's own warnings once the terminal is back (--debug); else they are dropped. */
	showWarnings?: boolean;
};

type StoreProblem = Parameters<Parameters<StoreProblemFeed['subscribe']>[0]>[0];
type Places = AppProps['store'] & {};
type PositionSaver = NonNullable<AppProps['saver']> & {flush: () => void};

/** The state the first frame was drawn from, for the reader to start from (use-reader.ts). */
export type EarlyWorld = {
	library: Library;
	env: ReaderEnv & FirstFrameDocs;
	state: ReaderState;
	docs: DocCache;
};

/** The reader, ready to mount: the terminal is taken, the first frame may be on screen. */
export type PreparedReader = {
	options: ReaderOptions;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	isMouseOn: boolean;
	/** The library with the store's problems among its warnings. */
	library: Library;
	places: Places;
	saver: PositionSaver;
	/** The first store problem, for the status line at start. */
	startMessage: string | null;
	laterProblems: StoreProblemFeed;
	keeper: ScreenKeeper;
	/** The state the early frame drew, when it drew one. */
	early: EarlyWorld | null;
	/** Gives the terminal back: cooked mode, main screen, mouse off (the place handed to the store first). Once. */
	leaveTerminal(): void;
	/** The terminal back, then the store's problems on stderr, where the shell keeps them. Once. */
	restore(): void;
	/** Waits, with the terminal given back, until the last place is written. */
	placesWritten(): Promise<void>;
	/** Waits until the store has written everything. */
	settled(): Promise<void>;
	/** Ink is mounted: a signal or an error unmounts it (with `unmount`) before leaving. */
	mounted(unmount: () => void): void;
	/** An error nothing else caught: the terminal back, one line, exit 1. */
	fatal(error: unknown): void;
	/** Stops listening for signals, errors and exit. */
	release(): void;
};

/**
 * Every signal a user or a tool can send whose default action ends the process, as this platform
 * knows them: each must leave the terminal as it was, not in the alternate screen with the mouse on
 * (proper-lockfile's signal-exit re-raises SIGUSR2, SIGALRM and others when it is their only
 * listener). SIGUSR1 too: unhandled, Node starts its inspector and writes over the frame. Not the
 * faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL: no JavaScript may run after a real one), nor SIGPIPE,
 * which Node ignores so that a closed pipe is an EPIPE error.
 */
function endingSignals(): NodeJS.Signals[] {
	const names: NodeJS.Signals[] = [
		'SIGTERM',
		'SIGHUP',
		'SIGINT',
		'SIGQUIT',
		'SIGUSR1',
		'SIGUSR2',
		'SIGALRM',
		'SIGVTALRM',
		'SIGPROF',
		'SIGXCPU',
		'SIGXFSZ',
		'SIGIO',
		'SIGPOLL',
		'SIGPWR',
		'SIGSTKFLT',
		'SIGSYS',
		'SIGTRAP',
		'SIGABRT',
		'SIGLOST',
		'SIGINFO',
	];
	const numbers = new Set<number>();
	// One listener per signal number: SIGIO and SIGPOLL are one signal on Linux.
	return names.filter((name) => {
		const number = (osConstants.signals as Record<string, number | undefined>)[name];
		if (number === undefined || numbers.has(number)) return false;
		numbers.add(number);
		return true;
	});
}

/** Problems told before the reader listens are kept for it. */
function problemFeed(): StoreProblemFeed & {tell(problem: StoreProblem): void} {
	const waiting: StoreProblem[] = [];
	let listener: ((problem: StoreProblem) => void) | null = null;
	return {
		tell(problem) {
			if (listener) listener(problem);
			else waiting.push(problem);
		},
		subscribe(next) {
			listener = next;
			for (const problem of waiting.splice(0)) next(problem);
			return () => {
				listener = null;
			};
		},
	};
}

/**
 * A store warning as the W list shows it after the file's path: the path it opens with is said
 * as "This file"; every other path (where a corrupt file was moved) stays whole.
 */
export function storeWarningAfterPath(message: string, path: string): string {
	for (const opening of [`The reading-position file ${path} `, `${path} `]) {
		if (message.startsWith(opening)) return `This file ${message.slice(opening.length)}`;
	}
	return message;
}

/**
 * Keeps Node's process warnings from its own printer (which writes them to stderr, over the
 * screen) until the returned function gives the printer back, and prints them as Node would if
 * `show`.
 */
function holdWarnings(show: boolean): () => void {
	const printers = process.listeners('warning');
	const held: Error[] = [];
	const hold = (warning: Error) => held.push(warning);
	process.removeAllListeners('warning');
	process.on('warning', hold);
	return () => {
		process.off('warning', hold);
		for (const printer of printers) process.on('warning', printer);
		for (const warning of show ? held : [])
			process.stderr.write(`(node:${process.pid}) ${sanitizeName(`${warning.name}: ${warning.message}`)}\n`);
	};
}

/** Reads the store, takes the terminal and draws the first frame; Ink is mounted after (run-reader.tsx). */
export async function prepareReader(options: ReaderOptions): Promise<PreparedReader> {
	const stdin = options.stdin ?? process.stdin;
	const stdout = options.stdout ?? process.stdout;
	const isMouseOn = options.mouse ?? false;
	let isLeft = false;
	let restored = false;
	let saver: {flush: () => void} | undefined;
	let store: {path: string; settled(): Promise<void>} | undefined;
	const storeWarnings: string[] = [];
	const leaveTerminal = () => {
		if (isLeft) return;
		isLeft = true;
		// The position is handed to the store before anything else can go wrong on the way out.
		saver?.flush();
		// The mouse goes off on every way out, or the shell would get reports as typed text.
		giveTerminalBack({stdin, stdout, isMouseOn});
	};
	let releaseWarnings = () => {};
	const restore = () => {
		if (restored) return;
		restored = true;
		leaveTerminal();
		for (const warning of storeWarnings) process.stderr.write(`kubecon-notes: warning: ${sanitizeName(warning)}\n`);
		releaseWarnings();
	};
	// A change that found another run's lock is written when that run lets go (or the lock is found abandoned).
	const placesWritten = async () => {
		if (!store) return;
		const waiting = setTimeout(
			() =>
				process.stderr.write(
					`kubecon-notes: saving your place: waiting for another run to release ${sanitizeName(store!.path)}.lock…\n`,
				),
			500,
		);
		try {
			await store.settled();
		} finally {
			clearTimeout(waiting);
		}
	};
	// The store is read before the first frame; conf, its writer, loads after it (store/index.ts). Its
	// problems are told once, in the status line and on stderr after the screen is restored.
	const {openStore, createDebouncedSaver} = await import('../store/index.js');
	// Problems met after start go to the reader as they happen (status line and W), and to stderr on the way out.
	const laterProblems = problemFeed();
	let isStarted = false;
	const opened = await openStore({
		onWarning(message) {
			const text = sanitizeName(message);
			storeWarnings.push(text);
			if (isStarted)
				laterProblems.tell({warning: {file: opened.path, message: storeWarningAfterPath(text, opened.path)}, text});
		},
		// A change waits for another run's lock a few milliseconds at most, then is written later:
		// the reader never freezes on a lock.
		lock: {waitMs: 4},
	});
	isStarted = true;
	store = opened;
	// Places are kept under each post's identity, so they follow a renamed or moved post (post-identity.ts).
	const {placesByIdentity, resolvePlaceKeys} = await import('../state/post-identity.js');
	const places = placesByIdentity(opened, resolvePlaceKeys(options.library.posts, opened.positionKeys(), existsSync));
	const positionSaver = createDebouncedSaver(places, 300);
	saver = positionSaver;
	// Ink styles through chalk, which drops every style, inverse and bold too, when NO_COLOR is set
	// or colour looks unsupported. The cursor, the status bar and marks are inverse, not colour: keep
	// styles on, and let `color` decide only whether the theme uses colours.
	chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
	// Store problems known at start (cannot be read or written, moved aside) join the W list.
	const library =
		storeWarnings.length === 0
			? options.library
			: {
					...options.library,
					warnings: [
						...options.library.warnings,
						...storeWarnings.map((message) => ({
							file: opened.path,
							message: storeWarningAfterPath(message, opened.path),
						})),
					],
				};
	const startMessage = storeWarnings[0] ?? null;
	// Node's own warnings (a module loading after the first frame may cause one) would be written
	// over the reader's screen: they are held, and printed once the terminal is back with --debug
	// (a clean exit writes nothing after the screen is given back).
	releaseWarnings = holdWarnings(options.showWarnings ?? false);
	// From the moment the terminal is taken, every way out gives it back: a signal (SIGTERM,
	// SIGHUP...) or an error before Ink is mounted too (run-reader.tsx tells when it is).
	let unmount = () => {};
	const onSignal = (signal: NodeJS.Signals) => {
		// As a shell reports a death by signal: 128 and its number.
		const code = 128 + (osConstants.signals[signal] ?? 15);
		// Ctrl-C while the last place waits for another run's lock (the note on stderr): go now. Not
		// other signals: a hangup comes twice (tmux closing a window), and the place is still saved.
		if (isLeft && signal === 'SIGINT') {
			restore();
			process.exit(code);
		}
		unmount();
		// A place saved before conf has loaded is written once it has: wait for that, then leave.
		leaveTerminal();
		void placesWritten().finally(() => {
			restore();
			process.exit(code);
		});
	};
	const fatal = (error: unknown) => {
		try {
			unmount();
		} finally {
			restore();
			process.stderr.write(`kubecon-notes: ${sanitizeName(error instanceof Error ? error.message : String(error))}\n`);
			process.exit(1);
		}
	};
	const signals = endingSignals();
	for (const signal of signals) process.on(signal, onSignal);
	process.on('uncaughtException', fatal);
	process.on('unhandledRejection', fatal);
	// A run ended from elsewhere (the output lost: EIO from a terminal gone) still hands over its place.
	const onExit = () => positionSaver.flush();
	process.on('exit', onExit);
	// Raw mode before the first frame (enterTerminal sets it first): a key typed before the reader
	// reads keys would be echoed by the terminal over the frame (and scroll it, at the last row).
	// The alternate screen is cleared and the cursor homed, so the first frame starts at the top.
	enterTerminal({stdin, stdout, isMouseOn});
	// The one writer, behind the keeper: after a resize, fg or Ctrl-L the next frame is drawn whole.
	// Made now, so a resize before Ink draws loses the early frame, and Ink's first is drawn whole.
	const writer = guardedStdout(stdout);
	const keeper = createScreenKeeper(stdout, writer);
	// Until Ink is mounted (its hook takes over), `kill -TSTP` gives the terminal back too, and
	// `fg` has Ink's first frame drawn whole at the size then.
	const earlySuspender = createSuspender({
		stdin,
		stdout,
		isMouseOn,
		redraw: () => keeper.redraw(),
		beforeStop: () => positionSaver.flush(),
	});
	let early: EarlyWorld | null = null;
	try {
		if (!options.noEarlyFrame)
			early = drawEarlyFrame(options, {library, places, startMessage, writer, keeper, size: terminalSize(stdout)});
	} catch {
		// Then Ink draws the first frame, and an error it meets too ends the run as any error in
		// the reader does (the terminal given back, one line).
	}
	return {
		options,
		stdin,
		stdout,
		isMouseOn,
		library,
		places,
		saver: positionSaver,
		startMessage,
		laterProblems,
		keeper,
		early,
		leaveTerminal,
		restore,
		placesWritten,
		settled: () => opened.settled(),
		mounted(next) {
			unmount = next;
			earlySuspender.dispose();
		},
		fatal,
		release() {
			earlySuspender.dispose();
			for (const signal of signals) process.off(signal, onSignal);
			process.off('uncaughtException', fatal);
			process.off('unhandledRejection', fatal);
			process.off('exit', onExit);
		},
	};
}

/** The reader's first state at this size, and its frame written, when it is the plain reading view. */
function drawEarlyFrame(
	options: ReaderOptions,
	{
		library,
		places,
		startMessage,
		writer,
		keeper,
		size,
	}: {
		library: Library;
		places: Places;
		startMessage: string | null;
		writer: NodeJS.WriteStream;
		keeper: ScreenKeeper;
		size: ScreenSize;
	},
): EarlyWorld {
	const docs: DocCache = new WeakMap();
	const env = createReaderEnv(
		library,
		options.renderPost,
		{color: options.color, hyperlinks: options.hyperlinks},
		(key) => places.isWatched(key),
		docs,
	);
	const state = startState({
		library,
		env,
		width: size.width,
		height: size.height,
		measure: options.measure,
		store: places,
		resume: options.resume ?? true,
		message: startMessage,
	});
	const parts = frameParts(state, env, library, {
		keepsPlaces: true,
		width: size.width,
		color: options.color,
		background: options.background ?? 'dark',
	});
	const text = earlyFrameText(parts, {state, env, library, color: options.color});
	if (text !== null) {
		writer.write(`${SYNC_ON}${text}${SYNC_OFF}`);
		// Ink's first frame may show more than this one (a key typed meanwhile): it is drawn on a
		// cleared screen, in the same synchronized write.
		keeper.clearBeforeFirstFrame();
	}
	return {library, env, state, docs};
}
