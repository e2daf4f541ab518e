// The start-up budgets of issue 13, each beside `node -e 0` measured in the same stretch of the run:
// spawn to first frame (bundled posts, 1,000 and 5,000 posts of 15 KB), the printed render (bundled
// posts, 1,000 posts), the reader's memory at its first frame, and what installing the package
// pulls in. Whole-process figures are ratios: this machine's speed drifts over a run.
import {spawnSync} from 'node:child_process';
import {mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {startSession} from '../test/helpers/pseudo-terminal.js';
import {cliPath} from '../test/helpers/run-cli.js';
import {generatePost} from './load.js';
import {timeProcess} from './print.js';
import {median, percentile} from './stats.js';
import type {BenchContext, Measurement} from './types.js';

// The status line's `1–33/120 0%`, or `1–33/… 0%` while a long post's first frame is drawn before the rest is rendered.
const FIRST_FRAME = /\d+\/(?:\d+|…) \d+%/;

/**
 * One big post: `sections` sections (a heading, paragraphs with links and emphasis, a list), about
 * `bytes` in all, as a long conference write-up is.
 */
export function bigPost(bytes: number, sections: number): string {
	const per = Math.ceil(bytes / sections);
	const parts = [
		'---\ntitle: "A very long write-up"\ndate: 2024-03-20\ntags: [kubecon, notes]\n---\n\nAn introduction.\n\n<!--more-->\n',
	];
	for (let section = 0; section < sections; section++) {
		let text = `\n## Section ${section}: about topic ${section % 17}\n\n* [A talk on topic ${section} - Speaker ${section}, Org](https://sched.co/B${section})\n* a point on **scaling** and \`kubectl\`\n\n`;
		while (text.length < per)
			text += `Notes on section ${section}: the speakers talked about [operators](https://example.org/${section}) and _policy engines_, with an explanation that wraps several times in a terminal. `;
		parts.push(`${text}\n`);
	}
	return parts.join('');
}

/** Writes `count` posts of 15 KB into `dir`. */
export function writeLibrary(dir: string, count: number, post: (index: number) => string = generatePost): void {
	mkdirSync(dir, {recursive: true});
	for (let index = 0; index < count; index++) writeFileSync(join(dir, `2023-01-01-post-${index}.md`), post(index));
}

/** The pid of our pty child running the CLI (node-pty forks it from this process). */
function childPid(): number | null {
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (parent === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(cliPath))
				return Number(name);
		} catch {
			// Gone meanwhile.
		}
	}
	return null;
}

