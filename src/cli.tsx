import {openSync, statSync} from 'node:fs';
import {resolve, sep} from 'node:path';
import tty from 'node:tty';
import {fileURLToPath} from 'node:url';
import {helpText, parseCli, suggestCommand, UsageError, type CliOptions, type Command} from './cli/args.js';
import {printWidth, useColor, useHyperlinks} from './cli/color-mode.js';
import {reachedForCompiledCode} from './cli/compiled-code.js';
import {exitQuietlyOnClosedPipe, writeBytes, writeError, writeLines} from './cli/output.js';
import {dumbTerminal} from './cli/terminal-capability.js';
import {clearCiFlags} from './ui/interactive-env.js';
import type {Match} from './cli/select-post.js';
import {MissingPathError, specialFileProblem} from './posts/find-posts.js';
import type {Library, Post, PostWarning} from './posts/types.js';
import type {RenderOptions} from './render/types.js';

declare const KUBECON_NOTES_VERSION: string | undefined;
const version = typeof KUBECON_NOTES_VERSION === 'string' ? KUBECON_NOTES_VERSION : 'dev';

/** The notes that ship with the package, beside dist/ (or src/ when run from source). */
const bundledPosts = fileURLToPath(new URL('../posts', import.meta.url));

/** A failure the user can act on: one line on stderr, then this exit code. */
class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode: number,
	) {
		super(message);
	}
}

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
	// `read notes.md`, `topics notes.md`, `forget notes.md`: a post named by its file is that post
	// among the posts read when it is one of them (its id there is the one its place is kept
	// under), else it is read alone; `read -` reads standard input.
	const namedPost = command.kind === 'read' || command.kind === 'topics' || command.kind === 'forget' ? command.post : null;
	if (namedPost !== null && namedPost !== '-' && isFolder(namedPost)) {
		throw new CliError(`${namedPost} is a folder, not a post: to read the posts in it, use --posts ${namedPost}`, 2);
	}
	const postFile = namedPost !== null && (namedPost === '-' || isFile(namedPost)) ? namedPost : null;
	const searchedPaths = command.paths.length > 0 ? command.paths : [bundledPosts];
	const isAmongPosts = postFile !== null && postFile !== '-' && searchedPaths.some(path => isInside(resolve(postFile), path));
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
	const color = useColor(options.color, canDraw);
	const {default: supportsHyperlinks} = canDraw && color ? await import('supports-hyperlinks') : {default: null};
	const render: RenderOptions = {
		width: printWidth(options.width, stdout.columns),
		color,
		hyperlinks: useHyperlinks(color, canDraw, Boolean(supportsHyperlinks?.stdout)),
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
	const everyBody = (command.kind === 'topics' && command.post === null) || command.kind === 'sessions';
	const library = loadLibrary(paths, {drafts: options.drafts, bodies: everyBody, ...stdinOption});
	const only = library.posts[0];
	if (postFile && !isAmongPosts && only && (command.kind === 'read' || command.kind === 'topics' || command.kind === 'forget')) command = {...command, post: only.id};
	reportWarnings(library.warnings);
	// A table (sessions) is as wide as the terminal, not the reading measure.
	const code = await runCommand(command, library, render, options.width ?? (stdout.columns || render.width), isAmongPosts ? resolve(postFile!) : null);
	if (code === 0) reachedForCompiledCode('printed');
	return code;
}

