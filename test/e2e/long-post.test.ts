/** Issue 25, point 6, through a real pseudo-terminal: a long post's first frame comes before its whole render. */
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, paneTop, statusLine} from '../helpers/screen.js';
import {tempFolder} from '../helpers/temp-folder.js';

/** About 400 KB in our own words: 200 sections, each a heading and a long paragraph. */
const text = [
	'---\ntitle: A long week of notes\ndate: 2024-03-20\n---\n\nWhat follows is long.\n',
	...Array.from(
		{length: 200},
		(_, index) =>
			`## Day part ${index}\n\n${`Part ${index}: the room talked about upgrades, budgets for nodes and the queue at lunch. `.repeat(22)}\n`,
	),
	'## The end of the week\n\nThe very last words: a quiet train home.\n',
].join('\n');

/** The first row on screen and the row count, from the range `A–B/M` the status line shows (M is `…` while drawn in part). */
const range = (session: Session) => /(\d+)–\d+\/(\d+|…) \d+%/.exec(statusLine(session));

describe('a long post', () => {
	afterEach(killAllSessions);

	test('draws its first rows before the rest, acts on the whole post at once, and reopens at its place', async () => {
		const folder = tempFolder();
		const configDir = join(folder, 'config');
		const file = join(folder, '2024-03-20-week.md');
		writeFileSync(file, text);
		const first = startSession([cliPath, '--no-resume', file], {cols: 100, rows: 20, configDir});
		await first.waitFor(() => range(first) !== null);
		// G at once, whether or not the rest is rendered yet: the real end.
		first.write('G');
		await first.waitFor(/100%/);
		assert.match(first.screen(), /The very last words: a quiet train home\./);
		assert.match(first.raw(), /1–\d+\/… 0%/, 'the first frame was drawn before the rows were counted');
		first.write('g');
		await first.waitFor(() => range(first)?.[1] === '1');
		for (let topic = 0; topic < 120; topic++) first.write(']');
		// Every ] taken: the 120th topic's heading at the top (on screen is not enough: keys may still be queued).
		await first.waitFor(() => /Day part 119$/.test(paneTop(first)));
		const atTopic = Number(range(first)![1]);
		first.write('jjj');
		await first.waitFor(() => Number(range(first)?.[1]) === atTopic + 3);
		const left = {row: range(first)![1], top: paneTop(first)};
		first.write('q');
		assert.equal((await first.exited).exitCode, 0);

		const again = startSession([cliPath, file], {cols: 100, rows: 20, configDir});
		await again.waitFor(FIRST_FRAME);
		assert.equal(range(again)![1], left.row);
		assert.equal(paneTop(again), left.top);
		assert.match(again.raw(), new RegExp(`${left.row}–\\d+/… \\d+%`), 'drawn in part at its place first');
		again.write('q');
		assert.equal((await again.exited).exitCode, 0);
	});

	test('KUBECON_NOTES_RENDER_WHOLE=1 renders it whole before its first frame', async () => {
		const folder = tempFolder();
		const file = join(folder, '2024-03-20-week.md');
		writeFileSync(file, text);
		const session = startSession([cliPath, '--no-resume', file], {
			cols: 100,
			rows: 20,
			configDir: join(folder, 'config'),
			env: {KUBECON_NOTES_RENDER_WHOLE: '1'},
		});
		await session.waitFor(FIRST_FRAME);
		assert.doesNotMatch(session.raw(), /\/… /);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});
});
