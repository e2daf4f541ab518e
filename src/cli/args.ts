import {parseArgs} from 'node:util';

/** What the command line asks for, after parsing and checking. */
export type Command =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'view'; paths: string[]}
	| {kind: 'read'; paths: string[]; post: string; topic: string | null}
	| {kind: 'topics'; paths: string[]; post: string | null}
	| {kind: 'sessions'; paths: string[]; query: string; missed: boolean; day: string | null; json: boolean; toWatch?: boolean; format?: SessionsFormat; explain?: boolean}
	| {kind: 'forget'; paths: string[]; post: string | null};

export type ColorChoice = 'auto' | 'always' | 'never';

/** `sessions --format md`: a markdown checklist (see to-watch.ts). */
export type SessionsFormat = 'md';

export type CliOptions = {
	command: Command;
	color: ColorChoice;
	width: number | null;
	drafts: boolean;
	resume: boolean;
	debug: boolean;
	/** Wheel and clicks in the reader; `--no-mouse` leaves the terminal's own selection alone. */
	mouse: boolean;
	/** The reader's colours: for a dark or light background, or asked of the terminal (auto). */
	theme: 'auto' | 'dark' | 'light';
	/** --secure or KUBECON_NOTES_SECURE: no opener, clipboard, editor or recording search (see secure-mode.ts). */
	secure: boolean;
};

/** Bad usage: one line on stderr and exit 2. */
export class UsageError extends Error {}

const SUBCOMMANDS = new Set(['read', 'topics', 'sessions', 'forget']);
/** Options that take a value: `--width -5` gives them `-5`, as a person means, not a parser error. */
const VALUE_OPTIONS = new Set(['--posts', '--width', '--color', '--topic', '--day', '--format', '--theme']);

/** `--width -5` as `--width=-5`: node's parser would take `-5` for an option and say so at length. */
function joinNegativeValues(argv: string[]): string[] {
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		const next = argv[index + 1];
		if (VALUE_OPTIONS.has(word) && next !== undefined && /^-\d/.test(next)) {
			joined.push(`${word}=${next}`);
			index++;
		} else joined.push(word);
	}
	return joined;
}

/** The subcommand a mistyped word was meant to be (`sesions`), or null: at most two edits away. */
export function suggestCommand(word: string): string | null {
	let best: string | null = null;
	let bestDistance = 3;
	for (const command of SUBCOMMANDS) {
		const distance = editDistance(word.toLowerCase(), command);
		if (distance < bestDistance) {
			best = command;
			bestDistance = distance;
		}
	}
	return best;
}

/** Levenshtein distance, small words only. */
function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length]!;
}

/** KUBECON_NOTES_SECURE set to anything but empty, 0, false or no turns secure mode on (as LESSSECURE=1 does for less). */
export function isSecureEnv(env: NodeJS.ProcessEnv): boolean {
	const value = (env['KUBECON_NOTES_SECURE'] ?? '').trim().toLowerCase();
	return value !== '' && value !== '0' && value !== 'false' && value !== 'no';
}

