// Bundles the CLI with esbuild: one process start reads a few files instead of hundreds
// (style.md, "Start-up is a feature"). The CLI is one CommonJS file, dist/kubecon-notes.cjs, run by
// a small launcher, dist/cli.cjs, that compiles it with V8's code cache (src/launch/): on Node 20
// that is the only way to keep compiled code between runs, and it skips the module loader too.
// Heavy libraries the first frame never uses stay in files of their own, required on first use.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const minify = process.env.KUBECON_NOTES_NO_MINIFY !== '1';

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
 * cli-truncate): it gets the reader's own measure (text-measure.ts: where string-width and the
 * terminal disagree, as on Indic clusters, the terminal's count), so its layout agrees with the
 * rows. string-width segments graphemes for anything but plain ASCII:
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
			contents: `import stringWidth from ${JSON.stringify(args.path)};\nimport {withNarrowFastPath} from ${JSON.stringify(here('../src/render/narrow-text.ts'))};\nimport {withTerminalWidths} from ${JSON.stringify(here('../src/render/text-measure.ts'))};\nexport default withNarrowFastPath(withTerminalWidths(stringWidth));\n`,
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

/**
 * marked-terminal loads cli-highlight (highlight.js, parse5), node-emoji (emojilib) and cli-table3
 * (@colors/colors, an older string-width) at start. V8 parses a file's code even when it never runs
 * (about 110 ms for these, on a start without the code cache) and the code cache would carry them,
 * so they are not in the bundle at all: the stubs require separate files built below, on first use
 * (tables are ours: never, so far).
 */
const lazyHeavyDependencies = {
	name: 'lazy-heavy-dependencies',
	setup(plugin) {
		for (const name of ['cli-highlight', 'node-emoji', 'cli-table3']) {
			const stub = here(`lazy/${name}.cjs`);
			plugin.onResolve({filter: new RegExp(`^${name}$`)}, () => ({path: stub}));
		}
		plugin.onResolve({filter: /^\.\/lazy-(highlight|emoji|table)\.cjs$/}, args => ({path: args.path, external: true}));
	},
};

/**
 * Ink awaits at its top level only to load React's devtools when DEV=true, and a CommonJS bundle
 * cannot await there. The devtools are not shipped (react-devtools-core is not bundled), so both
 * awaits go. Fails the build if Ink's code there changes (then check its top-level awaits again).
 */
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(plugin) {
		plugin.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, args => {
			const source = readFileSync(args.path, 'utf8');
			const devtools = "if (isDev()) {\n    try {\n        await import('./devtools.js');";
			const packageJson = 'isDev()\n    ? await loadPackageJson()\n    :';
			if (!source.includes(devtools) || !source.includes(packageJson)) throw new Error(`ink-without-devtools: ${args.path} changed; check its top-level awaits`);
			return {contents: source.replace(devtools, 'if (false) {\n    try {').replace(packageJson, 'false ? undefined :'), loader: 'js'};
		});
	},
};

/**
 * yoga-layout (Ink's layout engine) starts its inlined wasm with a top-level await, which a CommonJS
 * bundle cannot have. Emscripten lets the caller instantiate the wasm: done synchronously (Node
 * compiles wasm of any size on the main thread), the module is ready when the factory returns.
 * The same change drops yoga's fetch() of its data: URL, which loaded undici on first touch (about
 * 50 ms). Fails the build if yoga's files change shape (then look again).
 */
