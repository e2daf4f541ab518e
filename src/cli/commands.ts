/**
 * Every command and option of the command line, as data, as ui/keymap.ts is for keys. The parser
 * (args.ts) reads its options from these rows, `--help` and the README's command and option tables
 * (npm run readme) are generated from them, and cli.tsx runs a subcommand through its row's
 * handler, so the four cannot drift. A new subcommand is its type and one row here; a new option of
 * a subcommand is one entry in its row's `options`, read in its `parse`.
 */
import type {Library, Post, Topic} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';
import {CliError, UsageError} from './errors.js';
import {writeError, writeLines} from './output.js';
import type {Match} from './select-post.js';

/** An option as node's `parseArgs` takes it, with what the help says of it. */
export type OptionRow = {
	name: string;
	type: 'string' | 'boolean';
	short?: string;
	multiple?: boolean;
	/** The value's name in the help: `--width N`. */
	value?: string;
	help: string;
	/** The values a string option takes, in the order its error lists them. */
	choices?: readonly string[];
	/** Values taken too, unlisted (`--format markdown`). */
	alsoAccepts?: readonly string[];
};

/** The options as parsed, by name. */
export type OptionValues = Readonly<Record<string, string | boolean | Array<string | boolean> | undefined>>;

/** One way to call a command: a line of `--help` and a row of the README's command table. */
export type CommandForm = {
	/** After `kubecon-notes `; every option of the row appears in one of its forms (test/cli/commands.test.ts). */
	usage: string;
	/** The help line. */
	help: string;
	/** More, for the README only. */
	details?: string;
};

/** A command: how it is called, its own options, how its words are read and who runs it. */
export type CommandRow<C extends {kind: string}> = {
	/** The word that names it (the kind of its Command). */
	name: C['kind'];
	forms: CommandForm[];
	/** Options only this command takes; any other command refuses them (`--day goes with sessions`). */
	options: OptionRow[];
	/** The command from its words after the name, the options, and `--posts` given. Throws UsageError. */
	parse(words: string[], values: OptionValues, paths: string[]): C;
	/** True when it needs every post's body (topics, sessions); else heads only are read, and the body shown. */
	readsEveryBody?(command: C): boolean;
	/** The handler: prints, and resolves with the exit code. Loads what it needs on demand. */
	run?(command: C, context: RunContext): Promise<number>;
};

/** What a handler is given by cli.tsx. */
export type RunContext = {
	library: Library;
	render: RenderOptions;
	/** A table's width (sessions): --width, else the terminal's, however wide. */
	tableWidth: number;
	/** The post named by the path of one of the posts read (resolved), else null. */
	file: string | null;
};

/*
 * The commands. A command whose argument names a post keeps it in `post`: cli.tsx then reads a
 * post named by its file's path (alone, or among the posts read) and refuses a folder.
 */
export type ViewCommand = {kind: 'view'; paths: string[]};
export type ReadCommand = {kind: 'read'; paths: string[]; post: string; topic: string | null};
export type TopicsCommand = {kind: 'topics'; paths: string[]; post: string | null};
export type SessionsCommand = {
	kind: 'sessions';
	paths: string[];
	query: string;
	missed: boolean;
	day: string | null;
	json: boolean;
	toWatch?: boolean;
	format?: SessionsFormat;
	explain?: boolean;
	/** `sessions --explain [POST]`: the post (an id, slug, title or file's path, as `read` takes), or null for all. */
	post?: string | null;
};
export type ForgetCommand = {kind: 'forget'; paths: string[]; post: string | null};

/** `sessions --format md`: a markdown checklist (see to-watch.ts). */
export type SessionsFormat = 'md';

/** Options every command takes. */
export const globalOptions: OptionRow[] = [
	{
		name: 'posts',
		type: 'string',
		multiple: true,
		value: 'DIR',
		help: 'where the posts are (repeatable; default: the bundled notes)',
	},
	{
		name: 'width',
		type: 'string',
		value: 'N',
		help: "wrap at N columns (default: the terminal's, at most 100; 80 in a pipe)",
	},
	{
		name: 'color',
		type: 'string',
		value: 'WHEN',
		choices: ['always', 'never', 'auto'],
		help: 'always, never or auto (default; NO_COLOR and FORCE_COLOR are honoured)',
	},
	{
		name: 'theme',
		type: 'string',
		value: 'THEME',
		choices: ['auto', 'dark', 'light'],
		help: 'dark, light or auto (default: ask the terminal, waiting KUBECON_NOTES_BACKGROUND_WAIT_MS or 100 ms, then COLORFGBG, else dark)',
	},
	{name: 'drafts', type: 'boolean', help: 'include posts with published: false'},
	{name: 'no-resume', type: 'boolean', help: 'open at the top instead of the remembered position'},
	{name: 'no-mouse', type: 'boolean', help: 'leave the mouse to the terminal (no wheel scrolling or clicks)'},
	{
		name: 'secure',
		type: 'boolean',
		help: 'for shared machines: no opener, clipboard, editor or recording search (also KUBECON_NOTES_SECURE=1)',
	},
	{name: 'debug', type: 'boolean', help: 'show stack traces of errors (also DEBUG=kubecon-notes)'},
	{name: 'help', type: 'boolean', short: 'h', help: 'print this help'},
	{name: 'version', type: 'boolean', short: 'v', help: 'print the version'},
];

