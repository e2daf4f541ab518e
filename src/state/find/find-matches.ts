/** Where a find's query occurs in a rendered post: phrases are matched across wrapped rows. */
import {stripStyles} from '../../render/plain.js';
import type {RenderedDoc} from '../../render/types.js';
import {foldText} from '../../search/fold-text.js';

/** A stretch of one row a match covers: `from` to `to` (exclusive), in the row's plain text. */
export type MatchSegment = {line: number; from: number; to: number};

/** One occurrence: the row it starts on, and every row stretch it covers. */
export type FindMatch = {line: number; segments: MatchSegment[]};

/**
 * Folded as the search folds (case and accents: `zieba` finds Zięba, `korbes` Körbes), and blanks
 * (spaces, tabs, no-break spaces) to one space: a wrap is a space too.
 */
const fold = (text: string) => foldText(text).replace(/\s+/g, ' ');

/**
 * Every occurrence of `query` (case, accents and spacing ignored) in the doc. The rows of one paragraph (a
 * run of non-blank rows within a block) are joined with a space, as the source text was before the
 * wrap, so `reading measure` is found where the wrap put `reading` and `measure` on two rows.
 */
export function findMatches(doc: Pick<RenderedDoc, 'lines' | 'blocks'>, query: string): FindMatch[] {
	const needle = fold(query.trim());
	if (needle === '') return [];
	const blockStarts = new Set(doc.blocks.map((block) => block.startLine));
	const matches: FindMatch[] = [];
	let text = '';
	// For each character of `text`, the row and column it came from.
	let origin: Array<{line: number; column: number}> = [];
	const flush = () => {
		const haystack = text;
		for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
			const segments: MatchSegment[] = [];
			for (let index = at; index < at + needle.length; index++) {
				const {line, column} = origin[index]!;
				// The space joining two rows is no character of either: it marks nothing.
				if (column < 0) continue;
				const last = segments.at(-1);
				if (last && last.line === line && last.to === column) last.to = column + 1;
				else segments.push({line, from: column, to: column + 1});
			}
			if (segments.length > 0) matches.push({line: segments[0]!.line, segments});
		}
		text = '';
		origin = [];
	};
	for (const [line, row] of doc.lines.entries()) {
		const plain = stripStyles(row);
		const content = plain.trim();
		if (content === '' || blockStarts.has(line)) flush();
		if (content === '') continue;
		const start = plain.length - plain.trimStart().length;
		if (text !== '') {
			text += ' ';
			origin.push({line, column: -1});
		}
		// Runs of blanks inside a row fold to one space, as in the needle.
		for (let index = 0; index < content.length; index++) {
			const char = content[index]!;
			if (/\s/.test(char) && /\s/.test(content[index - 1] ?? '')) continue;
			// Folded a character at a time (foldText keeps the length), so every character keeps its one origin.
			text += /\s/.test(char) ? ' ' : char.charCodeAt(0) < 128 ? char.toLowerCase() : foldText(char);
			origin.push({line, column: start + index});
		}
	}
	flush();
	return matches;
}
