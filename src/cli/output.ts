/**
 * The one writer for everything printed: stdout lines and stderr messages. Whatever a line holds,
 * only the program's own SGR styling and OSC 8 hyperlinks reach the terminal or pipe; every other
 * control is shown as a visible stand-in (see terminalSafe). Ends quietly when a pipe closes, with
 * one line and exit 2 when the output is lost any other way.
 */
import {readFileSync, readlinkSync} from 'node:fs';
import {terminalSafe} from '../markdown/terminal-text.js';

let closed = false;

/**
 * What a failed write to standard output means: a reader that closed the pipe (`| head`) is done
 * with us, exit 0 in silence, as every Unix tool does; anything else (EBADF: a read-only or closed
 * descriptor, EIO: a terminal that went away, ENOSPC: a full disk) lost the output, which the
 * user must learn: one line, exit 2.
 */
export function outputFailure(error: {code?: string; message?: string}): {exitCode: number; message: string | null} {
	if (error.code === 'EPIPE') return {exitCode: 0, message: null};
	return {
		exitCode: 2,
		message: `kubecon-notes: cannot write the output: ${error.message ?? error.code ?? 'unknown error'}`,
	};
}

/**
 * Call once at start: every write error on stdout ends the run as outputFailure says, never with a
 * stack trace. Standard output closed before the start (`>&-`) ends it at once (exit 2): Node puts
 * /dev/null in its place and every byte written would vanish with exit 0.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		closed = true;
		const {exitCode, message} = outputFailure(error);
		if (message !== null) writeError(message);
		process.exit(exitCode);
	});
	if (stream === process.stdout && wasStdoutClosed()) {
		writeError('kubecon-notes: standard output is closed (or open for reading only): nothing can be printed');
		process.exit(2);
	}
}

/**
 * Whether descriptor 1 was closed when the process started (`cmd >&-`). Node opens /dev/null in
 * its place, read-write; a shell's `>/dev/null` opens it write-only. (A caller that discards
 * output by handing over /dev/null read-write, as Python's subprocess.DEVNULL does, is told the
 * output is closed too: nothing tells the two apart, and printing into nothing with exit 0 is what
 * this guards against.) A descriptor open for reading only (`1</dev/null`) cannot take output
 * either. Without /proc (macOS), a write error says it later, when there is one.
 */
export function wasStdoutClosed(fdinfo = '/proc/self/fdinfo/1', link = '/proc/self/fd/1'): boolean {
	try {
		const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(fdinfo, 'utf8'))?.[1];
		if (flags === undefined) return false;
		const accessMode = Number.parseInt(flags, 8) & 0o3;
		const readOnly = 0;
		const readWrite = 2;
		return accessMode === readOnly || (accessMode === readWrite && readlinkSync(link) === '/dev/null');
	} catch {
		return false;
	}
}

/** Bytes gathered before a write: large enough that writes are few, small enough that memory stays flat. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Writes lines to stdout, made terminal-safe; waits for the stream to drain on large output so memory stays flat.
 * Each line is encoded straight into a byte chunk: a string chunk built with `+=` costs more to
 * flatten and encode at the write than everything else printing does with it.
 */
export async function writeLines(lines: Iterable<string>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
	await writeBytes(encodedChunks(lines), stream);
}

/** Bytes a line encoder takes at a time: one allocation for many posts' output, not one each. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * An encoder of lines as writeLines writes them (terminal-safe, UTF-8, each ended by a newline),
 * each call's bytes a piece of a shared block of their exact size: printing keeps every post's
 * bytes (printed-memo.ts), and a buffer per post was a thousand allocations for V8 to track.
 */
export function lineEncoder(): (lines: Iterable<string>) => Buffer {
	let block = Buffer.allocUnsafe(0);
	let used = 0;
	return (lines) => {
		const safe: string[] = [];
		// UTF-8 takes at most three bytes per UTF-16 code unit: room for the most, the rest stays for the next.
		let most = 0;
		for (const line of lines) {
			const text = terminalSafe(line);
			safe.push(text);
			most += text.length * 3 + 1;
		}
		if (used + most > block.length) {
			block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, most));
			used = 0;
		}
		const start = used;
		for (const text of safe) {
			used += block.write(text, used);
			block[used++] = 0x0a;
		}
		return block.subarray(start, used);
	};
}

/** Bytes a lineEncoder made (or kept from an earlier run of this writer: printed-memo.ts), written as they are. */
export async function writeBytes(chunks: Iterable<Buffer>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
	let last: Buffer | undefined;
	for (const chunk of chunks) {
		if (closed) return;
		if (last !== undefined && !stream.write(last)) {
			await new Promise((resolve) => stream.once('drain', resolve));
			if (closed) return;
		}
		last = chunk;
	}
	if (last !== undefined && !closed) {
		const rest = last;
		await new Promise<void>((resolve) => stream.write(rest, () => resolve()));
	}
}

function* encodedChunks(lines: Iterable<string>): Generator<Buffer> {
	let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
	let used = 0;
	for (const line of lines) {
		const safe = terminalSafe(line);
		// UTF-8 takes at most three bytes per UTF-16 code unit.
		const most = safe.length * 3 + 1;
		if (used + most > chunk.length) {
			if (used > 0) {
				// The stream may keep the bytes until it writes them: the next line goes into a new chunk.
				yield chunk.subarray(0, used);
				chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
				used = 0;
			} else {
				chunk = Buffer.allocUnsafe(most);
			}
		}
		used += chunk.write(safe, used);
		chunk[used++] = 0x0a;
	}
	if (used > 0) yield chunk.subarray(0, used);
}

/** Writes one message to stderr, made terminal-safe (messages quote file names, typed names and input). */
export function writeError(message: string, stream: NodeJS.WritableStream = process.stderr): void {
	try {
		stream.write(terminalSafe(message) + '\n');
	} catch {
		// stderr is gone too: the exit code is all that is left to say it.
	}
}
