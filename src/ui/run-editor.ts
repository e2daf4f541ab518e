/**
 * Runs the editor `e` asked for. A terminal editor gets the terminal: the reader leaves the
 * alternate screen, raw mode and the mouse, the editor runs with the reader's keyboard and screen,
 * and the reader takes the terminal back when it exits. A window editor is started and left alone:
 * live reload shows what it saves.
 */
import {spawn, spawnSync} from 'node:child_process';
import type {EditorCommand} from './editor-command.js';
import {enterTerminal, leaveTerminal, type TerminalInput, type TerminalOutput} from './terminal-modes.js';

/** The reader's terminal, as the editor must inherit it. */
export type EditorTerminal = {
	/** The keyboard: a file descriptor is given to the editor (it may be /dev/tty, not fd 0). */
	stdin: TerminalInput & {fd?: number};
	stdout: TerminalOutput & {fd?: number};
	isMouseOn: boolean;
};

/** How it went: null when all is well, else one line for the status line. */
export type EditorOutcome = {message: string | null};

/**
 * Starts `command` and, for a terminal editor, waits for it. The wait blocks the event loop on
 * purpose (spawnSync): while the editor runs, the reader must not read a single key from the
 * shared terminal, and nothing on its screen can change. The caller redraws and reloads after.
 */
export async function runEditor(command: EditorCommand, terminal: EditorTerminal): Promise<EditorOutcome> {
	const [program, ...args] = command.argv;
	if (!program) return {message: 'No editor to run'};
	const notFound = `${command.source === 'default' ? 'vi' : `$${command.source} (${program})`} could not be started; set $VISUAL or $EDITOR`;
	if (!command.isTerminal) return startWindowEditor(program, args, notFound);
	leaveTerminal(terminal);
	let result;
	try {
		result = spawnSync(program, args, {
			stdio: [terminal.stdin.fd ?? 'inherit', terminal.stdout.fd ?? 'inherit', 'inherit'],
		});
	} finally {
		enterTerminal(terminal);
	}
	if (result.error)
		return {
			message:
				(result.error as NodeJS.ErrnoException).code === 'ENOENT' ? notFound : `${program}: ${result.error.message}`,
		};
	if (result.signal) return {message: `${program} was stopped by ${result.signal}`};
	if (result.status !== 0) return {message: `${program} exited with status ${result.status}`};
	return {message: null};
}

function startWindowEditor(program: string, args: string[], notFound: string): Promise<EditorOutcome> {
	return new Promise((resolve) => {
		const child = spawn(program, args, {stdio: 'ignore', detached: true});
		child.once('error', (error) =>
			resolve({
				message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? notFound : `${program}: ${error.message}`,
			}),
		);
		child.once('spawn', () => {
			child.unref();
			resolve({message: `Opened in ${program}; saved changes show here`});
		});
	});
}
