/**
 * Whether the terminal can take the full-screen reader: it must move the cursor. A dumb terminal
 * (TERM=dumb: Emacs' M-x shell, an editor's run console, a serial line; or no TERM at all) cannot,
 * and the reader there would scroll every frame into the one before it, answer queries nobody
 * asked for and leave mouse modes on. Such a terminal gets the printed text instead, as git, less
 * and glow do (git turns colour off too; so do we, unless asked for: --color=always, FORCE_COLOR).
 *
 * The terminfo entry for TERM decides when there is one: no cursor addressing (`cup`), no reader.
 * A TERM with no entry here (kitty or ghostty over ssh) is taken as the ANSI terminal it almost
 * certainly is, as Ink does: it never reads terminfo.
 */
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

/** Why the terminal cannot take the reader, or null when it can. */
export function dumbTerminal(
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): string | null {
	const term = env['TERM'];
	// Windows consoles set no TERM and draw ANSI (Windows Terminal, conhost since Windows 10).
	if (term === undefined || term === '') return platform === 'win32' ? null : 'TERM is not set';
	if (term === 'dumb' || term.startsWith('dumb-')) return `TERM=${term}`;
	const entry = terminfoEntry(term, env);
	if (entry !== null && !hasCursorAddressing(entry)) return `the terminfo entry for ${term} has no cursor addressing`;
	return null;
}

/** The folders terminfo is looked up in, in ncurses' order. */
function terminfoFolders(env: NodeJS.ProcessEnv): string[] {
	const folders: string[] = [];
	if (env['TERMINFO']) folders.push(env['TERMINFO']);
	const home = env['HOME'] ?? homedir();
	if (home) folders.push(join(home, '.terminfo'));
	const defaults = [
		'/etc/terminfo',
		'/lib/terminfo',
		'/usr/share/terminfo',
		'/usr/lib/terminfo',
		'/usr/share/lib/terminfo',
		'/usr/local/share/terminfo',
		'/opt/homebrew/share/terminfo',
	];
	// An empty item in TERMINFO_DIRS stands for the defaults.
	for (const folder of env['TERMINFO_DIRS']?.split(':') ?? ['']) folders.push(...(folder === '' ? defaults : [folder]));
	return folders;
}

/** The compiled entry for `term`, or null when there is none to be found. */
function terminfoEntry(term: string, env: NodeJS.ProcessEnv): Buffer | null {
	// A name is a file name: nothing that climbs out of the folder.
	if (term.includes('/') || term.includes('\0') || term.startsWith('.') || term.length > 128) return null;
	// Linux files it under its first letter, macOS under that letter's code in hex.
	const subfolders = [term[0]!, term.charCodeAt(0).toString(16)];
	for (const folder of terminfoFolders(env)) {
		for (const sub of subfolders) {
			try {
				const entry = readFileSync(join(folder, sub, term));
				// Real entries are a few KB; anything else is not one.
				if (entry.length <= 65_536) return entry;
			} catch {
				// Not here.
			}
		}
	}
	return null;
}

/** The index of `cursor_address` (cup) among terminfo's string capabilities. */
const CURSOR_ADDRESS = 10;

/**
 * Whether a compiled terminfo entry (term(5): the legacy and the 32-bit number formats) has cursor
 * addressing. An entry that cannot be read is given the benefit of the doubt.
 */
export function hasCursorAddressing(entry: Buffer): boolean {
	if (entry.length < 12) return true;
	const magic = entry.readInt16LE(0);
	const numberSize = magic === 0o432 ? 2 : magic === 0o1036 ? 4 : 0;
	if (numberSize === 0) return true;
	const [namesSize, boolCount, numberCount, stringCount] = [2, 4, 6, 8].map((at) => entry.readInt16LE(at)) as [
		number,
		number,
		number,
		number,
	];
	if (namesSize < 0 || boolCount < 0 || numberCount < 0 || stringCount < 0) return true;
	// Capabilities past the last string listed are absent.
	if (stringCount <= CURSOR_ADDRESS) return false;
	let at = 12 + namesSize + boolCount;
	// Numbers start on an even byte.
	if (at % 2 === 1) at++;
	at += numberCount * numberSize + CURSOR_ADDRESS * 2;
	if (at + 2 > entry.length) return true;
	// -1: absent, -2: cancelled.
	return entry.readInt16LE(at) >= 0;
}
