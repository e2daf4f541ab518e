/**
 * Issue 15 through a real pseudo-terminal: the reader follows the writer (live reload, `e`), the
 * mouse, Ctrl-Z and `fg`, and the to-watch keys of the search panel.
 */
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {killAllSessions, startSession, type Session} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, paneTop, statusLine} from '../helpers/screen.js';
import {waitFor} from '../helpers/wait-for.js';
import {tempFolder} from '../helpers/temp-folder.js';

/** The first row on screen, from the range `A–B/M` the status line shows. */
const position = (session: Session) => Number(/(\d+)(?:–\d+)?\/\d+ \d+%/.exec(statusLine(session))?.[1] ?? Number.NaN);

/** A post of numbered one-line paragraphs, each two rows on screen (text, blank). */
function postText(paragraphs: string[]): string {
	return `---\ntitle: "Long notes"\ndate: 2025-04-02\n---\n\n${paragraphs.join('\n\n')}\n`;
}
const numbered = (count: number, edit: (n: number) => string = (n) => `Paragraph number ${n} of the notes.`) =>
	Array.from({length: count}, (_, index) => edit(index + 1));

/** Lines 1-based of `text` in `file`. */
const lineOf = (file: string, text: string) =>
	readFileSync(file, 'utf8')
		.split('\n')
		.findIndex((line) => line.includes(text)) + 1;

