// Runs the tests: the unit files (no build, no pseudo-terminal) in a few long-lived processes, one a
// core, each loading tsx and the sources once for all its files (scripts/test-shard.mjs; the files
// are shared out by their last known time); the tests of the built CLI and the pseudo-terminal after
// them, a process a file, by node's runner. One summary for all (scripts/test-summary.mjs).
// Each test (each unit file, in a shared process) has a 10-minute ceiling: a guard against a hang,
// far above what any test needs even on a loaded machine. Runs the test suite with a temp folder of its own, then checks that the tests left nothing
// behind: no file or folder in it, and no process still running from it. A test that forgets its
// clean-up fails the run here, on every machine, instead of filling /tmp on a user's.
//   node scripts/run-tests.mjs [--unit] [--tap] [--isolate] [--shards=N] [FILE...]
import {spawn} from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {availableParallelism, tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {summaryBlock} from './test-summary.mjs';

/** Every *.test.ts(x) under test/, in a stable order. */
function testFiles(folder) {
	return readdirSync(folder, {withFileTypes: true})
		.flatMap((entry) =>
			entry.isDirectory()
				? testFiles(join(folder, entry.name))
				: /\.test\.tsx?$/.test(entry.name)
					? [join(folder, entry.name)]
					: [],
		)
		.sort();
}

/** Processes whose environment names this run's temp folder: children a test did not end. */
function strayProcesses(root) {
	let pids;
	try {
		pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
	} catch {
		return []; // No /proc (macOS): the per-test clean-up is all there is.
	}
	return pids.filter((pid) => {
		try {
			return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`TMPDIR=${root}`);
		} catch {
			return false;
		}
	});
}

/** Whether a test file drives the built CLI (the helpers, or npm start's freshness check) or a pseudo-terminal (so needs dist/ and is not a unit test). */
const needsBuild = (file) =>
	file.startsWith(join('test', 'e2e')) ||
	/helpers\/(run-cli|pseudo-terminal|screen)\.js'|scripts\/start\.mjs'/.test(readFileSync(file, 'utf8'));

// --unit: only the tests that need no build and no pseudo-terminal (npm run test:unit).
// --tap: every TAP line, as node's runner prints them, instead of the summary.
// --isolate: every file in a process of its own, as node's runner does by default (slower: each
// process loads tsx and the sources again), to tell whether a failure comes from a file before it.
// --shards=N: how many shared processes run the unit files (default: one a core).
const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const named = args.filter((arg) => !arg.startsWith('--'));
const all = named.length > 0 ? named : testFiles('test');
const files = flags.has('--unit') ? all.filter((file) => !needsBuild(file)) : all;
// Unit files share a few long-lived processes (scripts/test-shard.mjs); the tests of the built CLI
// and the pseudo-terminal keep a process each, as they start and end terminals and children.
const shared = flags.has('--isolate') ? [] : files.filter((file) => !needsBuild(file));
const isolated = files.filter((file) => !shared.includes(file));
const shardCount = Math.min(
	shared.length,
	Number(args.find((arg) => arg.startsWith('--shards='))?.slice('--shards='.length) ?? availableParallelism()) || 1,
);
const tap = flags.has('--tap');

const root = mkdtempSync(join(tmpdir(), 'kn-test-run-'));
// The reporters' counts, one JSON file a process, kept beside the run's temp folder, not in it.
const counts = mkdtempSync(join(tmpdir(), 'kn-test-counts-'));
// tsx keeps its compile cache in the temp folder: pointed at one kept in node_modules/.cache, a second
// run does not compile every source and test again (it is tsx's own cache, keyed on each file's text).
const cacheFolder = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
const tsxCache = join(cacheFolder, 'kubecon-notes-tsx');
try {
	mkdirSync(tsxCache, {recursive: true, mode: 0o700});
	symlinkSync(tsxCache, join(root, `tsx-${userInfo().uid}`));
} catch {
	// No cache kept: tsx makes its own in the temp folder.
}
// Each shared file's time in the last run that ran it, to balance the next run's processes.
const timesFile = join(cacheFolder, 'kubecon-notes-test-times.json');
let lastTimes = {};
try {
	lastTimes = JSON.parse(readFileSync(timesFile, 'utf8'));
} catch {
	// First run, or an unreadable record: every file weighs the same.
}

