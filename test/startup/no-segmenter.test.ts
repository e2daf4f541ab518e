import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME} from '../helpers/screen.js';

describe('the first frame of ordinary text needs no grapheme segmenter (issue 13)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kn-segmenter-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	afterEach(killAllSessions);

	// Creating one costs about 15 ms of every start; Ink's measuring and its output both made one.
	test('reading and scrolling the bundled posts creates none', async () => {
		const log = join(dir, 'segmenters.log');
		writeFileSync(log, '');
		const hook = join(dir, 'count-segmenters.cjs');
		writeFileSync(
			hook,
			`const Real = Intl.Segmenter;\nIntl.Segmenter = function (...args) { require('node:fs').appendFileSync(${JSON.stringify(log)}, new Error().stack + '\\n'); return new Real(...args); };\n`,
		);
		const session = startSession(['--require', hook, cliPath, '--posts', 'posts', '--theme', 'dark'], {
			env: {FORCE_COLOR: '1'},
		});
		await session.waitFor(FIRST_FRAME);
		session.write('jjjj');
		await session.waitFor((screen) => /\b5–/.test(screen));
		session.write('q');
		assert.equal((await session.exited).exitCode, 0);
		assert.equal(readFileSync(log, 'utf8'), '');
	});
});
