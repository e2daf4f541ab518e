// `npm start`: the reader at once when dist/ is up to date; the build first, quietly, only when a
// source is newer than what it built (src/, patches/, the build scripts, package.json, the lock
// files, node_modules after an install, which also undoes the patches). A failed build prints its
// output and the run stops with its exit code.
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the build reads: folders walked whole, and single files. */
const SOURCES = [
	'src',
	'patches',
	'scripts/build.mjs',
	'scripts/highlight-languages.cjs',
	'scripts/lazy',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'node_modules/.package-lock.json',
];
/** What the build writes: the run needs every one of them. */
const OUTPUTS = [
	'dist/cli.cjs',
	'dist/kubecon-notes.cjs',
	'dist/lazy-emoji.cjs',
	'dist/lazy-highlight.cjs',
	'dist/lazy-later.cjs',
	'dist/lazy-table.cjs',
	'dist/lazy-talks.cjs',
	'dist/lazy-yaml.cjs',
];

/** The newest modification time under `path` (a file, or a folder walked), with its path; null when there is nothing. */
function newest(path) {
	let stats;
	try {
		stats = statSync(path);
	} catch {
		return null;
	}
	if (!stats.isDirectory()) return {path, mtimeMs: stats.mtimeMs};
	let best = null;
	for (const entry of readdirSync(path)) {
		const found = newest(join(path, entry));
		if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
	}
	return best;
}

/** Why the build must run first (a missing output, or the source that is newer than the oldest output), or null. */
export function staleReason(folder = root) {
	let oldest = Number.POSITIVE_INFINITY;
	for (const output of OUTPUTS) {
		let stats;
		try {
			stats = statSync(join(folder, output));
		} catch {
			return `${output} is missing`;
		}
		oldest = Math.min(oldest, stats.mtimeMs);
	}
	for (const source of SOURCES) {
		const found = newest(join(folder, source));
		if (found && found.mtimeMs > oldest) return `${relative(folder, found.path)} changed`;
	}
	return null;
}

function main() {
	const reason = staleReason();
	if (reason !== null) {
		const isTerminal = Boolean(process.stderr.isTTY);
		// One line while it builds, on a terminal only, wiped once it is done.
		if (isTerminal) process.stderr.write(`kubecon-notes: building dist/ (${reason})…`);
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const built = spawnSync(npm, ['run', 'build', '--silent'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		if (isTerminal) process.stderr.write('\r\u001B[K');
		if (built.status !== 0) {
			process.stderr.write(`${built.stdout ?? ''}${built.stderr ?? ''}`);
			process.stderr.write(
				`kubecon-notes: the build failed (${built.error ? built.error.message : `exit ${built.status}`})\n`,
			);
			process.exit(built.status || 1);
		}
	}
	// The CLI in this process, as the bin runs it: one node start, signals and exit codes its own.
	createRequire(import.meta.url)(join(root, 'bin', 'kubecon-notes.js'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