/** No command word: the reader on a terminal, every post printed in a pipe. cli.tsx runs it itself, as it decides between the two before anything else loads. */
export const viewCommand: CommandRow<ViewCommand> = {
	name: 'view',
	forms: [
		{
			usage: '[PATH...]',
			help: 'read posts (a folder, files, or - for standard input)',
			details: 'the reader on a terminal; the posts as text in a pipe',
		},
	],
	options: [],
	parse: (words, _values, paths) => ({kind: 'view', paths: [...paths, ...words]}),
};

const read: CommandRow<ReadCommand> = {
	name: 'read',
	forms: [
		{
			usage: 'read POST [--topic NAME]',
			help: 'print one post, or one topic of it',
			details: "POST is an id, slug or title, matched loosely, or a file's path",
		},
	],
	options: [{name: 'topic', type: 'string', value: 'NAME', help: 'only this topic of the post, matched loosely'}],
	parse(words, values, paths) {
		const [post, ...more] = words;
		if (post === undefined) throw new UsageError('read needs a post: kubecon-notes read POST [--topic NAME]');
		return {kind: 'read', paths: [...paths, ...more], post, topic: text(values, 'topic') ?? null};
	},
	async run(command, context) {
		const [{printPost, printTopic}, {matchTopic}] = await Promise.all([
			import('./print-posts.js'),
			import('./select-post.js'),
		]);
		const post = await pickPost(command.post, context);
		if (command.topic === null) {
			await writeLines(printPost(post, context.render));
			return 0;
		}
		const {intro, topics: postTopics} = post.loadBody();
		const topics = [...(intro ? [intro] : []), ...postTopics];
		const topic = pick<Topic>(
			matchTopic(command.topic, topics),
			{one: `topic of ${post.id}`, many: `topics of ${post.id}`},
			command.topic,
			(t) => t.name,
		);
		await writeLines(printTopic(post, topic, context.render));
		return 0;
	},
};

const topics: CommandRow<TopicsCommand> = {
	name: 'topics',
	forms: [{usage: 'topics [POST]', help: 'list topics', details: 'one a line: `post-id<TAB>topic`'}],
	options: [],
	parse: (words, _values, paths) => ({kind: 'topics', paths, post: words.join(' ') || null}),
	readsEveryBody: (command) => command.post === null,
	async run(command, context) {
		requirePosts(context.library);
		const posts = command.post === null ? context.library.posts : [await pickPost(command.post, context)];
		// What the sidebar lists: the introduction first, when there is text before the first topic.
		await writeLines(
			posts.flatMap((post) => {
				const {intro, topics} = post.loadBody();
				return [...(intro ? [intro] : []), ...topics].map((topic) => `${post.id}\t${oneLine(topic.name)}`);
			}),
		);
		return 0;
	},
};

const sessions: CommandRow<SessionsCommand> = {
	name: 'sessions',
	forms: [
		{
			usage: 'sessions [QUERY] [--missed] [--day N] [--json]',
			help: 'search the talks the notes list',
			details: 'fuzzy-searched; aligned on a terminal, tab-separated in a pipe',
		},
		{
			usage: 'sessions --to-watch [--format md]',
			help: 'talks marked missed and not yet watched',
			details: 'marked missed, or marked to watch with `w` in the reader',
		},
		{
			usage: 'sessions --explain [POST]',
			help: 'each talk found and what made it one, and the near misses with why not',
			details: 'for one post, or all',
		},
	],
	options: [
		{name: 'missed', type: 'boolean', help: 'only the talks marked missed'},
		{name: 'day', type: 'string', value: 'N', help: "only the talks of day N (or of the day's name)"},
		{name: 'json', type: 'boolean', help: 'as a JSON array, for scripts'},
		{name: 'to-watch', type: 'boolean', help: 'the talks marked missed and not yet watched'},
		{
			name: 'format',
			type: 'string',
			value: 'md',
			choices: ['md'],
			alsoAccepts: ['markdown'],
			help: 'as a markdown checklist',
		},
		{
			name: 'explain',
			type: 'boolean',
			help: 'how the talks of POST (or of every post) were found, and the near misses',
		},
	],
	parse(words, values, paths) {
		if (values['explain']) {
			// `sessions --explain [POST]`: what made each talk one, and the near misses; the argument is a post.
			const other = ['day', 'missed', 'json', 'to-watch', 'format'].find((flag) => values[flag] !== undefined);
			if (other) throw new UsageError(`--explain shows how talks were found; it takes no --${other}`);
			const post = words.join(' ') || null;
			return {kind: 'sessions', paths, query: '', missed: false, day: null, json: false, explain: true, post};
		}
		if (values['json'] && values['format'] !== undefined)
			throw new UsageError('--json and --format md are two formats: choose one');
		return {
			kind: 'sessions',
			paths,
			query: words.join(' '),
			missed: values['missed'] === true,
			day: text(values, 'day') ?? null,
			json: values['json'] === true,
			...(values['to-watch'] ? {toWatch: true} : {}),
			...(values['format'] === undefined ? {} : {format: 'md' as const}),
		};
	},
	readsEveryBody: () => true,
	async run(command, context) {
		requirePosts(context.library);
		if (command.explain) {
			// The argument names a post (all posts when none is given), as `topics POST` does: a file
			// outside the posts read is read alone.
			const posts = command.post ? [await pickPost(command.post, context)] : context.library.posts;
			const {explainLines} = await import('./explain-talks.js');
			await writeLines(explainLines(posts, context.render.color));
			return 0;
		}
		const {findSessions} = await import('./find-sessions.js');
		return findSessions(command, context.library, context.render, Boolean(process.stdout.isTTY), context.tableWidth);
	},
};

