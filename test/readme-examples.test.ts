import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, describe, test} from 'node:test';
import {killAllSessions, startSession} from './helpers/pseudo-terminal.js';
import {cliPath, runCli} from './helpers/run-cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/**
 * The README's examples, ```` ```\n$ kubecon-notes ARGS [| head -N] [# on a terminal N columns wide]\nOUTPUT``` ````:
 * a terminal example runs in a pseudo-terminal of that width, the others in a pipe.
 */
const examples = [
	...readme.matchAll(
		/```\n\$ kubecon-notes ([^\n|#]*?)\s*(?:\| head -(\d+))?\s*(?:# on a terminal (\d+) columns wide)?\n([\s\S]*?)```/g,
	),
].map((match) => ({
	args: match[1]!.split(/\s+/),
	head: match[2] === undefined ? null : Number(match[2]),
	columns: match[3] === undefined ? null : Number(match[3]),
	output: match[4]!,
}));

describe('the README shows what the program prints', () => {
	after(killAllSessions);

	test('there are examples, a terminal one among them', () => {
		assert.ok(examples.length >= 2);
		assert.ok(examples.some((example) => example.columns !== null));
	});

	for (const example of examples) {
		test(`kubecon-notes ${example.args.join(' ')}`, async () => {
			let printed: string;
			if (example.columns === null) {
				const result = await runCli(example.args);
				assert.equal(result.code, 0, result.stderr);
				printed = result.stdout;
			} else {
				const session = startSession([cliPath, ...example.args], {cols: example.columns, rows: 20});
				await session.exited;
				await session.waitFor((screen) => screen.trim() !== '');
				printed = `${session.screen().trimEnd()}\n`;
			}
			const lines = printed.split('\n');
			const shown = example.head === null ? printed : `${lines.slice(0, example.head).join('\n')}\n`;
			assert.equal(shown, example.output);
		});
	}
});
