import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, inkFrameDrawn, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {waitFor} from '../helpers/wait-for.js';

// Issue 24, point 1: after any resize the screen equals what a fresh start at that size, in the
// same state, draws; Ctrl-L redraws everything; fg after a resize while stopped reads the size again.
// Each test drives the reader in a pseudo-terminal (a headless xterm keeps the screen) and compares
// the emulator's visible grid with the grid of a second reader started at the final size.

/** A key to press and what shows that it landed. */
type Step = {keys: string; until: (session: Session) => boolean};

const topicAtTop = (name: RegExp): Step => ({keys: ']', until: (session) => name.test(statusLine(session))});
const AI: Step = topicAtTop(/On Artificial/);
const SECURITY: Step = topicAtTop(/On security/);
const HELP: Step = {keys: '?', until: (session) => /Keys {2}\(Esc/.test(session.screen())};
const WARNINGS: Step = {keys: 'W', until: (session) => /No warnings/.test(session.screen())};
const SEARCH: Step[] = [
	{keys: '/', until: (session) => /\/ ▏/.test(session.screen())},
	{keys: 'etcd', until: (session) => /Setting up Etcd/.test(session.screen())},
];
// The focused sidebar is marked by a heavy rule beside it.
const SIDEBAR: Step = {keys: '\t', until: (session) => session.screen().includes('┃')};

/** Starts the reader on the bundled posts at a size and takes the steps, each once it shows. */
async function reader(cols: number, rows: number, steps: Step[]): Promise<Session> {
	const session = startSession([cliPath, '--no-resume'], {cols, rows});
	await session.waitFor(FIRST_FRAME);
	for (const step of steps) {
		session.write(step.keys);
		await session.waitFor(() => step.until(session));
	}
	return session;
}

/**
 * The grid compared: the screen, with read and unread topic marks made one. A reader that was
 * wider has seen more rows than a fresh one and may mark more topics read (issue 24, point 3):
 * that is its state, not a broken frame.
 */
const grid = (session: Session) => session.screen().replaceAll('▪', '·');

/**
 * Waits until `session` shows exactly what a reader started at its size, after `steps`, shows;
 * then that the small writes of the next keys (j, then k) are right too, as they assume the screen
 * holds the last frame. Unless `keysChange` is false (an overlay where j does nothing), each key
 * must change the screen, so the comparison waits for it to have landed.
 */
async function assertSameAsFresh(
	session: Session,
	cols: number,
	rows: number,
	steps: Step[],
	keysChange = true,
): Promise<void> {
	const fresh = await reader(cols, rows, steps);
	try {
		await waitFor(() => grid(session) === grid(fresh), {
			describe: () => `after the resizes:\n${session.screen()}\n\na fresh start at ${cols}x${rows}:\n${fresh.screen()}`,
		});
		// j then k: the session is left as it was, for the next resize.
		for (const key of ['j', 'k']) {
			const before = grid(session);
			session.write(key);
			fresh.write(key);
			await waitFor(() => grid(session) === grid(fresh) && (!keysChange || grid(session) !== before), {
				describe: () =>
					`after ${key}:\n${session.screen()}\n\na fresh start at ${cols}x${rows}, after ${key}:\n${fresh.screen()}`,
			});
		}
	} finally {
		fresh.kill('SIGKILL');
	}
}

describe('every frame is whole after a resize (issue 24)', () => {
	afterEach(killAllSessions);

	for (const [name, from, to, steps] of [
		['width only, narrower', [120, 35], [80, 35], [AI]],
		['width only, wider', [80, 35], [120, 35], [AI]],
		['height only', [120, 35], [120, 28], [AI]],
		['width and height', [120, 35], [90, 30], [AI]],
		['200x60 to 150x60', [200, 60], [150, 60], [AI]],
		['with the help open', [120, 35], [100, 35], [HELP]],
		['with the warnings open', [120, 35], [70, 30], [WARNINGS]],
		['with the search open', [120, 35], [80, 30], SEARCH],
		['with the sidebar focused', [120, 35], [90, 35], [AI, SIDEBAR]],
	] as const) {
		test(`${name}: ${from.join('x')} to ${to.join('x')}`, async () => {
			const session = await reader(from[0], from[1], [...steps]);
			session.resize(to[0], to[1]);
			// With no warnings, j and k have nothing to scroll.
			await assertSameAsFresh(session, to[0], to[1], [...steps], steps[0] !== WARNINGS);
		});
	}

	test('many resizes in a row, 5 columns at a time, as a window is dragged (narrower, then back)', async () => {
		const session = await reader(120, 35, [AI]);
		for (let cols = 115; cols >= 60; cols -= 5) session.resize(cols, 35);
		await assertSameAsFresh(session, 60, 35, [AI]);
		for (let cols = 65; cols <= 120; cols += 5) session.resize(cols, cols % 2 === 0 ? 34 : 35);
		await assertSameAsFresh(session, 120, 34, [AI]);
	});

	test('split-window and kill-pane: half the width, then all of it again', async () => {
		const session = await reader(120, 35, [AI, SECURITY]);
		session.resize(60, 35);
		await assertSameAsFresh(session, 60, 35, [AI, SECURITY]);
		session.resize(120, 35);
		await assertSameAsFresh(session, 120, 35, [AI, SECURITY]);
	});

	test('Ctrl-L draws every row again after something else wrote over the screen', async () => {
		const session = await reader(120, 35, [AI]);
		// Another program (wall, a tmux message) writes over the reader: the reader cannot know.
		session.emulate('\u001B[5;10Hsomeone else wrote here\u001B[20;1H\u001B[2K');
		await session.waitFor(/someone else wrote here/);
		session.write('\u000C');
		await assertSameAsFresh(session, 120, 35, [AI]);
	});

	test('Ctrl-Z, a resize in the shell, fg: the size is read again and the frame is whole', async () => {
		const shell = startSession(['--norc', '--noprofile', '-i'], {
			command: 'bash',
			cols: 120,
			rows: 35,
			env: {PS1: 'shell$ ', HISTFILE: '/dev/null'},
		});
		await shell.waitFor(/shell\$/);
		shell.write(`${process.execPath} ${cliPath} --no-resume\r`);
		await shell.waitFor((screen) => shell.buffer() === 'alternate' && FIRST_FRAME.test(screen));
		shell.write(']');
		await shell.waitFor(() => AI.until(shell));
		shell.write('\u001A');
		await shell.waitFor((screen) => shell.buffer() === 'normal' && /Stopped/.test(screen));
		shell.resize(90, 30);
		shell.write('fg\r');
		await shell.waitFor(() => shell.buffer() === 'alternate');
		await assertSameAsFresh(shell, 90, 30, [AI]);
		shell.write('q');
		await shell.waitFor(/shell\$/);
		shell.write('exit\r');
		await shell.exited;
	});

	test('KUBECON_NOTES_WHOLE_ROWS=1 writes each changed row from its first column; by default only its changed part', async () => {
		/** The columns the cursor is sent to (CSI n G) while the reader scrolls one line. */
		const columnsAfterJ = async (env: Record<string, string>) => {
			const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, env});
			await session.waitFor(FIRST_FRAME);
			await session.waitFor(() => inkFrameDrawn(session));
			const before = session.raw().length;
			session.write('j');
			await session.waitFor(() => / 2–\d+\//.test(statusLine(session)));
			const columns = [
				...session
					.raw()
					.slice(before)
					.matchAll(/\u001B\[(\d+)G/g),
			].map((match) => Number(match[1]));
			session.kill('SIGKILL');
			return columns;
		};
		assert.ok(
			(await columnsAfterJ({})).some((column) => column > 1),
			'rows start past the sidebar',
		);
		assert.deepEqual(new Set(await columnsAfterJ({KUBECON_NOTES_WHOLE_ROWS: '1'})), new Set([1]));
	});
});