describe('the reader follows the writer', () => {
	afterEach(killAllSessions);

	test('live reload: an edited post shows its new text and keeps the same text at the top', async () => {
		const folder = tempFolder();
		const file = join(folder, '2025-04-02-notes.md');
		writeFileSync(file, postText(numbered(80)));
		const session = startSession([cliPath, '--posts', folder, '--no-resume']);
		await session.waitFor(FIRST_FRAME);
		session.write('dd');
		await session.waitFor(() => /^Paragraph number \d+ /.test(paneTop(session)) && position(session) > 20);
		const top = paneTop(session);
		const shown = Number(/number (\d+)/.exec(top)![1]);
		// Lines inserted above the place, and a paragraph on screen changed.
		const edited = postText([
			...numbered(6, (n) => `Inserted paragraph ${n}.`),
			...numbered(80, (n) =>
				n === shown + 3 ? `Paragraph number ${n} EDITED in the editor.` : `Paragraph number ${n} of the notes.`,
			),
		]);
		writeFileSync(file, edited);
		let polls = 0;
		await session.waitFor((screen) => {
			// A save before the watcher's first scan is not seen: save again, as a user would.
			if (++polls % 200 === 0) writeFileSync(file, edited);
			return screen.includes('EDITED in the editor');
		});
		assert.equal(paneTop(session), top);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('e opens $EDITOR at +LINE FILE of the text at the top; the reader comes back and takes keys', async () => {
		const folder = tempFolder();
		const posts = join(folder, 'posts');
		mkdirSync(posts);
		const file = join(posts, '2025-04-02-notes.md');
		writeFileSync(file, postText(numbered(80)));
		const record = join(folder, 'argv.txt');
		// Named vi, so the reader passes the line the way vi takes it; it only records its arguments.
		const editor = join(folder, 'vi');
		writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
		chmodSync(editor, 0o755);
		const session = startSession([cliPath, '--posts', posts, '--no-resume'], {env: {VISUAL: '', EDITOR: editor}});
		await session.waitFor(FIRST_FRAME);
		session.write('d');
		await session.waitFor(() => position(session) > 1);
		if (paneTop(session) === '') session.write('j');
		await session.waitFor(() => /^Paragraph number \d+ /.test(paneTop(session)));
		const top = paneTop(session);
		const at = position(session);
		session.write('e');
		await waitFor(() => existsSync(record) && readFileSync(record, 'utf8').endsWith('\n'));
		assert.deepEqual(readFileSync(record, 'utf8').trimEnd().split('\n'), [`+${lineOf(file, top)}`, file]);
		await session.waitFor(() => session.buffer() === 'alternate' && paneTop(session) === top);
		session.write('j');
		await session.waitFor(() => position(session) === at + 1);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('the wheel scrolls the text or the list under it; a click opens a sidebar row; the mouse is off on the way out', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		assert.ok(session.raw().includes('\u001B[?1000h\u001B[?1006h'));
		const start = position(session);
		// Wheel down over the text (column 80, row 10), as a terminal reports it in SGR mode.
		session.write('\u001B[<65;80;10M');
		await session.waitFor(() => position(session) === start + 3);
		session.write('\u001B[<64;80;10M\u001B[<64;80;10M');
		await session.waitFor(() => position(session) === 1);
		// A click on the other post's row in the sidebar opens it.
		const row = session
			.screen()
			.split('\n')
			.findIndex((line) => /▸ KubeCon[^│]*2023/.test(line));
		assert.ok(row > 0, session.screen());
		session.write(`\u001B[<0;3;${row + 1}M\u001B[<0;3;${row + 1}m`);
		await session.waitFor(() => /2023 notes/.test(statusLine(session)));
		assert.doesNotMatch(session.screen(), /\[<|65;80/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.ok(session.raw().lastIndexOf('\u001B[?1006l\u001B[?1000l') > session.raw().lastIndexOf('\u001B[?1000h'));
		assert.equal(session.buffer(), 'normal');
	});

	test('--no-mouse leaves the mouse to the terminal', async () => {
		const session = startSession([cliPath, '--no-resume', '--no-mouse']);
		await session.waitFor(FIRST_FRAME);
		session.write('q');
		await session.exited;
		assert.ok(!session.raw().includes('\u001B[?1000h'));
	});

	test('Ctrl-Z gives the terminal back and stops; SIGCONT takes it again, redraws and takes keys', async () => {
		const session = startSession([cliPath, '--no-resume']);
		await session.waitFor(FIRST_FRAME);
		const frame = session.screen();
		const processState = () => /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${session.pid}/stat`, 'utf8'))?.[1];
		for (const stop of [() => session.write('\u001A'), () => process.kill(session.pid, 'SIGTSTP')]) {
			stop();
			await waitFor(() => processState() === 'T');
			await session.waitFor(() => session.buffer() === 'normal' && !session.isCursorHidden());
			assert.ok(session.raw().lastIndexOf('\u001B[?1006l\u001B[?1000l') > session.raw().lastIndexOf('\u001B[?1000h'));
			process.kill(session.pid, 'SIGCONT');
			await session.waitFor((screen) => session.buffer() === 'alternate' && screen === frame);
		}
		const at = position(session);
		session.write('j');
		await session.waitFor(() => position(session) === at + 1);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('in the search list, w says what it did and v opens the recording search', async () => {
		const folder = tempFolder();
		const opened = join(folder, 'opened.txt');
		const bin = join(folder, 'bin');
		mkdirSync(bin);
		writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" > '${opened}'\n`);
		chmodSync(join(bin, 'xdg-open'), 0o755);
		const session = startSession([cliPath, '--no-resume'], {
			cols: 200,
			env: {
				PATH: `${bin}:${process.env['PATH']}`,
				KUBECON_NOTES_RECORDING_URL: 'https://videos.example/find?q={query}',
			},
		});
		await session.waitFor(FIRST_FRAME);
		session.write('/');
		await session.waitFor(/\/ ▏/);
		session.write('etcd');
		await session.waitFor(/1 session/);
		session.write('\t');
		session.write('w');
		await session.waitFor(() =>
			/Marked (watched|to watch): Setting up Etcd with Kubernetes.*\((\d+ talks?|nothing) left to watch/.test(
				statusLine(session),
			),
		);
		session.write('v');
		await waitFor(() => existsSync(opened) && readFileSync(opened, 'utf8').endsWith('\n'));
		assert.equal(
			readFileSync(opened, 'utf8').trim(),
			`https://videos.example/find?q=${encodeURIComponent('Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes')}`,
		);
		await session.waitFor(() => /Opened https:\/\/videos\.example/.test(statusLine(session)));
		// q closes the panel (a lone Esc followed at once by q would read as Alt-q), then quits.
		session.write('q');
		await session.waitFor((screen) => !/1 session/.test(screen));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});
});
