import assert from 'node:assert/strict';
import {chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {editorCommand, fileLineAtTop, splitWords} from '../../src/ui/editor-command.js';
import {runEditor} from '../../src/ui/run-editor.js';
import {waitFor} from '../helpers/wait-for.js';

describe('which editor, and how it is told the line', () => {
	test('$VISUAL, else $EDITOR, else vi', () => {
		assert.deepEqual(editorCommand('a.md', 12, {VISUAL: 'nvim', EDITOR: 'nano'}), {
			argv: ['nvim', '+12', 'a.md'],
			isTerminal: true,
			source: 'VISUAL',
		});
		assert.deepEqual(editorCommand('a.md', 12, {VISUAL: '  ', EDITOR: 'nano'}), {
			argv: ['nano', '+12', 'a.md'],
			isTerminal: true,
			source: 'EDITOR',
		});
		assert.deepEqual(editorCommand('a.md', 12, {}), {argv: ['vi', '+12', 'a.md'], isTerminal: true, source: 'default'});
	});
	test('+LINE FILE for the terminal editors', () => {
		for (const editor of ['vi', 'vim', 'nvim', 'nano', 'emacs', 'micro', 'kak', '/usr/bin/vim.basic', 'emacsclient']) {
			assert.deepEqual(editorCommand('/n/a.md', 7, {EDITOR: editor}).argv.slice(-2), ['+7', '/n/a.md'], editor);
		}
	});
	test('FILE:LINE for helix, Sublime and Zed; --goto for VS Code; flags for JetBrains and TextMate', () => {
		assert.deepEqual(editorCommand('a.md', 3, {EDITOR: 'hx'}), {
			argv: ['hx', 'a.md:3'],
			isTerminal: true,
			source: 'EDITOR',
		});
		assert.deepEqual(editorCommand('a.md', 3, {VISUAL: 'subl -w'}).argv, ['subl', '-w', 'a.md:3']);
		assert.deepEqual(editorCommand('a.md', 3, {VISUAL: 'code --wait'}), {
			argv: ['code', '--wait', '--goto', 'a.md:3'],
			isTerminal: false,
			source: 'VISUAL',
		});
		assert.deepEqual(editorCommand('a.md', 3, {VISUAL: 'code -g'}).argv, ['code', '-g', 'a.md:3']);
		assert.deepEqual(editorCommand('a.md', 3, {VISUAL: 'idea'}).argv, ['idea', '--line', '3', 'a.md']);
		assert.deepEqual(editorCommand('a.md', 3, {VISUAL: 'mate'}).argv, ['mate', '-l', '3', 'a.md']);
	});
	test('an editor not in the table gets the file alone, and the terminal', () => {
		assert.deepEqual(editorCommand('a.md', 3, {EDITOR: 'my-editor --flag'}), {
			argv: ['my-editor', '--flag', 'a.md'],
			isTerminal: true,
			source: 'EDITOR',
		});
	});
	test('no shell: quotes and backslashes split words, $ and ; stay literal; a file named like an option stays a file', () => {
		assert.deepEqual(splitWords(`"/opt/My Editor/bin/vim" -u 'NONE' a\\ b $HOME;rm`), [
			'/opt/My Editor/bin/vim',
			'-u',
			'NONE',
			'a b',
			'$HOME;rm',
		]);
		assert.deepEqual(splitWords(`x "" y`), ['x', '', 'y']);
		assert.deepEqual(editorCommand('-rf.md', 1, {EDITOR: 'vim'}).argv, ['vim', '+1', './-rf.md']);
		assert.deepEqual(editorCommand('a.md', Number.NaN, {EDITOR: 'vim'}).argv, ['vim', '+1', 'a.md']);
	});
});

describe('the line of the text at the top of the screen', () => {
	test('the source line of the top block, past the front matter', () => {
		const text = ['---', 'title: T', '---', '', 'First paragraph.', '', '## Topic', '', 'Second paragraph.', ''].join(
			'\n',
		);
		const post = parsePost({text, id: 'a.md', path: '/n/a.md', displayPath: 'a.md'});
		const doc = renderMarkdown(post.body, {width: 40, color: false, hyperlinks: false});
		const top = doc.lines.findIndex((line) => line.includes('Second paragraph'));
		assert.equal(text.split('\n')[fileLineAtTop(post, doc, top) - 1], 'Second paragraph.');
		assert.equal(text.split('\n')[fileLineAtTop(post, doc, 0) - 1], 'First paragraph.');
	});
});

describe('running the editor', () => {
	/** A fake editor called `name` that writes its arguments, one a line, to a record file. */
	function fakeEditor(t: {after: (fn: () => void) => void}, name: string) {
		const folder = mkdtempSync(join(tmpdir(), 'kn-editor-'));
		const nullFd = openSync('/dev/null', 'r+');
		t.after(() => {
			closeSync(nullFd);
			rmSync(folder, {recursive: true, force: true});
		});
		const record = join(folder, 'argv.txt');
		const program = join(folder, name);
		// Written aside and renamed: a test that polls for the record never reads half of it.
		writeFileSync(
			program,
			`#!/bin/sh\nprintf '%s\\n' "$@" > '${record}.part' && mv '${record}.part' '${record}'\nexit \${FAKE_EDITOR_STATUS:-0}\n`,
		);
		chmodSync(program, 0o755);
		const writes: string[] = [];
		const rawModes: boolean[] = [];
		const terminal = {
			stdin: {isTTY: true, fd: nullFd, setRawMode: (mode: boolean) => rawModes.push(mode)},
			stdout: {fd: nullFd, write: (text: string) => writes.push(text)},
			isMouseOn: true,
		};
		return {program, record, terminal, writes, rawModes};
	}

	test('a terminal editor: the reader leaves the screen, the editor gets +LINE FILE, the reader comes back', async (t) => {
		const fake = fakeEditor(t, 'vim');
		const outcome = await runEditor(editorCommand('/n/post.md', 42, {VISUAL: fake.program}), fake.terminal);
		assert.deepEqual(outcome, {message: null});
		assert.equal(readFileSync(fake.record, 'utf8'), '+42\n/n/post.md\n');
		assert.deepEqual(fake.rawModes, [false, true]);
		assert.equal(fake.writes.length, 2);
		assert.ok(
			fake.writes[0]!.includes('\u001B[?1000l') &&
				fake.writes[0]!.includes('\u001B[?25h') &&
				fake.writes[0]!.endsWith('\u001B[?1049l'),
			JSON.stringify(fake.writes[0]),
		);
		assert.ok(
			fake.writes[1]!.startsWith('\u001B[?1049h') && fake.writes[1]!.includes('\u001B[?1000h'),
			JSON.stringify(fake.writes[1]),
		);
	});

	test('an editor that fails or is missing is one line for the status, and the terminal is taken back', async (t) => {
		const fake = fakeEditor(t, 'nano');
		process.env['FAKE_EDITOR_STATUS'] = '3';
		t.after(() => delete process.env['FAKE_EDITOR_STATUS']);
		assert.deepEqual(await runEditor(editorCommand('a.md', 1, {EDITOR: fake.program}), fake.terminal), {
			message: `${fake.program} exited with status 3`,
		});
		const missing = await runEditor(editorCommand('a.md', 1, {EDITOR: '/no/such/vim'}), fake.terminal);
		assert.equal(missing.message, '$EDITOR (/no/such/vim) could not be started; set $VISUAL or $EDITOR');
		assert.deepEqual(fake.rawModes, [false, true, false, true]);
	});

	test('a window editor is started and not waited for; the screen stays', async (t) => {
		const fake = fakeEditor(t, 'code');
		const outcome = await runEditor(editorCommand('/n/post.md', 9, {VISUAL: fake.program}), fake.terminal);
		assert.match(outcome.message ?? '', /^Opened in /);
		await waitFor(() => existsSync(fake.record));
		assert.equal(readFileSync(fake.record, 'utf8'), '--goto\n/n/post.md:9\n');
		assert.deepEqual(fake.writes, []);
		assert.deepEqual(fake.rawModes, []);
	});
});
