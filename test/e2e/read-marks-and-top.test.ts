import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, paneTop, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';

// Issue 24, points 3 and 4 in a pseudo-terminal: read marks that match reading, and the top of a
// post as a place of its own.

const storeText = (configDir: string) =>
	readFileSync(
		join(
			configDir,
			readdirSync(configDir).find((name) => name.endsWith('.json'))!,
		),
		'utf8',
	);
/** The open post's topic rows in the sidebar: mark and name. */
const topicRows = (session: Session) =>
	session
		.screen()
		.split('\n')
		.map((row) => row.split(/[│┃]/)[0]!)
		.filter((row) => /^ {2}[●▪·] /.test(row))
		.map((row) => row.trim());

describe('read marks and the top (issue 24)', () => {
	afterEach(killAllSessions);

	test('reading a post through with Space marks every topic read, and it is kept', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		assert.equal(topicRows(session).length, 6);
		while (!/ 100%/.test(statusLine(session))) {
			const before = statusLine(session);
			session.write(' ');
			await session.waitFor(() => statusLine(session) !== before);
		}
		await session.waitFor(() => topicRows(session).every((row) => !row.startsWith('·')));
		session.write('q');
		await session.exited;
		const again = startSession([cliPath], {cols: 120, rows: 35, configDir: session.configDir});
		await again.waitFor(FIRST_FRAME);
		assert.deepEqual(
			topicRows(again).filter((row) => row.startsWith('·')),
			[],
		);
		for (const topic of [
			'Introduction',
			'On Artificial Intelligence, Machine Learning and GPUs',
			'On networking',
			'Final notes',
		])
			assert.match(storeText(session.configDir), new RegExp(`"${topic}"`));
	});

	test('G reads only the topics wholly on the last page', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write('G');
		await session.waitFor(() => / 100%/.test(statusLine(session)));
		assert.ok(
			topicRows(session).some((row) => row.startsWith('· On security')),
			topicRows(session).join('\n'),
		);
		assert.ok(topicRows(session).some((row) => /^[●▪] Final notes/.test(row)));
	});

	test('g stores the top: the post reopens with its title, after n p and after a restart', async () => {
		const first = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await first.waitFor(FIRST_FRAME);
		const title = paneTop(first);
		assert.match(title, /KubeCon \+ CloudNativeCon Europe 2024 notes/);
		for (const line of [2, 3, 4]) {
			first.write('j');
			await first.waitFor(() => statusLine(first).includes(` ${line}–`));
		}
		first.write('g');
		await first.waitFor(() => / 1–\d+\/\d+ 0%/.test(statusLine(first)));
		first.write('n');
		await first.waitFor(() => /2023 notes/.test(statusLine(first)));
		first.write('p');
		await first.waitFor(() => /2024 notes/.test(statusLine(first)));
		assert.match(statusLine(first), / 1–\d+\/\d+ 0%/);
		assert.equal(paneTop(first), title);
		first.write('q');
		await first.exited;
		assert.match(storeText(first.configDir), /"progress": 0\b/);

		const second = startSession([cliPath], {cols: 100, rows: 30, configDir: first.configDir});
		await second.waitFor(FIRST_FRAME);
		assert.doesNotMatch(statusLine(second), /Resumed/);
		assert.match(statusLine(second), / 1–\d+\/\d+ 0%/);
		assert.match(paneTop(second), /KubeCon \+ CloudNativeCon Europe 2024 notes/);
	});
});
