import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';

// Issue 24, point 6 in a pseudo-terminal: the sidebar for a whole blog of 60 posts.

const folders: string[] = [];
after(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

/** A blog of 60 posts, newest first by date: every third about KubeCon (tagged, with talks). */
function blog(): string {
	const folder = mkdtempSync(join(tmpdir(), 'kn-blog-'));
	folders.push(folder);
	for (let index = 0; index < 60; index++) {
		const isKubeCon = index % 3 === 0;
		const title = isKubeCon
			? `KubeCon day notes number ${index}, a long title to read whole`
			: `Weekly reading list ${index}`;
		const date = `${2024 - Math.floor(index / 12)}-${String(12 - (index % 12)).padStart(2, '0')}-15`;
		const talks = isKubeCon
			? `\n\nTalks I attended:\n\n* [Scaling etcd number ${index} - Ann Lee, Acme](https://sched.co/e${index})\n`
			: '';
		writeFileSync(
			join(folder, `${date}-post-${index}.md`),
			`---\ntitle: ${title}\ndate: ${date}\ntags: [${isKubeCon ? 'kubecon' : 'reading'}]\n---\n## First part\n\nSome words of post ${index}.${talks}\n\n## Second part\n\nMore words.\n`,
		);
	}
	return folder;
}

const listRows = (session: Session) =>
	session
		.screen()
		.split('\n')
		.slice(0, -1)
		.map((row) => row.split(/[│┃]/)[0]!);
const position = (session: Session) => /\d+–\d+\/\d+/.exec(statusLine(session))?.[0];

describe('the sidebar for a whole blog (issue 24)', () => {
	afterEach(killAllSessions);

	test('with the focus in the list, G g Space b move the list, not the text; the focused pane is marked', async () => {
		const session = startSession([cliPath, '--no-resume', blog()], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		assert.doesNotMatch(session.screen(), /┃/);
		const before = position(session);
		session.write('\t');
		await session.waitFor(/┃/);
		session.write('G');
		// The status line names the post under the cursor, whole: the oldest.
		await session.waitFor(() => /Weekly reading list 59/.test(statusLine(session)));
		assert.match(listRows(session).at(-1)!, /Weekly reading list 59/);
		assert.equal(position(session), before, 'the text did not move');
		session.write('g');
		await session.waitFor(() => /KubeCon day notes number 0/.test(statusLine(session)));
		session.write(' ');
		await session.waitFor(() => !/number 0,/.test(statusLine(session)));
		session.write('b');
		await session.waitFor(() => /KubeCon day notes number 0/.test(statusLine(session)));
		assert.equal(position(session), before);
	});

	test('/ filters by title and tag:, n and p follow the filter, s keeps the posts with talks, Esc clears', async () => {
		const session = startSession([cliPath, '--no-resume', blog()], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write('\t');
		await session.waitFor(/┃/);
		session.write('/');
		await session.waitFor(/\/ ▏ +60\/60/);
		session.write('tag:kubecon');
		// The count and the rows it counts, in one frame (a frame may reach the terminal in parts).
		await session.waitFor(
			() =>
				/\/ tag:kubecon▏ +20\/60/.test(session.screen()) &&
				listRows(session)
					.filter((row) => /[▸▾] /.test(row))
					.every((row) => /KubeCon/.test(row)),
		);
		session.write('\r');
		await session.waitFor(/\/ tag:kubecon +20\/60/);
		session.write('\t');
		await session.waitFor(() => !session.screen().includes('┃'));
		session.write('n');
		await session.waitFor(() => /KubeCon day notes number 3,/.test(statusLine(session)));
		session.write('\t/');
		await session.waitFor(/\/ tag:kubecon▏/);
		// Every word must be in the title: number 24, 42, 45, 48 and 54.
		session.write(' number 4');
		await session.waitFor(/\/ tag:kubecon number 4▏ +5\/60/);
		session.write('\u001B');
		await session.waitFor(() => !/\/ tag:kubecon/.test(session.screen()));
		session.write('s');
		await session.waitFor(/talks only +20\/60/);
		session.write('\u001B');
		await session.waitFor(
			() => !/talks only/.test(listRows(session)[0]!) && /Weekly reading list 1 /.test(session.screen()),
		);
	});

	test('on a wide terminal the titles are whole, the text keeps its measure', async () => {
		const session = startSession([cliPath, '--no-resume', blog()], {cols: 200, rows: 40});
		await session.waitFor(FIRST_FRAME);
		assert.match(session.screen(), /▸ KubeCon day notes number 3, a long title to read whole /);
		const text = session
			.screen()
			.split('\n')
			.slice(0, -1)
			.map((row) => row.split(/[│┃]/)[1] ?? '');
		assert.ok(Math.max(...text.map((row) => row.trimEnd().length)) <= 100 + 40, 'the text keeps its column');
	});
});
