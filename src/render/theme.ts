/**
 * The renderer's styles, from a chalk instance of our own: output depends on the `color` option,
 * never on what supports-color guesses about the process running the tests.
 */
import {Chalk} from 'chalk';

export type Style = (text: string) => string;

export type Theme = {
	/** The chalk instance the styles come from (level 0 without colour: every style is the identity). */
	chalk: InstanceType<typeof Chalk>;
	heading1: Style;
	heading: Style;
	strong: Style;
	em: Style;
	del: Style;
	codespan: Style;
	/** A code block without highlighting. */
	code: Style;
	/** Link text, and the target when shown beside it. */
	link: Style;
	href: Style;
	image: Style;
	quoteBar: Style;
	hr: Style;
	tableBorder: Style;
	tableHeader: Style;
};

/**
 * Styles for colour on (16-colour SGR: what every terminal shows alike) or off (no escape at all).
 * Each colour reads on a dark and on a light background alike: no yellow or cyan (they vanish on
 * white), no dark blue (SGR 34 vanishes on black). Links are underlined, so they stand out from
 * the text without any colour at all.
 */
export function createTheme(color: boolean): Theme {
	const chalk = new Chalk({level: color ? 1 : 0});
	return {
		chalk,
		heading1: chalk.magenta.bold.underline,
		heading: chalk.green.bold,
		strong: chalk.bold,
		em: chalk.italic,
		del: chalk.dim.strikethrough,
		codespan: chalk.red,
		code: chalk.red,
		link: chalk.blueBright.underline,
		href: chalk.blueBright,
		image: chalk.magenta,
		quoteBar: chalk.gray,
		hr: chalk.gray,
		tableBorder: chalk.gray,
		tableHeader: chalk.bold,
	};
}
