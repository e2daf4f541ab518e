// Issue 25: the early frame (src/ui/early-frame.ts) pays only while nothing it runs loads the UI
// libraries. Everything the reader runs before Ink's first frame is reached from what cli.tsx
// loads before it imports run-reader.tsx; none of it may import Ink, React or yoga, or the bundle
// would compile and run them before the first frame again.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/** Every file that `entry` imports, directly or not (dynamic imports too), as esbuild bundles it. */
async function inputsOf(entry: string): Promise<string[]> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		write: false,
		metafile: true,
		platform: 'node',
		format: 'esm',
		jsx: 'automatic',
		logLevel: 'silent',
		outdir: 'unused',
		// Ink's optional devtools (the build leaves them out too).
		external: ['react-devtools-core'],
	});
	return Object.keys(result.metafile.inputs);
}

const UI_LIBRARIES = /node_modules\/(?:ink|react|react-reconciler|yoga-layout|scheduler)\//;

describe('what runs before the first frame loads no UI library (issue 25)', () => {
	for (const file of [
		'ui/prepare-reader.ts',
		'ui/terminal-background.ts',
		'render/render-markdown.ts',
		'render/post-header.ts',
		'posts/load-library.ts',
	]) {
		test(`${file} imports neither Ink, React nor yoga`, async () => {
			const loaded = (await inputsOf(source(file))).filter((input) => UI_LIBRARIES.test(input));
			assert.deepEqual(loaded, []);
		});
	}

	test('the reader itself (run-reader.tsx) does, so the check above can fail', async () => {
		assert.ok((await inputsOf(source('ui/run-reader.tsx'))).some((input) => UI_LIBRARIES.test(input)));
	});
});
