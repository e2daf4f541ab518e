import {openSync, statSync} from 'node:fs';
import {resolve, sep} from 'node:path';
import tty from 'node:tty';
import {fileURLToPath} from 'node:url';
import {helpText, parseCli, suggestCommand, UsageError, type CliOptions} from './cli/args.js';
import {printWidth, chooseColor, chooseHyperlinks} from './cli/color-mode.js';
import {runSubcommand, subcommandRow} from './cli/commands.js';
import {reachedForCompiledCode} from './cli/compiled-code.js';
import {CliError} from './cli/errors.js';
import {exitQuietlyOnClosedPipe, writeBytes, writeError, writeLines} from './cli/output.js';
import {dumbTerminal} from './cli/terminal-capability.js';
import {clearCiFlags} from './ui/interactive-env.js';
import {isLeftOut} from './cache-directory.js';
import {MissingPathError, specialFileProblem} from './posts/find-posts.js';
import type {Library, PostWarning} from './posts/types.js';
import type {RenderOptions} from './render/types.js';

declare const KUBECON_NOTES_VERSION: string | undefined;
const version = typeof KUBECON_NOTES_VERSION === 'string' ? KUBECON_NOTES_VERSION : 'dev';

/** The notes that ship with the package, beside dist/ (or src/ when run from source). */
const bundledPosts = fileURLToPath(new URL('../posts', import.meta.url));

async function main(argv: string[]): Promise<number> {
	exitQuietlyOnClosedPipe();
	const options = parseCli(argv);
	let {command} = options;
	if (command.kind === 'help') {
		await writeLines([helpText(version).trimEnd()]);
		return 0;
	}
	if (command.kind === 'version') {
		await writeLines([version]);
		return 0;
	}
	const stdout = process.stdout;
	const isTty = Boolean(stdout.isTTY);
	// A terminal that cannot move the cursor (TERM=dumb) gets the printed text, uncoloured unless asked.
	const canDraw = isTty && dumbTerminal() === null;
	// `read notes.md`, `topics notes.md`, `forget notes.md`, `sessions --explain notes.md`: a post named by its file is that post
	// among the posts read when it is one of them (its id there is the one its place is kept
	// under), else it is read alone; `read -` reads standard input.
	const namedPost = 'post' in command ? (command.post ?? null) : null;
	if (namedPost !== null && namedPost !== '-' && isFolder(namedPost)) {
		throw new CliError(`${namedPost} is a folder, not a post: to read the posts in it, use --posts ${namedPost}`, 2);
	}
	const postFile = namedPost !== null && (namedPost === '-' || isFile(namedPost)) ? namedPost : null;
	const searchedPaths = command.paths.length > 0 ? command.paths : [bundledPosts];
	const isAmongPosts =
		postFile !== null && postFile !== '-' && searchedPaths.some((path) => isInside(resolve(postFile), path));
	const paths = postFile && !isAmongPosts ? [postFile] : searchedPaths;
	// The reader runs on a terminal with a keyboard. Its modules start loading now, so that reading
	// their files overlaps finding the posts; CI is cleared first, as Ink reads it when it loads.
	const keyboard = command.kind === 'view' && canDraw ? openKeyboard() : null;
	if (keyboard) {
		clearCiFlags();
		readerModules();
	}
	// Everything past the arguments loads on demand: --version and --help start nothing else.
	const stdinText = paths.includes('-') ? await readStdin() : undefined;
	const color = chooseColor(options.color, canDraw);
	const {default: supportsHyperlinks} = canDraw && color ? await import('supports-hyperlinks') : {default: null};
	const render: RenderOptions = {
		width: printWidth(options.width, stdout.columns),
		color,
		hyperlinks: chooseHyperlinks(color, canDraw, Boolean(supportsHyperlinks?.stdout)),
	};
	const stdinOption = stdinText === undefined ? {} : {stdinText};
	if (command.kind === 'view') {
		if (!keyboard) return printEveryPost(paths, {drafts: options.drafts, render, ...stdinOption});
		// The reader believes the index cache for its first frame and checks each file just after it
		// (live reload re-reads what changed). It lists warnings itself: printed here they would flash
		// and vanish behind its screen.
		const {loadLibrary} = await import('./posts/load-library.js');
		const library = loadLibrary(paths, {drafts: options.drafts, checkLater: true, ...stdinOption});
		return runTheReader(library, render, options, keyboard, paths);
	}
	const {loadLibrary} = await import('./posts/load-library.js');
	// Every post's topics or sessions need every body: read each once, now. `read` needs heads
	// only, and the one body it shows.
	const everyBody = subcommandRow(command.kind).readsEveryBody?.(command) ?? false;
	const library = loadLibrary(paths, {drafts: options.drafts, bodies: everyBody, ...stdinOption});
	const only = library.posts[0];
	if (postFile && !isAmongPosts && only && 'post' in command) command = {...command, post: only.id};
	reportWarnings(library.warnings);
	// A table (sessions) is as wide as the terminal, not the reading measure.
	const code = await runSubcommand(command, {
		library,
		render,
		tableWidth: options.width ?? (stdout.columns || render.width),
		file: isAmongPosts ? resolve(postFile!) : null,
	});
	if (code === 0) reachedForCompiledCode('printed');
	return code;
}

