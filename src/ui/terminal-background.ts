/** Which background to draw for: `--theme`, else what the terminal says, else COLORFGBG, else dark. */
import type {Background} from './theme.js';

export type ThemeChoice = 'auto' | 'dark' | 'light';

/** The OSC 11 query: "what is your background colour?"; terminals (and tmux) answer `ESC ] 11 ; rgb:… BEL`. */
export const BACKGROUND_QUERY = '\u001B]11;?\u0007';

/**
 * The background an OSC 11 answer names, or null when the text holds no answer. Channels are 1 to 4
 * hex digits each (`rgb:ffff/ffff/ffff`, `rgb:1e/1e/2e`); light when the relative luminance is over
 * half.
 */
export function parseBackgroundAnswer(text: string): Background | null {
	const match =
		/\u001B\]11;rgba?:([\da-f]{1,4})\/([\da-f]{1,4})\/([\da-f]{1,4})(?:\/[\da-f]{1,4})?(?:\u0007|\u001B\\)/i.exec(text);
	if (!match) return null;
	const [red, green, blue] = match.slice(1, 4).map((hex) => Number.parseInt(hex!, 16) / (16 ** hex!.length - 1)) as [
		number,
		number,
		number,
	];
	const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
	return luminance > 0.5 ? 'light' : 'dark';
}

/** COLORFGBG (`15;0`, `0;default;15`): the last field is the background's ANSI number; 7 and 9–15 are light. */
export function backgroundFromColorFgBg(value: string | undefined): Background | null {
	const last = value?.split(';').at(-1);
	if (last === undefined || !/^\d+$/.test(last)) return null;
	const number = Number(last);
	return number === 7 || (number >= 9 && number <= 15) ? 'light' : 'dark';
}

/** The theme to draw: the user's choice, else the terminal's answer, else COLORFGBG, else dark. */
export function chooseBackground(
	choice: ThemeChoice,
	answer: string | null,
	env: NodeJS.ProcessEnv = process.env,
): Background {
	if (choice !== 'auto') return choice;
	return (
		(answer === null ? null : parseBackgroundAnswer(answer)) ?? backgroundFromColorFgBg(env['COLORFGBG']) ?? 'dark'
	);
}

/**
 * DA1, "what are you?": every terminal answers it (`ESC [ ? 6 2 ; … c`), and in the order asked, so
 * an answer to it that comes without an OSC 11 answer before it means the terminal does not tell
 * its background: no need to wait out the timeout (the way neovim and termbg ask).
 */
export const ATTRIBUTES_QUERY = '\u001B[c';

const backgroundReply = /\u001B\]11;[^\u0007\u001B]*(?:\u0007|\u001B\\)/;
const attributesReply = /\u001B\[\?[\d;]*c/;

/**
 * What the terminal has sent since the query: its OSC 11 answer if any, whether it has finished
 * answering (its DA1 reply came), and the rest (keys typed meanwhile), with both replies taken out
 * so that neither is read as keys.
 */
export function readReplies(received: string): {answer: string | null; settled: boolean; rest: string} {
	const answer = backgroundReply.exec(received)?.[0] ?? null;
	let rest = answer ? received.replace(answer, '') : received;
	const attributes = attributesReply.exec(rest)?.[0];
	if (attributes) rest = rest.replace(attributes, '');
	return {answer, settled: attributes !== undefined, rest};
}

/**
 * How long to wait for the terminal's answer: 100 ms, as termbg and neovim wait, or
 * `KUBECON_NOTES_BACKGROUND_WAIT_MS` (0–5000) over a slow link, where the answer comes later. A
 * terminal that answers DA1 ends the wait at once whatever it is.
 */
export function backgroundWaitMs(env: NodeJS.ProcessEnv): number {
	const asked = Number(env['KUBECON_NOTES_BACKGROUND_WAIT_MS']);
	return env['KUBECON_NOTES_BACKGROUND_WAIT_MS'] && Number.isFinite(asked) ? Math.min(Math.max(asked, 0), 5000) : 100;
}

/** A background query under way: `answer()` waits for what the terminal says, within the timeout. */
export type BackgroundQuery = {answer(): Promise<{answer: string | null; rest: string}>};

/**
 * Asks the terminal for its background now, and collects its replies in raw mode while the caller
 * goes on loading (so the answer is never taken for keys, and the wait overlaps the loading).
 * `answer()` resolves once the terminal has answered both queries, or `timeoutMs` after asking
 * (with one more turn to read replies already sent): a terminal that answers nothing costs the
 * timeout once, less what loading took meanwhile. Keys typed meanwhile are handed back.
 */
export function askBackground(input: NodeJS.ReadStream, output: NodeJS.WriteStream, timeoutMs = 100): BackgroundQuery {
	if (!input.isTTY || !output.isTTY) return {answer: async () => ({answer: null, rest: ''})};
	const askedAt = performance.now();
	const wasRaw = input.isRaw;
	input.setRawMode(true);
	let received = '';
	let settle: (() => void) | undefined;
	const onData = (chunk: Buffer | string) => {
		received += chunk.toString();
		if (readReplies(received).settled) settle?.();
	};
	input.on('data', onData);
	input.resume();
	output.write(BACKGROUND_QUERY + ATTRIBUTES_QUERY);
	const finish = () => {
		input.off('data', onData);
		input.pause();
		if (!wasRaw) input.setRawMode(false);
		const {answer, rest} = readReplies(received);
		return {answer, rest};
	};
	return {
		answer: () =>
			new Promise((resolve) => {
				if (readReplies(received).settled) {
					resolve(finish());
					return;
				}
				// Replies already sent are read in the poll phase after this turn: never time out before it.
				const timer = setTimeout(() => settle?.(), Math.max(timeoutMs - (performance.now() - askedAt), 0));
				settle = () => {
					clearTimeout(timer);
					settle = undefined;
					setImmediate(() => resolve(finish()));
				};
			}),
	};
}

// Both replies anywhere in a chunk of input.
const lateReplies = new RegExp(`${backgroundReply.source}|${attributesReply.source}`, 'g');

/**
 * Drops replies to the query that come after the wait (a slow link, a busy machine) from what
 * the keyboard gives the reader: Ink hands an unknown sequence over without its ESC, and
 * `[?62;22c` read as keys opened the help (`?`) and left the reader deaf to `q`. Ink reads the
 * keyboard with `read()` on 'readable'; this filters what `read()` returns.
 */
export function dropLateReplies(input: NodeJS.ReadStream): void {
	const read = input.read.bind(input);
	input.read = (size?: number) => {
		const chunk = read(size) as string | Buffer | null;
		if (chunk === null) return chunk;
		const text = chunk.toString();
		if (!text.includes('\u001B')) return chunk;
		const kept = text.replace(lateReplies, '');
		return kept === text ? chunk : typeof chunk === 'string' ? kept : Buffer.from(kept);
	};
}
