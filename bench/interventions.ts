// What each start-up intervention still saves (issue 25): the CLI built without it
// (KUBECON_NOTES_BUILD_PLAIN=name, scripts/build.mjs) beside the full build, taking turns in the
// same rounds, on the work it was made for: the reader's first frame and the printed render of the
// bundled posts, and of 1,000 posts for the caches. A saving is the plain build's median minus the
// full build's (wall clock, and CPU time, which a busy machine moves less). docs/upgrading.md keeps
// the last figures; an intervention that saves under 10 ms on every budget goes.
import {spawnSync} from 'node:child_process';
import {closeSync, copyFileSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync} from 'node:fs';
import {loadavg} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startSession} from '../test/helpers/pseudo-terminal.js';
import {writeLibrary} from './startup.js';
import {median} from './stats.js';
import type {BenchContext, Measurement} from './types.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const FIRST_FRAME = /\d+\/\d+ \d+%/;
/** The caches only pay over many posts: they are measured on 1,000 as well. */
const CACHES = new Set(['index-cache', 'front-matter-memo', 'printed-memo', 'code-cache']);

/** The CLI built into `folder` without `plain` (bin/ and posts/ beside dist/, as a package has them); its bin. */
function buildWithout(folder: string, plain: string): string {
	mkdirSync(join(folder, 'bin'), {recursive: true});
	for (const name of readdirSync(join(repo, 'bin'))) copyFileSync(join(repo, 'bin', name), join(folder, 'bin', name));
	symlinkSync(join(repo, 'posts'), join(folder, 'posts'));
	const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
		cwd: repo,
		encoding: 'utf8',
		env: {...process.env, KUBECON_NOTES_BUILD_DIR: join(folder, 'dist'), KUBECON_NOTES_BUILD_PLAIN: plain},
	});
	if (built.status !== 0) throw new Error(`building without ${plain || 'nothing'} failed: ${built.stderr}`);
	return join(folder, 'bin', 'kubecon-notes.js');
}

/**
 * CPU time a process has run so far, in ms: /proc's schedstat counts it in nanoseconds (stat's
 * clock ticks of 10 ms are too coarse for savings of 10 ms). Only the main thread: V8's compiler and
 * GC helpers run beside it. NaN where there is no /proc.
 */
function cpuMs(pid: number): number {
	try {
		return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return Number.NaN;
	}
}

type Sample = {wall: number; cpu: number};

async function firstFrame(bin: string, args: string[], cacheDir: string, configDir: string): Promise<Sample> {
	const began = performance.now();
	const session = startSession([bin, '--no-resume', ...args], {
		cols: 120,
		rows: 35,
		configDir,
		env: {KUBECON_NOTES_CACHE_DIR: cacheDir},
		answers: true,
	});
	await session.waitFor(FIRST_FRAME, 120_000);
	const wall = performance.now() - began;
	const cpu = cpuMs(session.pid);
	session.write('q');
	await session.exited;
	return {wall, cpu};
}

function printed(bin: string, args: string[], cacheDir: string): Sample {
	// Output to /dev/null, not 'ignore': the CLI refuses a closed stdout (nowhere to print is an error).
	const sink = openSync('/dev/null', 'w');
	const began = performance.now();
	const result = spawnSync(process.execPath, [bin, ...args], {
		stdio: ['ignore', sink, 'pipe'],
		env: {...process.env, KUBECON_NOTES_CACHE_DIR: cacheDir},
	});
	const wall = performance.now() - began;
	closeSync(sink);
	if (result.status !== 0) throw new Error(`printing failed: ${result.stderr}`);
	// No CPU time for a spawnSync child without another tool: wall clock only.
	return {wall, cpu: Number.NaN};
}

/**
 * `rounds` rounds, each the full build then the plain one (after one warm-up each, which fills the
 * caches): the saving of the intervention as medians (plain minus full).
 */
async function saving(
	measure: (bin: string, cacheDir: string) => Promise<Sample> | Sample,
	full: string,
	plain: string,
	cacheRoot: string,
	rounds: number,
): Promise<{wall: number; cpu: number}> {
	const samples: Record<'full' | 'plain', Sample[]> = {full: [], plain: []};
	for (let round = 0; round <= rounds; round++) {
		for (const [which, bin] of [
			['full', full],
			['plain', plain],
		] as const) {
			const sample = await measure(bin, join(cacheRoot, which));
			if (round > 0) samples[which].push(sample);
		}
	}
	const of = (which: 'full' | 'plain', key: keyof Sample) => median(samples[which].map((sample) => sample[key]));
	return {wall: of('plain', 'wall') - of('full', 'wall'), cpu: of('plain', 'cpu') - of('full', 'cpu')};
}

export async function run(context: BenchContext): Promise<Measurement[]> {
	if (process.env['KUBECON_NOTES_BENCH_INTERVENTIONS'] === '0') return [];
	const root = join(context.tmpDir, 'interventions');
	const configDir = join(root, 'config');
	mkdirSync(configDir, {recursive: true});
	const names = spawnSync(process.execPath, ['scripts/build.mjs', '--list'], {cwd: repo, encoding: 'utf8'})
		.stdout.trim()
		.split('\n');
	const only = (process.env['KUBECON_NOTES_BENCH_INTERVENTIONS'] ?? '')
		.split(',')
		.filter((name) => names.includes(name));
	const full = buildWithout(join(root, 'full'), '');
	const library = join(root, 'posts-1000');
	writeLibrary(library, 1000);
	const rounds = 9;
	const lines: Measurement[] = [
		{
			name: `what each intervention saves (a build without it minus the full build, medians of ${rounds}), at a load average of`,
			median: loadavg()[0]!,
			unit: 'x',
			reference: true,
		},
	];
	for (const name of only.length > 0 ? only : names) {
		const folder = join(root, name);
		let plain: string;
		try {
			plain = buildWithout(folder, name);
		} catch (error) {
			// A patch needs patch(1) to come off: said on stderr, and the others still run.
			console.error(`bench: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
			continue;
		}
		const caches = join(folder, 'caches');
		const reader = await saving(
			(bin, cacheDir) => firstFrame(bin, [], cacheDir, configDir),
			full,
			plain,
			join(caches, 'reader'),
			rounds,
		);
		const print = await saving(
			(bin, cacheDir) => printed(bin, [], cacheDir),
			full,
			plain,
			join(caches, 'printed'),
			rounds,
		);
		lines.push({
			name: `  ${name}: reader's first frame, bundled posts (CPU ${reader.cpu.toFixed(0)} ms)`,
			median: reader.wall,
			unit: 'ms',
			reference: true,
		});
		lines.push({name: `  ${name}: printed render, bundled posts`, median: print.wall, unit: 'ms', reference: true});
		if (CACHES.has(name)) {
			const many = await saving(
				(bin, cacheDir) => firstFrame(bin, [library], cacheDir, configDir),
				full,
				plain,
				join(caches, 'reader-1000'),
				5,
			);
			const manyPrinted = await saving(
				(bin, cacheDir) => printed(bin, [library], cacheDir),
				full,
				plain,
				join(caches, 'printed-1000'),
				5,
			);
			lines.push({
				name: `  ${name}: reader's first frame, 1,000 posts (CPU ${many.cpu.toFixed(0)} ms)`,
				median: many.wall,
				unit: 'ms',
				reference: true,
			});
			lines.push({
				name: `  ${name}: printed render, 1,000 posts`,
				median: manyPrinted.wall,
				unit: 'ms',
				reference: true,
			});
		}
		rmSync(folder, {recursive: true, force: true});
	}
	rmSync(root, {recursive: true, force: true});
	return lines;
}
