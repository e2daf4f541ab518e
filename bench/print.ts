import {spawnSync} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile} from './stats.js';

const cli = fileURLToPath(new URL('../bin/kubecon-notes.js', import.meta.url));

/**
 * Whole-process wall time of a command, in ms, over `count` runs after one warm-up (which fills the
 * caches `env` names). Output goes to /dev/null opened for writing, as a shell's `>/dev/null` does
 * (`ignore` hands over /dev/null read-write, which the CLI takes for a closed stdout: output.ts).
 */
export function timeProcess(command: string, args: string[], count: number, env?: Record<string, string>): number[] {
	const times: number[] = [];
	const nothing = openSync('/dev/null', 'w');
	for (let index = 0; index <= count; index++) {
		const start = performance.now();
		const result = spawnSync(command, args, {
			stdio: ['ignore', nothing, 'pipe'],
			...(env ? {env: {...process.env, ...env}} : {}),
		});
		const elapsed = performance.now() - start;
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
		if (index > 0) times.push(elapsed);
	}
	closeSync(nothing);
	return times;
}

/** The printed path: `kubecon-notes read <bundled post> > /dev/null`, as a ratio to `node -e 0`. */
export async function run(context: BenchContext): Promise<Measurement[]> {
	const before = context.baselineNow();
	const times = timeProcess(process.execPath, [cli, 'read', 'kubecon-eu-2023'], 15);
	const baseline = (before + context.baselineNow()) / 2;
	const lines: Measurement[] = [
		{
			name: 'printed render of the bundled post (whole process)',
			median: median(times),
			p95: percentile(times, 0.95),
			unit: 'ms',
		},
		{name: '  node -e 0 measured beside it', median: baseline, unit: 'ms', reference: true},
		{name: '  the same, as a ratio to node -e 0', median: median(times) / baseline, unit: 'x', budget: {median: 3}},
	];
	// Debian's lowdown 1.0 fails `--version`: it is there when it renders a small input.
	const lowdown = spawnSync('lowdown', ['-tterm'], {input: '# Title\n\nSome *text*.\n', encoding: 'utf8'});
	if (lowdown.status === 0 && lowdown.stdout.includes('Title')) {
		const post = fileURLToPath(new URL('../posts/2023-04-27-kubecon-eu-2023.md', import.meta.url));
		const reference = timeProcess('lowdown', ['-tterm', post], 15);
		lines.push({
			name: 'lowdown -tterm on the same post (reference)',
			median: median(reference),
			unit: 'ms',
			reference: true,
		});
	}
	return lines;
}
