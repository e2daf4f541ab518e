/**
 * The one writer for everything printed: stdout lines and stderr messages. Whatever a line holds,
 * only the program's own SGR styling and OSC 8 hyperlinks reach the terminal or pipe; every other
 * control is shown as a visible stand-in (see terminalSafe). Ends quietly when a pipe closes.
 */
import {terminalSafe} from '../markdown/terminal-text.js';

let closed = false;

/** Call once at start: a closed pipe ends the process with 0 instead of an EPIPE stack trace. */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			closed = true;
			process.exit(0);
		}
		throw error;
	});
}

/** Writes lines to stdout, made terminal-safe; waits for the stream to drain on large output so memory stays flat. */
export async function writeLines(lines: Iterable<string>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
	let chunk = '';
	for (const line of lines) {
		if (closed) return;
		chunk += terminalSafe(line) + '\n';
		if (chunk.length > 64 * 1024) {
			const flushed = stream.write(chunk);
			chunk = '';
			if (!flushed) await new Promise(resolve => stream.once('drain', resolve));
		}
	}
	if (chunk !== '' && !closed) {
		await new Promise<void>(resolve => stream.write(chunk, () => resolve()));
	}
}

/** Writes one message to stderr, made terminal-safe (messages quote file names, typed names and input). */
export function writeError(message: string, stream: NodeJS.WritableStream = process.stderr): void {
	stream.write(terminalSafe(message) + '\n');
}
