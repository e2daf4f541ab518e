// Issue 25, point 3 of "what to build": every start-up intervention can be left out of a build
// (KUBECON_NOTES_BUILD_PLAIN, docs/upgrading.md), and a build without any of them prints the same.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync} from 'node:fs';
import nodeModule from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
// Fails loudly, on import, when dist/ is missing or older than src/.
import '../helpers/run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'kn-build-plain-'));
after(() => rmSync(root, {recursive: true, force: true}));

/** Builds into `folder` (with bin/ and posts/ beside dist/, as a package has them) leaving out `plain`. */
function buildPlain(folder: string, plain: string): ReturnType<typeof spawnSync> {
	mkdirSync(join(folder, 'bin'), {recursive: true});
	for (const name of readdirSync(join(repo, 'bin'))) copyFileSync(join(repo, 'bin', name), join(folder, 'bin', name));
	symlinkSync(join(repo, 'posts'), join(folder, 'posts'));
	return spawnSync(process.execPath, ['scripts/build.mjs'], {
		cwd: repo,
		encoding: 'utf8',
		env: {...process.env, KUBECON_NOTES_BUILD_DIR: join(folder, 'dist'), KUBECON_NOTES_BUILD_PLAIN: plain},
	});
}

function print(bin: string, cacheDir: string): {stdout: string; stderr: string; status: number | null} {
	const result = spawnSync(process.execPath, [bin], {
		encoding: 'utf8',
		env: {...process.env, KUBECON_NOTES_CACHE_DIR: cacheDir, NO_COLOR: '1'},
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

describe('a build can leave out each start-up intervention (issue 25)', () => {
	test('the names it knows are listed, and an unknown name fails the build', () => {
		const listed = spawnSync(process.execPath, ['scripts/build.mjs', '--list'], {cwd: repo, encoding: 'utf8'});
		assert.equal(listed.status, 0);
		const names = listed.stdout.trim().split('\n');
		for (const name of [
			'code-cache',
			'ink-patch',
			'ansi-tokenize-patch',
			'lazy-segmenters',
			'index-cache',
			'printed-memo',
		])
			assert.ok(names.includes(name), name);
		const failed = buildPlain(join(root, 'unknown'), 'no-such-thing');
		assert.notEqual(failed.status, 0);
		assert.match(String(failed.stderr), /KUBECON_NOTES_BUILD_PLAIN names no-such-thing/);
	});

	test('without any of them, the CLI prints the same and keeps no cache at all', (t) => {
		// Taking a patch off needs the patch tool: without it, the patches stay on (said by the test's name in the log).
		const hasPatch = spawnSync('patch', ['--version']).status === 0;
		const names = spawnSync(process.execPath, ['scripts/build.mjs', '--list'], {cwd: repo, encoding: 'utf8'})
			.stdout.trim()
			.split('\n')
			.filter((name) => hasPatch || !name.endsWith('-patch'));
		if (!hasPatch) t.diagnostic('no patch tool: the build leaves the patches on');
		const folder = join(root, 'plain');
		const built = buildPlain(folder, names.join(','));
		assert.equal(built.status, 0, String(built.stderr));
		const plainCache = join(root, 'plain-cache');
		const fullCache = join(root, 'full-cache');
		const plain = print(join(folder, 'bin', 'kubecon-notes.js'), plainCache);
		const full = print(join(repo, 'bin', 'kubecon-notes.js'), fullCache);
		assert.equal(plain.status, 0, plain.stderr);
		assert.equal(plain.stdout, full.stdout);
		assert.equal(plain.stderr, full.stderr);
		// The full build keeps its caches; the plain one none (Node's own compile cache aside, on 22.1 and later).
		assert.ok(readdirSync(fullCache).some((name) => name.startsWith('code-')));
		let kept: string[] = [];
		try {
			kept = readdirSync(plainCache);
		} catch {
			// Never made.
		}
		assert.deepEqual(
			kept.filter((name) => name !== 'node-compile-cache'),
			[],
		);
		// Without the launcher's cache, a Node with a compile cache of its own keeps one, in a folder of ours alone.
		if (typeof (nodeModule as {enableCompileCache?: unknown}).enableCompileCache === 'function') {
			assert.deepEqual(kept, ['node-compile-cache']);
			assert.equal(statSync(join(plainCache, 'node-compile-cache')).mode & 0o077, 0);
		}
	});
});
