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
	minify: process.env.KUBECON_NOTES_NO_MINIFY !== '1',
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	// Ink imports the devtools only when DEV=true; yoga's wasm is inlined already.
	external: ['react-devtools-core'],
	plugins: [
		{
			// marked-terminal loads cli-highlight (every highlight.js language, parse5) and node-emoji
			// at start; the printed path paid about 150 ms for them. Highlighting now loads the common
			// languages on the first code block, and emoji data never (we render with emoji: false).
			name: 'lazy-heavy-dependencies',
			setup(plugin) {
				const here = (path) => fileURLToPath(new URL(path, import.meta.url));
				plugin.onResolve({filter: /^highlight\.js$/}, () => ({path: here('highlight-languages.cjs')}));
				for (const name of ['cli-highlight', 'node-emoji']) {
					const stub = here(`lazy/${name}.cjs`);
					// The stub itself requires the real package: let esbuild resolve that one.
					plugin.onResolve({filter: new RegExp(`^${name}$`)}, args => (args.importer === stub ? undefined : {path: stub}));
				}
			},
		},
		{
			// yoga-layout (Ink's layout engine) reads its inlined wasm with fetch() on a data: URL when
			// fetch exists, and Node's fetch loads undici on first touch: about 50 ms of every reader
			// start. Without fetch, yoga decodes the same base64 itself. A module-level `fetch` that is
			// undefined shadows the global in that one file; no minified name is matched. The other
			// changes to Ink and ansi-tokenize are patches (patches/, applied by patch-package on install),
			// so tests run the same Ink as the bundle.
			name: 'yoga-wasm-without-fetch',
			setup(plugin) {
				plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, args => {
					const source = readFileSync(args.path, 'utf8');
					if (!source.includes('typeof fetch')) throw new Error(`yoga-wasm-without-fetch: ${args.path} no longer checks for fetch; measure again`);
					return {contents: `var fetch;\n${source}`, loader: 'js'};
				});
			},
		},
	],
	define: {'process.env.NODE_ENV': '"production"', KUBECON_NOTES_VERSION: JSON.stringify(version)},
	// Some bundled CommonJS dependencies call require() for node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	logLevel: 'warning',
});
