import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';

// Issue 24, points 5 and 7 in a pseudo-terminal: one search over talks and text; Ctrl-F folds
// case and accents as the search does.

describe('find and search (issue 24)', () => {
	afterEach(killAllSessions);

	test('Ctrl-F zieba finds Zięba and korbes finds Körbes, as / does', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write('n');
		await session.waitFor(() => /2023 notes/.test(statusLine(session)));
		for (const query of ['zieba', 'korbes']) {
			session.write('\u0006');
			await session.waitFor(() => /Find:/.test(statusLine(session)));
			session.write(`${query}\r`);
			await session.waitFor(() => /\d+ of \d+|Not found/.test(statusLine(session)));
			assert.match(statusLine(session), /1 of \d+/, `${query}: ${statusLine(session)}`);
			assert.match(session.screen(), query === 'zieba' ? /Zięba/ : /Körbes/);
			session.write('\u001B');
			await session.waitFor(() => !/ of \d+/.test(statusLine(session)));
		}
	});

	test('/netfilter: no talk has it, the text does; its lines are listed (this post first), Enter lands on the word, n and N step', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write('/');
		await session.waitFor(/\/ ▏/);
		session.write('netfilter');
		await session.waitFor(/0 sessions · 6 lines/);
		const screen = session.screen();
		assert.doesNotMatch(screen, /no talk matches/);
		assert.ok(screen.indexOf('Lines of this post') < screen.indexOf('Lines of other posts'));
		assert.match(screen, /KubeCon \+ CloudNativeCon Europe 2023 notes/);
		session.write('\r');
		await session.waitFor(() => /1 of 3/.test(statusLine(session)));
		assert.match(statusLine(session), /2024 notes|1 of 3/);
		assert.match(session.screen(), /netfilter/i);
		session.write('n');
		await session.waitFor(() => /2 of 3/.test(statusLine(session)));
		session.write('N');
		await session.waitFor(() => /1 of 3/.test(statusLine(session)));
		// Esc clears the find; n is the next post again.
		session.write('\u001B');
		await session.waitFor(() => !/ of 3/.test(statusLine(session)));
		session.write('n');
		await session.waitFor(() => /2023 notes/.test(statusLine(session)));
	});

	test('/etcd: talks first, then lines of text; Enter on the talk goes to its bullet and n steps through etcd in that post', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write('/');
		await session.waitFor(/\/ ▏/);
		session.write('ETCD');
		await session.waitFor(/1 session · \d+ lines/);
		const screen = session.screen();
		assert.ok(screen.indexOf('Setting up Etcd') < screen.indexOf('Lines of'), 'the talk comes first');
		session.write('\r');
		await session.waitFor(() => /2023 notes/.test(statusLine(session)));
		assert.match(session.screen(), /• Setting up Etcd with Kubernetes/);
		session.write('n');
		await session.waitFor(() => / of \d+/.test(statusLine(session)));
	});

	test('the open post comes first: from the 2023 post, its lines are the first ones', async () => {
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME);
		session.write('n');
		await session.waitFor(() => /2023 notes/.test(statusLine(session)));
		session.write('/');
		await session.waitFor(/\/ ▏/);
		session.write('netfilter');
		await session.waitFor(/0 sessions · 6 lines/);
		const rows = session
			.screen()
			.split('\n')
			.map((row) => row.split(/[│┃]/)[1] ?? '');
		const others = rows.findIndex((row) => /Lines of other posts/.test(row));
		assert.match(rows[others + 1]!, /KubeCon \+ CloudNativeCon Europe 2024 notes/);
		assert.match(rows.slice(0, others).join('\n'), /plain old netfilter/);
	});
});
