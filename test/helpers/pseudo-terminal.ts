import {mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as pty from 'node-pty';
import type {Terminal as TerminalType} from '@xterm/headless';
import {waitFor} from './wait-for.js';

// @xterm/headless ships CommonJS whose named exports Node's ESM loader cannot see.
const {Terminal} = createRequire(import.meta.url)('@xterm/headless') as {Terminal: typeof TerminalType};

/** A program running in a real pseudo-terminal, its screen kept by a headless xterm. */
export type Session = {
	/** The visible rows, right-trimmed. */
	screen(): string;
	/** Rows of the screen the terminal continued from the row above: a row the program made too wide wrapped there. */
	wrappedRows(): number[];
	/** Which buffer the terminal shows: the reader must use the alternate one and give it back. */
	buffer(): 'normal' | 'alternate';
	/** Whether the program last hid (`?25l`) or showed (`?25h`) the cursor. */
	isCursorHidden(): boolean;
	/** Everything the program wrote, raw. */
	raw(): string;
	write(keys: string): void;
	/** Draws on the emulator's screen as if the program had: another program writing over it. */
	emulate(output: string): void;
	resize(cols: number, rows: number): void;
	/** Waits until the screen, fully drawn, passes the test; on a (generous) timeout throws with the screen. */
	waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<void>;
	kill(signal?: string): void;
	/** Resolves when the program next writes anything (for latency measurements). */
	nextOutput(): Promise<void>;
	exited: Promise<{exitCode: number; signal?: number}>;
	/** The program's process id (to read its state, or signal it as a shell would). */
	pid: number;
	/** The folder reading positions are kept in for this run. */
	configDir: string;
};

const live = new Set<{kill(signal?: string): void}>();
/** The config folders the sessions made: removed with them, also when a test fails. */
const madeFolders = new Set<string>();

/**
 * Kills every session still running and removes the folders they made: a failed test must leave
 * neither a child that keeps the run alive nor a temp folder. Call it in `afterEach`.
 */
export function killAllSessions(): void {
	for (const child of live) {
		try {
			child.kill('SIGKILL');
		} catch {
			// Already gone.
		}
	}
	live.clear();
	for (const folder of madeFolders) rmSync(folder, {recursive: true, force: true});
	madeFolders.clear();
}

/** The environment with the variables set to undefined removed: `{CI: undefined}` unsets CI. */
function withoutUndefined(env: Record<string, string | undefined>): Record<string, string> {
	return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * `answers: true` makes the emulator answer what the program asks of the terminal, as a terminal
 * does (xterm's headless answers DA1 but not OSC 11); off by default so that a test can answer.
 */
export function startSession(
	args: string[],
	options: {
		cols?: number;
		rows?: number;
		configDir?: string;
		env?: Record<string, string | undefined>;
		answers?: boolean;
		command?: string;
	} = {},
): Session {
	const cols = options.cols ?? 120;
	const rows = options.rows ?? 35;
	let configDir = options.configDir;
	if (!configDir) {
		configDir = mkdtempSync(join(tmpdir(), 'kn-pty-'));
		madeFolders.add(configDir);
	}
	const terminal = new Terminal({cols, rows, allowProposedApi: true});
	// node-pty sets TERM to `name`: a test's TERM is passed as the name, and a TERM set to undefined
	// is taken away by env(1) before the program starts. `command` runs something else than node
	// (a shell, to stop and resume the reader as a job).
	const isTermUnset = options.env !== undefined && 'TERM' in options.env && options.env['TERM'] === undefined;
	const program = options.command ?? process.execPath;
	const child = pty.spawn(
		isTermUnset ? '/usr/bin/env' : program,
		isTermUnset ? ['-u', 'TERM', program, ...args] : args,
		{
			name: options.env?.['TERM'] ?? 'xterm-256color',
			cols,
			rows,
			cwd: process.cwd(),
			env: withoutUndefined({
				...process.env,
				TERM: 'xterm-256color',
				KUBECON_NOTES_CONFIG_DIR: configDir,
				NO_COLOR: '',
				FORCE_COLOR: '',
				...options.env,
			}),
		},
	);
	live.add(child);
	if (options.answers) terminal.onData((data) => child.write(data));
	let raw = '';
	let pending = 0;
	let waiters: Array<() => void> = [];
	child.onData((data) => {
		raw += data;
		const ready = waiters;
		waiters = [];
		for (const resolve of ready) resolve();
		pending++;
		terminal.write(data, () => pending--);
	});
	// Resolves once the program has exited and the emulator has drawn all it wrote: a test that
	// reads the screen or the buffer right after an exit must see the last bytes applied.
	const exited = new Promise<{exitCode: number; signal?: number}>((resolve) =>
		child.onExit((result) => {
			live.delete(child);
			void waitFor(() => pending === 0).then(() => resolve(result));
		}),
	);
	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++)
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	return {
		screen,
		wrappedRows() {
			const buffer = terminal.buffer.active;
			const wrapped: number[] = [];
			for (let row = 0; row < terminal.rows; row++)
				if (buffer.getLine(buffer.viewportY + row)?.isWrapped) wrapped.push(row);
			return wrapped;
		},
		buffer: () => terminal.buffer.active.type,
		isCursorHidden: () => raw.lastIndexOf('\u001B[?25l') > raw.lastIndexOf('\u001B[?25h'),
		raw: () => raw,
		write: (keys) => child.write(keys),
		emulate(output) {
			pending++;
			terminal.write(output, () => pending--);
		},
		resize(newCols, newRows) {
			child.resize(newCols, newRows);
			terminal.resize(newCols, newRows);
		},
		async waitFor(test, timeoutMs) {
			const matches = typeof test === 'function' ? test : (text: string) => test.test(text);
			// A screen is judged only once the emulator has drawn everything the program wrote.
			await waitFor(() => pending === 0 && matches(screen()), {
				timeoutMs,
				describe: () => `waiting for ${String(test)}; the screen:\n${screen()}`,
			});
		},
		kill: (signal) => child.kill(signal),
		nextOutput: () => new Promise((resolve) => waiters.push(resolve)),
		exited,
		pid: child.pid,
		configDir,
	};
}
