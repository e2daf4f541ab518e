import {decodePostBytes, MAX_POST_BYTES} from '../posts/load-library.js';

/**
 * Standard input as a post's text, with the size cap and binary check files get: reading stops
 * past the cap (20 MB of NUL bytes is not read to the end). Throws the problem as one line.
 */
export async function readStdinPost(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
		chunks.push(bytes);
		size += bytes.length;
		if (size > MAX_POST_BYTES) break;
	}
	if (size > MAX_POST_BYTES)
		throw new Error(`standard input: larger than the ${MAX_POST_BYTES / 1024 / 1024} MB a post may be`);
	let problem = '';
	const text = decodePostBytes(Buffer.concat(chunks), (message) => {
		problem ||= message;
	});
	if (text === null) throw new Error(`standard input: ${problem.replace(/^skipped: /, '').replace('the file', 'it')}`);
	return text;
}
