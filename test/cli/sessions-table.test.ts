import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, describe, test} from 'node:test';
import {tableColumns} from '../../src/cli/print-sessions.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));

describe('sessions: a table as wide as the terminal', () => {
	after(killAllSessions);

	test('tableColumns: whole cells and the URL where they fit; the URL goes first; then title and speakers are cut', () => {
		const natural = {day: 5, title: 40, speakers: 30, url: 22};
		// 2 mark + 5 day + 2 + 40 + 2 + 30 + 2 + 22 = 105
		assert.deepEqual(tableColumns(natural, 105), natural);
		assert.deepEqual(tableColumns(natural, 104), {...natural, url: 0});
		assert.deepEqual(tableColumns(natural, 81), {...natural, url: 0});
		const cut = tableColumns(natural, 60);
		assert.equal(cut.url, 0);
		assert.equal(2 + 5 + 2 + cut.title + 2 + cut.speakers, 60);
		assert.ok(cut.title > cut.speakers);
		// Short speakers keep their width; the title takes the rest.
		assert.deepEqual(tableColumns({...natural, speakers: 8}, 50), {...natural, title: 31, speakers: 8, url: 0});
	});

	test('on a 200-column terminal: titles and speakers whole, a URL column; at 60 columns cut with …', async () => {
		const wide = startSession([cliPath, 'sessions', '--posts', basic], {cols: 200, rows: 20});
		await wide.exited;
		await wide.waitFor(/Keynote/);
		const rows = wide
			.screen()
			.split('\n')
			.filter((row) => row.trim() !== '');
		assert.match(
			rows[0]!,
			/^✓ Day 1 {2}Volumes Everywhere {2}Ana Gómez, Acme & Bo Li, Initech {2}https:\/\/sched\.co\/AAA1$/,
		);
		assert.match(rows[1]!, /^◌ Day 1 {2}CSI Deep Dive {7}Cy Wu, Initech {20}https:\/\/sched\.co\/AAA2$/);
		const narrow = startSession([cliPath, 'sessions', '--posts', basic], {cols: 30, rows: 20});
		await narrow.exited;
		await narrow.waitFor(/Keynote/);
		const cut = narrow
			.screen()
			.split('\n')
			.filter((row) => row.trim() !== '');
		assert.ok(
			cut.every((row) => [...row].length <= 30),
			narrow.screen(),
		);
		assert.match(cut[0]!, /…/);
		assert.doesNotMatch(narrow.screen(), /https/);
		// --width sets the table's width on a terminal too.
		const given = startSession([cliPath, 'sessions', '--posts', basic, '--width', '60'], {cols: 200, rows: 20});
		await given.exited;
		await given.waitFor(/Keynote/);
		assert.ok(
			given
				.screen()
				.split('\n')
				.every((row) => [...row].length <= 60),
			given.screen(),
		);
	});

	test('in a pipe it stays tab-separated, whatever the width', async () => {
		const result = await runCli(['sessions', '--posts', basic, '--width', '30']);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(
			result.stdout.split('\n')[0],
			'Day 1\tVolumes Everywhere\tAna Gómez, Acme & Bo Li, Initech\t\t\thttps://sched.co/AAA1\t2024-05-02-storage-day.md\twatched',
		);
	});
});

test('tableColumns: a long day label is whole when everything fits, 12 columns when room runs out', () => {
	const natural = {day: 30, title: 40, speakers: 30, url: 22};
	assert.deepEqual(tableColumns(natural, 200), natural);
	assert.deepEqual(tableColumns(natural, 90), {...natural, day: 12, url: 0});
	const cut = tableColumns(natural, 70);
	assert.equal(cut.day, 12);
	assert.equal(2 + 12 + 2 + cut.title + 2 + cut.speakers, 70);
});
