import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {bundledPosts, cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempFolder} from '../helpers/temp-folder.js';

const posts = ['2023-04-27-kubecon-eu-2023.md', '2024-04-01-kubecon-eu-2024.md'];

type Stored = {positions: Record<string, {anchor: {progress: number}}>};
const stored = (configDir: string) => JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as Stored;

/** Two readers on one store, each in its own post, each moved away from the top and not yet saved. */
async function twoReadersMoved(configDir: string): Promise<Session[]> {
	const readers = posts.map((post) =>
		startSession([cliPath, join(bundledPosts, post)], {cols: 100, rows: 30, configDir}),
	);
	for (const reader of readers) await reader.waitFor(FIRST_FRAME);
	for (const reader of readers) reader.write('dd');
	for (const reader of readers)
		await reader.waitFor(() => !/ 0%/.test(statusLine(reader)) && FIRST_FRAME.test(statusLine(reader)));
	return readers;
}

describe('two readers sharing one store', () => {
	afterEach(killAllSessions);

	// Without the lock these lost one place in 3 of 8 tries (q) and 4 of 6 (SIGHUP): a few rounds each.
	for (const [how, stop] of [
		['quitting together (q)', (reader: Session) => reader.write('q')],
		['hung up together (SIGHUP, a closed tmux window)', (reader: Session) => reader.kill('SIGHUP')],
	] as const) {
		test(`${how} keep both places`, async () => {
			for (let round = 0; round < 3; round++) {
				const configDir = tempFolder();
				const readers = await twoReadersMoved(configDir);
				for (const reader of readers) stop(reader);
				await Promise.all(readers.map((reader) => reader.exited));
				const saved = stored(configDir);
				for (const post of posts) {
					// Kept under the post's identity key, which ends with its path (post-identity.ts).
					const place = Object.entries(saved.positions).find(([key]) =>
						key.endsWith(`:${join(bundledPosts, post)}`),
					)?.[1];
					assert.ok((place?.anchor.progress ?? 0) > 0, `round ${round}: ${post} kept: ${JSON.stringify(saved)}`);
				}
			}
		});
	}
});

describe('a store that cannot be written', () => {
	afterEach(killAllSessions);

	test('is said at start, in the status line and the W list; places are kept for the run', async () => {
		const blocker = join(tempFolder(), 'a-file');
		writeFileSync(blocker, 'x');
		const session = startSession([cliPath], {cols: 120, rows: 35, configDir: join(blocker, 'store')});
		// The message is longer than a row: it takes rows above the status line, whole.
		await session.waitFor((screen) => /Reading positions are not saved/.test(screen.split('\n').slice(-4).join(' ')));
		assert.match(statusLine(session), /1 warning \(W\)/);
		session.write('W');
		await session.waitFor(/1 file problem/);
		// The W list wraps the path where the window ends: read the pane's text as one line.
		const pane = session
			.screen()
			.split('\n')
			.map((row) => (row.includes('│') ? row.slice(row.indexOf('│') + 1) : row).trim())
			.join(' ');
		assert.match(pane, /config\.json: Reading positions are not/);
		// The real path, never a placeholder ("the file").
		assert.match(pane, /config\.json cannot be written \(.*a-file is not a folder\)/);
		assert.doesNotMatch(pane, /the file/);
		session.write('\u001B');
		await session.waitFor(() => !/1 file problem/.test(session.screen()));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(readFileSync(blocker, 'utf8'), 'x');
	});
});

