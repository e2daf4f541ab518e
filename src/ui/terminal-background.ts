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
	// eslint-disable-next-line no-control-regex
	const match = /\u001B\]11;rgba?:([\da-f]{1,4})\/([\da-f]{1,4})\/([\da-f]{1,4})(?:\/[\da-f]{1,4})?(?:\u0007|\u001B\\)/i.exec(text);
	if (!match) return null;
	const [red, green, blue] = match.slice(1, 4).map(hex => Number.parseInt(hex!, 16) / (16 ** hex!.length - 1)) as [number, number, number];
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
export function chooseBackground(choice: ThemeChoice, answer: string | null, env: NodeJS.ProcessEnv = process.env): Background {
	if (choice !== 'auto') return choice;
	return (answer === null ? null : parseBackgroundAnswer(answer)) ?? backgroundFromColorFgBg(env['COLORFGBG']) ?? 'dark';
}

/**
 * Asks the terminal for its background and waits up to `timeoutMs` for the answer, reading the
 * keyboard in raw mode before the reader starts (so the answer is never taken for keys). A
 * terminal that does not answer costs the timeout once; keys typed meanwhile are handed back.
 */
export async function queryBackground(input: NodeJS.ReadStream, output: NodeJS.WriteStream, timeoutMs = 100): Promise<{answer: string | null; rest: string}> {
	if (!input.isTTY || !output.isTTY) return {answer: null, rest: ''};
	const wasRaw = input.isRaw;
	input.setRawMode(true);
	let received = '';
	return new Promise(resolve => {
		const finish = () => {
			clearTimeout(timer);
			input.off('data', onData);
			input.pause();
			if (!wasRaw) input.setRawMode(false);
			// eslint-disable-next-line no-control-regex
			const answer = /\u001B\]11;[^\u0007\u001B]*(?:\u0007|\u001B\\)/.exec(received);
			resolve({answer: answer?.[0] ?? null, rest: answer ? received.replace(answer[0], '') : received});
		};
		const onData = (chunk: Buffer | string) => {
			received += chunk.toString();
			if (parseBackgroundAnswer(received) !== null) finish();
		};
		const timer = setTimeout(finish, timeoutMs);
		input.on('data', onData);
		input.resume();
		output.write(BACKGROUND_QUERY);
	});
}
