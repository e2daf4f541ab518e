import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {bundledPosts, cliPath, isBuilt} from '../helpers/run-cli.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';

const skip = isBuilt ? false : 'dist/cli.js is not built (npm run build)';
const FIRST_FRAME = /\d+\/\d+ \d+%/;
const statusLine = (session: Session) => session.screen().trimEnd().split('\n').at(-1) ?? '';
const posts = ['2023-04-27-kubecon-eu-2023.md', '2024-04-01-kubecon-eu-2024.md'];

const folders: string[] = [];
after(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});
function tempFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'kn-store-pty-'));
	folders.push(folder);
	return folder;
}

type Stored = {positions: Record<string, {anchor: {progress: number}}>};
const stored = (configDir: string) => JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as Stored;

/** Two readers on one store, each in its own post, each moved away from the top and not yet saved. */
async function twoReadersMoved(configDir: string): Promise<Session[]> {
	const readers = posts.map(post => startSession([cliPath, join(bundledPosts, post)], {cols: 100, rows: 30, configDir}));
	for (const reader of readers) await reader.waitFor(FIRST_FRAME, 20_000);
	for (const reader of readers) reader.write('dd');
	for (const reader of readers) await reader.waitFor(() => !/ 0%/.test(statusLine(reader)) && FIRST_FRAME.test(statusLine(reader)), 20_000);
	return readers;
}

describe('two readers sharing one store', {skip}, () => {
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
				await Promise.all(readers.map(reader => reader.exited));
				const saved = stored(configDir);
				for (const post of posts) {
					assert.ok((saved.positions[post]?.anchor.progress ?? 0) > 0, `round ${round}: ${post} kept: ${JSON.stringify(saved)}`);
				}
			}
		});
	}
});

describe('a store that cannot be written', {skip}, () => {
	afterEach(killAllSessions);

	test('is said at start, in the status line and the W list; places are kept for the run', async () => {
		const blocker = join(tempFolder(), 'a-file');
		writeFileSync(blocker, 'x');
		const session = startSession([cliPath], {cols: 120, rows: 35, configDir: join(blocker, 'store')});
		await session.waitFor(() => /Reading positions are not saved/.test(statusLine(session)), 20_000);
		assert.match(statusLine(session), /1 warning \(W\)/);
		session.write('W');
		await session.waitFor(/1 file problem/);
		assert.match(session.screen(), /config\.json: Reading[\s\S]{0,80}?positions are not/);
		assert.match(session.screen(), /the file cannot be written \(.*a-file is not a/);
		session.write('\u001B');
		await session.waitFor(() => !/1 file problem/.test(session.screen()));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(readFileSync(blocker, 'utf8'), 'x');
	});
});
