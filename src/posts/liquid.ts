/**
 * Jekyll runs Liquid over a post before markdown sees it. We do the small part of that which notes
 * use, and drop the rest, so no `{% tag %}` or `{{ value }}` is ever shown raw. Every replacement
 * keeps the text's line count, so body lines still map to file lines.
 */
import {MAX_POST_BYTES} from './post-limits.js';

/** What `{{ page.* }}` can resolve to. */
export type LiquidContext = {page: Record<string, unknown>};

/**
 * The longest tag or output read as Liquid, between its braces. Real ones are under a hundred
 * characters (the corpus's longest is 51); an opener without a closer this near is text, as
 * Jekyll would fail on it. It also bounds what a placeholder is made from.
 */
export const MAX_TAG_CHARS = 2000;

/**
 * How much longer than its source a post may become by its Liquid: `{{ page.x }}` repeats a front
 * matter value, so a small file could otherwise grow without end (6,000 copies of a 100 KB value
 * broke every command). One more megabyte is as much work as rendering a 1 MB post, which the bench
 * budgets at 300 ms, and no post ever grows past the size a post may be read at.
 */
export const MAX_LIQUID_GROWTH = 1024 * 1024;

/** What Liquid made of a text: the text, and whether it was left unexpanded for growing too large. */
export type LiquidResult = {text: string; isOverLimit: boolean};

/** Resolves Liquid in `text`; `{% raw %}` blocks are kept literally. */
export function renderLiquid(text: string, context: LiquidContext): string {
	return expandLiquid(text, context).text;
}

/**
 * Resolves Liquid in `text` in one pass, in time linear in its length: openers and closers are
 * found with indexOf, each closer's position is reused by every opener before it (100 KB of `{%`
 * with no `%}` is one search, not one per opener), and an opener whose closer is further than
 * MAX_TAG_CHARS is text. When the result would be longer than `limit` (default: the text's length
 * plus MAX_LIQUID_GROWTH, at most the largest post), the text comes back unexpanded.
 */
export function expandLiquid(text: string, context: LiquidContext, limit = liquidLimit(text.length)): LiquidResult {
	// Every tag and output starts so: most posts have neither, and a scan over them costs more than
	// parsing their front matter (printing 1,000 posts: 33 ms).
	if (!text.includes('{%') && !text.includes('{{')) return {text, isOverLimit: false};
	const scanner = new LiquidScanner(text);
	let out = '';
	let last = 0;
	for (let found = scanner.next(0); found !== null; found = scanner.next(last)) {
		out += text.slice(last, found.start);
		let end = found.end;
		let replacement: string;
		if (found.kind === 'output') replacement = resolveOutput(found.content, context);
		else {
			const name = tagName(found.content);
			if (name === 'raw' || name === 'comment') {
				// Everything up to the matching end tag (or the end of the text) is text, or nothing.
				const close = scanner.nextTagNamed(`end${name}`, found.end);
				const inner = text.slice(found.end, close ? close.start : text.length);
				end = close ? close.end : text.length;
				replacement = name === 'raw' ? inner : '';
			} else replacement = resolveTag(found.content);
		}
		// The tags themselves vanish, but their lines stay.
		out += replacement + '\n'.repeat(Math.max(0, countLines(text, found.start, end) - newlines(replacement)));
		last = end;
		if (out.length > limit) return {text, isOverLimit: true};
	}
	out += text.slice(last);
	return out.length > limit ? {text, isOverLimit: true} : {text: out, isOverLimit: false};
}

/** The longest a text of `length` characters may grow to by its Liquid. */
export function liquidLimit(length: number): number {
	return Math.min(MAX_POST_BYTES, length + MAX_LIQUID_GROWTH);
}

type Found = {kind: 'tag' | 'output'; start: number; end: number; content: string};

/**
 * Finds `{% … %}` and `{{ … }}` left to right. Each closer is searched for once and kept until the
 * scan passes it, so the work over any text is one walk for openers and one for each closer.
 */
class LiquidScanner {
	private readonly closers = {tag: {at: -2, text: '%}'}, output: {at: -2, text: '}}'}};

	constructor(private readonly text: string) {}

	/** The next tag or output starting at or after `from`, or null. */
	next(from: number): Found | null {
		const {text} = this;
		for (let at = text.indexOf('{', from); at !== -1 && at < text.length - 1; at = text.indexOf('{', at + 1)) {
			const second = text[at + 1];
			if (second !== '%' && second !== '{') continue;
			const kind = second === '%' ? 'tag' : 'output';
			const close = this.closerAfter(kind, at + 2);
			if (close === -1) {
				// No closer of this kind anywhere after: no opener of this kind is Liquid from here on.
				continue;
			}
			if (close - (at + 2) > MAX_TAG_CHARS) continue;
			let content = text.slice(at + 2, close);
			// Whitespace control (`{%-`, `-%}`) trims the page around the tag; here only the tag.
			if (content.startsWith('-')) content = content.slice(1);
			if (content.endsWith('-')) content = content.slice(0, -1);
			return {kind, start: at, end: close + 2, content: content.trim()};
		}
		return null;
	}

