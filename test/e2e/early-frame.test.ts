import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import type {Terminal as TerminalType} from '@xterm/headless';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {tempFolder} from '../helpers/temp-folder.js';
import {waitFor} from '../helpers/wait-for.js';

// Issue 25, point 5: the reader's first frame is written before Ink, React and yoga are loaded
// (src/ui/early-frame.ts), and Ink's own first frame, written over it, changes no cell. Each case
// starts the built CLI in a pseudo-terminal and replays what it wrote into two headless xterms:
// up to the end of its first synchronized write (the early frame), and up to the end of the next
// (Ink's first frame). The two screens must be equal, character and style of every cell.

const {Terminal} = createRequire(import.meta.url)('@xterm/headless') as {Terminal: typeof TerminalType};
const SYNC_ON = '\u001B[?2026h';
const SYNC_OFF = '\u001B[?2026l';

/** The ends of the first `count` synchronized writes in `raw` (indexes just past each `?2026l`). */
function writeEnds(raw: string, count: number): number[] {
	const ends: number[] = [];
	let from = 0;
	while (ends.length < count) {
		const on = raw.indexOf(SYNC_ON, from);
		if (on === -1) break;
		const off = raw.indexOf(SYNC_OFF, on);
		if (off === -1) break;
		ends.push(off + SYNC_OFF.length);
		from = off + SYNC_OFF.length;
	}
	return ends;
}

/** Every cell of the screen `output` leaves, with its style: one string per row. */
async function cells(output: string, cols: number, rows: number): Promise<string[]> {
	const terminal = new Terminal({cols, rows, allowProposedApi: true});
	await new Promise<void>((resolve) => terminal.write(output, resolve));
	const buffer = terminal.buffer.active;
	const cell = buffer.getNullCell();
	const grid: string[] = [];
	for (let row = 0; row < rows; row++) {
		const line = buffer.getLine(buffer.viewportY + row);
		let text = '';
		for (let column = 0; column < cols; column++) {
			line?.getCell(column, cell);
			const style = [
				cell.getFgColorMode(),
				cell.getFgColor(),
				cell.getBgColorMode(),
				cell.getBgColor(),
				cell.isBold(),
				cell.isDim(),
				cell.isInverse(),
				cell.isUnderline(),
				cell.isItalic(),
			].join(',');
			text += `${cell.getChars() || ' '}[${style}]`;
		}
		grid.push(text);
	}
	terminal.dispose();
	return grid;
}

/** The early frame's screen and Ink's, once both are written. */
async function bothFrames(session: Session, cols: number, rows: number): Promise<{early: string[]; ink: string[]}> {
	await session.waitFor(FIRST_FRAME);
	let ends: number[] = [];
	await session.waitFor(() => (ends = writeEnds(session.raw(), 2)).length === 2);
	const raw = session.raw();
	return {early: await cells(raw.slice(0, ends[0]), cols, rows), ink: await cells(raw.slice(0, ends[1]), cols, rows)};
}

/** Rows of `a` that differ from `b`, as text, for the failure message. */
function differences(a: string[], b: string[]): string {
	const cellsOf = (row: string) => row.match(/.\[[^\]]*\]/gu) ?? [];
	return a
		.flatMap((row, index) => {
			if (row === b[index]) return [];
			const left = cellsOf(row);
			const right = cellsOf(b[index] ?? '');
			const column = left.findIndex((cell, at) => cell !== right[at]);
			return [`row ${index + 1}, column ${column + 1}: early ${left[column]} ink ${right[column]}`];
		})
		.join('\n');
}

afterEach(killAllSessions);

