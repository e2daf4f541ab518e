import {parseArgs} from 'node:util';
import {
	globalOptions,
	subcommands,
	viewCommand,
	type Command,
	type CommandRow,
	type OptionRow,
	type OptionValues,
} from './commands.js';
import {UsageError} from './errors.js';

export type {Command, SessionsFormat} from './commands.js';
export {UsageError} from './errors.js';

export type ColorChoice = 'auto' | 'always' | 'never';

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

/** Every option: the global ones, then each subcommand's. */
const allOptions: OptionRow[] = [...globalOptions, ...subcommands.flatMap((row) => row.options)];
/** Options that take a value: `--width -5` gives them `-5`, as a person means, not a parser error. */
const VALUE_OPTIONS = new Set(
	allOptions.filter((option) => option.type === 'string').map((option) => `--${option.name}`),
);

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
	for (const {name: command} of subcommands) {
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
		for (let j = 1; j <= b.length; j++)
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
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
			options: Object.fromEntries(
				allOptions.map(({name, type, short, multiple}) => [
					name,
					{type, ...(short ? {short} : {}), ...(multiple ? {multiple} : {})},
				]),
			),
		});
	} catch (error) {
		// Node's messages are clear but long; the first sentence, on one line, is enough.
		throw new UsageError(
			String((error as Error).message)
				.split(/\.\s/)[0]!
				.replace(/\s+/g, ' ')
				.replace(/\.$/, ''),
		);
	}
	const values = parsed.values as OptionValues;
	const {positionals} = parsed;
	for (const option of allOptions) {
		const value = values[option.name];
		if (
			option.choices &&
			typeof value === 'string' &&
			!option.choices.includes(value) &&
			!option.alsoAccepts?.includes(value)
		) {
			throw new UsageError(`--${option.name} takes ${orList(option.choices)}, not '${value}'`);
		}
	}
	let width: number | null = null;
	if (values['width'] !== undefined) {
		width = Number(values['width']);
		if (!Number.isInteger(width) || width < 20 || width > 1000)
			throw new UsageError(`--width takes a whole number from 20 to 1000, not '${values['width']}'`);
	}
	const options = {
		color: (values['color'] ?? 'auto') as ColorChoice,
		theme: (values['theme'] ?? 'auto') as CliOptions['theme'],
		width,
		drafts: values['drafts'] === true,
		resume: !values['no-resume'],
		debug: values['debug'] === true,
		mouse: !values['no-mouse'],
		secure: values['secure'] === true || isSecureEnv(env),
	};
	if (values['help']) return {...options, command: {kind: 'help'}};
	if (values['version']) return {...options, command: {kind: 'version'}};

	const [first, ...rest] = positionals;
	const row: CommandRow<Command> =
		(subcommands as readonly CommandRow<Command>[]).find((command) => command.name === first) ?? viewCommand;
	const words = row === viewCommand ? positionals : rest;
	// An option of another command is refused, naming the command it goes with.
	for (const owner of subcommands) {
		if (owner === row) continue;
		for (const option of owner.options) {
			if (values[option.name] !== undefined) throw new UsageError(`--${option.name} goes with ${owner.name}`);
		}
	}
	return {...options, command: row.parse(words, values, (values['posts'] as string[] | undefined) ?? [])};
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
	return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Where the help text of a usage or an option starts. */
const USAGE_COLUMN = 42;
const OPTION_COLUMN = 20;
/** The help is wrapped to this width. */
const HELP_WIDTH = 94;

/** `name` padded to `column`, then `help` wrapped under it; a name too long for its column puts the help on the next line. */
function helpRow(name: string, help: string, column: number): string[] {
	const lines: string[] = [];
	let line = name.length < column ? name.padEnd(column) : `${name}\n${' '.repeat(column)}`;
	let isEmpty = true;
	for (const word of help.split(' ')) {
		const last = line.slice(line.lastIndexOf('\n') + 1);
		if (!isEmpty && last.length + 1 + word.length > HELP_WIDTH) {
			lines.push(line);
			line = ' '.repeat(column);
			isEmpty = true;
		}
		line += isEmpty ? word : ` ${word}`;
		isEmpty = false;
	}
	lines.push(line);
	return lines.join('\n').split('\n');
}

/** `--width N`, `-h, --help`. */
function optionName(option: OptionRow): string {
	return `${option.short ? `-${option.short}, ` : ''}--${option.name}${option.value ? ` ${option.value}` : ''}`;
}

/** The help text, from the command table (commands.ts); the key list is the reader's own (press ?). */
export function helpText(version: string): string {
	const rows = [viewCommand, ...subcommands] as readonly CommandRow<Command>[];
	const usage = rows.flatMap((row) =>
		row.forms.flatMap((form) => helpRow(`  kubecon-notes ${form.usage}`, form.help, USAGE_COLUMN)),
	);
	const options = globalOptions.flatMap((option) => helpRow(`  ${optionName(option)}`, option.help, OPTION_COLUMN));
	const commandOptions = subcommands.flatMap((row) =>
		row.options
			.map((option) => helpRow(`  ${optionName(option)}`, `${row.name}: ${option.help}`, OPTION_COLUMN))
			.flat(),
	);
	return `kubecon-notes ${version}: a terminal reader for conference notes

Usage:
${usage.join('\n')}

Options:
${options.join('\n')}

Options of a command:
${commandOptions.join('\n')}

POST is a post's id, slug or title, matched loosely, or the path of a markdown file.
On a terminal it opens the reader (press ? there for keys); in a pipe it prints text.
Exit codes: 0 ok, 1 nothing matched, 2 bad usage or unreadable input.
`;
}

/** The README's command and option tables (npm run readme), from the same rows. */
export function commandsMarkdown(): string {
	const cell = (text: string) => text.replaceAll('|', '\\|');
	const rows = [viewCommand, ...subcommands] as readonly CommandRow<Command>[];
	const commands = rows.flatMap((row) =>
		row.forms.map(
			(form) =>
				`| \`${cell(row === viewCommand ? `kubecon-notes ${form.usage}` : form.usage)}\` | ${cell(form.details ? `${form.help}; ${form.details}` : form.help)} |`,
		),
	);
	const options = [
		...globalOptions.map((option) => `| \`${cell(optionName(option))}\` | ${cell(option.help)} |`),
		...subcommands.flatMap((row) =>
			row.options.map((option) => `| \`${cell(optionName(option))}\` | ${row.name}: ${cell(option.help)} |`),
		),
	];
	return [
		'| command | what it does |',
		'| --- | --- |',
		...commands,
		'',
		'| option | what it does |',
		'| --- | --- |',
		...options,
	].join('\n');
}
