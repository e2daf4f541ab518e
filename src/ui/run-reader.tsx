import chalk from 'chalk';
import {render, useStdout} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {sanitizeName} from '../markdown/sanitize.js';
import {App, type AppProps} from './app.js';
import {CrashBoundary} from './components/crash-boundary.js';
import {guardedStdout} from './guarded-stdout.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {WatchTarget} from './hooks/use-live-reload.js';
import {copySequence, openUrl} from './link-actions.js';
import {MOUSE_OFF, MOUSE_ON} from './mouse.js';
import {createScreenKeeper, type ScreenKeeper} from './screen-keeper.js';

/** What the App is given as it is (background: --theme, or asked of the terminal), and the terminal's side. */
export type ReaderOptions = Pick<AppProps, 'library' | 'renderPost' | 'color' | 'background' | 'hyperlinks' | 'resume' | 'measure'> & {
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

// The alternate screen does not move the cursor: home it, so the first frame starts at the top.
const ENTER_SCREEN = '\u001B[?1049h\u001B[H\u001B[?25l';
const LEAVE_SCREEN = '\u001B[?25h\u001B[?1049l';

/** Follows the terminal's size (Ink 6.8 has no hook for it), and tells the screen keeper what it draws. */
function Sized(props: Omit<AppProps, 'width' | 'height' | 'onLink' | 'terminal'> & {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; isMouseOn: boolean; keeper: ScreenKeeper}) {
	const {stdin, stdout, isMouseOn, keeper, ...rest} = props;
	const terminal = useMemo(() => ({stdin, stdout, isMouseOn, redraw: keeper.redraw}), [stdin, stdout, isMouseOn, keeper]);
	// The keeper writes the whole frame through Ink, which then knows the screen holds it.
	const {write} = useStdout();
	useEffect(() => {
		keeper.setPainter(write);
		return () => keeper.setPainter(null);
	}, [keeper, write]);
	const onLink = useCallback(async (kind: 'open' | 'copy', url: string) => {
		if (kind === 'open') return openUrl(url);
		const sequence = copySequence(url);
		if (sequence) stdout.write(sequence);
		return null;
	}, [stdout]);
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
	let restored = false;
	let saver: {flush: () => void} | undefined;
	let storeWarnings: string[] = [];
	const restore = () => {
		if (restored) return;
		restored = true;
		// The position is written before anything else can go wrong on the way out.
		saver?.flush();
		if (stdin.isTTY) stdin.setRawMode(false);
		// The mouse goes off on every way out, or the shell would get reports as typed text.
		stdout.write(`${isMouseOn ? MOUSE_OFF : ''}${LEAVE_SCREEN}`);
		for (const warning of storeWarnings) process.stderr.write(`kubecon-notes: warning: ${sanitizeName(warning)}\n`);
	};
	// The store is read before the first frame; conf, its writer, loads after it (store-open.ts). Its
	// problems are told once, in the status line and on stderr after the screen is restored.
	const {openStore, createDebouncedSaver} = await import('../state/store-open.js');
	storeWarnings = [];
	const store = await openStore({onWarning: message => storeWarnings.push(sanitizeName(message))});
	const positionSaver = createDebouncedSaver(store, 300);
	saver = positionSaver;
	// Ink styles through chalk, which drops every style, inverse and bold too, when NO_COLOR is set
	// or colour looks unsupported. The cursor, the status bar and marks are inverse, not colour: keep
	// styles on, and let `color` decide only whether the theme uses colours.
	chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
	// Store problems known at start (cannot be read or written, moved aside) join the W list.
	const library = storeWarnings.length === 0 ? options.library : {
		...options.library,
		warnings: [...options.library.warnings, ...storeWarnings.map(message => ({file: store.path, message: message.replaceAll(store.path, 'the file')}))],
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
	const drawn = new Promise<void>(resolve => (markDrawn = resolve));
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
		<CrashBoundary onCrash={error => onFatal(error)}>
		<Sized
			library={library}
			renderPost={options.renderPost}
			color={options.color}
			background={options.background ?? 'dark'}
			hyperlinks={options.hyperlinks}
			stdin={stdin}
			stdout={stdout}
			isMouseOn={isMouseOn}
			keeper={keeper}
			{...(options.paths ? {watch} : {})}
			store={store}
			saver={positionSaver}
			resume={options.resume ?? true}
			{...(options.measure === undefined ? {} : {measure: options.measure})}
			startMessage={storeWarnings[0] ?? null}
		/>
		</CrashBoundary>,
	);
	const onSignal = (signal: NodeJS.Signals) => {
		instance.unmount();
		// A place saved before conf has loaded is written once it has: wait for that, then leave.
		saver?.flush();
		void store.settled().finally(() => {
			restore();
			process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : signal === 'SIGQUIT' ? 131 : 143);
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
	const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];
	for (const signal of signals) process.on(signal, onSignal);
	process.on('uncaughtException', onFatal);
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
		saver?.flush();
		await store.settled();
		keeper.dispose();
		restore();
		for (const signal of signals) process.off(signal, onSignal);
		process.off('uncaughtException', onFatal);
		process.off('unhandledRejection', onFatal);
	}
}
