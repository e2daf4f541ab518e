import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {dumbTerminal, hasCursorAddressing} from '../../src/cli/terminal-capability.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {GENEROUS_TIMEOUT_MS} from '../helpers/wait-for.js';
import {cliPath} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

/**
 * A compiled terminfo entry (term(5), legacy format) with the given string capabilities by index,
 * made here so the test needs neither tic nor any entry installed on the machine.
 */
function terminfoEntry(names: string, strings: Record<number, string>, stringCount = 30): Buffer {
	const nameBytes = Buffer.from(`${names}\0`, 'latin1');
	const table: Buffer[] = [];
	let tableSize = 0;
	const offsets = Array.from({length: stringCount}, (_, index) => {
		const value = strings[index];
		if (value === undefined) return -1;
		const at = tableSize;
		const bytes = Buffer.from(`${value}\0`, 'latin1');
		table.push(bytes);
		tableSize += bytes.length;
		return at;
	});
	const boolCount = 1;
	const header = Buffer.alloc(12);
	[0o432, nameBytes.length, boolCount, 1, stringCount, tableSize].forEach((value, index) =>
		header.writeInt16LE(value, index * 2),
	);
	const bools = Buffer.from([1]);
	// Numbers start on an even byte.
	const pad = (12 + nameBytes.length + boolCount) % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0);
	const numbers = Buffer.alloc(2);
	numbers.writeInt16LE(80);
	const stringOffsets = Buffer.alloc(stringCount * 2);
	offsets.forEach((offset, index) => stringOffsets.writeInt16LE(offset, index * 2));
	return Buffer.concat([header, nameBytes, bools, pad, numbers, stringOffsets, ...table]);
}

/** A TERMINFO folder holding `entry` as `name`, filed as Linux files it. */
function terminfoFolder(name: string, entry: Buffer): string {
	const folder = tempFolder();
	fs.mkdirSync(path.join(folder, name[0]!));
	fs.writeFileSync(path.join(folder, name[0]!, name), entry);
	return folder;
}

describe('which terminals take the reader', () => {
	test('TERM=dumb, a dumb variant, or no TERM (but on Windows) cannot', () => {
		assert.equal(dumbTerminal({TERM: 'dumb'}), 'TERM=dumb');
		assert.equal(dumbTerminal({TERM: 'dumb-emacs-ansi'}), 'TERM=dumb-emacs-ansi');
		assert.equal(dumbTerminal({}, 'linux'), 'TERM is not set');
		assert.equal(dumbTerminal({TERM: ''}, 'darwin'), 'TERM is not set');
		assert.equal(dumbTerminal({}, 'win32'), null);
	});

	test('a terminfo entry without cursor addressing cannot; with it, or without any entry, it can', () => {
		const noCup = terminfoFolder('plain-tty', terminfoEntry('plain-tty|a printing terminal', {1: '\u0007', 2: '\r'}));
		assert.match(dumbTerminal({TERM: 'plain-tty', TERMINFO: noCup}) ?? '', /plain-tty has no cursor addressing/);
		// Found through TERMINFO_DIRS too, and an entry listing fewer strings than cup's index has none.
		const short = terminfoFolder('tiny-tty', terminfoEntry('tiny-tty', {1: '\u0007'}, 5));
		assert.match(
			dumbTerminal({TERM: 'tiny-tty', TERMINFO_DIRS: `${short}:`, HOME: '/nonexistent'}) ?? '',
			/no cursor addressing/,
		);
		const cup = terminfoFolder('fancy-term', terminfoEntry('fancy-term', {10: '\u001B[%i%p1%d;%p2%dH'}));
		assert.equal(dumbTerminal({TERM: 'fancy-term', TERMINFO: cup}), null);
		assert.equal(
			dumbTerminal({
				TERM: 'xterm-unknown-here',
				TERMINFO: tempFolder(),
				TERMINFO_DIRS: tempFolder(),
				HOME: '/nonexistent',
			}),
			null,
		);
		// A TERM that would climb out of the folder is not looked up.
		assert.equal(dumbTerminal({TERM: '../p/plain-tty', TERMINFO: noCup}), null);
	});

	test('hasCursorAddressing reads both compiled formats and gives garbage the benefit of the doubt', () => {
		assert.equal(hasCursorAddressing(terminfoEntry('x', {10: 'cup'})), true);
		assert.equal(hasCursorAddressing(terminfoEntry('x', {9: 'cmdch'})), false);
		const extended = terminfoEntry('x', {});
		extended.writeInt16LE(0o1036, 0);
		// Its one number is 4 bytes wide in the 32-bit format: the offsets move by two.
		const wide = Buffer.concat([
			extended.subarray(0, 12 + 2 + 1 + 1),
			Buffer.alloc(2),
			extended.subarray(12 + 2 + 1 + 1),
		]);
		assert.equal(hasCursorAddressing(wide), false);
		for (const garbage of [Buffer.alloc(0), Buffer.from('not terminfo at all'), Buffer.alloc(40, 0xff)])
			assert.equal(hasCursorAddressing(garbage), true);
	});
});

/** The run's end; a reader waiting for keys instead fails the test with its screen, not after the runner's ceiling. */
function ended(session: Session): Promise<{exitCode: number}> {
	return Promise.race([
		session.exited,
		new Promise<never>((_, reject) =>
			setTimeout(
				() => reject(new Error(`still running; it wrote:\n${JSON.stringify(session.raw().slice(0, 300))}`)),
				GENEROUS_TIMEOUT_MS,
			).unref(),
		),
	]);
}

describe('a dumb terminal gets the printed text', () => {
	afterEach(killAllSessions);

	const noCup = () => terminfoFolder('plain-tty', terminfoEntry('plain-tty', {1: '\u0007'}));
	for (const [name, env] of [
		['TERM=dumb', {TERM: 'dumb'}],
		['no TERM', {TERM: undefined}],
		['an entry without cursor addressing', {TERM: 'plain-tty', TERMINFO: ''}],
	] as const) {
		test(`${name}: the posts printed plain; no query, alternate screen, mouse mode or colour`, async () => {
			const session = startSession([cliPath], {
				cols: 100,
				rows: 30,
				env: {FORCE_COLOR: undefined, NO_COLOR: undefined, ...env, ...(env.TERMINFO === '' ? {TERMINFO: noCup()} : {})},
			});
			const {exitCode} = await ended(session);
			assert.equal(exitCode, 0);
			assert.match(session.raw(), /KubeCon \+ CloudNativeCon Europe 2024/);
			assert.doesNotMatch(
				session.raw(),
				/\u001B|\u009B|\u009D/,
				'not one escape: no OSC 11 or DA1 query, no alternate screen, no mouse, no SGR',
			);
		});
	}

	test('--color=always still colours the printed text there', async () => {
		const session = startSession([cliPath, '--color=always'], {
			cols: 100,
			rows: 30,
			env: {TERM: 'dumb', FORCE_COLOR: undefined, NO_COLOR: undefined},
		});
		assert.equal((await ended(session)).exitCode, 0);
		assert.match(session.raw(), /\u001B\[[\d;]*m/);
		assert.doesNotMatch(session.raw(), /\u001B\[\?1049h|\u001B\]11;\?|\u001B\[c/);
	});
});
