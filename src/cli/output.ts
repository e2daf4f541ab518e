/** Writing to stdout that ends quietly when the reader of a pipe goes away (`| head -3`). */

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

/** Writes lines to stdout; waits for the stream to drain on large output so memory stays flat. */
export async function writeLines(lines: Iterable<string>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
	let chunk = '';
	for (const line of lines) {
		if (closed) return;
		chunk += line + '\n';
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