	/** The next tag after `from` whose name is `name` (`endraw`), or null. */
	nextTagNamed(name: string, from: number): Found | null {
		for (let found = this.next(from); found !== null; found = this.next(found.end)) {
			if (found.kind === 'tag' && tagName(found.content) === name) return found;
			// Inside raw or a comment an output's braces are text: step over its opener only.
			if (found.kind === 'output') found.end = found.start + 2;
		}
		return null;
	}

	/** Where the first closer of `kind` at or after `from` starts, or -1; searched again only once passed. */
	private closerAfter(kind: 'tag' | 'output', from: number): number {
		const closer = this.closers[kind];
		if (closer.at === -1 || closer.at >= from) return closer.at;
		closer.at = this.text.indexOf(closer.text, from);
		return closer.at;
	}
}

/** A tag's name: its first word (`raw`, `include`, `endhighlight`). */
function tagName(content: string): string {
	const space = content.search(/\s/);
	return space === -1 ? content : content.slice(0, space);
}

function resolveTag(tag: string): string {
	const [name = '', ...args] = tag.trim().split(/\s+/);
	switch (name) {
		case 'highlight': {
			// `{% highlight go linenos %}` -> a fenced block in that language.
			return '```' + (args[0] ?? '');
		}
		case 'endhighlight': {
			return '```';
		}
		case 'link':
		case 'post_url': {
			// A site-relative target: shown as text by the renderer, never fetched.
			return args[0] ?? '';
		}
		default: {
			// Control flow and page furniture are invisible on the site too.
			if (SILENT_TAGS.has(name)) return '';
			// include, gist, youtube and other plugin tags put something on the page: say what was
			// there, so the text around it still reads right.
			return placeholder(name, args.join(' '));
		}
	}
}

/** Tags that render nothing a reader of the page would see. */
const SILENT_TAGS = new Set([
	'',
	'if',
	'elsif',
	'else',
	'endif',
	'unless',
	'endunless',
	'case',
	'when',
	'endcase',
	'for',
	'endfor',
	'break',
	'continue',
	'assign',
	'capture',
	'endcapture',
	'increment',
	'decrement',
	'cycle',
	'tablerow',
	'endtablerow',
	'seo',
	'feed_meta',
	'endraw',
	'endcomment',
	'include_cached_css',
	'toc',
	'comment',
]);

/**
 * A quiet one-line stand-in for a tag: `▣ include figure.html: The keynote`, naming the tag, its
 * file or first word, and a caption, alt or title when the tag gives one. Markdown punctuation is
 * escaped so the stand-in reads as text, and line breaks inside the tag are folded.
 */
function placeholder(name: string, argText: string): string {
	const described = /\b(?:caption|alt|title|description)\s*=\s*(["'])([\s\S]*?)\1/.exec(argText)?.[2];
	const first = /^(["']?)([^\s"']+)\1/.exec(argText.trim())?.[2] ?? '';
	const what = [name, first.includes('=') ? '' : first].filter(Boolean).join(' ');
	const text = described ? `${what}: ${described}` : what;
	// The trailing space keeps the words after an inline tag apart from it.
	return `▣ ${text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_[\]{}()<>#+|!~]/g, (match) => `\\${match}`)} `;
}

function resolveOutput(expression: string, context: LiquidContext): string {
	const [head = '', ...filters] = expression.split('|').map((part) => part.trim());
	// `{{ "/assets/x.png" | relative_url }}`: the literal is the useful part.
	const literal = /^(["'])(.*)\1$/.exec(head);
	if (literal) return literal[2]!;
	const page = /^page\.([\w-]+)$/.exec(head);
	if (page) {
		const value = context.page[page[1]!];
		if (typeof value === 'string' || typeof value === 'number') return String(value);
		if (Array.isArray(value))
			return value
				.filter((item) => typeof item === 'string')
				.join(filters.some((f) => f.startsWith('join')) ? ', ' : ' ');
	}
	// site.url, site.baseurl and everything else resolve to nothing: links become site-relative.
	return '';
}

function newlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

/** The line breaks in `text` between `start` and `end`. */
function countLines(text: string, start: number, end: number): number {
	let count = 0;
	for (let index = text.indexOf('\n', start); index !== -1 && index < end; index = text.indexOf('\n', index + 1))
		count++;
	return count;
}
