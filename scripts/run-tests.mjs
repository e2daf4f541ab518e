// Each test has a 10-minute ceiling: a guard against a hang, far above what any test needs even
// on a loaded machine. Runs the test suite with a temp folder of its own, then checks that the tests left nothing
// behind: no file or folder in it, and no process still running from it. A test that forgets its
// clean-up fails the run here, on every machine, instead of filling /tmp on a user's.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

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
const flags = new Set(process.argv.slice(2).filter((arg) => arg.startsWith('--')));
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const all = named.length > 0 ? named : testFiles('test');
const files = flags.has('--unit') ? all.filter((file) => !needsBuild(file)) : all;
const reporter = flags.has('--tap')
	? ['--test-reporter=tap']
	: [`--test-reporter=${new URL('test-summary.mjs', import.meta.url).href}`, '--test-reporter-destination=stdout'];
const root = mkdtempSync(join(tmpdir(), 'kn-test-run-'));
// tsx keeps its compile cache in the temp folder: pointed at one kept in node_modules/.cache, a second
// run does not compile every source and test again (it is tsx's own cache, keyed on each file's text).
const tsxCache = fileURLToPath(new URL('../node_modules/.cache/kubecon-notes-tsx', import.meta.url));
try {
	mkdirSync(tsxCache, {recursive: true, mode: 0o700});
	symlinkSync(tsxCache, join(root, `tsx-${userInfo().uid}`));
} catch {
	// No cache kept: tsx makes its own in the temp folder.
}
const run = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...reporter, ...files],
	{
		stdio: 'inherit',
		env: {...process.env, TMPDIR: root},
	},
);

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

let code = run.status ?? 1;
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
