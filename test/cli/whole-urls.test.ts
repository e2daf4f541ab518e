import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, describe, test} from 'node:test';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';

const folder = fileURLToPath(new URL('../fixtures/long-urls', import.meta.url));
const proposal =
	'https://wiki.example.org/wiki/Toolforge/EnhancementProposals/Toolforge_build_service_deploying_faster';
const slides = 'https://static.example.com/hosted_files/conf2023/ac/150_Keeping_Your_Edge_by_Deploying_Faster.pdf';
const quoted = 'https://example.com/a/very/long/path/that/goes/on/and/on/and/on/forever/and/ever.html';
const accented = 'https://example.com/a/very/long/path/that/goes/on/and/on/and/on/é.html';

describe('a URL is never broken in printed text', () => {
	after(killAllSessions);

	test('in a pipe, a URL wider than --width stands whole on a line of its own (grep finds it)', async () => {
		for (const args of [
			['--posts', folder, '--width', '40'],
			['read', 'long', '--posts', folder, '--width', '40'],
		]) {
			const result = await runCli(args);
			assert.equal(result.code, 0, result.stderr);
			const lines = result.stdout.split('\n');
			assert.ok(lines.includes(proposal), result.stdout);
			assert.ok(lines.includes(`  (${slides})`), result.stdout);
			assert.ok(lines.includes(`│ ${quoted}`), result.stdout);
			assert.ok(lines.includes(accented), result.stdout);
			// Every other line keeps to the width.
			for (const line of lines) if (!line.includes('https://')) assert.ok([...line].length <= 40, line);
			// The words around a URL are wrapped as usual.
			assert.ok(lines.includes('The proposal is at') && lines.includes('for the curious.'), result.stdout);
		}
	});

	test('on a terminal with hyperlinks, the whole URL is also one OSC 8 link', async () => {
		const session = startSession([cliPath, 'read', 'long', '--posts', folder, '--width', '40'], {
			cols: 60,
			rows: 40,
			env: {FORCE_HYPERLINK: '1', FORCE_COLOR: '1'},
		});
		await session.waitFor(/for the curious/);
		await session.exited;
		assert.ok(session.raw().includes(`;${proposal}\u001B\\`), JSON.stringify(session.raw().slice(0, 600)));
		// The terminal (60 columns) wraps the 97-column URL itself: joined back, it is whole.
		assert.ok(session.screen().replace(/\n/g, '').includes(proposal), session.screen());
	});
});
