import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import fc from 'fast-check';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {foreignCharacter, hostilePost, writeHostileLibrary, type HostilePost} from './hostile-fields.js';

const root = mkdtempSync(join(tmpdir(), 'kn-foreign-'));
after(() => rmSync(root, {recursive: true, force: true}));

let runs = 0;

/** Every command over one generated library; returns the first foreign character found, with where. */
async function checkCommands(posts: HostilePost[]): Promise<void> {
	const dir = join(root, `run-${runs++}`);
	const folder = writeHostileLibrary(dir, posts);
	// (The post named by bytes that are not UTF-8 has no name to give on a command line.)
	const file = join(
		folder,
		readdirSync(folder)
			.filter((name) => !name.includes('\uFFFD'))
			.sort()[0]!,
	);
	const config = join(dir, 'config');
	const styled = {env: {FORCE_HYPERLINK: '1', KUBECON_NOTES_CONFIG_DIR: config}};
	const plain = {env: {KUBECON_NOTES_CONFIG_DIR: config}};
	const commands: Array<[string[], typeof plain]> = [
		[['--posts', folder, '--width', '60'], plain],
		[['--posts', folder, '--width', '60', '--color=always'], styled],
		[['topics', '--posts', folder], plain],
		[['sessions', '--posts', folder], plain],
		[['sessions', '--json', '--posts', folder], plain],
		[['read', file, '--color=always'], styled],
		[['read', file, '--topic', 'Topic'], plain],
		[['forget', '--posts', folder, 'alpha0'], plain],
	];
	for (const [args, options] of commands) {
		const result = await runCli(args, options);
		assert.ok(result.code === 0 || result.code === 1, `${args[0]}: exit ${result.code}: ${result.stderr}`);
		assert.equal(foreignCharacter(result.stdout), null, `stdout of ${args.slice(0, 2).join(' ')}`);
		assert.equal(foreignCharacter(result.stderr), null, `stderr of ${args.slice(0, 2).join(' ')}`);
		if (args.includes('--json')) assert.ok(Array.isArray(JSON.parse(result.stdout)));
	}
}

describe('no byte outside the allowed set reaches the terminal', () => {
	afterEach(killAllSessions);

	test('every command, on generated posts with control payloads in every field and name', async () => {
		await fc.assert(fc.asyncProperty(fc.array(hostilePost, {minLength: 2, maxLength: 3}), checkCommands), {
			numRuns: 4,
			seed: 1017,
			endOnFailure: true,
		});
	});

	test("the reader's frames: sidebar, text, status line, search panel, find, warnings, help", async () => {
		const posts = fc.sample(fc.array(hostilePost, {minLength: 3, maxLength: 3}), {numRuns: 1, seed: 7})[0]!;
		const folder = writeHostileLibrary(join(root, 'reader'), posts);
		// NO_COLOR unset: beside FORCE_COLOR, Node itself would print a warning about it.
		const session = startSession([cliPath, '--posts', folder], {
			cols: 100,
			rows: 30,
			env: {NO_COLOR: undefined, FORCE_COLOR: '1', FORCE_HYPERLINK: '1'},
		});
		await session.waitFor(/\d+(?:–\d+)?\/\d+ \d+%/);
		// Typed and pasted controls, C1 and bidi in the search panel and in find. Each key changes the
		// screen: wait for that before the next, so no two keys arrive as one (Esc then a key is Alt).
		for (const keys of [
			']',
			'j',
			'G',
			'n',
			'/',
			'ta\u009B\u202Elk\u0085',
			'\u001B',
			'\u0006',
			'to\u2066pic\u009D',
			'\r',
			'W',
			'\u001B',
			'?',
			'\u001B',
			't',
		]) {
			const before = session.screen();
			session.write(keys);
			await session.waitFor((screen) => screen !== before);
		}
		// Ctrl-C quits from any mode.
		session.write('\u0003');
		await session.exited;
		assert.equal(foreignCharacter(session.raw(), true), null);
	});
});
