// Bundles the CLI with esbuild: one process start reads a few files instead of hundreds
// (style.md, "Start-up is a feature"). Code splitting keeps Ink, the search index and the
// store out of the printed path: they load through dynamic import() only when needed.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync('dist', {recursive: true, force: true});
await build({
	entryPoints: {cli: 'src/cli.tsx'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink imports the devtools only when DEV=true; yoga's wasm is inlined already.
	external: ['react-devtools-core'],
	// cli-highlight (through marked-terminal) loads every highlight.js language at start.
	plugins: [
		{
			name: 'common-highlight-languages',
			setup(plugin) {
				plugin.onResolve({filter: /^highlight\.js$/}, () => ({path: fileURLToPath(new URL('highlight-languages.cjs', import.meta.url))}));
			},
		},
	],
	define: {'process.env.NODE_ENV': '"production"', KUBECON_NOTES_VERSION: JSON.stringify(version)},
	// Some bundled CommonJS dependencies call require() for node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	logLevel: 'warning',
});
