import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {
	backgroundFromColorFgBg,
	backgroundWaitMs,
	chooseBackground,
	parseBackgroundAnswer,
	readReplies,
} from '../../src/ui/terminal-background.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';

describe('the background, from --theme, OSC 11 and COLORFGBG (issue 16.2)', () => {
	test('an OSC 11 answer names a dark or light background, in any channel width and either terminator', () => {
		assert.equal(parseBackgroundAnswer('\u001B]11;rgb:ffff/ffff/ffff\u0007'), 'light');
		assert.equal(parseBackgroundAnswer('\u001B]11;rgb:1e1e/1e1e/2e2e\u001B\\'), 'dark');
		assert.equal(parseBackgroundAnswer('\u001B]11;rgb:fd/f6/e3\u0007'), 'light');
		assert.equal(parseBackgroundAnswer('\u001B]11;rgb:00/2b/36\u0007'), 'dark');
		assert.equal(parseBackgroundAnswer('jk'), null);
		assert.equal(parseBackgroundAnswer('\u001B]11;rgb:ff/ff\u0007'), null);
	});

	test('the choice: the flag, then the answer, then COLORFGBG, then dark', () => {
		assert.equal(chooseBackground('light', '\u001B]11;rgb:0/0/0\u0007', {}), 'light');
		assert.equal(chooseBackground('auto', '\u001B]11;rgb:ffff/ffff/ffff\u0007', {COLORFGBG: '15;0'}), 'light');
		assert.equal(chooseBackground('auto', null, {COLORFGBG: '0;15'}), 'light');
		assert.equal(chooseBackground('auto', null, {COLORFGBG: '15;default;0'}), 'dark');
		assert.equal(chooseBackground('auto', null, {}), 'dark');
		assert.equal(backgroundFromColorFgBg('0;7'), 'light');
		assert.equal(backgroundFromColorFgBg('junk'), null);
	});
});

describe('the replies to the background query (issue 13: no wait where the terminal has said all)', () => {
	test('a DA1 reply settles the query: with no OSC 11 answer before it, the terminal tells no background', () => {
		assert.deepEqual(readReplies('\u001B[?62;22c'), {answer: null, settled: true, rest: ''});
		assert.deepEqual(readReplies('\u001B]11;rgb:ffff/ffff/ffff\u0007\u001B[?1;2c'), {
			answer: '\u001B]11;rgb:ffff/ffff/ffff\u0007',
			settled: true,
			rest: '',
		});
	});

	test('until the DA1 reply comes, the query is not settled, even with the OSC 11 answer in', () => {
		assert.deepEqual(readReplies(''), {answer: null, settled: false, rest: ''});
		assert.deepEqual(readReplies('\u001B]11;rgb:0/0/0\u001B\\'), {
			answer: '\u001B]11;rgb:0/0/0\u001B\\',
			settled: false,
			rest: '',
		});
	});

	test('keys typed meanwhile are handed back; neither reply is', () => {
		assert.deepEqual(readReplies('j\u001B]11;rgb:0/0/0\u0007k\u001B[?6c]'), {
			answer: '\u001B]11;rgb:0/0/0\u0007',
			settled: true,
			rest: 'jk]',
		});
	});
});

test('the wait for the answer: 100 ms, or KUBECON_NOTES_BACKGROUND_WAIT_MS within 0–5000 (a slow link)', () => {
	assert.equal(backgroundWaitMs({}), 100);
	assert.equal(backgroundWaitMs({KUBECON_NOTES_BACKGROUND_WAIT_MS: '400'}), 400);
	assert.equal(backgroundWaitMs({KUBECON_NOTES_BACKGROUND_WAIT_MS: '99999'}), 5000);
	assert.equal(backgroundWaitMs({KUBECON_NOTES_BACKGROUND_WAIT_MS: '-3'}), 0);
	assert.equal(backgroundWaitMs({KUBECON_NOTES_BACKGROUND_WAIT_MS: 'soon'}), 100);
});

describe('the reader asks the terminal for its background', () => {
	afterEach(killAllSessions);
	// The topic being read is drawn in the accent: cyan (36) on dark, blue (34) on light.
	const accentOfCurrentTopic = (raw: string) => /\u001B\[(3\d)m\s*● Introduction/.exec(raw)?.[1];

	test('a light answer gives the light theme, and the answer is never taken for keys', async () => {
		// A wait long enough that a loaded machine cannot make the answer late; the DA1 reply ends it.
		const session = startSession([cliPath, '--posts', 'posts'], {
			env: {FORCE_COLOR: '1', COLORFGBG: '', KUBECON_NOTES_BACKGROUND_WAIT_MS: '5000'},
		});
		await session.waitFor(() => session.raw().includes('\u001B]11;?\u0007'));
		session.write('\u001B]11;rgb:ffff/ffff/ffff\u0007\u001B[?62;22c');
		await session.waitFor(/\d+\/\d+ \d+%/);
		assert.equal(accentOfCurrentTopic(session.raw()), '34');
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('a terminal that answers DA1 only: dark, and its reply is never taken for keys', async () => {
		const session = startSession([cliPath, '--posts', 'posts'], {
			env: {FORCE_COLOR: '1', COLORFGBG: ''},
			answers: true,
		});
		await session.waitFor(/\d+\/\d+ \d+%/);
		assert.ok(session.raw().includes('\u001B]11;?\u0007\u001B[c'));
		assert.equal(accentOfCurrentTopic(session.raw()), '36');
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('replies that come after the wait are dropped, never read as keys', async () => {
		const session = startSession([cliPath, '--posts', 'posts', '--no-resume'], {
			env: {FORCE_COLOR: '1', COLORFGBG: ''},
		});
		await session.waitFor(/ 1–\d+\/\d+ 0%/);
		// Read as keys, `[?62;22c` opened the help (`?`); the OSC 11 reply paged (`b`) and jumped (`g`).
		session.write('\u001B[?62;22c');
		session.write('\u001B]11;rgb:0000/0000/0000\u0007');
		session.write('j');
		await session.waitFor(/ 2–\d+\/\d+ \d+%/);
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
	});

	test('no answer: dark after a short wait; --theme light asks nothing', async () => {
		const silent = startSession([cliPath, '--posts', 'posts'], {env: {FORCE_COLOR: '1', COLORFGBG: ''}});
		await silent.waitFor(/\d+\/\d+ \d+%/);
		assert.equal(accentOfCurrentTopic(silent.raw()), '36');
		const told = startSession([cliPath, '--posts', 'posts', '--theme', 'light'], {env: {FORCE_COLOR: '1'}});
		await told.waitFor(/\d+\/\d+ \d+%/);
		assert.ok(!told.raw().includes('\u001B]11;?'));
		assert.equal(accentOfCurrentTopic(told.raw()), '34');
	});
});