describe('locks and failures met while reading', () => {
	afterEach(killAllSessions);

	const storedText = (configDir: string) =>
		existsSync(join(configDir, 'config.json')) ? readFileSync(join(configDir, 'config.json'), 'utf8') : '';

	test('a lock dated in the future is abandoned: the place is saved, the lock gone, nothing to warn about', async () => {
		const configDir = tempFolder();
		const lock = join(configDir, 'config.json.lock');
		mkdirSync(lock);
		const ahead = new Date(Date.now() + 86_400_000);
		utimesSync(lock, ahead, ahead);
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, configDir});
		await session.waitFor(FIRST_FRAME);
		session.write(']]');
		await session.waitFor(() => /› On security/.test(statusLine(session)));
		// Before, every write waited 7 s for the lock and then gave up: the place was never written.
		await waitFor(() => /"topic": "On security/.test(storedText(configDir)));
		// The file is written under the lock, then the lock goes: wait for that, however busy the machine.
		await waitFor(() => !existsSync(lock));
		assert.doesNotMatch(statusLine(session), /not saved|warning/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('a lock held by a live run: keys keep moving the reader; the place is written once it lets go', async () => {
		const configDir = tempFolder();
		const lock = join(configDir, 'config.json.lock');
		mkdirSync(lock);
		// The test is the holder (its own pid, alive); the lock is fresh, so it is not abandoned.
		writeFileSync(join(lock, 'holder'), JSON.stringify({pid: process.pid, host: hostname(), started: null}));
		// Kept fresh, as a holder that holds long does (proper-lockfile's update): never stale however slow the machine.
		const keepFresh = setInterval(() => {
			const now = new Date();
			if (existsSync(lock)) utimesSync(lock, now, now);
		}, 500);
		after(() => clearInterval(keepFresh));
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, configDir});
		await session.waitFor(FIRST_FRAME);
		for (const topic of ['On Artificial', 'On security', 'On container']) {
			session.write(']');
			await session.waitFor(() => new RegExp(`› ${topic}`).test(statusLine(session)));
		}
		assert.equal(storedText(configDir), '');
		clearInterval(keepFresh);
		rmSync(lock, {recursive: true, force: true});
		await waitFor(() => /"topic": "On container/.test(storedText(configDir)));
		assert.doesNotMatch(statusLine(session), /not saved|warning/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('quitting while another live run holds the lock: the terminal is back at once, a note says why it waits, Ctrl-C ends it', async () => {
		const configDir = tempFolder();
		const lock = join(configDir, 'config.json.lock');
		mkdirSync(lock);
		writeFileSync(join(lock, 'holder'), JSON.stringify({pid: process.pid, host: hostname(), started: null}));
		const keepFresh = setInterval(() => {
			const now = new Date();
			if (existsSync(lock)) utimesSync(lock, now, now);
		}, 500);
		after(() => clearInterval(keepFresh));
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, configDir});
		await session.waitFor(FIRST_FRAME);
		session.write(']');
		await session.waitFor(() => /› On Artificial/.test(statusLine(session)));
		session.write('q');
		// The note may wrap where the window ends: read the screen as one line.
		await session.waitFor(
			(screen) =>
				session.buffer() === 'normal' &&
				/saving your place: waiting for another run to release .*config\.json\.lock/.test(screen.replaceAll('\n', '')),
		);
		session.write('\u0003');
		assert.equal((await session.exited).exitCode, 130);
		assert.equal(session.isCursorHidden(), false);
		clearInterval(keepFresh);
	});

	test('a save that fails after start is said in the status line and in W, while reading', async () => {
		const parent = tempFolder();
		const configDir = join(parent, 'store');
		mkdirSync(configDir);
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, configDir});
		await session.waitFor(FIRST_FRAME);
		session.write(']');
		await waitFor(() => /"topic": "On Artificial/.test(storedText(configDir)));
		// The folder goes, and a file takes its place: the next write cannot be made.
		renameSync(configDir, join(parent, 'moved'));
		writeFileSync(configDir, 'x');
		session.write(']');
		// A message longer than the status line takes the rows above it (issue 26): read the screen's foot.
		await session.waitFor(() =>
			/Reading positions are not saved/.test(session.screen().trimEnd().split('\n').slice(-3).join(' ')),
		);
		session.write('W');
		await session.waitFor(/1 file problem/);
		const pane = session
			.screen()
			.split('\n')
			.map((row) => (row.includes('│') ? row.slice(row.indexOf('│') + 1) : row).trim())
			.join(' ');
		assert.match(pane, /config\.json: Reading positions are not saved: \S*config\.json cannot be written \(ENOTDIR/);
		session.write('\u001B');
		await session.waitFor(() => !/1 file problem/.test(session.screen()));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(readFileSync(configDir, 'utf8'), 'x');
	});
});
