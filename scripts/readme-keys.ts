// Writes the key table into README.md between its markers: the README's key list comes from the
// same data the reader resolves keys with (src/ui/keymap.ts). `npm test` checks it is current.
import {readFileSync, writeFileSync} from 'node:fs';
import {keymapMarkdown} from '../src/ui/keymap.js';

export const START = '<!-- keys:start -->';
export const END = '<!-- keys:end -->';

/** The README with its key section replaced by the table's current text. */
export function withKeys(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end === -1) throw new Error(`README.md has no ${START} … ${END} markers`);
	return `${readme.slice(0, start + START.length)}\n${keymapMarkdown()}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('readme-keys.ts')) {
	const path = new URL('../README.md', import.meta.url);
	writeFileSync(path, withKeys(readFileSync(path, 'utf8')));
}