const forget: CommandRow<ForgetCommand> = {
	name: 'forget',
	forms: [{usage: 'forget [POST]', help: 'forget the reading position of one post, or all'}],
	options: [],
	parse: (words, _values, paths) => ({kind: 'forget', paths, post: words.join(' ') || null}),
	async run(command, context) {
		const {forgetPositions} = await import('./forget.js');
		const post = command.post === null ? null : await pickPost(command.post, context);
		const result = forgetPositions(post);
		for (const warning of result.warnings) writeError(`kubecon-notes: warning: ${warning}`);
		if (!result.ok) throw new CliError(result.message, 2);
		await writeLines([result.message]);
		return 0;
	},
};

/** The subcommands, in the order the help lists them. */
export const subcommands = [read, topics, sessions, forget] as const;

/** A subcommand as parsed: one of the rows' commands. */
export type Subcommand = ReturnType<(typeof subcommands)[number]['parse']>;

/** What the command line asks for, after parsing and checking. */
export type Command = {kind: 'help'} | {kind: 'version'} | ViewCommand | Subcommand;

/** The row of a subcommand. */
export function subcommandRow(kind: Subcommand['kind']): CommandRow<Subcommand> {
	// Each row takes its own command; the kind chose the row.
	return subcommands.find((row) => row.name === kind) as unknown as CommandRow<Subcommand>;
}

/** Runs a subcommand through its row's handler; resolves with the exit code. */
export function runSubcommand(command: Subcommand, context: RunContext): Promise<number> {
	return subcommandRow(command.kind).run!(command, context);
}

/** A string option's value, if given. */
function text(values: OptionValues, name: string): string | undefined {
	const value = values[name];
	return typeof value === 'string' ? value : undefined;
}

/** A field of tab-separated output: a name that runs over lines (a bold paragraph as a topic) on one line, as the sidebar shows it. */
function oneLine(name: string): string {
	return name.replace(/[\t\n\r]/g, ' ').replace(/ {2,}/g, ' ');
}

/** What is being picked, as a noun for one and for many: messages read as English at any count. */
type Noun = {one: string; many: string};
const POSTS: Noun = {one: 'post', many: 'posts'};

/** One rule for naming a post, and one way of saying it named none or several. */
async function pickPost(name: string, context: RunContext): Promise<Post> {
	const {matchPost} = await import('./select-post.js');
	return pick(
		matchPost(name, context.library.posts, context.file),
		POSTS,
		name,
		(post) => `${post.id}  (${post.title})`,
	);
}

/** The one item a name matched; an unknown or ambiguous name lists the candidates and exits 1. */
function pick<T>(match: Match<T>, what: Noun, query: string, describe: (item: T) => string): T {
	if (match.kind === 'one') return match.item;
	if (match.kind === 'many') {
		throw new CliError(
			`'${query}' matches ${match.items.length} ${what.many}:\n${match.items.map((item) => `  ${describe(item)}`).join('\n')}`,
			1,
		);
	}
	const hint = what === POSTS ? ' (kubecon-notes topics lists them; --posts DIR reads another folder)' : '';
	throw new CliError(`no ${what.one} matches '${query}'${hint}`, 1);
}

/** No posts at all: exit 1, naming where they were looked for. */
function requirePosts(library: Library): void {
	if (library.posts.length === 0)
		throw new CliError(`no posts found in ${library.searched.join(', ') || 'the given paths'}`, 1);
}
