// Bundles the CLI with esbuild: one process start reads a few files instead of hundreds
// (style.md, "Start-up is a feature"). Code splitting keeps Ink, the search index and the
// store out of the printed path: they load through dynamic import() only when needed.
import {build} from 'esbuild';
import {readdirSync, readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** highlight.js with the languages notes use (highlight-languages.cjs), not all 190. */
const commonLanguages = {
	name: 'highlight-common-languages',
	setup(plugin) {
		plugin.onResolve({filter: /^highlight\.js$/}, () => ({path: here('highlight-languages.cjs')}));
	},
};

/**
 * string-width, slice-ansi and ansi-tokenize each make an Intl.Segmenter at module top level: about
 * 20 ms of every start, before anything is drawn. Each becomes an object that makes its segmenter
 * on the first segment() call. Fails the build if one makes it some other way (then recheck).
 */
const lazySegmenters = {
	name: 'lazy-intl-segmenters',
	setup(plugin) {
		const files = /[\\/](string-width[\\/]index|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/;
		plugin.onLoad({filter: files, namespace: 'file'}, args => {
			const source = lazyEmojiPattern(args.path, readFileSync(args.path, 'utf8'));
			// Older copies (cli-table3's string-width 4) make none.
			if (!source.includes('Intl.Segmenter')) return undefined;
			const created = /^const (\w+) = new Intl\.Segmenter\(/m;
			if (!created.test(source)) throw new Error(`lazy-intl-segmenters: no top-level Intl.Segmenter in ${args.path}`);
			const lazy = `
function __lazySegmenter(...options) {
	let segmenter;
	return {segment: text => (segmenter ??= new Intl.Segmenter(...options)).segment(text)};
}
`;
			return {contents: source.replace(created, 'const $1 = __lazySegmenter(') + lazy, loader: 'js'};
		});
	},
};

/**
 * Ink measures every frame's text with string-width (directly, and through widest-line and
 * cli-truncate), and string-width segments graphemes for anything but plain ASCII:
 * a bullet or a box-drawing rule on screen made the first frame create a segmenter (15 ms) and
 * segment every row (about 30 ms more). Each of those imports gets the same string-width, wrapped
 * with the narrow-text fast path of src/render/narrow-text.ts (the width of narrow text is its
 * length). Our own code imports string-width unwrapped: it has its fast paths already.
 */
const narrowFastPath = {
	name: 'string-width-narrow-fast-path',
	setup(plugin) {
		// Not wrap-ansi: its older string-width counts © and ® as two columns, and it only runs for
		// text wider than its box, which our rows never are.
		const wrapped = /[\\/]node_modules[\\/](ink|widest-line|cli-truncate)[\\/]/;
		plugin.onResolve({filter: /^string-width$/}, async args => {
			if (!wrapped.test(args.importer)) return undefined;
			const real = await plugin.resolve('string-width', {resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real'});
			if (real.errors.length > 0) return {errors: real.errors};
			// The fast path is checked against string-width 8 (test/render/narrow-text.test.ts).
			const {version: found} = JSON.parse(readFileSync(new URL('package.json', `file://${real.path}`), 'utf8'));
			if (!found.startsWith('8.')) throw new Error(`string-width-narrow-fast-path: ${args.importer} gets string-width ${found}; check the fast path against it`);
			return {path: real.path, namespace: 'narrow-string-width'};
		});
		plugin.onLoad({filter: /.*/, namespace: 'narrow-string-width'}, args => ({
			contents: `import stringWidth from ${JSON.stringify(args.path)};\nimport {withNarrowFastPath} from ${JSON.stringify(here('../src/render/narrow-text.ts'))};\nexport default withNarrowFastPath(stringWidth);\n`,
			resolveDir: here('.'),
			loader: 'js',
		}));
	},
};

/**
 * string-width builds its RGI emoji pattern at module top level: 18 ms of every start, and Ink's
 * text is narrow (see above), so it is made on the first test that needs it. Fails the build if
 * string-width declares it but uses it some other way (then measure again).
 */
function lazyEmojiPattern(path, source) {
	const declaration = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
	if (!source.includes(declaration)) return source;
	const uses = source.split('rgiEmojiRegex').length - 1;
	const tests = source.split('rgiEmojiRegex.test(').length - 1;
	if (uses !== tests + 1) throw new Error(`lazy-rgi-emoji-pattern: ${path} uses rgiEmojiRegex other than by test(); measure again`);
	return source.replace(declaration, 'let __rgiEmoji;\nconst rgiEmojiRegex = {test: text => (__rgiEmoji ??= /^\\p{RGI_Emoji}$/v).test(text)};');
}

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
		commonLanguages,
		{
			// marked-terminal loads cli-highlight (highlight.js, parse5), node-emoji (emojilib) and
			// cli-table3 (@colors/colors, an older string-width) at start. V8 parses a chunk's code even
			// when it never runs (about 110 ms for these), so they are not in the ESM chunks at all: the
			// stubs require separate files built below, on first use (tables are ours: never, so far).
			name: 'lazy-heavy-dependencies',
			setup(plugin) {
				for (const name of ['cli-highlight', 'node-emoji', 'cli-table3']) {
					const stub = here(`lazy/${name}.cjs`);
					plugin.onResolve({filter: new RegExp(`^${name}$`)}, () => ({path: stub}));
				}
				plugin.onResolve({filter: /^\.\/lazy-(highlight|emoji|table)\.cjs$/}, args => ({path: args.path, external: true}));
			},
		},
		lazySegmenters,
		narrowFastPath,
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

// The heavy libraries the stubs above load on first use, each one CommonJS file of its own beside
// the chunks (required synchronously: marked-terminal and the code renderer call them synchronously).
for (const [name, entry] of [['lazy-highlight', 'lazy/highlight-entry.cjs'], ['lazy-emoji', 'lazy/emoji-entry.cjs'], ['lazy-table', 'lazy/table-entry.cjs']]) {
	await build({
		entryPoints: {[name]: here(entry)},
		outdir: 'dist/chunks',
		outExtension: {'.js': '.cjs'},
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		minify: process.env.KUBECON_NOTES_NO_MINIFY !== '1',
		legalComments: 'none',
		plugins: [commonLanguages, lazySegmenters],
		logLevel: 'warning',
	});
}
// The stubs require './lazy-*.cjs' relative to the chunk holding them: they must be in dist/chunks.
for (const file of readdirSync('dist')) {
	if (file.endsWith('.js') && /lazy-(highlight|emoji|table)\.cjs/.test(readFileSync(`dist/${file}`, 'utf8'))) throw new Error(`build: dist/${file} requires a lazy file that lives in dist/chunks`);
}
