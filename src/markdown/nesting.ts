/**
 * marked recurses once per level of nesting: a 40 KB run of `*` overflows the stack, thousands of
 * nested `>` take minutes and gigabytes, hundreds of nested list items seconds. Nesting is capped
 * in the source before anything lexes it, keeping every line (line numbers stay true).
 */

/** Deeper quotes (and lists opened on one line, `> - > 1. a`) than this are read at this depth. */
export const MAX_QUOTE_DEPTH = 16;
/** A list item indented further than this many columns is read as indented this far. */
export const MAX_LIST_INDENT = 64;
/** A run of `*`, `_` or `~` longer than this is cut to this length. */
export const MAX_DELIMITER_RUN = 64;

const DEEP_LIST_ITEM = /^([ \t]{65,})(?=(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
const LONG_RUN = /\*{65,}|_{65,}|~{65,}/g;
// The shortest runs LONG_RUN matches: a plain substring search skips through a post 65 characters at a time.
const LONG_STARS = '*'.repeat(MAX_DELIMITER_RUN + 1);
const LONG_UNDERSCORES = '_'.repeat(MAX_DELIMITER_RUN + 1);
const LONG_TILDES = '~'.repeat(MAX_DELIMITER_RUN + 1);

/** The source with nesting capped, and what was capped (null when nothing was). */
export function capNesting(source: string): {text: string; capped: string | null} {
	// Cheap tests first: almost every post has none of these shapes.
	const hasDeepQuote = hasDeepContainers(source);
	const hasDeepList = /\n[ \t]{65,}/.test(source);
	const hasLongRun = source.includes(LONG_STARS) || source.includes(LONG_UNDERSCORES) || source.includes(LONG_TILDES);
	if (!hasDeepQuote && !hasDeepList && !hasLongRun) return {text: source, capped: null};
	const found = new Set<string>();
	const lines = source.split('\n').map((line) => {
		let out = line;
		const cut = hasDeepQuote ? containerCut(out) : null;
		if (cut) {
			const hasList = /[-*+\d]/.test(out.slice(0, cut.to));
			out = out.slice(0, cut.from) + out.slice(cut.to);
			found.add(
				hasList
					? `lists and quotes opened more than ${MAX_QUOTE_DEPTH} deep on one line`
					: `quotes nested more than ${MAX_QUOTE_DEPTH} deep`,
			);
		}
		const item = hasDeepList ? DEEP_LIST_ITEM.exec(out) : null;
		if (item && columns(item[1]!) > MAX_LIST_INDENT) {
			out = ' '.repeat(MAX_LIST_INDENT) + out.slice(item[1]!.length);
			found.add(`list items indented more than ${MAX_LIST_INDENT} columns`);
		}
		if (hasLongRun && LONG_RUN.test(out)) {
			LONG_RUN.lastIndex = 0;
			out = out.replace(LONG_RUN, (run) => run.slice(0, MAX_DELIMITER_RUN));
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

/**
 * Where the containers a line opens (quote marks and list markers: `> > - 1. * a`) go deeper than
 * MAX_QUOTE_DEPTH: the markers from `from` to `to` are dropped, the rest of the line kept. Null
 * when the line opens no more than that. marked recurses once per container, rescanning the rest
 * of the text each time (5,000 `- ` took seconds, 50,000 overflowed the stack).
 */
function containerCut(line: string, start = 0): {from: number; to: number} | null {
	let depth = 0;
	let from = -1;
	let at = start;
	for (;;) {
		const next = afterContainerMarker(line, at);
		if (next === -1) break;
		depth++;
		if (depth === MAX_QUOTE_DEPTH + 1) from = at;
		at = next;
	}
	return from === -1 ? null : {from, to: at};
}

/** Just after the quote mark or list marker that opens at `at` (spaces before it skipped), or -1. */
function afterContainerMarker(line: string, at: number): number {
	let index = at;
	while (line[index] === ' ' || line[index] === '\t') index++;
	const char = line[index];
	if (char === '>') return index + 1;
	const spaced = (after: number) => (after === line.length || line[after] === ' ' || line[after] === '\t' ? after : -1);
	if (char === '-' || char === '*' || char === '+') return spaced(index + 1);
	let digits = 0;
	while (digits < 10 && line.charCodeAt(index + digits) >= 48 && line.charCodeAt(index + digits) <= 57) digits++;
	if (digits === 0 || digits > 9) return -1;
	const mark = line[index + digits];
	return mark === '.' || mark === ')' ? spaced(index + digits + 1) : -1;
}

/**
 * A line starting with MAX_QUOTE_DEPTH + 1 quote marks or list markers (spaces between), found by
 * the regex engine in one pass: what the walk below can find, and lines it does not count (a
 * marker at a line's end). Each repetition takes a marker, and a marker is no space.
 */
const MAYBE_DEEP = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))){17}/m;

/** True when some line opens more containers than MAX_QUOTE_DEPTH: a walk over line starts (where the regex finds such a line). */
function hasDeepContainers(source: string): boolean {
	if (!MAYBE_DEEP.test(source)) return false;
	for (let start = 0; start < source.length;) {
		if (containerCut(source, start)) return true;
		const newline = source.indexOf('\n', start);
		if (newline === -1) break;
		start = newline + 1;
	}
	return false;
}
