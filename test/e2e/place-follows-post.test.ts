/** Issue 26, point 5, through a real pseudo-terminal: a place follows its post when the file is renamed or moved. */
import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';
import {tempFolder} from '../helpers/temp-folder.js';

const text = `---\ntitle: Followed notes\n---\n${Array.from({length: 80}, (_, index) => `Paragraph number ${index + 1}.\n`).join('\n')}`;
/** The first row on screen, from the range `A–B/M` the status line shows. */
const position = (session: Session) => Number(/(\d+)(?:–\d+)?\/\d+ \d+%/.exec(statusLine(session))?.[1] ?? Number.NaN);

async function readAndMove(args: string[], configDir: string): Promise<number> {
	const session = startSession([cliPath, ...args, '--no-resume'], {cols: 100, rows: 20, configDir});
	await session.waitFor(FIRST_FRAME);
	session.write('dd');
	await session.waitFor(() => position(session) > 10);
	const at = position(session);
	session.write('q');
	assert.equal((await session.exited).exitCode, 0);
	return at;
}

async function opensAt(args: string[], configDir: string): Promise<number> {
	const session = startSession([cliPath, ...args], {cols: 100, rows: 20, configDir});
	await session.waitFor(FIRST_FRAME);
	const at = position(session);
	session.write('q');
	await session.exited;
	return at;
}

describe('a place follows its post', () => {
	afterEach(killAllSessions);

	test('renamed (a date fixed in its name) or moved to another folder, a post opens where it was left', async () => {
		const folder = tempFolder();
		const configDir = join(folder, 'config');
		const posts = join(folder, 'posts');
		mkdirSync(posts);
		writeFileSync(join(posts, '2025-04-01-notes.md'), text);
		const left = await readAndMove(['--posts', posts], configDir);
		renameSync(join(posts, '2025-04-01-notes.md'), join(posts, '2025-04-02-notes.md'));
		assert.equal(await opensAt(['--posts', posts], configDir), left);
		const elsewhere = join(folder, 'elsewhere');
		mkdirSync(elsewhere);
		renameSync(join(posts, '2025-04-02-notes.md'), join(elsewhere, '2025-04-02-notes.md'));
		assert.equal(await opensAt(['--posts', elsewhere], configDir), left);
		// forget clears it wherever it was kept.
		const forgot = await runCli(['forget', 'followed', '--posts', elsewhere], {
			env: {KUBECON_NOTES_CONFIG_DIR: configDir},
		});
		assert.equal(forgot.stdout, 'Forgot the reading position of 2025-04-02-notes.md.\n', forgot.stderr);
		assert.equal(await opensAt(['--posts', elsewhere], configDir), 1);
	});

	test("a copy in another folder starts at its top, and does not move the original's place", async () => {
		const folder = tempFolder();
		const configDir = join(folder, 'config');
		for (const name of ['a', 'b']) mkdirSync(join(folder, name));
		writeFileSync(join(folder, 'a', '2025-04-01-notes.md'), text);
		copyFileSync(join(folder, 'a', '2025-04-01-notes.md'), join(folder, 'b', '2025-04-01-notes.md'));
		const left = await readAndMove(['--posts', join(folder, 'a')], configDir);
		assert.equal(await opensAt(['--posts', join(folder, 'b')], configDir), 1);
		assert.equal(await opensAt(['--posts', join(folder, 'a')], configDir), left);
	});

	test('a place kept by an earlier version (by file name) is still found', async () => {
		const folder = tempFolder();
		const configDir = join(folder, 'config');
		mkdirSync(configDir);
		const posts = join(folder, 'posts');
		mkdirSync(posts);
		writeFileSync(join(posts, '2025-04-01-notes.md'), text);
		const anchor = {sourceLine: 84, blockKey: 'Paragraph number 42.', blockFraction: 0, topic: null, progress: 0.5};
		writeFileSync(
			join(configDir, 'config.json'),
			JSON.stringify({
				schemaVersion: 1,
				positions: {'2025-04-01-notes.md': {anchor, readTopics: [], updatedAt: 1}},
				lastPostId: '2025-04-01-notes.md',
				watched: {},
			}),
		);
		assert.ok((await opensAt(['--posts', posts], configDir)) > 40);
	});
});
