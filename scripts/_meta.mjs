// Bundles the CLI with esbuild: one process start reads a few files instead of hundreds
// (style.md, "Start-up is a feature"). Code splitting keeps Ink, the search index and the
// store out of the printed path: they load through dynamic import() only when needed.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync('dist', {recursive: true, force: true});
const r = await build({
	entryPoints: {cli: 'src/cli.tsx'},
	
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
			// Ink tokenises every line of every frame into styled characters, and measures each
			// character, with caches that last one frame. Most lines are the same from one frame to
			// the next (sidebar, status, result rows), so one cache kept across frames (emptied when
			// it grows) saves most of that work on each keystroke. Fails the build if Ink changes.
			name: 'ink-output-cache-across-frames',
			setup(plugin) {
				plugin.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, args => {
					const source = readFileSync(args.path, 'utf8');
					const field = 'caches = new OutputCaches();';
					if (!source.includes(field)) throw new Error(`ink-output-cache-across-frames: '${field}' not found in ${args.path}`);
					const shared = `
let sharedCaches;
function sharedOutputCaches() {
	if (!sharedCaches || sharedCaches.styledChars.size + sharedCaches.widths.size > 20000) sharedCaches = new OutputCaches();
	return sharedCaches;
}
`;
					return {contents: source.replace(field, 'caches = sharedOutputCaches();') + shared, loader: 'js'};
				});
			},
		},
		{
			// yoga-layout (Ink's layout engine) reads its inlined wasm with fetch() on a data: URL,
			// which loads undici first: about 50 ms of every reader start. Node decodes base64 itself.
			name: 'yoga-wasm-without-fetch',
			setup(plugin) {
				plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, args => {
					const source = readFileSync(args.path, 'utf8');
					const fetching = 'function ya(){return w||"function"!=typeof fetch?';
					if (!source.includes(fetching)) throw new Error(`yoga-wasm-without-fetch: the wasm loader in ${args.path} has changed`);
					return {contents: source.replace(fetching, 'function ya(){w||(w=Buffer.from(H.slice(37),"base64"));return w?'), loader: 'js'};
				});
			},
		},
		{
			// Ink turns each frame back into a string one character at a time, working out the style
			// change between neighbours with three Sets and two filters even when nothing changes
			// (nearly always). Equal neighbours need no change: skip the diff for them. Same output.
			name: 'ansi-tokenize-skip-equal-styles',
			setup(plugin) {
				plugin.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, args => {
					const source = readFileSync(args.path, 'utf8');
					const diff = 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));';
					if (!source.includes(diff)) throw new Error(`ansi-tokenize-skip-equal-styles: styledCharsToString in ${args.path} has changed`);
					const skip = 'if (!sameStyles(chars[i - 1].styles, char.styles)) ' + diff;
					const sameStyles = `
function sameStyles(a, b) {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code) return false;
	return true;
}
`;
					return {contents: source.replace(diff, skip) + sameStyles, loader: 'js'};
				});
			},
		},
	],
	define: {'process.env.NODE_ENV': '"production"', KUBECON_NOTES_VERSION: JSON.stringify(version)},
	// Some bundled CommonJS dependencies call require() for node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	logLevel: "warning", metafile: true, outdir: "/tmp/startup-dist",
});
import {writeFileSync as w} from "node:fs"; w("/tmp/startup-meta.json", JSON.stringify(r.metafile));
