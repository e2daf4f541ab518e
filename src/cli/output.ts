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
	return lines => {
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
			await new Promise(resolve => stream.once('drain', resolve));
			if (closed) return;
		}
		last = chunk;
	}
	if (last !== undefined && !closed) {
		const rest = last;
		await new Promise<void>(resolve => stream.write(rest, () => resolve()));
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
	stream.write(terminalSafe(message) + '\n');
}
