import {constants as osConstants} from 'node:os';
import {existsSync} from 'node:fs';
import chalk from 'chalk';
import {render, useStdout} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {sanitizeName} from '../markdown/sanitize.js';
import {App, type AppProps} from './app.js';
import {CrashBoundary} from './components/crash-boundary.js';
import {guardedStdout} from './guarded-stdout.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {WatchTarget} from './hooks/use-live-reload.js';
import type {StoreProblemFeed} from './hooks/use-store-problems.js';
import {copySequence, openUrl} from './link-actions.js';
import {MOUSE_OFF, MOUSE_ON} from './mouse.js';
import {createScreenKeeper, type ScreenKeeper} from './screen-keeper.js';

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
};

type StoreProblem = Parameters<Parameters<StoreProblemFeed['subscribe']>[0]>[0];

// The alternate screen does not move the cursor: home it, so the first frame starts at the top.
const ENTER_SCREEN = '\u001B[?1049h\u001B[H\u001B[?25l';
const LEAVE_SCREEN = '\u001B[?25h\u001B[?1049l';

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

/** Follows the terminal's size (Ink 6.8 has no hook for it), and tells the screen keeper what it draws. */
function Sized(
	props: Omit<AppProps, 'width' | 'height' | 'onLink' | 'terminal'> & {
		stdin: NodeJS.ReadStream;
		stdout: NodeJS.WriteStream;
		isMouseOn: boolean;
		keeper: ScreenKeeper;
	},
) {
	const {stdin, stdout, isMouseOn, keeper, ...rest} = props;
	const terminal = useMemo(
		() => ({stdin, stdout, isMouseOn, redraw: keeper.redraw}),
		[stdin, stdout, isMouseOn, keeper],
	);
	// The keeper writes the whole frame through Ink, which then knows the screen holds it.
	const {write} = useStdout();
	useEffect(() => {
		keeper.setPainter(write);
		return () => keeper.setPainter(null);
	}, [keeper, write]);
	const onLink = useCallback(
		async (kind: 'open' | 'copy', url: string) => {
			if (kind === 'open') return openUrl(url);
			const sequence = copySequence(url);
			if (sequence) stdout.write(sequence);
			return null;
		},
		[stdout],
	);
	const size = useTerminalSize(stdout);
	keeper.viewAt(size);
	return <App {...rest} width={size.width} height={size.height} onLink={onLink} terminal={terminal} />;
}

/**
 * Runs the reader on the alternate screen until the user quits; resolves with the exit code.
 * Every way out (q, Ctrl-C, SIGTERM, SIGHUP, an error) puts the terminal back as it was.
 */