/** Every post printed (stdout is not a terminal, or there is no keyboard), unchanged ones from the printed memo. */
async function printEveryPost(
	paths: string[],
	options: {drafts: boolean; render: RenderOptions; stdinText?: string},
): Promise<number> {
	const {printLibrary} = await import('./cli/print-library.js');
	const printed = printLibrary(paths, options);
	reportWarnings(printed.warnings);
	if (printed.count === 0)
		throw new CliError(`no posts found in ${printed.searched.join(', ') || 'the given paths'}`, 1);
	await writeBytes(printed.bytes);
	reachedForCompiledCode('printed');
	return 0;
}

let readerLoading: ReturnType<typeof loadReaderModules> | undefined;

/** The reader's modules, loading once (started early by main, awaited where the reader starts). */
function readerModules(): ReturnType<typeof loadReaderModules> {
	if (!readerLoading) {
		readerLoading = loadReaderModules();
		// A run that ends before the reader starts (a bad path, say) must not report a failed preload.
		readerLoading.catch(() => undefined);
	}
	return readerLoading;
}

function loadReaderModules() {
	return Promise.all([
		import('./ui/terminal-background.js'),
		// Not Ink, React nor yoga: the first frame is written before they load (early-frame.ts).
		import('./ui/prepare-reader.js'),
		import('./render/render-markdown.js'),
		import('./render/post-header.js'),
	]);
}

/** True for a regular file; a FIFO, device or socket named as the post is refused at once (exit 2). */
function isFile(path: string): boolean {
	let stats;
	try {
		stats = statSync(path);
	} catch {
		return false;
	}
	const problem = specialFileProblem(stats);
	if (problem) throw new MissingPathError(path, problem);
	return stats.isFile();
}

