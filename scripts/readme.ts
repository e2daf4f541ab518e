// Writes every generated section of README.md: the key tables (from src/ui/keymap.ts, see
// readme-keys.ts) and the command and option tables (from src/cli/commands.ts). `npm test` checks
// the README is current (test/readme.test.ts).
import {readFileSync, writeFileSync} from 'node:fs';
import {commandsMarkdown} from '../src/cli/args.js';
import {withKeys} from './readme-keys.js';

export const COMMANDS_START = '<!-- commands:start -->';
export const COMMANDS_END = '<!-- commands:end -->';

/** The README with its command section replaced by the command table's current text. */
export function withCommands(readme: string): string {
	const start = readme.indexOf(COMMANDS_START);
	const end = readme.indexOf(COMMANDS_END);
	if (start === -1 || end === -1) throw new Error(`README.md has no ${COMMANDS_START} … ${COMMANDS_END} markers`);
	return `${readme.slice(0, start + COMMANDS_START.length)}\n${commandsMarkdown()}\n${readme.slice(end)}`;
}

/** The README with every generated section current. */
export function withGenerated(readme: string): string {
	return withCommands(withKeys(readme));
}

if (process.argv[1]?.endsWith('readme.ts')) {
	const path = new URL('../README.md', import.meta.url);
	writeFileSync(path, withGenerated(readFileSync(path, 'utf8')));
}
