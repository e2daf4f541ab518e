/**
 * A posts folder made to sink the reader: a link to `/`, a link loop, and more folders than the
 * watcher watches. The reader reads only the folder, says so once in `W`, and `q` or SIGTERM end
 * it while the watcher is still at work. (Each wait is on the screen or on the exit, never on time.)
 */
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, before, describe, test} from 'node:test';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {FIRST_FRAME} from '../helpers/screen.js';

const root = mkdtempSync(join(tmpdir(), 'kn-hostile-folder-'));
const notes = join(root, 'notes');
after(() => rmSync(root, {recursive: true, force: true}));

before(() => {
	mkdirSync(notes, {recursive: true});
	writeFileSync(join(notes, '2024-01-01-only.md'), '---\ntitle: The only note\n---\n\n## First topic\n\ntext\n');
	symlinkSync('/', join(notes, 'machine'));
	mkdirSync(join(notes, 'loop'));
	symlinkSync('..', join(notes, 'loop', 'back'));
	// More folders than the watcher takes (2,000): its scan is still running when the keys come.
	for (let outer = 0; outer < 60; outer++)
		for (let inner = 0; inner < 40; inner++)
			mkdirSync(join(notes, 'tree', `a${outer}`, `b${inner}`), {recursive: true});
});

/** Waits for the exit, whatever the watcher is doing; the test's timeout bounds it. */
async function exitOf(session: Session): Promise<number> {
	return (await session.exited).exitCode;
}

describe('a hostile folder', () => {
	afterEach(killAllSessions);

	test('printing reads the folder alone and says once that its links out were not followed', async () => {
		const result = await runCli(['topics', '--posts', notes]);
		assert.equal(result.code, 0);
		assert.equal(result.stdout, '2024-01-01-only.md\tFirst topic\n');
		assert.equal(
			result.stderr.match(/links that lead out of the folder are not followed, as in Jekyll's safe mode: machine/g)
				?.length,
			1,
		);
	});

	test('W names the links the reader did not follow; q ends it while the watcher works', async () => {
		const session = startSession([cliPath, '--posts', notes], {cols: 110, rows: 20});
		await session.waitFor(FIRST_FRAME);
		session.write('W');
		await session.waitFor(/not followed, as in Jekyll's safe mode/);
		session.write('\u001B');
		await session.waitFor((screen) => !/safe mode/.test(screen));
		session.write('q');
		assert.equal(await exitOf(session), 0);
	});

	test('SIGTERM ends it while the watcher works', async () => {
		const session = startSession([cliPath, '--posts', notes], {cols: 110, rows: 20});
		await session.waitFor(FIRST_FRAME);
		session.kill('SIGTERM');
		assert.equal(await exitOf(session), 143);
	});
});