/** True when `path` is `folder` or under it (both resolved). */
function isInside(path: string, folder: string): boolean {
	const root = resolve(folder);
	return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/**
 * The keyboard for the reader: standard input when it is a terminal, else the controlling terminal
 * (`cat notes.md | kubecon-notes -` still reads keys, as less does). Null when there is none.
 */
function openKeyboard(): NodeJS.ReadStream | null {
	if (process.stdin.isTTY) return process.stdin;
	try {
		const stream = new tty.ReadStream(openSync('/dev/tty', 'r'));
		return stream as unknown as NodeJS.ReadStream;
	} catch {
		return null;
	}
}

/** The full-screen reader on the terminal, reading keys from `keyboard`; resolves with its exit code. */
async function runTheReader(
	library: Library,
	render: RenderOptions,
	options: CliOptions,
	keyboard: NodeJS.ReadStream,
	paths: readonly string[],
): Promise<number> {
	// The reader shows its own empty and warning states, so nothing is required here.
	// Asked before the reader loads, so the terminal answers while it does, and before Ink reads
	// the keyboard, so the answer is never taken for keys.
	const {askBackground, backgroundWaitMs, chooseBackground, dropLateReplies} =
		await import('./ui/terminal-background.js');
	const query =
		options.theme === 'auto' && render.color
			? askBackground(keyboard, process.stdout, backgroundWaitMs(process.env))
			: null;
	const [, {prepareReader}, {renderMarkdown}, {postHeader, withHeader}] = await readerModules();
	const asked = query ? await query.answer() : {answer: null, rest: ''};
	if (query) dropLateReplies(keyboard);
	if (asked.rest) keyboard.unshift(Buffer.from(asked.rest));
	const prepared = await prepareReader({
		library,
		// The text opens with the title, date and tags, as printed output does.
		renderPost: (post, renderOptions, until) =>
			withHeader(renderMarkdown(post.loadBody().body, renderOptions, until), postHeader(post, renderOptions)),
		color: render.color,
		background: chooseBackground(options.theme, asked.answer),
		hyperlinks: render.hyperlinks,
		resume: options.resume,
		...(options.width === null ? {} : {measure: options.width}),
		stdin: keyboard,
		mouse: options.mouse,
		// The paths as given (library.searched says "standard input" for `-`): live reload watches them.
		paths,
		drafts: options.drafts,
		secure: options.secure,
		// The code the first frame took is worth keeping for the next start.
		onFirstFrame: () => reachedForCompiledCode('reader'),
		// The switch to measure what the early frame saves, or to tell a bug in it (docs/upgrading.md).
		noEarlyFrame: isLeftOut('early-frame') || process.env['KUBECON_NOTES_EARLY_FRAME'] === '0',
		showWarnings: isDebug,
	});
	// Ink, React and yoga load now, after the first frame is on screen.
	const {runReader} = await import('./ui/run-reader.js');
	const code = await runReader(prepared);
	// The terminal is back and every place is saved: nothing of the reader is left to wait for. The
	// watcher may still be reading or closing a large tree (it kept a quit waiting 12 s): the
	// process ends soon whatever it does. (Unref'd: a process with nothing left ends before.)
	setTimeout(() => process.exit(), 50).unref();
	return code;
}

function reportWarnings(warnings: PostWarning[]): void {
	for (const warning of warnings) {
		const where = `${warning.file}${warning.line ? `:${warning.line}` : ''}`;
		writeError(`kubecon-notes: warning: ${where}: ${warning.message}`);
	}
}

/** Standard input, with the size cap and binary check files get; refused input ends the run (exit 2). */
async function readStdin(): Promise<string> {
	const {readStdinPost} = await import('./cli/read-stdin.js');
	try {
		return await readStdinPost();
	} catch (error) {
		throw new CliError((error as Error).message, 2);
	}
}

const isDebug = process.argv.includes('--debug') || /\bkubecon-notes\b/.test(process.env['DEBUG'] ?? '');

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const known = error instanceof CliError || error instanceof UsageError || error instanceof MissingPathError;
		let message = error instanceof Error ? error.message : String(error);
		// `kubecon-notes sesions` is a typo far more often than a missing file.
		const meant = error instanceof MissingPathError && !/[/\\.]/.test(error.path) ? suggestCommand(error.path) : null;
		if (meant) message += ` (did you mean 'kubecon-notes ${meant}'?)`;
		// File names and typed names are shown back: they must not carry escape sequences either.
		writeError(`kubecon-notes: ${known ? message : `internal error: ${message} (run with --debug for details)`}`);
		if (error instanceof UsageError) writeError("Try 'kubecon-notes --help'.");
		if (isDebug && error instanceof Error) writeError(`${error.stack}`);
		process.exitCode = error instanceof CliError ? error.exitCode : 2;
	},
);
