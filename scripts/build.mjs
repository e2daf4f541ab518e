// Bundles the CLI with esbuild: one process start reads a few files instead of hundreds
// (style.md, "Start-up is a feature"). The CLI is one CommonJS file, dist/kubecon-notes.cjs, run by
// a small launcher, dist/cli.cjs, that compiles it with V8's code cache (src/launch/): on Node 20
// that is the only way to keep compiled code between runs, and it skips the module loader too.
// Heavy libraries the first frame never uses stay in files of their own, required on first use.
//
// Each change to a library's code or to how the CLI starts is an intervention with a name, a row in
// docs/upgrading.md (what it changes, what it saves, the test that guards it, how to remove it).
// KUBECON_NOTES_BUILD_PLAIN=name,name builds without those: to measure what each still saves
// (`npm run bench interventions`), or to see whether a bug is one of them. KUBECON_NOTES_BUILD_DIR
// builds somewhere other than dist/.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Every intervention that can be left out, by its name in docs/upgrading.md. */
const INTERVENTIONS = [
	'code-cache',
	'minify',
	'lazy-dependencies',
	'highlight-languages',
	'lazy-segmenters',
	'lazy-emoji-pattern',
	'narrow-fast-path',
	'ink-patch',
	'ansi-tokenize-patch',
	'index-cache',
	'front-matter-memo',
	'printed-memo',
	'early-frame',
];
if (process.argv.includes('--list')) {
	console.log(INTERVENTIONS.join('\n'));
	process.exit(0);
}
const plain = new Set(
	(process.env.KUBECON_NOTES_BUILD_PLAIN ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean),
);
if (process.env.KUBECON_NOTES_NO_MINIFY === '1') plain.add('minify');
for (const name of plain)
	if (!INTERVENTIONS.includes(name))
		throw new Error(`build: KUBECON_NOTES_BUILD_PLAIN names ${name}; known: ${INTERVENTIONS.join(', ')}`);
/** Whether this build makes the intervention `name`. */
const isOn = (name) => !plain.has(name);
const out = process.env.KUBECON_NOTES_BUILD_DIR || 'dist';
const minify = isOn('minify');

/**
 * The files patch-package changed (patches/), each with its part of the patch: with the patch left
 * out, the bundle gets the library's own code back (`patch -R -l` on a copy: patch-package leaves no newline at the end of a file it appended to; node_modules, and so the
 * tests from source, keep the patched files).
 */
const patchedFiles = new Map();
for (const [name, file] of [
	['ink-patch', 'patches/ink+6.8.0.patch'],
	['ansi-tokenize-patch', 'patches/@alcalzone+ansi-tokenize+0.2.5.patch'],
]) {
	if (isOn(name)) continue;
	for (const section of readFileSync(file, 'utf8').split(/^(?=diff --git )/m)) {
		const target = /^diff --git a\/(\S+) b\//.exec(section);
		if (target) patchedFiles.set(resolve(target[1]), section);
	}
}

/** A library file's source as this build has it: as patched in node_modules, or without its patch. */
function sourceOf(path) {
	const section = patchedFiles.get(path);
	if (!section) return readFileSync(path, 'utf8');
	const scratch = mkdtempSync(join(tmpdir(), 'kn-unpatch-'));
	try {
		const copy = join(scratch, 'file.js');
		copyFileSync(path, copy);
		const reversed = spawnSync('patch', ['-R', '-s', '-f', '-l', '--no-backup-if-mismatch', copy], {
			input: section,
			encoding: 'utf8',
		});
		if (reversed.status !== 0)
			throw new Error(`build: the patch of ${path} does not come off: ${reversed.stdout}${reversed.stderr}`);
		return readFileSync(copy, 'utf8');
	} finally {
		rmSync(scratch, {recursive: true, force: true});
	}
}