/** Parses argv (without node and the script) with node's own parser. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: joinNegativeValues(argv),
			allowPositionals: true,
			strict: true,
			options: {
				posts: {type: 'string', multiple: true},
				width: {type: 'string'},
				color: {type: 'string'},
				theme: {type: 'string'},
				topic: {type: 'string'},
				day: {type: 'string'},
				missed: {type: 'boolean'},
				json: {type: 'boolean'},
				'to-watch': {type: 'boolean'},
				explain: {type: 'boolean'},
				format: {type: 'string'},
				'no-mouse': {type: 'boolean'},
				drafts: {type: 'boolean'},
				'no-resume': {type: 'boolean'},
				debug: {type: 'boolean'},
				secure: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		// Node's messages are clear but long; the first sentence, on one line, is enough.
		throw new UsageError(String((error as Error).message).split(/\.\s/)[0]!.replace(/\s+/g, ' ').replace(/\.$/, ''));
	}
	const {values, positionals} = parsed;
	const color = (values.color ?? 'auto') as ColorChoice;
	if (!['auto', 'always', 'never'].includes(color)) throw new UsageError(`--color takes always, never or auto, not '${values.color}'`);
	const theme = (values.theme ?? 'auto') as CliOptions['theme'];
	if (!['auto', 'dark', 'light'].includes(theme)) throw new UsageError(`--theme takes auto, dark or light, not '${values.theme}'`);
	let width: number | null = null;
	if (values.width !== undefined) {
		width = Number(values.width);
		if (!Number.isInteger(width) || width < 20 || width > 1000) throw new UsageError(`--width takes a whole number from 20 to 1000, not '${values.width}'`);
	}
	const options = {color, theme, width, drafts: values.drafts ?? false, resume: !values['no-resume'], debug: values.debug ?? false, mouse: !values['no-mouse'], secure: (values.secure ?? false) || isSecureEnv(env)};
	if (values.format !== undefined && !['md', 'markdown'].includes(values.format)) throw new UsageError(`--format takes md, not '${values.format}'`);
	if (values.help) return {...options, command: {kind: 'help'}};
	if (values.version) return {...options, command: {kind: 'version'}};

	const [first, ...rest] = positionals;
	const subcommand = first !== undefined && SUBCOMMANDS.has(first) ? first : null;
	const args = subcommand ? rest : positionals;
	const paths = values.posts ?? [];
	const only = (allowed: string[]) => {
		for (const flag of ['topic', 'day', 'missed', 'json', 'to-watch', 'format', 'explain'] as const) {
			if (values[flag] !== undefined && !allowed.includes(flag)) throw new UsageError(`--${flag} goes with ${flag === 'topic' ? 'read' : 'sessions'}`);
		}
	};
	switch (subcommand) {
		case 'read': {
			only(['topic']);
			const [post, ...more] = args;
			if (post === undefined) throw new UsageError('read needs a post: kubecon-notes read POST [--topic NAME]');
			return {...options, command: {kind: 'read', paths: [...paths, ...more], post, topic: values.topic ?? null}};
		}
		case 'topics': {
			only([]);
			return {...options, command: {kind: 'topics', paths, post: args.join(' ') || null}};
		}
		case 'sessions': {
			if (values.explain) {
				// `sessions --explain [POST]`: what made each talk one, and the near misses; the argument is a post.
				only(['explain', 'day', 'missed', 'json', 'to-watch', 'format']);
				const other = (['day', 'missed', 'json', 'to-watch', 'format'] as const).find(flag => values[flag] !== undefined);
				if (other) throw new UsageError(`--explain shows how talks were found; it takes no --${other}`);
				return {...options, command: {kind: 'sessions', paths, query: args.join(' '), missed: false, day: null, json: false, explain: true}};
			}
			only(['day', 'missed', 'json', 'to-watch', 'format']);
			if (values.json && values.format !== undefined) throw new UsageError('--json and --format md are two formats: choose one');
			return {
				...options,
				command: {
					kind: 'sessions',
					paths,
					query: args.join(' '),
					missed: values.missed ?? false,
					day: values.day ?? null,
					json: values.json ?? false,
					...(values['to-watch'] ? {toWatch: true} : {}),
					...(values.format === undefined ? {} : {format: 'md' as const}),
				},
			};
		}
		case 'forget': {
			only([]);
			return {...options, command: {kind: 'forget', paths, post: args.join(' ') || null}};
		}
		default: {
			only([]);
			return {...options, command: {kind: 'view', paths: [...paths, ...args]}};
		}
	}
}

/** The help text; the key list comes from the reader's key table. */
export function helpText(version: string): string {
	return `kubecon-notes ${version}: a terminal reader for conference notes

Usage:
  kubecon-notes [PATH...]                 read posts (a folder, files, or - for standard input)
  kubecon-notes read POST [--topic NAME]  print one post, or one topic of it
  kubecon-notes topics [POST]             list topics
  kubecon-notes sessions [QUERY] [--missed] [--day N] [--json]
                                          search the talks the notes list
  kubecon-notes sessions --to-watch [--format md]
                                          talks marked missed and not yet watched
  kubecon-notes sessions --explain [POST] each talk found and what made it one,
                                          and the near misses with why not
  kubecon-notes forget [POST]             forget the reading position of one post, or all

Options:
  --posts DIR       where the posts are (repeatable; default: the bundled notes)
  --width N         wrap at N columns (default: the terminal's, at most 100; 80 in a pipe)
  --color WHEN      always, never or auto (default; NO_COLOR and FORCE_COLOR are honoured)
  --theme THEME     dark, light or auto (default: ask the terminal, then COLORFGBG, else dark)
  --drafts          include posts with published: false
  --no-resume       open at the top instead of the remembered position
  --no-mouse        leave the mouse to the terminal (no wheel scrolling or clicks)
  --secure          for shared machines: no opener, clipboard, editor or recording search
                    (also KUBECON_NOTES_SECURE=1)
  --debug           show stack traces of errors (also DEBUG=kubecon-notes)
  -h, --help        this text
  -v, --version     the version

POST is a post's id, slug or title, matched loosely, or the path of a markdown file.
On a terminal it opens the reader (press ? there for keys); in a pipe it prints text.
Exit codes: 0 ok, 1 nothing matched, 2 bad usage or unreadable input.
`;
}
