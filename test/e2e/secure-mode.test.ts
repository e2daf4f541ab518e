import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {parseCli} from '../../src/cli/args.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';

const folders: string[] = [];
after(() => {
	killAllSessions();
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

const post = `---\ntitle: Kiosk notes\ndate: 2025-04-02\n---\nSessions I attended:\n\n* [Scaling etcd - Ann Bee, Acme](https://sched.co/E1)\n\nSome text.\n`;

describe('secure mode', () => {
	test('--secure or KUBECON_NOTES_SECURE=1 (not 0, false or empty) turns it on', () => {
		assert.equal(parseCli(['--secure'], {}).secure, true);
		assert.equal(parseCli([], {KUBECON_NOTES_SECURE: '1'}).secure, true);
		for (const value of ['', '0', 'false', 'no'])
			assert.equal(parseCli([], {KUBECON_NOTES_SECURE: value}).secure, false, value);
		assert.equal(parseCli([], {}).secure, false);
	});

	for (const [how, args, env] of [
		['--secure', ['--secure'], {}],
		['KUBECON_NOTES_SECURE=1', [], {KUBECON_NOTES_SECURE: '1'}],
	] as const) {
		test(`${how}: e, o, y and v start nothing and copy nothing, and each says so in the status line`, async () => {
			const folder = mkdtempSync(join(tmpdir(), 'kn-secure-'));
			folders.push(folder);
			const posts = join(folder, 'posts');
			mkdirSync(posts);
			writeFileSync(join(posts, '2025-04-02-kiosk.md'), post);
			// An editor and an opener that would leave a mark if they ran.
			const mark = join(folder, 'ran');
			const bin = join(folder, 'bin');
			mkdirSync(bin);
			for (const name of ['vi', 'xdg-open', 'open']) {
				writeFileSync(join(bin, name), `#!/bin/sh\necho ${name} >> '${mark}'\n`);
				chmodSync(join(bin, name), 0o755);
			}
			const session = startSession([cliPath, '--posts', posts, '--no-resume', ...args], {
				cols: 100,
				rows: 20,
				env: {...env, VISUAL: '', EDITOR: join(bin, 'vi'), PATH: `${bin}:${process.env['PATH']}`},
			});
			await session.waitFor(/Some text/);
			session.write('e');
			await session.waitFor(/Secure mode: the editor is off/);
			session.write('/');
			await session.waitFor(/1 session/);
			session.write('\t');
			session.write('o');
			await session.waitFor(/Secure mode: links are not opened; the link is https:\/\/sched\.co\/E1/);
			session.write('y');
			await session.waitFor(/Secure mode: the clipboard is off/);
			session.write('v');
			await session.waitFor(/Secure mode: the recording search is off/);
			assert.ok(!session.raw().includes('\u001B]52;'), 'no OSC 52');
			session.write('\u001B');
			// A key right after Esc would read as Alt-key: wait for the panel to close first.
			await session.waitFor((screen) => !/1 session/.test(screen));
			session.write('q');
			assert.equal((await session.exited).exitCode, 0);
			assert.equal(existsSync(mark), false, 'no program ran');
		});
	}

	test('e on a post inside an installed package (node_modules) says where to copy it, and runs no editor', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'kn-installed-'));
		folders.push(folder);
		const posts = join(folder, 'node_modules', 'kubecon-notes', 'posts');
		mkdirSync(posts, {recursive: true});
		writeFileSync(join(posts, '2025-04-02-kiosk.md'), post);
		const mark = join(folder, 'ran');
		const editor = join(folder, 'vi');
		writeFileSync(editor, `#!/bin/sh\necho vi >> '${mark}'\n`);
		chmodSync(editor, 0o755);
		const session = startSession([cliPath, '--posts', posts, '--no-resume'], {
			cols: 100,
			rows: 20,
			env: {VISUAL: '', EDITOR: editor},
		});
		await session.waitFor(/Some text/);
		session.write('e');
		await session.waitFor(
			(screen) =>
				/part of the installed package/.test(screen) &&
				screen.replace(/\s+/g, '').includes(`cp'${join(posts, '2025-04-02-kiosk.md')}'~/notes/`),
		);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(existsSync(mark), false, 'no editor ran');
	});
});
