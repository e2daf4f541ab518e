/** Key sequences as a terminal sends them, for ink-testing-library's stdin. */
export const keys = {
	down: '\u001B[B',
	up: '\u001B[A',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	ctrlC: '\u0003',
	ctrlF: '\u0006',
	ctrlU: '\u0015',
	backspace: '\u007F',
};

/** Lets Ink handle input and draw: frames update after a macrotask, not synchronously. */
export const tick = (ms = 0) => new Promise(resolve => setTimeout(resolve, ms));

/** Writes each key in turn, waiting for the frame after each one (a key sent too soon is lost). */
export async function press(stdin: {write: (data: string) => void}, ...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		stdin.write(key);
		await tick(20);
	}
}

/**
 * Ink styles with chalk, which turns every style off where stdout is not a terminal (as in these
 * tests); the reader turns them back on (run-reader.tsx), and so do the tests that look at marks.
 */
export async function keepInkStyles(): Promise<void> {
	const {default: chalk} = await import('chalk');
	chalk.level = 1;
}
