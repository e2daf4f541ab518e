/**
 * What kramdown (Jekyll's renderer) reads differently from marked, as marked tokenizers, so the
 * post model and the renderer see one structure:
 *
 * - footnotes: `[^label]: note` (a `footnote` block, indented continuation paragraphs included)
 *   and `text[^label]` (a `footnoteRef`, only for a label some definition gives, as kramdown);
 * - attribute lists `{:.class}`, `{: #id}`, `{:target="_blank"}`: `blockAttributes` on a line of
 *   their own, `spanAttributes` inline (a header id `{#id}` ending the text too). They carry
 *   no text: nothing derived from them is shown;
 * - HTML starting with a span-level element (`<br/>`, `<a>`, `<img>`, `<span>`…) is paragraph
 *   text, as kramdown reads it, not an HTML block: markdown after a `<br/>` line is rendered.
 *
 * Tokens made here have no `text` field, so inline text (topic names, sessions) skips them.
 */
import type {MarkedExtension, Token, TokenizerAndRendererExtension, Tokens} from 'marked';

/** A footnote definition: its label and its content as block tokens. */
export type FootnoteToken = {type: 'footnote'; raw: string; label: string; tokens: Token[]};
/** A footnote reference in text. */
export type FootnoteRefToken = {type: 'footnoteRef'; raw: string; label: string};

/** Labels defined in the document a lexer reads: a reference counts only when its note exists. */
const definedLabels = new WeakMap<object, Set<string>>();

/** The footnote labels a lexer has read definitions of (undefined: none). */
export function footnoteLabels(lexer: object): ReadonlySet<string> | undefined {
	return definedLabels.get(lexer);
}

const FOOTNOTE_HEAD = /^ {0,3}\[\^([^\]\s]{1,100})\]:[ \t]*/;
const FOOTNOTE_START = /^ {0,3}\[\^[^\]\s]{1,100}\]:/m;
const REFERENCE = /^\[\^([^\]\s]{1,100})\]/;
const BLOCK_IAL = /^ {0,3}\{:(?!:)[^{}\n]{0,500}\}[ \t]*(?:\n|$)/;
const BLOCK_IAL_START = /^ {0,3}\{:(?!:)[^{}\n]{0,500}\}[ \t]*$/m;
const SPAN_IAL = /^\{:(?!:)[^{}\n]{0,500}\}/;
// kramdown's header id, `## Day 2 {#day-2}`: taken only at the very end of the inline text.
const HEADER_ID = /^\{#[A-Za-z][\w:.-]{0,200}\}[ \t]*$/;
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]+\]:/;

/** Elements kramdown reads as span-level: a line starting with one is text, not an HTML block. */
const SPAN_ELEMENTS = new Set([
	'a',
	'abbr',
	'acronym',
	'b',
	'bdo',
	'big',
	'br',
	'button',
	'cite',
	'code',
	'del',
	'dfn',
	'em',
	'i',
	'img',
	'input',
	'ins',
	'kbd',
	'label',
	'mark',
	'q',
	's',
	'samp',
	'small',
	'span',
	'strike',
	'strong',
	'sub',
	'sup',
	'time',
	'tt',
	'u',
	'var',
]);

/**
 * Where a footnote definition or a block attribute list first starts before the next blank line.
 * A block `start` only cuts the paragraph being read, and marked asks at every paragraph: scanning
 * the whole rest of the post each time would be quadratic in its length. One start serves both
 * block extensions (marked cuts at the earliest start any extension gives), so the blank line is
 * searched for once per paragraph, and each pattern runs only when its opening characters are there.
 */
function blockStart(src: string): number | undefined {
	const blank = src.search(/\n[ \t]*(?:\n|$)/);
	const paragraph = blank === -1 ? src : src.slice(0, blank + 1);
	const footnote = paragraph.includes('[^') ? FOOTNOTE_START.exec(paragraph)?.index : undefined;
	const attributes = paragraph.includes('{:') ? BLOCK_IAL_START.exec(paragraph)?.index : undefined;
	if (footnote === undefined) return attributes;
	return attributes === undefined ? footnote : Math.min(footnote, attributes);
}

/**
 * True when `src` starts, after at most three spaces, with `open`: the tokenizers are asked at
 * every block or inline position, and this test is cheaper than a pattern that fails there.
 */
function opensWith(src: string, open: string): boolean {
	let at = 0;
	while (at < 3 && src.charCodeAt(at) === 0x20) at++;
	return src.startsWith(open, at);
}

/** The length of a footnote definition at the start of `src`: its first line, lazy lines, and indented blocks after blank lines. */
function footnoteLength(src: string): {end: number; content: string} {
	let end = src.indexOf('\n');
	if (end === -1) return {end: src.length, content: src.replace(FOOTNOTE_HEAD, '')};
	const content = [src.slice(0, end).replace(FOOTNOTE_HEAD, '')];
	let blank = 0;
	let previousBlank = false;
	for (let from = end + 1; from < src.length;) {
		const next = src.indexOf('\n', from);
		const lineEnd = next === -1 ? src.length : next;
		const line = src.slice(from, lineEnd);
		if (line.trim() === '') {
			blank++;
			previousBlank = true;
		} else if (/^(?: {4}|\t)/.test(line) || (!previousBlank && !DEFINITION_LINE.test(line))) {
			for (; blank > 0; blank--) content.push('');
			content.push(line.replace(/^(?: {4}|\t)/, ''));
			end = lineEnd;
			previousBlank = false;
		} else {
			break;
		}
		from = lineEnd + 1;
	}
	// The definition keeps its own line end: the blank lines after it belong to what follows.
	return {end: end < src.length ? end + 1 : end, content: content.join('\n')};
}

