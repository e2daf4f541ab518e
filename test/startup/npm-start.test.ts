import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, describe, test} from 'node:test';
import {staleReason} from '../../scripts/start.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folders: string[] = [];
after(() => {
	for (const folder of folders) rmSync(folder, {recursive: true, force: true});
});

const outputs = [
	'dist/cli.cjs',
	'dist/kubecon-notes.cjs',
	'dist/lazy-emoji.cjs',
	'dist/lazy-highlight.cjs',
	'dist/lazy-later.cjs',
	'dist/lazy-table.cjs',
	'dist/lazy-talks.cjs',
	'dist/lazy-yaml.cjs',
];

/** A checkout in miniature: files written with the given modification times (seconds). */
function tree(files: Record<string, number>): string {
	const folder = mkdtempSync(join(tmpdir(), 'kn-start-'));
	folders.push(folder);
	for (const [name, time] of Object.entries(files)) {
		mkdirSync(dirname(join(folder, name)), {recursive: true});
		writeFileSync(join(folder, name), 'x');
		utimesSync(join(folder, name), time, time);
	}
	return folder;
}

describe('npm start builds only when a source is newer than the build', () => {
	test('staleReason: a missing output, or the newer source by name; null when the build is newer than every source', () => {
		const built = Object.fromEntries(outputs.map((name) => [name, 2000]));
		assert.equal(staleReason(tree({'src/cli.tsx': 1000, 'package.json': 1000, ...built})), null);
		assert.equal(staleReason(tree({'src/cli.tsx': 1000})), 'dist/cli.cjs is missing');
		const {['dist/lazy-later.cjs']: _, ...withoutLater} = built;
		assert.equal(
			staleReason(tree({'src/cli.tsx': 1000, ...withoutLater})),
			'dist/lazy-later.cjs is missing',
			'the file the reader requires after its first frame is an output too',
		);
		assert.equal(
			staleReason(tree({'src/ui/deep/file.ts': 3000, 'src/cli.tsx': 1000, ...built})),
			join('src', 'ui', 'deep', 'file.ts') + ' changed',
		);
		assert.equal(
			staleReason(tree({'src/cli.tsx': 1000, 'node_modules/.package-lock.json': 3000, ...built})),
			join('node_modules', '.package-lock.json') + ' changed',
		);
		assert.equal(
			staleReason(tree({'src/cli.tsx': 1000, 'patches/ink+6.8.0.patch': 3000, ...built})),
			join('patches', 'ink+6.8.0.patch') + ' changed',
		);
	});

	test('with dist/ up to date, the CLI runs at once: nothing built, nothing but its own output', () => {
		// Never skipped: a stale dist/ fails here, loudly (npm test builds first).
		assert.equal(staleReason(), null, 'dist/ is older than a source: run `npm run build` first');
		const before = statSync(join(root, 'dist/kubecon-notes.cjs')).mtimeMs;
		const run = spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--version'], {encoding: 'utf8'});
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /^\S+\n$/);
		assert.equal(run.stderr, '');
		assert.equal(statSync(join(root, 'dist/kubecon-notes.cjs')).mtimeMs, before);
	});

	test('package.json: npm start is this script', async () => {
		const {readFileSync} = await import('node:fs');
		assert.equal(
			(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {scripts: {start: string}}).scripts.start,
			'node scripts/start.mjs',
		);
	});
});
