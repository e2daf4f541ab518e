import {createRequire} from 'node:module';
import type {Terminal as TerminalType} from '@xterm/headless';

const {Terminal} = createRequire(import.meta.url)('@xterm/headless') as {Terminal: typeof TerminalType};

/**
 * Plays what a program wrote into a fresh headless xterm and returns every line of the shell's
 * (normal) buffer, scrollback included: what a user scrolls back through after quitting.
 */
export async function normalBufferAfter(raw: string, cols: number, rows: number): Promise<string[]> {
	const terminal = new Terminal({cols, rows, scrollback: 5000, allowProposedApi: true});
	// The pty turned \n into \r\n already; the program's output is replayed as it arrived.
	await new Promise<void>((resolve) => terminal.write(raw, resolve));
	const buffer = terminal.buffer.normal;
	const lines: string[] = [];
	for (let row = 0; row < buffer.length; row++) lines.push(buffer.getLine(row)?.translateToString(true) ?? '');
	terminal.dispose();
	return lines;
}
