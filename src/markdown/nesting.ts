/**
 * marked recurses once per level of nesting: a 40 KB run of `*` overflows the stack, thousands of
 * nested `>` take minutes and gigabytes, hundreds of nested list items seconds. Nesting is capped
 * in the source before anything lexes it, keeping every line (line numbers stay true).
 */

/** Deeper quotes than this are read at this depth. */
export const MAX_QUOTE_DEPTH = 16;
/** A list item indented further than this many columns is read as indented this far. */
export const MAX_LIST_INDENT = 64;
/** A run of `*`, `_` or `~` longer than this is cut to this length. */
export const MAX_DELIMITER_RUN = 64;

const QUOTE_PREFIX = /^(?:[ \t]{0,3}>){17,}/;
const DEEP_LIST_ITEM = /^([ \t]{65,})(?=(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
const LONG_RUN = /\*{65,}|_{65,}|~{65,}/g;
// The shortest runs LONG_RUN matches: a plain substring search skips through a post 65 characters at a time.
const LONG_STARS = '*'.repeat(MAX_DELIMITER_RUN + 1);
const LONG_UNDERSCORES = '_'.repeat(MAX_DELIMITER_RUN + 1);
const LONG_TILDES = '~'.repeat(MAX_DELIMITER_RUN + 1);

/** The source with nesting capped, and what was capped (null when nothing was). */
export function capNesting(source: string): {text: string; capped: string | null} {
	// Cheap tests first: almost every post has none of these shapes.
	const hasDeepQuote = source.includes('>'.repeat(4)) || /(?:>[ \t]*){17}/.test(source);
	const hasDeepList = /\n[ \t]{65,}/.test(source);
	const hasLongRun = source.includes(LONG_STARS) || source.includes(LONG_UNDERSCORES) || source.includes(LONG_TILDES);
	if (!hasDeepQuote && !hasDeepList && !hasLongRun) return {text: source, capped: null};
	const found = new Set<string>();
	const lines = source.split('\n').map(line => {
		let out = line;
		const quote = hasDeepQuote ? QUOTE_PREFIX.exec(out) : null;
		if (quote) {
			out = '>'.repeat(MAX_QUOTE_DEPTH) + out.slice(quote[0].length);
			found.add(`quotes nested more than ${MAX_QUOTE_DEPTH} deep`);
		}
		const item = hasDeepList ? DEEP_LIST_ITEM.exec(out) : null;
		if (item && columns(item[1]!) > MAX_LIST_INDENT) {
			out = ' '.repeat(MAX_LIST_INDENT) + out.slice(item[1]!.length);
			found.add(`list items indented more than ${MAX_LIST_INDENT} columns`);
		}
		if (hasLongRun && LONG_RUN.test(out)) {
			LONG_RUN.lastIndex = 0;
			out = out.replace(LONG_RUN, run => run.slice(0, MAX_DELIMITER_RUN));
			found.add(`runs of more than ${MAX_DELIMITER_RUN} emphasis marks`);
		}
		LONG_RUN.lastIndex = 0;
		return out;
	});
	return found.size === 0 ? {text: source, capped: null} : {text: lines.join('\n'), capped: [...found].join(', ')};
}

function columns(indent: string): number {
	let width = 0;
	for (const char of indent) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
	return width;
}
