import type {Key} from 'ink';
import {filterTypedText} from '../markdown/sanitize.js';

/**
 * One name for a key press, as the key table writes it: `j`, `G`, `?`, `space`, `enter`, `escape`,
 * `tab`, `up`, `pagedown`, `home`, `ctrl+f`. Ink reports keys as an input string plus flags.
 */
export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

/** One key press for the reducer. */
export type KeyPress = {name: string; input: string; isModified: boolean};

function charKey(char: string): KeyPress {
	const code = char.charCodeAt(0);
	if (char === '\r' || char === '\n') return {name: 'enter', input: '', isModified: false};
	if (char === '\t') return {name: 'tab', input: '', isModified: false};
	if (char === '\u007F' || char === '\b') return {name: 'backspace', input: '', isModified: false};
	if (code < 0x20)
		return {name: `ctrl+${String.fromCharCode(code + 96)}`, input: String.fromCharCode(code + 96), isModified: true};
	return {name: char === ' ' ? 'space' : char, input: char, isModified: false};
}

/** At most this many characters of one chunk of input are read: a 20,000-character paste is cut here. */
export const MAX_CHUNK_CHARS = 512;

/** A printable character that is no text anyone types: C1 controls, bidi and invisible formatting. */
function isForeign(press: KeyPress): boolean {
	return press.input !== '' && !press.isModified && press.name === press.input && filterTypedText(press.input) === '';
}

/**
 * The presses in one chunk of input. Keys typed faster than they are read (a held `j`, a paste,
 * tmux send-keys) arrive as one chunk, `jjj` or `\t m` or four backspaces: each is its own press.
 * This is where key presses become text, so typed and pasted text is filtered here, with the
 * character sets posts are sanitised with: C1 controls, bidi and invisible formatting never type.
 */
export function keyPresses(input: string, key: Key): KeyPress[] {
	// Escape sequences are Ink's to parse; only runs of single-byte keys are split.
	const chars = [...input];
	if (chars.length <= 1 || input.includes('\u001B')) {
		const press = {name: keyName(input, key), input, isModified: key.ctrl || key.meta};
		return isForeign(press) ? [] : [press];
	}
	return chars
		.slice(0, MAX_CHUNK_CHARS)
		.map(charKey)
		.filter((press) => !isForeign(press));
}