describe('the early frame (issue 25: a first frame before the UI libraries load)', () => {
	const cases: Array<{name: string; cols: number; rows: number; args?: string[]}> = [
		{name: 'bundled posts at 120x35', cols: 120, rows: 35},
		{name: 'bundled posts at 200x60', cols: 200, rows: 60},
		{name: 'bundled posts at 50x15 (no sidebar)', cols: 50, rows: 15},
		{name: 'bundled posts at 61x20, light theme', cols: 61, rows: 20, args: ['--theme', 'light']},
		{name: 'bundled posts at 90x24, no colour', cols: 90, rows: 24, args: ['--color', 'never']},
		{
			name: 'bundled posts at 120x35, text at --width 60 (a margin left of it)',
			cols: 120,
			rows: 35,
			args: ['--width', '60'],
		},
	];
	for (const {name, cols, rows, args = []} of cases) {
		test(`${name}: Ink's first frame leaves every cell as the early frame drew it`, async () => {
			const session = startSession([cliPath, '--no-resume', ...args], {cols, rows, answers: true});
			const {early, ink} = await bothFrames(session, cols, rows);
			assert.match(early.at(-1)!.replaceAll(/\[[^\]]*\]/g, ''), FIRST_FRAME, 'the early frame has the status line');
			assert.equal(differences(early, ink), '', 'cells Ink drew differently');
		});
	}

	test('a long post (drawn in part first) and a resumed place: the same cells', async () => {
		const folder = tempFolder();
		const sections = Array.from(
			{length: 160},
			(_, index) =>
				`## Part ${index + 1}\n\n${'A sentence about clusters, schedulers and the people who run them. '.repeat(6)}\n\n- one point\n- another point\n`,
		);
		writeFileSync(join(folder, '2024-05-01-long.md'), `---\ntitle: A long day\n---\n\n${sections.join('\n')}`);
		const first = startSession([cliPath, '--posts', folder], {cols: 120, rows: 35, answers: true});
		await first.waitFor(FIRST_FRAME);
		first.write(']]]]]');
		await first.waitFor(() => /Part 5\b/.test(statusLine(first)));
		first.write('q');
		await first.exited;
		const again = startSession([cliPath, '--posts', folder], {
			cols: 120,
			rows: 35,
			answers: true,
			configDir: first.configDir,
		});
		const {early, ink} = await bothFrames(again, 120, 35);
		assert.match(early.at(-1)!.replaceAll(/\[[^\]]*\]/g, ''), /Resumed at Part 5/);
		assert.equal(differences(early, ink), '', 'cells Ink drew differently');
	});

	test("switched off (KUBECON_NOTES_EARLY_FRAME=0), the first frame written is Ink's, and the screen is the same", async () => {
		const on = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, answers: true});
		const {early} = await bothFrames(on, 120, 35);
		const off = startSession([cliPath, '--no-resume'], {
			cols: 120,
			rows: 35,
			answers: true,
			env: {KUBECON_NOTES_EARLY_FRAME: '0'},
		});
		await off.waitFor(FIRST_FRAME);
		const [end] = writeEnds(off.raw(), 1);
		assert.equal(differences(await cells(off.raw().slice(0, end), 120, 35), early), '');
	});

	test("Node's own warnings are not written over the frame; with --debug they are printed once the terminal is back", async () => {
		// Node 20 warns that NO_COLOR is ignored when FORCE_COLOR is set too, once a module that
		// colours its messages loads (Ink's signal-exit loads assert, after the early frame).
		const session = startSession([cliPath, '--no-resume', '--debug'], {
			cols: 120,
			rows: 35,
			answers: true,
			env: {NO_COLOR: '1', FORCE_COLOR: '1'},
		});
		await session.waitFor(FIRST_FRAME);
		session.write('q');
		await session.exited;
		const raw = session.raw();
		const entered = raw.indexOf('\u001B[?1049h');
		const left = raw.lastIndexOf('\u001B[?1049l');
		assert.ok(entered !== -1 && left > entered);
		assert.doesNotMatch(raw.slice(entered, left), /Warning:/, 'a warning was written over the reader');
		if (process.versions.node.startsWith('20.'))
			assert.match(raw.slice(left), /\(node:\d+\) Warning: The 'NO_COLOR' env is ignored/);
	});

	test('kill -TSTP as the early frame shows (before Ink is mounted) gives the terminal back; fg brings the reader back whole', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, answers: true});
		await session.waitFor(FIRST_FRAME);
		const frame = session.screen();
		process.kill(session.pid, 'SIGTSTP');
		const state = () => /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${session.pid}/stat`, 'utf8'))?.[1];
		await waitFor(() => state() === 'T');
		await session.waitFor(() => session.buffer() === 'normal' && !session.isCursorHidden());
		process.kill(session.pid, 'SIGCONT');
		await session.waitFor((screen) => session.buffer() === 'alternate' && screen === frame);
		session.write('j');
		await session.waitFor(() => / 2–35\//.test(statusLine(session)));
	});

	test('an error in the early frame leaves the first frame to Ink; the reader starts and quits cleanly', async () => {
		const session = startSession([cliPath, '--no-resume'], {
			cols: 120,
			rows: 35,
			answers: true,
			env: {KUBECON_NOTES_FAULT: 'early-frame'},
		});
		await session.waitFor(FIRST_FRAME);
		session.write('j');
		await session.waitFor(() => / 2–35\//.test(statusLine(session)));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(session.buffer(), 'normal');
	});
});