/** Every post printed (stdout is not a terminal, or there is no keyboard), unchanged ones from the printed memo. */
async function printEveryPost(paths: string[], options: {drafts: boolean; render: RenderOptions; stdinText?: string}): Promise<number> {
	const {printLibrary} = await import('./cli/print-library.js');
	const printed = printLibrary(paths, options);
	reportWarnings(printed.warnings);
	if (printed.count === 0) throw new CliError(`no posts found in ${printed.searched.join(', ') || 'the given paths'}`, 1);
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
	return Promise.all([import('./ui/terminal-background.js'), import('./ui/run-reader.js'), import('./render/render-markdown.js'), import('./render/post-header.js')]);
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

/** A field of tab-separated output: a name that runs over lines (a bold paragraph as a topic) on one line, as the sidebar shows it. */
function oneLine(text: string): string {
	return text.replace(/[\t\n\r]/g, ' ').replace(/ {2,}/g, ' ');
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

/** `file`: the post was named by the path of one of the posts read (resolved). */
async function runCommand(command: Extract<Command, {kind: 'read' | 'topics' | 'sessions' | 'forget'}>, library: Library, render: RenderOptions, tableWidth: number, file: string | null): Promise<number> {
	const [{printPost, printTopic}, {matchPost, matchTopic}] = await Promise.all([import('./cli/print-posts.js'), import('./cli/select-post.js')]);
	// One rule for naming a post, and one way of saying it named none or several.
	const pickPost = (name: string): Post => pick(matchPost(name, library.posts, file), POSTS, name, p => `${p.id}  (${p.title})`);
	switch (command.kind) {
		case 'read': {
			const post = pickPost(command.post);
			if (command.topic === null) {
				await writeLines(printPost(post, render));
				return 0;
			}
			const topics = [...(post.intro ? [post.intro] : []), ...post.topics];
			const topic = pick(matchTopic(command.topic, topics), {one: `topic of ${post.id}`, many: `topics of ${post.id}`}, command.topic, t => t.name);
			await writeLines(printTopic(post, topic, render));
			return 0;
		}
		case 'topics': {
			requirePosts(library.posts, library);
			const posts = command.post === null ? library.posts : [pickPost(command.post)];
			// What the sidebar lists: the introduction first, when there is text before the first topic.
			await writeLines(posts.flatMap(post => [...(post.intro ? [post.intro] : []), ...post.topics].map(topic => `${post.id}\t${oneLine(topic.name)}`)));
			return 0;
		}
		case 'sessions': {
			requirePosts(library.posts, library);
			if (command.explain) {
				// The argument names a post (all posts when none is given), as `topics POST` does.
				const posts = command.query === '' ? library.posts : [pick(matchPost(command.query, library.posts), POSTS, command.query, p => `${p.id}  (${p.title})`)];
				const {explainLines} = await import('./cli/explain-talks.js');
				await writeLines(explainLines(posts, render.color));
				return 0;
			}
			const {findSessions} = await import('./cli/find-sessions.js');
			return findSessions(command, library, render, Boolean(process.stdout.isTTY), tableWidth);
		}
		case 'forget': {
			const {forgetPositions} = await import('./cli/forget.js');
			const post = command.post === null ? null : pickPost(command.post);
			const result = forgetPositions(post);
			for (const warning of result.warnings) writeError(`kubecon-notes: warning: ${warning}`);
			if (!result.ok) throw new CliError(result.message, 2);
			await writeLines([result.message]);
			return 0;
		}
	}
}

/** The full-screen reader on the terminal, reading keys from `keyboard`; resolves with its exit code. */
async function runTheReader(library: Library, render: RenderOptions, options: CliOptions, keyboard: NodeJS.ReadStream, paths: readonly string[]): Promise<number> {
	// The reader shows its own empty and warning states, so nothing is required here.
	// Asked before the reader loads, so the terminal answers while it does, and before Ink reads
	// the keyboard, so the answer is never taken for keys.
	const {askBackground, chooseBackground, dropLateReplies} = await import('./ui/terminal-background.js');
	const query = options.theme === 'auto' && render.color ? askBackground(keyboard, process.stdout) : null;
	const [, {runReader}, {renderMarkdown}, {postHeader, withHeader}] = await readerModules();
	const asked = query ? await query.answer() : {answer: null, rest: ''};
	if (query) dropLateReplies(keyboard);
	if (asked.rest) keyboard.unshift(Buffer.from(asked.rest));
	const code = await runReader({
		library,
		// The text opens with the title, date and tags, as printed output does.
		renderPost: (post, renderOptions) => withHeader(renderMarkdown(post.body, renderOptions), postHeader(post, renderOptions)),
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
	});
	// The terminal is back and every place is saved: nothing of the reader is left to wait for. The
	// watcher may still be reading or closing a large tree (it kept a quit waiting 12 s): the
	// process ends soon whatever it does. (Unref'd: a process with nothing left ends before.)
	setTimeout(() => process.exit(), 50).unref();
	return code;
}

/** What is being picked, as a noun for one and for many: messages read as English at any count. */
type Noun = {one: string; many: string};
const POSTS: Noun = {one: 'post', many: 'posts'};

/** The one item a name matched; an unknown or ambiguous name lists the candidates and exits 1. */
function pick<T>(match: Match<T>, what: Noun, query: string, describe: (item: T) => string): T {
	if (match.kind === 'one') return match.item;
	if (match.kind === 'many') {
		throw new CliError(`'${query}' matches ${match.items.length} ${what.many}:\n${match.items.map(item => `  ${describe(item)}`).join('\n')}`, 1);
	}
	const hint = what === POSTS ? " (kubecon-notes topics lists them; --posts DIR reads another folder)" : '';
	throw new CliError(`no ${what.one} matches '${query}'${hint}`, 1);
}

function requirePosts(posts: Post[], library: Library): void {
	if (posts.length === 0) throw new CliError(`no posts found in ${library.searched.join(', ') || 'the given paths'}`, 1);
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
	code => {
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
