/**
 * Leaving the terminal to someone else (an editor, the shell after Ctrl-Z) and taking it back.
 * Both halves in one place so every way out undoes exactly what the way in did.
 */
import {MOUSE_OFF, MOUSE_ON} from './mouse.js';

export const ALT_SCREEN_ON = '\u001B[?1049h';
export const ALT_SCREEN_OFF = '\u001B[?1049l';
export const CURSOR_HIDE = '\u001B[?25l';
export const CURSOR_SHOW = '\u001B[?25h';
/** A frame written between these is shown at once by terminals that know them (Ink does the same). */
export const SYNC_ON = '\u001B[?2026h';
export const SYNC_OFF = '\u001B[?2026l';
/** Clear the screen and home the cursor: whatever the editor left on the alternate screen goes. */
export const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/** The keyboard: raw mode where it is a terminal. */
export type TerminalInput = {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
/** The screen: anything that takes text. */
export type TerminalOutput = {write: (text: string) => unknown};

/**
 * What the reader set up on the terminal: leaving undoes it, entering does it again. `redraw`
 * draws the whole frame again on a cleared screen, at the terminal's size read anew (screen-keeper.ts).
 */
export type TerminalSetup = {stdin: TerminalInput; stdout: TerminalOutput; isMouseOn: boolean; redraw?: () => void};

/** What leaving writes: mouse off, cursor shown, main screen. */
export function leaveSequence(isMouseOn: boolean): string {
	return `${isMouseOn ? MOUSE_OFF : ''}${CURSOR_SHOW}${ALT_SCREEN_OFF}`;
}

/** What entering writes: alternate screen, cleared, cursor hidden, mouse on. */
export function enterSequence(isMouseOn: boolean): string {
	return `${ALT_SCREEN_ON}${CLEAR_SCREEN}${CURSOR_HIDE}${isMouseOn ? MOUSE_ON : ''}`;
}

/** Gives the terminal back as the shell expects it: main screen, cursor shown, cooked mode, mouse off. */
export function leaveTerminal(setup: TerminalSetup): void {
	setup.stdout.write(leaveSequence(setup.isMouseOn));
	setRaw(setup.stdin, false);
}

/** Takes the terminal again: raw mode first, so no key typed meanwhile is echoed onto the screen. */
export function enterTerminal(setup: TerminalSetup): void {
	setRaw(setup.stdin, true);
	setup.stdout.write(enterSequence(setup.isMouseOn));
}

function setRaw(stdin: TerminalInput, mode: boolean): void {
	if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return;
	try {
		stdin.setRawMode(mode);
	} catch {
		// The terminal went away (a hangup): nothing left to set.
	}
}
