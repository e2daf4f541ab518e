import {render, useStdout} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {sanitizeName} from '../markdown/sanitize.js';
import {App, type AppProps} from './app.js';
import {CrashBoundary} from './components/crash-boundary.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {WatchTarget} from './hooks/use-live-reload.js';
import {copySequence, openUrl} from './link-actions.js';
import type {EarlyWorld, PreparedReader} from './prepare-reader.js';
import type {ScreenKeeper} from './screen-keeper.js';

/** Follows the terminal's size (Ink 6.8 has no hook for it), and tells the screen keeper what it draws. */
function Sized(
	props: Omit<AppProps, 'width' | 'height' | 'onLink' | 'terminal' | 'early'> & {
		stdin: NodeJS.ReadStream;
		stdout: NodeJS.WriteStream;
		isMouseOn: boolean;
		keeper: ScreenKeeper;
		early: EarlyWorld | null;
	},
) {
	const {stdin, stdout, isMouseOn, keeper, early, ...rest} = props;
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
	return (
		<App
			{...rest}
			width={size.width}
			height={size.height}
			onLink={onLink}
			terminal={terminal}
			{...(early ? {early} : {})}
		/>
	);
}

/**
 * Runs the reader on the alternate screen (prepare-reader.ts took it) until the user quits;
 * resolves with the exit code. Every way out (q, Ctrl-C, SIGTERM, SIGHUP, an error) puts the
 * terminal back as it was.
 */
export async function runReader(prepared: PreparedReader): Promise<number> {
	const {options, stdin, stdout, isMouseOn, library, places, saver, keeper, leaveTerminal, restore, placesWritten} =
		prepared;
	// The reader's first frame is on screen once Ink has written the first frame after the reader
	// mounts: Ink calls onRender just before it writes a frame, so what waits on `drawn` runs after.
	// (Its throttle holds that frame back a few ms: it follows the empty one at once.)
	let isMounted = false;
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
		<CrashBoundary onCrash={(error) => prepared.fatal(error)}>
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
				early={prepared.early}
				{...(options.paths ? {watch} : {})}
				store={places}
				saver={saver}
				resume={options.resume ?? true}
				{...(options.measure === undefined ? {} : {measure: options.measure})}
				startMessage={prepared.startMessage}
				storeProblems={prepared.laterProblems}
				secure={options.secure ?? false}
			/>
		</CrashBoundary>,
	);
	// Signals and errors from now on unmount Ink before the terminal is given back.
	prepared.mounted(() => instance.unmount());
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
		saver.flush();
		await prepared.settled();
		keeper.dispose();
		restore();
		prepared.release();
	}
}