/** CPU time (user + system) the process has used so far, in ms: steadier than wall time on a busy machine. */
function cpuMs(pid: number | null): number {
	if (pid === null) return Number.NaN;
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time node itself takes to start (what `node -e 0` costs in CPU), in ms. */
function nodeCpuMs(count = 11): number {
	const samples: number[] = [];
	for (let index = 0; index < count; index++) {
		const result = spawnSync(
			process.execPath,
			['-e', 'const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))'],
			{encoding: 'utf8'},
		);
		samples.push(Number(result.stdout));
	}
	return median(samples);
}

function rssMb(pid: number | null): number {
	if (pid === null) return Number.NaN;
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Spawn to first frame in a 120x35 pty, `rounds` times after one warm-up (which also fills the index cache). */
async function firstFrames(
	args: string[],
	rounds: number,
	env: Record<string, string>,
	configDir: string,
): Promise<{times: number[]; rss: number[]; cpu: number[]}> {
	const times: number[] = [];
	const rss: number[] = [];
	const cpu: number[] = [];
	for (let round = 0; round <= rounds; round++) {
		const began = performance.now();
		const session = startSession([cliPath, '--no-resume', ...args], {
			cols: 120,
			rows: 35,
			configDir,
			env,
			answers: true,
		});
		await session.waitFor(FIRST_FRAME, 120_000);
		const elapsed = performance.now() - began;
		const pid = childPid();
		const memory = rssMb(pid);
		const used = cpuMs(pid);
		if (round > 0) {
			times.push(elapsed);
			rss.push(memory);
			cpu.push(used);
		}
		session.write('q');
		await session.exited;
	}
	return {times, rss, cpu};
}

/**
 * A measured whole-process figure with node -e 0 beside it and the ratio that is budgeted; with
 * `cpu`, also the CPU time to the first frame as a ratio to node's own start-up CPU (a reference:
 * on a machine shared with other work, wall-clock ratios swing with the load; CPU ratios less).
 */
function ratioRows(name: string, times: number[], baseline: number, budget: number, cpu?: number[]): Measurement[] {
	return [
		{name, median: median(times), p95: percentile(times, 0.95), unit: 'ms'},
		{name: '  node -e 0 measured beside it', median: baseline, unit: 'ms', reference: true},
		{
			name: '  the same, as a ratio to node -e 0',
			median: median(times) / baseline,
			unit: 'x',
			budget: {median: budget},
		},
		...(cpu
			? [
					{
						name: "  CPU time to first frame, as a ratio to node -e 0's CPU",
						median: median(cpu) / nodeCpuMs(),
						unit: 'x' as const,
						reference: true,
					},
				]
			: []),
	];
}

/** Packages an install of the packed tarball brings: the package itself and its non-dev dependencies. */
export function installedPackages(lockText: string): number {
	const lock = JSON.parse(lockText) as {
		packages?: Record<string, {dev?: boolean; optional?: boolean; devOptional?: boolean}>;
	};
	const runtime = Object.entries(lock.packages ?? {}).filter(
		([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional,
	);
	return 1 + runtime.length;
}

/**
 * The rows to run: `KUBECON_NOTES_BENCH_ROWS=cold,5000 npm run bench startup` runs only those
 * (bundled, cold, big, 1000, 5000, printed, printed-1000, install, 100000); unset, all of them.
 */
export function wantedRows(setting = process.env['KUBECON_NOTES_BENCH_ROWS']): (row: string) => boolean {
	const rows = new Set(
		(setting ?? '')
			.split(',')
			.map((row) => row.trim())
			.filter(Boolean),
	);
	return (row) => rows.size === 0 || rows.has(row);
}

export async function run(context: BenchContext): Promise<Measurement[]> {
	const wanted = wantedRows();
	const lines: Measurement[] = [];
	const configDir = join(context.tmpDir, 'startup-config');
	mkdirSync(configDir, {recursive: true});
	const cacheRoot = join(context.tmpDir, 'startup-cache');
	const env = (name: string) => ({KUBECON_NOTES_CACHE_DIR: join(cacheRoot, name)});

	let before: number;
	if (wanted('bundled')) {
		// Bundled posts.
		before = context.baselineNow();
		const bundled = await firstFrames([], 11, env('bundled'), configDir);
		lines.push(
			...ratioRows(
				'reader: spawn to first frame, bundled posts (pty 120x35)',
				bundled.times,
				(before + context.baselineNow()) / 2,
				3,
				bundled.cpu,
			),
		);
	}

	if (wanted('cold')) {
		// The first start after installing: no cache of any kind (each run its own empty cache folder).
		before = context.baselineNow();
		const cold: number[] = [];
		const coldCpu: number[] = [];
		for (let round = 0; round < 9; round++) {
			const began = performance.now();
			const session = startSession([cliPath, '--no-resume'], {
				cols: 120,
				rows: 35,
				configDir,
				env: env(`first-start-${round}`),
				answers: true,
			});
			await session.waitFor(FIRST_FRAME, 120_000);
			cold.push(performance.now() - began);
			coldCpu.push(cpuMs(childPid()));
			session.write('q');
			await session.exited;
		}
		lines.push(
			...ratioRows(
				'reader: first start after install (empty cache folder), bundled posts',
				cold,
				(before + context.baselineNow()) / 2,
				3,
				coldCpu,
			),
		);
	}

	if (wanted('big')) {
		// One big post (1 MB, 400 sections): the first frame, and printing it.
		const bigDir = join(context.tmpDir, 'startup-big');
		mkdirSync(bigDir, {recursive: true});
		const bigFile = join(bigDir, '2024-03-20-long.md');
		writeFileSync(bigFile, bigPost(1_000_000, 400));
		before = context.baselineNow();
		const big = await firstFrames([bigFile], 9, env('big'), configDir);
		lines.push(
			...ratioRows(
				'reader: first frame, one 1 MB post of 400 sections',
				big.times,
				(before + context.baselineNow()) / 2,
				3,
				big.cpu,
			),
		);
		// The same with every post rendered whole before the first frame, as before issue 25 (what drawing in part saves).
		before = context.baselineNow();
		const bigWhole = await firstFrames([bigFile], 5, {...env('big'), KUBECON_NOTES_RENDER_WHOLE: '1'}, configDir);
		lines.push({
			name: '  the same rendered whole first (KUBECON_NOTES_RENDER_WHOLE=1), as a ratio',
			median: median(bigWhole.times) / ((before + context.baselineNow()) / 2),
			unit: 'x',
			reference: true,
		});
		// Four times as long: the first frame should barely move (what still grows is lexing the blocks and parsing).
		const hugeFile = join(bigDir, '2024-03-21-longer.md');
		writeFileSync(hugeFile, bigPost(4_000_000, 1600));
		before = context.baselineNow();
		const huge = await firstFrames([hugeFile], 5, env('huge'), configDir);
		lines.push({
			name: '  a 4 MB post of 1,600 sections, as a ratio',
			median: median(huge.times) / ((before + context.baselineNow()) / 2),
			unit: 'x',
			reference: true,
		});
		before = context.baselineNow();
		const bigPrinted = timeProcess(process.execPath, [cliPath, bigFile], 9, env('big-printed'));
		lines.push(
			...ratioRows(
				'printed render of the same post (whole process)',
				bigPrinted,
				(before + context.baselineNow()) / 2,
				4,
			),
		);
		const firstBigPrints: number[] = [];
		for (let round = 0; round < 3; round++) {
			const began = performance.now();
			const result = spawnSync(process.execPath, [cliPath, bigFile], {
				stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
				env: {...process.env, ...env(`big-first-${round}`)},
			});
			if (result.status !== 0) throw new Error(`first print of the big post failed: ${result.stderr}`);
			firstBigPrints.push(performance.now() - began);
		}
		lines.push({
			name: '  the same with no cache yet (first print)',
			median: median(firstBigPrints),
			unit: 'ms',
			reference: true,
		});
		rmSync(bigDir, {recursive: true, force: true});
	}

	// 1,000 and 5,000 posts of 15 KB; the warm-up start fills the cache, the measured ones read it.
	const memory: Measurement[] = [];
	for (const [count, rounds, budget, memoryBudget] of [
		[1000, 9, 3.5, 120],
		[5000, 9, 4, 250],
	] as const) {
		if (!wanted(String(count))) continue;
		const dir = join(context.tmpDir, `startup-${count}`);
		writeLibrary(dir, count);
		before = context.baselineNow();
		const result = await firstFrames([dir], rounds, env(`posts-${count}`), configDir);
		const label = count.toLocaleString('en');
		lines.push(
			...ratioRows(
				`reader: first frame, ${label} posts of 15 KB`,
				result.times,
				(before + context.baselineNow()) / 2,
				budget,
				result.cpu,
			),
		);
		memory.push({
			name: `reader: memory (RSS) at first frame, ${label} posts`,
			median: median(result.rss),
			unit: 'MB',
			budget: {median: memoryBudget},
		});
		if (count === 5000) {
			// The first start of all, with no cache yet: what a new library costs once.
			const colds: number[] = [];
			for (let round = 0; round < 3; round++) {
				const began = performance.now();
				const session = startSession([cliPath, '--no-resume', dir], {
					cols: 120,
					rows: 35,
					configDir,
					env: env(`cold-${round}`),
					answers: true,
				});
				await session.waitFor(FIRST_FRAME, 120_000);
				colds.push(performance.now() - began);
				session.write('q');
				await session.exited;
			}
			lines.push({
				name: '  the same with no index cache yet (first start)',
				median: median(colds),
				unit: 'ms',
				reference: true,
			});
		}
		rmSync(dir, {recursive: true, force: true});
	}
	lines.push(...memory);

	if (wanted('printed')) {
		// The printed path: every bundled post, then 1,000 posts, to a pipe. The warm-up run fills the
		// caches (the printed memo among them), as a user's first print does.
		before = context.baselineNow();
		const printedBundled = timeProcess(process.execPath, [cliPath], 11, env('print-bundled'));
		lines.push(
			...ratioRows(
				'printed render of the bundled posts (whole process)',
				printedBundled,
				(before + context.baselineNow()) / 2,
				2.5,
			),
		);
	}

	if (wanted('printed-1000')) {
		const printDir = join(context.tmpDir, 'print-1000');
		writeLibrary(printDir, 1000);
		before = context.baselineNow();
		const printed = timeProcess(process.execPath, [cliPath, printDir], 9, env('print-1000'));
		lines.push(
			...ratioRows(
				'printed render of 1,000 posts of 15 KB (whole process)',
				printed,
				(before + context.baselineNow()) / 2,
				10,
			),
		);
		// What the first print of a library costs, with no cache of any kind yet.
		const firstPrints: number[] = [];
		for (let round = 0; round < 3; round++) {
			const began = performance.now();
			const result = spawnSync(process.execPath, [cliPath, printDir], {
				stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
				env: {...process.env, ...env(`print-first-${round}`)},
			});
			if (result.status !== 0) throw new Error(`first print failed: ${result.stderr}`);
			firstPrints.push(performance.now() - began);
		}
		lines.push({
			name: '  the same with no cache yet (first print)',
			median: median(firstPrints),
			unit: 'ms',
			reference: true,
		});
		rmSync(printDir, {recursive: true, force: true});
	}

	if (wanted('install')) {
		const packages = installedPackages(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
		lines.push({
			name: 'installing the packed package (packages, from the lock file)',
			median: packages,
			unit: 'packages',
			budget: {median: 1.5},
		});
	}

	if (process.env['KUBECON_NOTES_BENCH_100K'] !== '0' && wanted('100000'))
		lines.push(...(await hundredThousand(context, configDir)));
	return lines;
}

/** Past 5,000 posts: 100,000 short files, first start (builds the cache) and later starts (read it). */
async function hundredThousand(context: BenchContext, configDir: string): Promise<Measurement[]> {
	const dir = join(context.tmpDir, 'startup-100000');
	const cacheDir = join(context.tmpDir, 'startup-cache', 'posts-100000');
	try {
		writeLibrary(
			dir,
			100_000,
			(index) => `---\ntitle: "Short note ${index}"\ndate: 2020-01-01\n---\n\nA short note, number ${index}.\n`,
		);
		const began = performance.now();
		const session = startSession([cliPath, '--no-resume', dir], {
			cols: 120,
			rows: 35,
			configDir,
			env: {KUBECON_NOTES_CACHE_DIR: cacheDir},
			answers: true,
		});
		await session.waitFor(FIRST_FRAME, 300_000);
		const cold = performance.now() - began;
		session.write('q');
		await session.exited;
		const warm = await firstFrames([dir], 3, {KUBECON_NOTES_CACHE_DIR: cacheDir}, configDir);
		return [
			{name: 'reader: first frame, 100,000 short posts, first start', median: cold, unit: 'ms', reference: true},
			{name: '  later starts (index cache read)', median: median(warm.times), unit: 'ms', reference: true},
			{name: '  memory (RSS) at first frame, later starts', median: median(warm.rss), unit: 'MB', reference: true},
		];
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
