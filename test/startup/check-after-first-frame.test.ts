import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {firstFrameLog} from '../helpers/first-frame-log.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME} from '../helpers/screen.js';
import {waitFor} from '../helpers/wait-for.js';

describe('a warm start checks its cached posts after the first frame (issue 13)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kn-check-after-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	afterEach(killAllSessions);

	// The check stats every post the start took from the index cache (70 ms over 5,000 posts); it
	// once ran between the reader's mount and its first frame, which Ink's throttle held back.
	test('before the first frame only the post it shows is looked at, and every one after', async () => {
		const posts = join(dir, 'posts');
		mkdirSync(posts);
		for (let index = 0; index < 20; index++)
			writeFileSync(
				join(posts, `2023-05-${String(index + 1).padStart(2, '0')}-note.md`),
				`---\ntitle: Note ${index}\n---\n\n## Topic\n\nText of note ${index}.\n`,
			);
		const env = {KUBECON_NOTES_CACHE_DIR: join(dir, 'cache')};
		// The first start fills the index cache; the second believes it.
		const first = startSession([cliPath, posts], {env});
		await first.waitFor(FIRST_FRAME);
		first.write('q');
		assert.equal((await first.exited).exitCode, 0);

		const {hook, read} = firstFrameLog(dir, {stats: /-note\.md$/});
		const session = startSession(['--require', hook, cliPath, posts], {env});
		await session.waitFor(FIRST_FRAME);
		await waitFor(() => read().filter((line) => line.startsWith('stat ')).length >= 20, {
			describe: () => read().join('\n'),
		});
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		const before = read().slice(0, read().indexOf('first frame'));
		// The newest post opens, and is read in full (through the descriptor it opens and checks).
		assert.deepEqual(before, [`open ${join(posts, '2023-05-20-note.md')}`]);
	});
});
