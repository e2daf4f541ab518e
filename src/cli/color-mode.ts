import type {ColorChoice} from './args.js';

/** Styled or plain, by the usual conventions: --color first, then NO_COLOR, FORCE_COLOR, a terminal. */
export function chooseColor(choice: ColorChoice, isTty: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
	if (choice === 'always') return true;
	if (choice === 'never') return false;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	const force = env['FORCE_COLOR'];
	if (force !== undefined) return force !== '0' && force !== 'false';
	return isTty;
}

/**
 * OSC 8 links only where a terminal is known to show them: in a pipe nobody knows what will
 * display the text (`less -R` before 566 prints them as garbage), so FORCE_HYPERLINK decides there.
 */
export function chooseHyperlinks(
	color: boolean,
	isTty: boolean,
	supportsOnTty: boolean,
	env: NodeJS.ProcessEnv = process.env,
): boolean {
	if (!color) return false;
	const force = env['FORCE_HYPERLINK'];
	if (force !== undefined) return force !== '0' && force !== 'false';
	return isTty && supportsOnTty;
}

/** The width to print at: --width, else the terminal's capped at 100, else 80. */
export function printWidth(requested: number | null, columns: number | undefined): number {
	if (requested !== null) return requested;
	if (columns && columns > 0) return Math.max(20, Math.min(columns, 100));
	return 80;
}
