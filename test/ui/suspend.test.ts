import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, test} from 'node:test';
import {createSuspender} from '../../src/ui/suspend.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';

/** Ink draws nothing while CI is set (CI runs these tests with CI=true); the CLI clears it itself. */
const INK_DRAWS = {CI: undefined, CONTINUOUS_INTEGRATION: undefined};
import {waitFor} from '../helpers/wait-for.js';

/** A terminal and a process that record what is done to them. */
function fakes() {
	const log: string[] = [];
	const signals = new EventEmitter();
	const setup = {
		stdin: {isTTY: true, setRawMode: (mode: boolean) => log.push(`raw ${mode}`)},
		stdout: {write: (text: string) => log.push(JSON.stringify(text))},
		isMouseOn: true,
		signals,
		stop: () => log.push('SIGSTOP'),
		redraw: () => log.push('redraw'),
		beforeStop: () => log.push('save'),
	};
	return {log, signals, setup};
}

describe('Ctrl-Z and fg, with a fake terminal', () => {
	test('suspend saves, gives the terminal back (mouse off, cursor, main screen, cooked), then stops', () => {
		const {log, setup} = fakes();
		createSuspender(setup).suspend();
		assert.deepEqual(log, [
			'save',
			JSON.stringify('\u001B[?1006l\u001B[?1000l\u001B[?25h\u001B[?1049l'),
			'raw false',
			'SIGSTOP',
		]);
	});
	test('SIGCONT takes the terminal again (raw, alternate screen cleared, cursor hidden, mouse on) and redraws', () => {
		const {log, signals, setup} = fakes();
		createSuspender(setup);
		signals.emit('SIGCONT');
		assert.deepEqual(log, [
			'raw true',
			JSON.stringify('\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l\u001B[?1000h\u001B[?1006h'),
			'redraw',
		]);
	});
	test('SIGTSTP from elsewhere suspends too; without the mouse no mouse sequence is written', () => {
		const {log, signals, setup} = fakes();
		createSuspender({...setup, isMouseOn: false});
		signals.emit('SIGTSTP');
		assert.deepEqual(log, ['save', JSON.stringify('\u001B[?25h\u001B[?1049l'), 'raw false', 'SIGSTOP']);
	});
	test('once disposed, signals are left alone', () => {
		const {log, signals, setup} = fakes();
		createSuspender(setup).dispose();
		signals.emit('SIGTSTP');
		signals.emit('SIGCONT');
		assert.deepEqual(log, []);
		assert.equal(signals.listenerCount('SIGCONT'), 0);
	});
});

describe('Ctrl-Z and fg in a pseudo-terminal', () => {
	afterEach(killAllSessions);
	const probe = fileURLToPath(new URL('../fixtures/suspend-probe.ts', import.meta.url));
	const state = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];

	test('Ctrl-Z restores the screen and stops; SIGCONT re-enters, redraws and takes keys', async () => {
		const session = startSession(['--import', 'tsx', probe], {cols: 60, rows: 10});
		await session.waitFor(/frame 1/);
		assert.equal(session.buffer(), 'alternate');
		const pid = Number(/probe pid (\d+)/.exec(session.screen())![1]);

		session.write('\u001A');
		await waitFor(() => state(pid) === 'T', {describe: () => `state ${state(pid)}`});
		await session.waitFor(() => session.buffer() === 'normal');
		assert.equal(session.isCursorHidden(), false);
		assert.ok(
			session.raw().lastIndexOf('\u001B[?1000l') > session.raw().lastIndexOf('\u001B[?1000h'),
			'the mouse is off while stopped',
		);

		session.kill('SIGCONT');
		await session.waitFor((screen) => session.buffer() === 'alternate' && /frame 2/.test(screen));
		assert.equal(session.isCursorHidden(), true);
		session.write('x');
		await session.waitFor(/key:x/);

		session.kill('SIGTSTP');
		await waitFor(() => state(pid) === 'T', {describe: () => `state ${state(pid)}`});
		await session.waitFor(() => session.buffer() === 'normal');
		session.kill('SIGCONT');
		await session.waitFor((screen) => session.buffer() === 'alternate' && /frame 3/.test(screen));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test("on Ink: Ctrl-Z through useInput, and after SIGCONT the whole frame is back (useStdout().write('') redraws)", async () => {
		const inkProbe = fileURLToPath(new URL('../fixtures/ink-handover-probe.tsx', import.meta.url));
		const session = startSession(['--import', 'tsx', inkProbe], {cols: 60, rows: 10, env: INK_DRAWS});
		await session.waitFor(/ink probe pid \d+ keys \[\]/);
		const pid = Number(/ink probe pid (\d+)/.exec(session.screen())![1]);
		session.write('ab');
		await session.waitFor(/keys \[ab\]/);
		session.write('\u001A');
		await waitFor(() => state(pid) === 'T', {describe: () => `state ${state(pid)}`});
		await session.waitFor(() => session.buffer() === 'normal');
		session.kill('SIGCONT');
		// The screen was cleared on the way back: the frame is there only if it was written again.
		await session.waitFor((screen) => session.buffer() === 'alternate' && /keys \[ab\]/.test(screen));
		assert.ok(
			session.raw().lastIndexOf('\u001B[2J') < session.raw().lastIndexOf('keys [ab]'),
			'the frame came after the clear',
		);
		session.write('c');
		await session.waitFor(/keys \[abc\]/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('on Ink: e gives the terminal to the editor, which gets +LINE FILE and every key typed meanwhile; the reader comes back', async (t) => {
		const folder = mkdtempSync(join(tmpdir(), 'kn-pty-editor-'));
		t.after(() => rmSync(folder, {recursive: true, force: true}));
		const record = join(folder, 'record.txt');
		const editor = join(folder, 'vim');
		// A fake vim: records its arguments and one line read from the terminal, in cooked mode.
		writeFileSync(
			editor,
			`#!/bin/sh\nprintf 'EDITOR READY\\n'\nIFS= read -r line\nprintf '%s\\n' "$@" "$line" > '${record}.part' && mv '${record}.part' '${record}'\n`,
		);
		chmodSync(editor, 0o755);
		const inkProbe = fileURLToPath(new URL('../fixtures/ink-handover-probe.tsx', import.meta.url));
		const session = startSession(['--import', 'tsx', inkProbe], {
			cols: 60,
			rows: 10,
			env: {...INK_DRAWS, VISUAL: editor, PROBE_FILE: '/notes/post.md'},
		});
		await session.waitFor(/keys \[\]/);
		session.write('e');
		await session.waitFor((screen) => session.buffer() === 'normal' && /EDITOR READY/.test(screen));
		session.write('typed in the editor\r');
		await session.waitFor((screen) => session.buffer() === 'alternate' && /keys \[\(editor: ok\)\]/.test(screen));
		assert.equal(readFileSync(record, 'utf8'), '+7\n/notes/post.md\ntyped in the editor\n');
		session.write('x');
		await session.waitFor(/keys \[\(editor: ok\)x\]/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});
});
