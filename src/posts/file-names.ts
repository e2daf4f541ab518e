/**
 * File and folder names that are not UTF-8. Node gives such a name as text with U+FFFD where the
 * bad bytes were, and that text names no file: the post was found, then "cannot read (not found)".
 * Such a name is read by its bytes: it is shown with each bad byte as `\xNN` (distinct names stay
 * distinct, and the text is plain ASCII there), and the path so written is mapped to its bytes
 * for every file system call (`fsPath`).
 */

/** Paths (as shown, and absolute) that hold a name that is not UTF-8, with their bytes. */
const bytePaths = new Map<string, Buffer>();

/** What to hand the file system for `path`: its bytes when it holds a name that is not UTF-8, else itself. */
export function fsPath(path: string): string | Buffer {
	return bytePaths.size === 0 ? path : (bytePaths.get(path) ?? path);
}

/** Remembers that the path written `path` is the bytes `bytes`. */
export function rememberBytePath(path: string, bytes: Buffer): void {
	bytePaths.set(path, bytes);
}

const strict = new TextDecoder('utf-8', {fatal: true});

/** A name's bytes as text: UTF-8 where they are, each byte that is not as `\xNN`. */
export function nameFromBytes(bytes: Buffer): string {
	try {
		return strict.decode(bytes);
	} catch {
		// Decoded piece by piece below.
	}
	let out = '';
	for (let index = 0; index < bytes.length;) {
		const lead = bytes[index]!;
		const length =
			lead < 0x80
				? 1
				: lead >= 0xc2 && lead <= 0xdf
					? 2
					: lead >= 0xe0 && lead <= 0xef
						? 3
						: lead >= 0xf0 && lead <= 0xf4
							? 4
							: 0;
		let text: string | null = null;
		if (length > 0 && index + length <= bytes.length) {
			try {
				text = strict.decode(bytes.subarray(index, index + length));
			} catch {
				text = null;
			}
		}
		if (text === null) {
			out += `\\x${lead.toString(16).padStart(2, '0')}`;
			index++;
		} else {
			out += text;
			index += length;
		}
	}
	return out;
}
