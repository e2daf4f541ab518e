import {parsePost} from '../../src/posts/parse-post.js';
import type {ParsedPost} from '../../src/posts/types.js';

/** Parses markdown as if read from `/notes/<name>`. */
export function parse(text: string, name = '2024-05-06-notes.md'): ParsedPost {
	return parsePost({text, id: name, path: `/notes/${name}`, displayPath: name});
}

/** Joins lines with \n: fixtures read like the files they stand for. */
export const lines = (...rows: string[]): string => rows.join('\n');