const yogaSynchronous = {
	name: 'yoga-synchronous',
	setup(plugin) {
		plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, args => {
			const source = readFileSync(args.path, 'utf8');
			const inlined = /H="(data:application\/octet-stream;base64,[A-Za-z0-9+/=]+)"/.exec(source);
			if (!inlined || !source.includes('if(h.instantiateWasm)')) throw new Error(`yoga-synchronous: ${args.path} changed shape; check how it starts its wasm`);
			return {contents: `export const yogaWasmBase64 = ${JSON.stringify(inlined[1].slice(inlined[1].indexOf(',') + 1))};\n${source.replace(inlined[0], 'H="data:application/octet-stream;base64,"')}`, loader: 'js'};
		});
		plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, args => {
			const source = readFileSync(args.path, 'utf8');
			const started = 'const Yoga = wrapAssembly(await loadYoga());';
			if (!source.includes(started)) throw new Error(`yoga-synchronous: ${args.path} changed; check how it starts yoga`);
			const synchronous = `import {yogaWasmBase64} from '../binaries/yoga-wasm-base64-esm.js';
const yogaModule = {
	instantiateWasm(imports, started) {
		const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(yogaWasmBase64, 'base64')), imports);
		started(instance);
		return instance.exports;
	},
};
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(yogaModule);`;
			return {contents: source.replace(started, synchronous), resolveDir: dirname(args.path), loader: 'js'};
		});
	},
};

/** Every file in dist/ is one CommonJS file for Node 20, beside the others. */
const commonJsFile = {outdir: 'dist', outExtension: {'.js': '.cjs'}, bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify, legalComments: 'none', logLevel: 'warning'};
/** `import.meta.url` in such a file: its own URL (the bundle finds the bundled posts from it). */
const ownUrl = {'import.meta.url': '__kubeconNotesUrl'};
const ownUrlBanner = {js: "const __kubeconNotesUrl = require('node:url').pathToFileURL(__filename).href;"};

rmSync('dist', {recursive: true, force: true});
await build({
	...commonJsFile,
	entryPoints: {'kubecon-notes': 'src/cli.tsx'},
	jsx: 'automatic',
	plugins: [commonLanguages, lazyHeavyDependencies, lazySegmenters, narrowFastPath, inkWithoutDevtools, yogaSynchronous],
	define: {'process.env.NODE_ENV': '"production"', KUBECON_NOTES_VERSION: JSON.stringify(version), ...ownUrl},
	banner: ownUrlBanner,
});

// ASCII only: one non-ASCII character makes V8 hold the whole 1 MB source as two bytes a character,
// and decoding it as UTF-8 cost about 15 ms of every start; ASCII is read as latin1, as is. esbuild
// escapes strings and names but leaves regular expression literals as written; \u escapes mean the
// same there (a surrogate pair is one code point in a /u pattern).
const bundleSource = readFileSync('dist/kubecon-notes.cjs', 'utf8');
// A backslash before a non-ASCII character would become a backslash before `u2013`: none, so far.
if (/\\[^\x00-\x7f]/.test(bundleSource)) throw new Error('build: a non-ASCII character after a backslash in the bundle; escape it by hand');
const bundleText = bundleSource.replace(/[^\x00-\x7f]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync('dist/kubecon-notes.cjs', bundleText);

// The launcher knows the bundle by its hash: a code cache is used only for the bundle it came from.
const bundleHash = createHash('sha256').update(bundleText).digest('hex').slice(0, 16);
await build({
	...commonJsFile,
	entryPoints: {cli: 'src/launch/launch.ts'},
	define: {KUBECON_NOTES_BUNDLE_HASH: JSON.stringify(bundleHash), ...ownUrl},
	banner: ownUrlBanner,
});

// The heavy libraries the stubs above load on first use, each one CommonJS file of its own beside
// the bundle (required synchronously: marked-terminal and the code renderer call them synchronously).
for (const [name, entry] of [['lazy-highlight', 'lazy/highlight-entry.cjs'], ['lazy-emoji', 'lazy/emoji-entry.cjs'], ['lazy-table', 'lazy/table-entry.cjs']]) {
	await build({...commonJsFile, entryPoints: {[name]: here(entry)}, plugins: [commonLanguages, lazySegmenters]});
}
// The bundle requires './lazy-*.cjs' relative to itself: they must be beside it.
for (const name of ['lazy-highlight', 'lazy-emoji', 'lazy-table']) {
	if (!existsSync(`dist/${name}.cjs`)) throw new Error(`build: dist/${name}.cjs is missing; the bundle requires it`);
}
