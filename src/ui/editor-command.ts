/**
 * `e`: which editor to start on a post, at which line, as an argv (never a shell line). $VISUAL,
 * else $EDITOR, else vi, as git and less choose. Each editor has its own way to be told a line;
 * the table below holds the ones people set. env-editor and open-editor on npm know some of these,
 * but read $EDITOR before $VISUAL, take no arguments in the variable (`code --wait`), and pass vim
 * a `+call cursor()` form; this table is small enough to keep here.
 */
import {basename} from 'node:path';
import type {RenderedDoc} from '../render/types.js';
import {blockAtLine} from '../render/locate.js';

/** How an editor is told the line. */
type LineForm =
	/** `editor +LINE FILE`: vi and nearly every terminal editor, as less's `v` does. */
	| 'plus'
	/** `editor FILE:LINE`: Sublime, Zed, Atom, Helix (older versions open `+N` as a file). */
	| 'colon'
	/** `editor --goto FILE:LINE`: VS Code and its forks. */
	| 'goto'
	/** `editor --line LINE FILE`: JetBrains IDEs. */
	| 'line-flag'
	/** `editor -l LINE FILE`: TextMate, Kate. */
	| 'l-flag'
	/** The file alone: an editor we do not know could take `+12` for a file name. */
	| 'none';

type EditorKind = {form: LineForm; isTerminal: boolean};

const TERMINAL_PLUS: EditorKind = {form: 'plus', isTerminal: true};
/** Editors by the base name of their program (`/usr/bin/vim.basic` is vim). */
const EDITORS: Record<string, EditorKind> = {
	vi: TERMINAL_PLUS,
	vim: TERMINAL_PLUS,
	nvim: TERMINAL_PLUS,
	view: TERMINAL_PLUS,
	nvi: TERMINAL_PLUS,
	elvis: TERMINAL_PLUS,
	vis: TERMINAL_PLUS,
	nano: TERMINAL_PLUS,
	rnano: TERMINAL_PLUS,
	pico: TERMINAL_PLUS,
	emacs: TERMINAL_PLUS,
	emacsclient: TERMINAL_PLUS,
	micro: TERMINAL_PLUS,
	kak: TERMINAL_PLUS,
	joe: TERMINAL_PLUS,
	jmacs: TERMINAL_PLUS,
	jstar: TERMINAL_PLUS,
	mg: TERMINAL_PLUS,
	ne: TERMINAL_PLUS,
	zile: TERMINAL_PLUS,
	jed: TERMINAL_PLUS,
	mcedit: TERMINAL_PLUS,
	hx: {form: 'colon', isTerminal: true},
	helix: {form: 'colon', isTerminal: true},
	gvim: {form: 'plus', isTerminal: false},
	mvim: {form: 'plus', isTerminal: false},
	gedit: {form: 'plus', isTerminal: false},
	code: {form: 'goto', isTerminal: false},
	'code-insiders': {form: 'goto', isTerminal: false},
	codium: {form: 'goto', isTerminal: false},
	cursor: {form: 'goto', isTerminal: false},
	windsurf: {form: 'goto', isTerminal: false},
	subl: {form: 'colon', isTerminal: false},
	sublime_text: {form: 'colon', isTerminal: false},
	zed: {form: 'colon', isTerminal: false},
	zeditor: {form: 'colon', isTerminal: false},
	atom: {form: 'colon', isTerminal: false},
	idea: {form: 'line-flag', isTerminal: false},
	webstorm: {form: 'line-flag', isTerminal: false},
	pycharm: {form: 'line-flag', isTerminal: false},
	goland: {form: 'line-flag', isTerminal: false},
	mate: {form: 'l-flag', isTerminal: false},
	kate: {form: 'l-flag', isTerminal: false},
};

/** What to run: the argv, and whether it takes over the terminal (so the reader must step aside). */
export type EditorCommand = {
	argv: string[];
	/** Runs in this terminal: the reader leaves the screen and waits. Otherwise it opens a window. */
	isTerminal: boolean;
	/** Where the editor came from, for messages (`$EDITOR 'foo' was not found`). */
	source: 'VISUAL' | 'EDITOR' | 'default';
};