/** Files split into `count` lists of about the same last known time: the longest first, each to the lightest list. */
function shards(list, count) {
	const known = list.map((file) => lastTimes[file]).filter((ms) => typeof ms === 'number');
	const guess = known.length > 0 ? known.reduce((sum, ms) => sum + ms, 0) / known.length : 1000;
	const cost = (file) => (typeof lastTimes[file] === 'number' ? lastTimes[file] : guess);
	const lists = Array.from({length: count}, () => ({ms: 0, files: []}));
	for (const file of list.toSorted((a, b) => cost(b) - cost(a))) {
		const lightest = lists.reduce((a, b) => (b.ms < a.ms ? b : a));
		lightest.ms += cost(file);
		lightest.files.push(file);
	}
	return lists.map((entry) => entry.files.sort());
}

/** Runs node with `nodeArgs`; resolves to its exit code, its reporter's counts file and (with --tap) its output. */
function runNode(nodeArgs, name) {
	const countsFile = join(counts, `${name}.json`);
	const reporter = tap
		? ['--test-reporter=tap']
		: [`--test-reporter=${new URL('test-summary.mjs', import.meta.url).href}`, '--test-reporter-destination=stdout'];
	// Pipes, as node's runner gives each test file: a test sees no terminal (chalk, Ink) even when the
	// run is started in one.
	const child = spawn(process.execPath, ['--import', 'tsx', '--test-timeout=600000', ...reporter, ...nodeArgs], {
		stdio: 'pipe',
		env: {...process.env, TMPDIR: root, KUBECON_NOTES_TEST_SUMMARY: tap ? '' : countsFile},
	});
	// With --tap each process's lines are printed whole once it ends, not interleaved with another's.
	const output = [];
	child.stdout.on('data', (chunk) => (tap ? output.push(chunk) : process.stdout.write(chunk)));
	child.stderr.on('data', (chunk) => process.stderr.write(chunk));
	return new Promise((done) => {
		child.on('close', (code, signal) => done({code: code ?? 1, signal, countsFile, output: Buffer.concat(output)}));
	});
}

const runs = [];
const started = [];
for (const [index, list] of shards(shared, shardCount).entries()) {
	started.push({
		files: list,
		run: runNode([fileURLToPath(new URL('test-shard.mjs', import.meta.url)), ...list], `shard-${index}`),
	});
}
for (const entry of started) runs.push({...entry, ...(await entry.run)});
if (isolated.length > 0) {
	const run = await runNode(['--test', '--test-concurrency=2', ...isolated], 'isolated');
	runs.push({files: isolated, ...run});
}

let code = 0;
const total = {passed: 0, failed: 0, skipped: 0, todo: 0, slowest: [], failures: []};
const times = {...lastTimes};
for (const run of runs) {
	if (run.code !== 0) code = 1;
	if (tap) {
		process.stdout.write(run.output);
		continue;
	}
	let counted;
	try {
		counted = JSON.parse(readFileSync(run.countsFile, 'utf8'));
	} catch {
		// The process ended before its reporter did (a crash, a kill): its files are a failure.
		total.failed++;
		total.failures.push(
			`✖ a test process ended (${run.signal ?? `code ${run.code}`}) before its summary; its files: ${run.files.join(', ')}`,
		);
		continue;
	}
	for (const key of ['passed', 'failed', 'skipped', 'todo']) total[key] += counted[key];
	total.slowest.push(...counted.slowest);
	total.failures.push(...counted.failures);
	Object.assign(times, counted.files);
}
rmSync(counts, {recursive: true, force: true});
if (!tap) {
	process.stdout.write(summaryBlock(total));
	if (total.failed > 0) code = 1;
	for (const file of Object.keys(times)) if (!existsSync(file)) delete times[file];
	try {
		writeFileSync(timesFile, `${JSON.stringify(times, null, '\t')}\n`);
	} catch {
		// No record kept: the next run balances by guess.
	}
}

const strays = strayProcesses(root);
for (const pid of strays) {
	try {
		process.kill(Number(pid), 'SIGKILL');
	} catch {
		// Gone meanwhile.
	}
}
// tsx keeps its compile cache in the temp folder: that is the runner's, not a test's.
const leftovers = readdirSync(root).filter((name) => !name.startsWith('tsx-'));
rmSync(root, {recursive: true, force: true});

if (strays.length > 0) {
	console.error(
		`tests left ${strays.length} process${strays.length === 1 ? '' : 'es'} running (killed now): ${strays.join(', ')}`,
	);
	code = code || 1;
}
if (leftovers.length > 0) {
	console.error(
		`tests left ${leftovers.length} temp entr${leftovers.length === 1 ? 'y' : 'ies'} behind in ${root}: ${leftovers.join(', ')}`,
	);
	code = code || 1;
}
process.exit(code);