/** Patched files no other plugin loads, without their patch when it is left out. Registered last. */
const unpatched = {
	name: 'unpatched',
	setup(plugin) {
		plugin.onLoad({filter: /\.js$/, namespace: 'file'}, (args) =>
			patchedFiles.has(args.path)
				? {contents: sourceOf(args.path), resolveDir: dirname(args.path), loader: 'js'}
				: undefined,
		);
	},
};

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
		const files =
			/[\\/](string-width[\\/]index|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/;
		plugin.onLoad({filter: files, namespace: 'file'}, (args) => {
			const original = sourceOf(args.path);
			let source = isOn('lazy-emoji-pattern') ? lazyEmojiPattern(args.path, original) : original;
			// Older copies (cli-table3's string-width 4) make none.
			if (isOn('lazy-segmenters') && source.includes('Intl.Segmenter')) {
				const created = /^const (\w+) = new Intl\.Segmenter\(/m;
				if (!created.test(source)) throw new Error(`lazy-intl-segmenters: no top-level Intl.Segmenter in ${args.path}`);
				const lazy = `
function __lazySegmenter(...options) {
	let segmenter;
	return {segment: text => (segmenter ??= new Intl.Segmenter(...options)).segment(text)};
}
`;
				source = source.replace(created, 'const $1 = __lazySegmenter(') + lazy;
			}
			return {contents: source, loader: 'js', resolveDir: dirname(args.path)};
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
		plugin.onResolve({filter: /^string-width$/}, async (args) => {
			if (!wrapped.test(args.importer)) return undefined;
			const real = await plugin.resolve('string-width', {
				resolveDir: args.resolveDir,
				kind: args.kind,
				pluginData: 'real',
			});
			if (real.errors.length > 0) return {errors: real.errors};
			// The fast path is checked against string-width 8 (test/render/narrow-text.test.ts).
			const {version: found} = JSON.parse(readFileSync(new URL('package.json', `file://${real.path}`), 'utf8'));
			if (!found.startsWith('8.'))
				throw new Error(
					`string-width-narrow-fast-path: ${args.importer} gets string-width ${found}; check the fast path against it`,
				);
			return {path: real.path, namespace: 'narrow-string-width'};
		});
		plugin.onLoad({filter: /.*/, namespace: 'narrow-string-width'}, (args) => ({
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
	if (uses !== tests + 1)
		throw new Error(`lazy-rgi-emoji-pattern: ${path} uses rgiEmojiRegex other than by test(); measure again`);
	return source.replace(
		declaration,
		'let __rgiEmoji;\nconst rgiEmojiRegex = {test: text => (__rgiEmoji ??= /^\\p{RGI_Emoji}$/v).test(text)};',
	);
}

/**
 * Libraries the reader uses only after its first frame: the store's writer (conf, with ajv, semver
 * and fast-uri; proper-lockfile), live reload (chokidar) and the session index (fuse.js). V8 parsed
 * their 270 KB at every start (about 17 ms of a first start's CPU): they are one file,
 * dist/lazy-later.cjs, that the stubs in scripts/lazy/ require on first use. Part of
 * `lazy-dependencies`.
 */
const LATER = ['conf', 'proper-lockfile', 'fuse.js', 'chokidar'];

/**
 * marked-terminal loads cli-highlight (highlight.js, parse5), node-emoji (emojilib) and cli-table3
 * (@colors/colors, an older string-width) at start. V8 parses a file's code even when it never runs
 * (about 110 ms for these, on a start without the code cache) and the code cache would carry them,
 * so they are not in the bundle at all: the stubs require separate files built below, on first use
 * (tables are ours: never, so far). So is yaml: front matter as posts write it is read without it
 * (src/posts/front-matter-simple.ts), and a first start no longer compiles it (issue 25).
 */
const lazyHeavyDependencies = {
	name: 'lazy-heavy-dependencies',
	setup(plugin) {
		for (const name of ['cli-highlight', 'node-emoji', 'cli-table3', 'yaml', ...LATER]) {
			const stub = here(`lazy/${name.replace('.js', '')}.cjs`);
			plugin.onResolve({filter: new RegExp(`^${name.replace('.', '\\.')}$`)}, () => ({path: stub}));
		}
		plugin.onResolve({filter: /^\.\/lazy-(highlight|emoji|table|yaml|later|talks)\.cjs$/}, (args) => ({
			path: args.path,
			external: true,
		}));
	},
};

/**
 * The session finder (src/posts/talks/, about 180 KB with its 13,000 given names) runs only when
 * search is opened, never for the first frame: it is dist/lazy-talks.cjs, loaded on first use (part
 * of `lazy-dependencies`, issue 25). It shares the bundle's own modules rather than carrying copies
 * (marked, src/markdown/ and the rest: the lexer's pending inline tokens are kept by the instance
 * that lexed them): the lazy file is a function of those modules, which the stub passes it.
 * `TALKS_ENTRY`'s names below are what code outside src/posts/talks/ may import from it; the build
 * fails on any other name, and on an import of a file inside other than the entry.
 */
const TALKS = resolve('src/posts/talks');
const TALKS_ENTRY = join(TALKS, 'index.ts');
const TALKS_EXPORTS = ['extractSessions', 'explainTalks'];
/** The modules outside src/posts/talks/ it imports, by the name the lazy file asks for them (filled by its build). */
const sharedWithTalks = new Set();

/** In the lazy file's build: each import of a module outside src/posts/talks/ is the bundle's own, passed in. */
const talksShareTheBundle = {
	name: 'talks-share-the-bundle',
	setup(plugin) {
		plugin.onResolve({filter: /.*/}, async (args) => {
			if (args.kind === 'entry-point' || args.pluginData === 'real' || !args.importer.startsWith(TALKS + sep))
				return undefined;
			const real = await plugin.resolve(args.path, {resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real'});
			if (real.errors.length > 0) return {errors: real.errors};
			if (real.path.startsWith(TALKS + sep) || real.external) return real;
			const key = real.path.includes(`${sep}node_modules${sep}`) ? args.path : relative('.', real.path);
			sharedWithTalks.add(key);
			return {path: key, namespace: 'shared-with-bundle'};
		});
		plugin.onLoad({filter: /.*/, namespace: 'shared-with-bundle'}, (args) => ({
			contents: `module.exports = kubeconNotesShared[${JSON.stringify(args.path)}];`,
			loader: 'js',
		}));
	},
};

/** In the bundle: src/posts/talks/ is a stub that loads dist/lazy-talks.cjs with the modules it shares. */
const lazyTalks = {
	name: 'lazy-talks',
	setup(plugin) {
		plugin.onResolve({filter: /[\\/]talks[\\/]/}, async (args) => {
			if (args.pluginData === 'real' || args.importer.startsWith(TALKS + sep)) return undefined;
			const real = await plugin.resolve(args.path, {resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real'});
			if (!real.path.startsWith(TALKS + sep)) return real;
			if (real.path !== TALKS_ENTRY)
				throw new Error(
					`lazy-talks: ${args.importer} imports ${args.path}; outside src/posts/talks/, import its index.ts only`,
				);
			return {path: 'talks', namespace: 'lazy-talks'};
		});
		plugin.onLoad({filter: /.*/, namespace: 'lazy-talks'}, () => {
			const shared = [...sharedWithTalks];
			return {
				contents: [
					...shared.map(
						(key, index) =>
							`import * as shared${index} from ${JSON.stringify(key.startsWith('src') ? resolve(key) : key)};`,
					),
					`const shared = {${shared.map((key, index) => `${JSON.stringify(key)}: shared${index}`).join(', ')}};`,
					'let talks;',
					"const load = () => (talks ??= require('./lazy-talks.cjs')(shared));",
					...TALKS_EXPORTS.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
				].join('\n'),
				resolveDir: resolve('.'),
				loader: 'js',
			};
		});
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
		plugin.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, (args) => {
			const source = sourceOf(args.path);
			const devtools = "if (isDev()) {\n    try {\n        await import('./devtools.js');";
			const packageJson = 'isDev()\n    ? await loadPackageJson()\n    :';
			if (!source.includes(devtools) || !source.includes(packageJson))
				throw new Error(`ink-without-devtools: ${args.path} changed; check its top-level awaits`);
			return {
				contents: source.replace(devtools, 'if (false) {\n    try {').replace(packageJson, 'false ? undefined :'),
				loader: 'js',
			};
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
		plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, (args) => {
			const source = readFileSync(args.path, 'utf8');
			const inlined = /H="(data:application\/octet-stream;base64,[A-Za-z0-9+/=]+)"/.exec(source);
			if (!inlined || !source.includes('if(h.instantiateWasm)'))
				throw new Error(`yoga-synchronous: ${args.path} changed shape; check how it starts its wasm`);
			return {
				contents: `export const yogaWasmBase64 = ${JSON.stringify(inlined[1].slice(inlined[1].indexOf(',') + 1))};\n${source.replace(inlined[0], 'H="data:application/octet-stream;base64,"')}`,
				loader: 'js',
			};
		});
		plugin.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, (args) => {
			const source = readFileSync(args.path, 'utf8');
			const started = 'const Yoga = wrapAssembly(await loadYoga());';
			if (!source.includes(started))
				throw new Error(`yoga-synchronous: ${args.path} changed; check how it starts yoga`);
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
const commonJsFile = {
	outdir: out,
	outExtension: {'.js': '.cjs'},
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	minify,
	legalComments: 'none',
	logLevel: 'warning',
};
/** `import.meta.url` in such a file: its own URL (the bundle finds the bundled posts from it). */
const ownUrl = {'import.meta.url': '__kubeconNotesUrl'};
const ownUrlBanner = {js: "const __kubeconNotesUrl = require('node:url').pathToFileURL(__filename).href;"};

/**
 * The bundle's identity, written into it after the build: a hash of the bundle's text (with this
 * placeholder in it) and of the lazy files. Every cache keys on it (src/cache-directory.ts
 * codeIdentity), so a rebuilt CLI never believes what another build wrote.
 */
const IDENTITY_PLACEHOLDER = '<kn-build-ident>';

/**
 * Which compiled-code cache the launcher uses (src/launch/launch.ts), on a Node with a compile cache
 * of its own (22.1 and later) and on one without: V8's code cache by hand ('launcher'), which pays
 * on Nodes 20, 22 and 24, over Node's own too (docs/upgrading.md). Left out ('code-cache'), Node's
 * own where there is one, else none.
 */
const codeCache = isOn('code-cache')
	? {withNodeCache: 'launcher', withoutNodeCache: 'launcher'}
	: {withNodeCache: 'node', withoutNodeCache: 'none'};

rmSync(out, {recursive: true, force: true});
// The heavy libraries the stubs below load on first use, each one CommonJS file of its own beside
// the bundle (required synchronously: marked-terminal and the code renderer call them synchronously).
// Built first: they are part of the bundle's identity.
const lazyFiles = ['lazy-highlight', 'lazy-emoji', 'lazy-table', 'lazy-yaml', 'lazy-later', 'lazy-talks'];
for (const [name, entry] of [
	['lazy-highlight', 'lazy/highlight-entry.cjs'],
	['lazy-emoji', 'lazy/emoji-entry.cjs'],
	['lazy-table', 'lazy/table-entry.cjs'],
	['lazy-yaml', 'lazy/yaml-entry.cjs'],
	['lazy-later', 'lazy/later-entry.mjs'],
]) {
	await build({
		...commonJsFile,
		entryPoints: {[name]: here(entry)},
		plugins: [...(isOn('highlight-languages') ? [commonLanguages] : []), lazySegmenters, unpatched],
	});
}
// The session finder, as a function of the bundle's modules it shares (see lazyTalks).
await build({...commonJsFile, entryPoints: {'lazy-talks': TALKS_ENTRY}, plugins: [talksShareTheBundle]});
writeFileSync(
	`${out}/lazy-talks.cjs`,
	`module.exports = function (kubeconNotesShared) {\nvar module = {exports: {}}, exports = module.exports;\n${readFileSync(`${out}/lazy-talks.cjs`, 'utf8')}\nreturn module.exports;\n};\n`,
);
// The bundle requires './lazy-*.cjs' relative to itself: they must be beside it.
for (const name of lazyFiles) {
	if (!existsSync(`${out}/${name}.cjs`))
		throw new Error(`build: ${out}/${name}.cjs is missing; the bundle requires it`);
}

const bundled = await build({
	...commonJsFile,
	// KUBECON_NOTES_BUILD_META=file.json: what the bundle is made of, by input file (esbuild's metafile).
	metafile: Boolean(process.env.KUBECON_NOTES_BUILD_META),
	entryPoints: {'kubecon-notes': 'src/cli.tsx'},
	jsx: 'automatic',
	plugins: [
		...(isOn('highlight-languages') ? [commonLanguages] : []),
		...(isOn('lazy-dependencies') ? [lazyHeavyDependencies, lazyTalks] : []),
		lazySegmenters,
		...(isOn('narrow-fast-path') ? [narrowFastPath] : []),
		inkWithoutDevtools,
		yogaSynchronous,
		unpatched,
	],
	define: {
		'process.env.NODE_ENV': '"production"',
		KUBECON_NOTES_VERSION: JSON.stringify(version),
		KUBECON_NOTES_BUILD_IDENTITY: JSON.stringify(IDENTITY_PLACEHOLDER),
		// The caches and the early frame left out of this build (src/cache-directory.ts isLeftOut).
		KUBECON_NOTES_LEFT_OUT: JSON.stringify(
			['index-cache', 'front-matter-memo', 'printed-memo', 'early-frame'].filter((name) => !isOn(name)),
		),
		...ownUrl,
	},
	banner: ownUrlBanner,
});

if (process.env.KUBECON_NOTES_BUILD_META)
	writeFileSync(process.env.KUBECON_NOTES_BUILD_META, JSON.stringify(bundled.metafile));

// The ASCII pass that stood here (non-ASCII escaped, the bundle read as latin1) saved 1-3 ms when
// measured beside the build without it (docs/upgrading.md): gone. esbuild escapes strings and
// names itself; only regular expression literals keep their characters.
const bundleText = readFileSync(`${out}/kubecon-notes.cjs`, 'utf8');

// The bundle's identity, the same length as the placeholder it replaces. The launcher knows the
// bundle by it too: a code cache is used only for the bundle it came from.
const identityHash = createHash('sha256').update(bundleText);
for (const name of lazyFiles) identityHash.update(readFileSync(`${out}/${name}.cjs`));
const bundleHash = identityHash.digest('hex').slice(0, IDENTITY_PLACEHOLDER.length);
if (!bundleText.includes(JSON.stringify(IDENTITY_PLACEHOLDER)))
	throw new Error('build: the identity placeholder is not in the bundle');
writeFileSync(
	`${out}/kubecon-notes.cjs`,
	bundleText.replaceAll(JSON.stringify(IDENTITY_PLACEHOLDER), JSON.stringify(bundleHash)),
);
await build({
	...commonJsFile,
	entryPoints: {cli: 'src/launch/launch.ts'},
	define: {
		KUBECON_NOTES_BUNDLE_HASH: JSON.stringify(bundleHash),
		KUBECON_NOTES_CODE_CACHE: JSON.stringify(codeCache),
		...ownUrl,
	},
	banner: ownUrlBanner,
});
