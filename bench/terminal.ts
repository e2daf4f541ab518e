import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {startSession} from '../test/helpers/pseudo-terminal.js';
import {cliPath} from '../test/helpers/run-cli.js';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile} from './stats.js';

const FIRST_FRAME = /\d+\/\d+ \d+%/;

/** A post of about 1 MB: many topics of paragraphs, lists and code, as long notes are. */
function bigPost(): string {
	const section = (index: number) =>
		`## Topic ${index}\n\n${'Notes about scaling clusters, etcd, gitops and policy engines, written at length. '.repeat(12)}\n\n* [Talk ${index} - Ann Lee, Org](https://sched.co/T${index})\n* Keynote\n\n\`\`\`yaml\nkind: Pod\nmetadata:\n  name: p${index}\n\`\`\`\n`;
	let text = '---\ntitle: A very long post\ndate: 2024-01-01\n---\n\n';
	for (let index = 0; text.length < 1024 * 1024; index++) text += section(index);
	return text;
}

/** Through a real pseudo-terminal: spawn to first complete frame, and a keystroke to its frame. */
export async function run(context: BenchContext): Promise<Measurement[]> {
	const starts: number[] = [];
	for (let round = 0; round < 11; round++) {
		const began = performance.now();
		const session = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35});
		await session.waitFor(FIRST_FRAME, 20_000);
		if (round > 0) starts.push(performance.now() - began);
		session.write('q');
		await session.exited;
	}
	const post = join(context.tmpDir, '2024-01-01-big.md');
	writeFileSync(post, bigPost());
	const session = startSession([cliPath, '--no-resume', post], {cols: 120, rows: 35});
	await session.waitFor(FIRST_FRAME, 30_000);
	const presses: number[] = [];
	for (let press = 0; press < 80; press++) {
		const output = session.nextOutput();
		const began = performance.now();
		session.write('j');
		await output;
		presses.push(performance.now() - began);
		// Let the frame settle so each press is measured on its own.
		await new Promise(resolve => setTimeout(resolve, 15));
	}
	session.write('q');
	await session.exited;
	return [
		{name: 'reader: spawn to first frame (pty, 120x35)', median: median(starts), p95: percentile(starts, 0.95), unit: 'ms'},
		{name: '  the same, as a ratio to node -e 0', median: median(starts) / context.nodeBaselineMs, unit: 'x', budget: {median: 4}},
		{name: 'reader: keystroke to frame, 1 MB post (j)', median: median(presses.slice(5)), p95: percentile(presses.slice(5), 0.95), unit: 'ms', budget: {median: 10, p95: 20}},
	];
}