export async function runReader(options: ReaderOptions): Promise<number> {
	const stdin = options.stdin ?? process.stdin;
	const stdout = options.stdout ?? process.stdout;
	const isMouseOn = options.mouse ?? false;
	let isLeft = false;
	let restored = false;
	let saver: {flush: () => void} | undefined;
	let storeWarnings: string[] = [];
	let store: {path: string; settled(): Promise<void>} | undefined;
	/** Gives the terminal back: cooked mode, main screen, mouse off. Once. */
	const leaveTerminal = () => {
		if (isLeft) return;
		isLeft = true;
		// The position is handed to the store before anything else can go wrong on the way out.
		saver?.flush();
		if (stdin.isTTY) stdin.setRawMode(false);
		// The mouse goes off on every way out, or the shell would get reports as typed text.
		stdout.write(`${isMouseOn ? MOUSE_OFF : ''}${LEAVE_SCREEN}`);
	};
	/** The terminal back, then the store's problems on stderr, where the shell keeps them. */
	const restore = () => {
		if (restored) return;
		restored = true;
		leaveTerminal();
		for (const warning of storeWarnings) process.stderr.write(`kubecon-notes: warning: ${sanitizeName(warning)}\n`);
	};
	/**
	 * Waits, with the terminal already given back, until the last place is written: a change that
	 * found another run's lock is written when that run lets go (or the lock is found abandoned).
	 */
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
	storeWarnings = [];
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
	// Raw mode before the first frame: Ink asks for it only after the frame is drawn, and a key typed
	// in between would be echoed by the terminal over the frame (and scroll it, at the last row).
	if (stdin.isTTY) stdin.setRawMode(true);
	stdout.write(`${ENTER_SCREEN}${isMouseOn ? MOUSE_ON : ''}`);
	// The reader's first frame is on screen once Ink has written the first frame after the reader
	// mounts: Ink calls onRender just before it writes a frame, so what waits on `drawn` runs after.
	// (Its throttle holds that frame back a few ms: it follows the empty one at once.)
	let isMounted = false;
	// The one writer, behind the keeper: after a resize, fg or Ctrl-L the next frame is drawn whole.
	const keeper = createScreenKeeper(stdout, guardedStdout(stdout));
	let markDrawn = () => {};
	const drawn = new Promise<void>((resolve) => (markDrawn = resolve));
	// Ink settles its exit promise only if someone waits already: an error in the very first render
	// would unmount before waitUntilExit() is called, and the run would hang. So: mount nothing,
	// wait, then draw the reader.
	const instance = render(null, {
		onRender: () => {
			keeper.frameDrawn();
			if (isMounted) markDrawn();
		},
		stdin,
		// The one writer for the reader: only our styling, links and Ink's own cursor moves pass.
		stdout: keeper.stream,
		exitOnCtrlC: false,
		patchConsole: false,
		// Ink's default 30 frames a second makes a keystroke wait up to 33 ms for its frame.
		maxFps: 240,
		// Only the rows that changed are written (with the Ink patch in patches/, a frame as tall as
		// the terminal no longer clears the screen and wipes its scrollback on every key).
		incrementalRendering: true,
	});
	const exited = instance.waitUntilExit();
	const watch: WatchTarget = {paths: options.paths ?? [], drafts: options.drafts ?? false, after: drawn};
	isMounted = true;
	void drawn.then(() => options.onFirstFrame?.());
	instance.rerender(
		<CrashBoundary onCrash={(error) => onFatal(error)}>
			<Sized
				library={library}
				renderPost={options.renderPost}
				firstFrameDrawn={drawn}
				color={options.color}
				background={options.background ?? 'dark'}
				hyperlinks={options.hyperlinks}
				stdin={stdin}
				stdout={stdout}
				isMouseOn={isMouseOn}
				keeper={keeper}
				{...(options.paths ? {watch} : {})}
				store={places}
				saver={positionSaver}
				resume={options.resume ?? true}
				{...(options.measure === undefined ? {} : {measure: options.measure})}
				startMessage={storeWarnings[0] ?? null}
				storeProblems={laterProblems}
				secure={options.secure ?? false}
			/>
		</CrashBoundary>,
	);
	const onSignal = (signal: NodeJS.Signals) => {
		// As a shell reports a death by signal: 128 and its number.
		const code = 128 + (osConstants.signals[signal] ?? 15);
		// Ctrl-C while the last place waits for another run's lock (the note on stderr): go now. Not
		// other signals: a hangup comes twice (tmux closing a window), and the place is still saved.
		if (isLeft && signal === 'SIGINT') {
			restore();
			process.exit(code);
		}
		instance.unmount();
		// A place saved before conf has loaded is written once it has: wait for that, then leave.
		leaveTerminal();
		void placesWritten().finally(() => {
			restore();
			process.exit(code);
		});
	};
	const onFatal = (error: unknown) => {
		try {
			instance.unmount();
		} finally {
			restore();
			process.stderr.write(`kubecon-notes: ${sanitizeName(error instanceof Error ? error.message : String(error))}\n`);
			process.exit(1);
		}
	};
	const signals = endingSignals();
	for (const signal of signals) process.on(signal, onSignal);
	process.on('uncaughtException', onFatal);
	// A run ended from elsewhere (the output lost: EIO from a terminal gone) still hands over its place.
	const onExit = () => saver?.flush();
	process.on('exit', onExit);
	process.on('unhandledRejection', onFatal);
	try {
		await exited;
		return 0;
	} catch (error) {
		restore();
		process.stderr.write(`kubecon-notes: ${sanitizeName(error instanceof Error ? error.message : String(error))}\n`);
		return 1;
	} finally {
		instance.unmount();
		leaveTerminal();
		await placesWritten();
		saver?.flush();
		await store.settled();
		keeper.dispose();
		restore();
		for (const signal of signals) process.off(signal, onSignal);
		process.off('uncaughtException', onFatal);
		process.off('exit', onExit);
		process.off('unhandledRejection', onFatal);
	}
}