const footnote: TokenizerAndRendererExtension = {
	name: 'footnote',
	level: 'block',
	// Also where block attribute lists start (see blockStart).
	start: blockStart,
	tokenizer(src) {
		if (!opensWith(src, '[^')) return undefined;
		const head = FOOTNOTE_HEAD.exec(src);
		if (!head) return undefined;
		const {end, content} = footnoteLength(src);
		let labels = definedLabels.get(this.lexer);
		if (!labels) definedLabels.set(this.lexer, (labels = new Set()));
		labels.add(head[1]!);
		const token: FootnoteToken = {
			type: 'footnote',
			raw: src.slice(0, end),
			label: head[1]!,
			tokens: this.lexer.blockTokens(content, []),
		};
		return token as unknown as Tokens.Generic;
	},
};

const footnoteRef: TokenizerAndRendererExtension = {
	name: 'footnoteRef',
	level: 'inline',
	start: (src) => {
		const index = src.indexOf('[^');
		return index === -1 ? undefined : index;
	},
	tokenizer(src) {
		if (!src.startsWith('[^')) return undefined;
		const found = REFERENCE.exec(src);
		if (!found || !definedLabels.get(this.lexer)?.has(found[1]!)) return undefined;
		const token: FootnoteRefToken = {type: 'footnoteRef', raw: found[0], label: found[1]!};
		return token as unknown as Tokens.Generic;
	},
};

const blockAttributes: TokenizerAndRendererExtension = {
	name: 'blockAttributes',
	level: 'block',
	// Its start is the footnote's (blockStart finds both).
	tokenizer(src) {
		if (!opensWith(src, '{:')) return undefined;
		const found = BLOCK_IAL.exec(src);
		return found ? {type: 'blockAttributes', raw: found[0]} : undefined;
	},
};

const spanAttributes: TokenizerAndRendererExtension = {
	name: 'spanAttributes',
	level: 'inline',
	start: (src) => {
		// The first `{:` or `{#`: asked at every run of text, so a plain search for `{`, not a regex.
		for (let index = src.indexOf('{'); index !== -1; index = src.indexOf('{', index + 1)) {
			const next = src.charCodeAt(index + 1);
			if (next === 0x3a || next === 0x23) return index;
		}
		return undefined;
	},
	tokenizer(src) {
		if (src.charCodeAt(0) !== 0x7b) return undefined;
		const found = SPAN_IAL.exec(src) ?? HEADER_ID.exec(src);
		return found ? {type: 'spanAttributes', raw: found[0]} : undefined;
	},
};

/** `##Title`: kramdown (Jekyll) takes hashes without a space after them as a heading; CommonMark does not. */
const SPACELESS_HEADING = /^ {0,3}(#{1,6})([^#\s][^\n]*)(?:\n+|$)/;

/** The text of a heading, its closing hashes (`## Title ##`) removed; a scan, so no backtracking. */
function headingText(text: string): string {
	let end = text.length;
	while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	let hashes = end;
	while (hashes > 0 && text[hashes - 1] === '#') hashes--;
	if (hashes < end && hashes > 0 && (text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) end = hashes;
	return text.slice(0, end).trim();
}

/** HTML starting with a span-level element is paragraph text, as kramdown reads it. */
const spanLevelHtml: MarkedExtension['tokenizer'] = {
	heading(src) {
		// Only the spaceless form: marked reads `## Title` itself (returning false asks it).
		const match = src.charCodeAt(0) === 0x23 || src.startsWith(' ') ? SPACELESS_HEADING.exec(src) : null;
		if (!match) return false;
		const text = headingText(match[2]!);
		return {type: 'heading', raw: match[0], depth: match[1]!.length, text, tokens: this.lexer.inline(text)};
	},
	html(src) {
		const tag = /^ {0,3}<\/?([a-zA-Z][\w-]*)/.exec(src);
		// Not an HTML block: the paragraph tokenizer takes it (returning false would ask marked's own).
		if (tag && SPAN_ELEMENTS.has(tag[1]!.toLowerCase())) return undefined;
		return false;
	},
};

const variants = new Map<number, MarkedExtension>();

/**
 * The kramdown tokenizers a document can need: the footnote ones only when it holds `[^`, the
 * attribute-list ones only when it holds `{:` or `{#`. Without those characters they never match,
 * yet marked would ask them at every block and inline position, and ask where they start in every
 * run of text: a document lexes the same and faster without them.
 */
export function kramdownExtensionFor(footnotes: boolean, attributes: boolean): MarkedExtension {
	const key = (footnotes ? 1 : 0) + (attributes ? 2 : 0);
	let extension = variants.get(key);
	if (extension === undefined) {
		const extensions: TokenizerAndRendererExtension[] = [];
		if (footnotes) extensions.push(footnote, footnoteRef);
		// blockStart finds where either block extension starts: it goes with the first one there is.
		if (attributes)
			extensions.push(footnotes ? blockAttributes : {...blockAttributes, start: blockStart}, spanAttributes);
		extension = extensions.length === 0 ? {tokenizer: spanLevelHtml} : {extensions, tokenizer: spanLevelHtml};
		variants.set(key, extension);
	}
	return extension;
}

/** The kramdown tokenizers, all of them: for a marked instance that reads any document. */
export const kramdownExtension: MarkedExtension = kramdownExtensionFor(true, true);
