// Writes every generated section of README.md: the key tables (from src/ui/keymap.ts, the same data
// the reader resolves keys with) and the command and option tables (from src/cli/commands.ts).
// `npm test` checks the README is current (test/readme.test.ts).
import {readFileSync, writeFileSync} from 'node:fs';
import {commandsMarkdown} from '../src/cli/args.js';
import {keymapMarkdown} from '../src/ui/keymap.js';

/** The README with the text between `start` and `end` replaced. */
function withSection(readme: string, start: string, end: string, text: string): string {
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`README.md has no ${start} … ${end} markers`);
	return `${readme.slice(0, from + start.length)}\n${text}\n${readme.slice(to)}`;
}

/** The README with its key section replaced by the key table's current text. */
export function withKeys(readme: string): string {
	return withSection(readme, '<!-- keys:start -->', '<!-- keys:end -->', keymapMarkdown());
}

/** The README with its command section replaced by the command table's current text. */
export function withCommands(readme: string): string {
	return withSection(readme, '<!-- commands:start -->', '<!-- commands:end -->', commandsMarkdown());
}

/** The README with every generated section current. */
export function withGenerated(readme: string): string {
	return withCommands(withKeys(readme));
}

if (process.argv[1]?.endsWith('readme.ts')) {
	const path = new URL('../README.md', import.meta.url);
	writeFileSync(path, withGenerated(readFileSync(path, 'utf8')));
}
