import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, paneTop, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {GENEROUS_TIMEOUT_MS, waitFor} from '../helpers/wait-for.js';

/** What the program wrote after leaving the alternate screen, less Ink's harmless extra cursor-show. */
function afterScreen(session: Session): string {
	const raw = session.raw();
	return raw.slice(raw.lastIndexOf('\u001B[?1049l') + '\u001B[?1049l'.length).replaceAll('\u001B[?25h', '');
}

/** After the program leaves the alternate screen, it writes nothing but whitespace. */
function assertRestored(session: Session): void {
	assert.equal(session.buffer(), 'normal');
	assert.equal(session.isCursorHidden(), false);
	const tail = afterScreen(session);
	assert.match(tail, /^[\s]*$/, JSON.stringify(tail));
}

/** The store's text, or '' while there is none yet. */
function storedPositionsIfAny(configDir: string): string {
	return readdirSync(configDir).some((name) => name.endsWith('.json')) ? storedPositions(configDir) : '';
}

/** The reading-position store the run left behind, as text. */
function storedPositions(configDir: string): string {
	const file = readdirSync(configDir).find((name) => name.endsWith('.json'))!;
	return readFileSync(join(configDir, file), 'utf8');
}

describe('the reader in a real terminal', () => {
	afterEach(killAllSessions);

	test('starts on the bundled posts, moves by topic, reaches the end, quits cleanly', async () => {
		// CI=true in the shell must not blank the reader (Ink draws nothing in CI mode).
		const session = startSession([cliPath], {cols: 120, rows: 35, env: {CI: 'true'}});
		await session.waitFor(FIRST_FRAME);
		assert.equal(session.buffer(), 'alternate');
		const screen = session.screen();
		// Titles that would read the same cut at their end are cut in the middle: their ends differ.
		assert.match(screen, /▾ KubeCon \+ …2024 notes 2024 /);
		assert.match(screen, /▸ KubeCon \+ …2023 notes 2023 /);
		assert.match(screen, /On networking/);
		assert.match(screen, /Final notes/);
		assert.match(statusLine(session), /2024 notes › Introduction/);
		session.write(']');
		await session.waitFor(() => /› On Artificial Intelligence/.test(statusLine(session)));
		assert.match(paneTop(session), /^On Artificial Intelligence, Machine Learning and GPUs/);
		session.write('G');
		await session.waitFor(() => / 100%/.test(statusLine(session)));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assertRestored(session);
	});

	test('/ searches the sessions across posts; Enter shows the etcd bullet in its post', async () => {
		const session = startSession([cliPath, '--no-resume']);
		await session.waitFor(FIRST_FRAME);
		session.write('/');
		await session.waitFor(/\/ ▏/);
		session.write('etcd');
		await session.waitFor(/1 session/);
		session.write('\r');
		await session.waitFor(() => /2023 notes/.test(statusLine(session)));
		assert.match(session.screen(), /• Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes/);
		session.write('q');
		await session.exited;
		assertRestored(session);
	});

	for (const [name, stop] of [
		['Ctrl-C', (session: Session) => session.write('\u0003')],
		['SIGTERM', (session: Session) => session.kill('SIGTERM')],
		['SIGHUP', (session: Session) => session.kill('SIGHUP')],
		['SIGQUIT', (session: Session) => session.kill('SIGQUIT')],
	] as const) {
		test(`${name} restores the terminal`, async () => {
			const session = startSession([cliPath]);
			await session.waitFor(FIRST_FRAME);
			// A key that lands shows raw mode is on: Ctrl-C is then a key, not a SIGINT.
			session.write('j');
			await session.waitFor(() => / 2–\d+\//.test(statusLine(session)));
			stop(session);
			const {exitCode} = await session.exited;
			assert.equal(exitCode, {'Ctrl-C': 0, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131}[name]);
			assertRestored(session);
			// The place is saved on the way out, whatever the way.
			assert.match(storedPositions(session.configDir), /"/);
		});
	}

	// Unhandled, SIGUSR1 started Node's inspector over the frame, and SIGUSR2 or SIGALRM (re-raised by
	// proper-lockfile's signal-exit once the writable store had loaded) left the alternate screen and
	// the mouse on. Each ends as SIGTERM does: terminal restored, place saved, 128 + its number.
	for (const [signal, code] of [
		['SIGUSR1', 138],
		['SIGUSR2', 140],
		['SIGALRM', 142],
		['SIGVTALRM', 154],
		['SIGXCPU', 152],
		['SIGPROF', 155],
	] as const) {
		test(`${signal} restores the terminal like SIGTERM`, async () => {
			const session = startSession([cliPath, '--no-resume']);
			await session.waitFor(FIRST_FRAME);
			session.write(']');
			await session.waitFor(() => /› On Artificial/.test(statusLine(session)));
			// The place is on disk: the writable store (conf, proper-lockfile, signal-exit) has loaded.
			await waitFor(() => /"topic": "On Artificial/.test(storedPositionsIfAny(session.configDir)));
			session.kill(signal);
			const {exitCode} = await session.exited;
			assert.equal(exitCode, code);
			assertRestored(session);
			assert.ok(
				session.raw().lastIndexOf('\u001B[?1000l') > session.raw().lastIndexOf('\u001B[?1000h'),
				'the mouse is off',
			);
			assert.doesNotMatch(session.raw(), /Debugger listening/);
		});
	}

	test('an exception inside a component restores the terminal, says one line and keeps the place', async () => {
		const first = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await first.waitFor(FIRST_FRAME);
		first.write(']]');
		await first.waitFor(() => /› On security/.test(statusLine(first)));
		first.write('q');
		await first.exited;
		// The fault fires as soon as the pane shows anything but the top: here, the resumed place.
		const session = startSession([cliPath], {
			cols: 100,
			rows: 30,
			configDir: first.configDir,
			env: {KUBECON_NOTES_FAULT: 'render'},
		});
		const {exitCode} = await Promise.race([
			session.exited,
			new Promise<never>((_, reject) =>
				setTimeout(
					() => reject(new Error(`still running; the screen:\n${session.screen()}`)),
					GENEROUS_TIMEOUT_MS,
				).unref(),
			),
		]);
		assert.equal(exitCode, 1);
		assert.equal(session.buffer(), 'normal');
		assert.equal(session.isCursorHidden(), false);
		assert.ok(session.raw().includes('\u001B[?1049h'), 'the alternate screen was entered');
		assert.equal(afterScreen(session).trim(), 'kubecon-notes: injected fault (KUBECON_NOTES_FAULT=render)');
		assert.match(storedPositions(session.configDir), /"topic": "On security, policy and authentication"/);
	});

	test('a resize re-wraps and keeps the same heading at the top; too small, then back', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write(']');
		await session.waitFor(() => /› On Artificial/.test(statusLine(session)));
		session.write(']');
		await session.waitFor(() => /› On security/.test(statusLine(session)));
		const heading = paneTop(session);
		assert.match(heading, /^On security, policy and authentication/);
		session.resize(80, 30);
		await session.waitFor(() => paneTop(session) === heading && session.screen().split('\n')[0]!.length <= 80);
		session.resize(18, 4);
		await session.waitFor(/too small/);
		session.resize(100, 30);
		await session.waitFor(() => paneTop(session) === heading);
		session.write('q');
		await session.exited;
		assertRestored(session);
	});

	test('at 50x15 the sidebar hides itself and the status line stays', async () => {
		const session = startSession([cliPath], {cols: 50, rows: 15});
		await session.waitFor(FIRST_FRAME);
		assert.doesNotMatch(session.screen(), /│/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('the place is kept: reopened at another width, the same heading is at the top', async () => {
		const first = startSession([cliPath], {cols: 120, rows: 35});
		await first.waitFor(FIRST_FRAME);
		first.write('n');
		await first.waitFor(() => /2023 notes/.test(statusLine(first)));
		first.write(']]');
		await first.waitFor(() => /› On etcd/.test(statusLine(first)));
		const heading = paneTop(first);
		first.write('q');
		await first.exited;
		assert.match(storedPositions(first.configDir), /On etcd, performance and resource management/);

		const second = startSession([cliPath], {cols: 90, rows: 30, configDir: first.configDir});
		await second.waitFor(/Resumed at On etcd/);
		assert.equal(paneTop(second), heading);
		second.write('q');
		await second.exited;
	});

	test('kill -9 while reading keeps the place the debounced saver wrote while the reader ran', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write(']]');
		await session.waitFor(() => /› On security/.test(statusLine(session)));
		// The saver writes on its own, with no key and no exit: wait for the file, then kill.
		await waitFor(() => /"topic": "On security/.test(storedPositionsIfAny(session.configDir)));
		session.kill('SIGKILL');
		await session.exited;
		assert.match(storedPositions(session.configDir), /"topic": "On security, policy and authentication"/);
	});
});
