import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cliPath, isBuilt} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';

// Issue 24, points 5 and 7 in a pseudo-terminal: one search over talks and text; Ctrl-F folds
// case and accents as the search does.
const skip = isBuilt ? false : 'dist/cli.cjs is not built (npm run build)';

describe('find and search (issue 24)', {skip}, () => {
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
});
