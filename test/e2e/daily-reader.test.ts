import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, inkFrameDrawn, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {normalBufferAfter} from './replay-terminal.js';

// Issue 11 through a real pseudo-terminal: places, every topic, the terminal left alone, a measure, resizing.
/** The text right of the sidebar's rule (or the whole row without one), per row but the status line. */
const paneRows = (session: Session) =>
	session
		.screen()
		.split('\n')
		.slice(0, -1)
		.map((row) => (/[│┃]/.test(row) ? row.slice(row.search(/[│┃]/) + 1) : row));
const storeText = (configDir: string) =>
	readFileSync(
		join(
			configDir,
			readdirSync(configDir).find((name) => name.endsWith('.json'))!,
		),
		'utf8',
	);
const folders: string[] = [];
after(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

describe('the reader as a daily tool (issue 11)', () => {
	afterEach(killAllSessions);

	test('1. opening a post never writes; each post opens at its own place', async () => {
		const first = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		folders.push(first.configDir);
		await first.waitFor(FIRST_FRAME);
		first.write(']');
		await first.waitFor(() => /› On Artificial/.test(statusLine(first)));
		first.write(']');
		await first.waitFor(() => /› On security/.test(statusLine(first)));
		first.write('n');
		await first.waitFor(() => /2023 notes/.test(statusLine(first)));
		first.write(']');
		await first.waitFor(() => /2023 notes › /.test(statusLine(first)) && !/ 1–\d+\//.test(statusLine(first)));
		const place2023 = statusLine(first).match(/› (.*?) {2,}/)![1]!;
		first.write('q');
		await first.exited;
		const stored = storeText(first.configDir);

		// Reopened: the 2023 post at its place; p and n switch to each post's own place.
		const second = startSession([cliPath], {cols: 120, rows: 35, configDir: first.configDir});
		await second.waitFor(() => /Resumed at/.test(statusLine(second)));
		second.write('p');
		await second.waitFor(() => /2024 notes › On security/.test(statusLine(second)));
		second.write('n');
		await second.waitFor(() => statusLine(second).includes(`› ${place2023}`));
		second.write('q');
		await second.exited;
		assert.equal(storeText(first.configDir), stored, 'switching posts rewrote the store');

		// --no-resume opens the newest post at its top, and quitting without a key writes nothing.
		const third = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, configDir: first.configDir});
		await third.waitFor(FIRST_FRAME);
		third.write('q');
		await third.exited;
		assert.equal(storeText(first.configDir), stored, '--no-resume rewrote the store');
	});

	test('4. ] reaches every topic, the last ones too, and ticks them read', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		folders.push(session.configDir);
		await session.waitFor(FIRST_FRAME);
		for (const topic of ['On Artificial', 'On security', 'On container image', 'On networking', 'Final notes']) {
			session.write(']');
			await session.waitFor(() => statusLine(session).includes(`› ${topic}`));
			assert.ok(paneRows(session)[0]!.trim().startsWith(topic), `the heading of ${topic} is at the top`);
		}
		assert.match(session.screen(), /● Final notes/);
		assert.match(session.screen(), /▪ On networking/);
		session.write(']');
		await session.waitFor(() => /Last topic/.test(statusLine(session)));
		// At the end of the post the scroll-spy names the last topic whose heading shows.
		session.write('g');
		await session.waitFor(() => /› Introduction/.test(statusLine(session)));
		session.write('G');
		await session.waitFor(() => /› Final notes/.test(statusLine(session)) && / 100%/.test(statusLine(session)));
		session.write('q');
		await session.exited;
		assert.match(storeText(session.configDir), /"Final notes"/);
	});

	test('5. no frame clears the screen; the shell keeps its scrollback; a j writes little', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kn-shell-'));
		folders.push(dir);
		// A shell's history before the reader starts: 100 numbered lines.
		const wrapper = join(dir, 'after-history.mjs');
		writeFileSync(
			wrapper,
			`for (let i = 1; i <= 100; i++) process.stdout.write('history line ' + i + '\\n');\nawait import(${JSON.stringify(cliPath)});\n`,
		);
		const session = startSession([wrapper, '--no-resume'], {cols: 120, rows: 35});
		folders.push(session.configDir);
		await session.waitFor(FIRST_FRAME);
		// From Ink's first frame on (the early frame before it is drawn once, on the alternate screen).
		await session.waitFor(() => inkFrameDrawn(session));
		const firstFrameEnd = session.raw().length;
		const sizes: number[] = [];
		for (let line = 2; line <= 11; line++) {
			const before = session.raw().length;
			session.write('j');
			await session.waitFor(() => statusLine(session).includes(` ${line}–`));
			sizes.push(Buffer.byteLength(session.raw().slice(before)));
		}
		session.write(']');
		await session.waitFor(() => /› On Artificial/.test(statusLine(session)));
		const keysEnd = session.raw().length;
		session.resize(100, 30);
		await session.waitFor(() => /› On Artificial/.test(statusLine(session)) && statusLine(session).length <= 100);
		session.write('q');
		await session.exited;
		const keys = session.raw().slice(firstFrameEnd, keysEnd);
		assert.ok(!keys.includes('\u001B[2J') && !keys.includes('\u001B[3J'), 'a frame cleared the screen');
		// A resize draws the whole frame on a cleared alternate screen (issue 24): ESC[2J there
		// touches no scrollback; ESC[3J, which wipes it, is never written.
		assert.ok(!session.raw().slice(firstFrameEnd).includes('\u001B[3J'), 'the scrollback was wiped');
		sizes.sort((a, b) => a - b);
		assert.ok(sizes[5]! < 2600, `bytes per j: ${sizes.join(', ')}`);
		const history = await normalBufferAfter(session.raw(), 100, 30);
		for (const line of ['history line 1', 'history line 50', 'history line 100'])
			assert.ok(history.includes(line), `${line} is gone from the scrollback`);
	});

	test('6. the text is at most 100 columns, or --width; spare room widens the sidebar', async () => {
		const wide = startSession([cliPath, '--no-resume'], {cols: 200, rows: 50});
		folders.push(wide.configDir);
		await wide.waitFor(FIRST_FRAME);
		const widest = Math.max(...paneRows(wide).map((row) => row.trim().length));
		assert.ok(widest <= 100 && widest > 80, `text ${widest} columns wide at 200`);
		assert.ok(wide.screen().split('\n')[0]!.indexOf('│') > 40, 'the sidebar took spare room');
		wide.write('q');
		await wide.exited;
		const narrow = startSession([cliPath, '--no-resume', '--width', '70'], {
			cols: 200,
			rows: 50,
			configDir: wide.configDir,
		});
		await narrow.waitFor(FIRST_FRAME);
		const measured = Math.max(...paneRows(narrow).map((row) => row.trim().length));
		assert.ok(measured <= 70 && measured > 55, `text ${measured} columns wide with --width 70`);
		narrow.write('t');
		await narrow.waitFor(() => !narrow.screen().includes('│'));
		const hidden = narrow.screen().split('\n').slice(0, -1);
		assert.ok(
			hidden.every(
				(row) =>
					row.trimEnd().length <= 70 + Math.floor((200 - 71) / 2) &&
					(row.trim() === '' || row.startsWith(' '.repeat(30))),
			),
			'centred with a margin',
		);
		narrow.write('q');
		await narrow.exited;
	});

	test('7. resizing keeps the text; the sidebar yields; t puts the list in its place', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		folders.push(session.configDir);
		await session.waitFor(FIRST_FRAME);
		session.write(']');
		await session.waitFor(() => /› On Artificial/.test(statusLine(session)));
		// The focus on the sidebar, then the window narrows below the sidebar's room.
		session.write('\t');
		// The focused list is marked by a heavy rule.
		await session.waitFor(() =>
			/KubeCon/.test(
				session
					.screen()
					.split('\n')
					.find((row) => row.includes('\u2503')) ?? '',
			),
		);
		for (const [cols, rows] of [
			[80, 30],
			[50, 20],
		] as const) {
			session.resize(cols, rows);
			await session.waitFor(
				() => statusLine(session).length <= cols && paneRows(session)[0]!.trim().startsWith('On Artificial'),
			);
		}
		assert.doesNotMatch(session.screen(), /▾ KubeCon/, "the list took the text's place");
		session.write('t');
		await session.waitFor(/▾ KubeCon/);
		session.write('t');
		await session.waitFor(() => paneRows(session)[0]!.trim().startsWith('On Artificial'));
		session.write('q');
		await session.exited;
	});
});