/** The editor when neither variable is set: vi is on every POSIX system, as git and less assume. */
export const DEFAULT_EDITOR = 'vi';

/**
 * The command that opens `file` at `line` (1-based) in the user's editor. A variable holding
 * arguments (`code --wait`, `emacsclient -t`, a quoted path with spaces) is split as a shell would
 * split words, without expanding anything.
 */
export function editorCommand(
	file: string,
	line: number,
	env: Record<string, string | undefined> = process.env,
): EditorCommand {
	const visual = env['VISUAL']?.trim();
	const editor = env['EDITOR']?.trim();
	const source = visual ? 'VISUAL' : editor ? 'EDITOR' : 'default';
	let words = splitWords(visual || editor || DEFAULT_EDITOR);
	if (words.length === 0) words = [DEFAULT_EDITOR];
	const [program, ...options] = words as [string, ...string[]];
	const kind = editorKind(program);
	const at = Math.max(1, Math.floor(Number.isFinite(line) ? line : 1));
	// A file whose name starts with `-` or `+` would read as an option: make it a path.
	const path = /^[-+]/.test(file) ? `./${file}` : file;
	return {
		argv: [program, ...options, ...lineArguments(kind.form, path, at, options)],
		isTerminal: kind.isTerminal,
		source,
	};
}

/** What the table knows of a program: by its base name, `.exe` and version suffixes (`vim.basic`) dropped. */
export function editorKind(program: string): EditorKind {
	const name = basename(program)
		.toLowerCase()
		.replace(/\.exe$/, '');
	return EDITORS[name] ?? EDITORS[name.split('.')[0]!] ?? {form: 'none', isTerminal: true};
}

function lineArguments(form: LineForm, file: string, line: number, options: readonly string[]): string[] {
	switch (form) {
		case 'plus':
			return [`+${line}`, file];
		case 'colon':
			return [`${file}:${line}`];
		case 'goto':
			// `code -g` already in $VISUAL takes the next word as FILE:LINE too.
			return options.includes('-g') || options.includes('--goto') ? [`${file}:${line}`] : ['--goto', `${file}:${line}`];
		case 'line-flag':
			return ['--line', String(line), file];
		case 'l-flag':
			return ['-l', String(line), file];
		case 'none':
			return [file];
	}
}

/**
 * Splits a command line into words as POSIX sh does for quotes and backslashes (`"a b" c\ d` is
 * two words), with no expansion of `$`, `~` or globs: the words are passed on as they are.
 */
export function splitWords(text: string): string[] {
	const words: string[] = [];
	let word = '';
	let hasWord = false;
	let quote: '"' | "'" | null = null;
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (quote === "'") {
			if (char === "'") quote = null;
			else word += char;
		} else if (quote === '"') {
			if (char === '"') quote = null;
			else if (char === '\\' && /["\\$`]/.test(text[index + 1] ?? '')) word += text[++index];
			else word += char;
		} else if (char === "'" || char === '"') {
			quote = char;
			hasWord = true;
		} else if (char === '\\' && index + 1 < text.length) {
			word += text[++index];
			hasWord = true;
		} else if (/\s/.test(char)) {
			if (hasWord || word !== '') words.push(word);
			word = '';
			hasWord = false;
		} else {
			word += char;
			hasWord = true;
		}
	}
	if (hasWord || word !== '') words.push(word);
	return words;
}

/**
 * The file line to open at: the source line of the block at the top of the pane, shifted past the
 * front matter (post.body line N is file line N + bodyLineOffset). Line 1 when nothing is known.
 */
export function fileLineAtTop(post: {bodyLineOffset: number}, doc: RenderedDoc, topLine: number): number {
	const block = doc.blocks[blockAtLine(doc, topLine)];
	const sourceLine = block && block.sourceLine > 0 ? block.sourceLine : 1;
	return sourceLine + Math.max(0, post.bodyLineOffset);
}
