/**
 * Jekyll runs Liquid over a post before markdown sees it. We do the small part of that which notes
 * use, and drop the rest, so no `{% tag %}` or `{{ value }}` is ever shown raw. Every replacement
 * keeps the text's line count, so body lines still map to file lines.
 */

/** What `{{ page.* }}` can resolve to. */
export type LiquidContext = {page: Record<string, unknown>};

const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)(?:\{%-?\s*endraw\s*-?%\}|$)/g;
const COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?(?:\{%-?\s*endcomment\s*-?%\}|$)/g;
const TAG = /\{%-?\s*([\s\S]*?)\s*-?%\}/g;
const OUTPUT = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;

/** Resolves Liquid in `text`; `{% raw %}` blocks are kept literally. */
export function renderLiquid(text: string, context: LiquidContext): string {
	// Every tag and output starts so: most posts have neither, and four passes over them cost more
	// than parsing their front matter (printing 1,000 posts: 33 ms).
	if (!text.includes('{%') && !text.includes('{{')) return text;
	// Split on raw blocks first: what is inside them is text, not Liquid.
	let out = '';
	let last = 0;
	for (const match of text.matchAll(RAW)) {
		out += resolve(text.slice(last, match.index), context) + match[1]!;
		// The tags themselves vanish, but their lines stay.
		out += '\n'.repeat(newlines(match[0]) - newlines(match[1]!));
		last = match.index + match[0].length;
	}
	return out + resolve(text.slice(last), context);
}

function resolve(text: string, context: LiquidContext): string {
	return keepLines(keepLines(keepLines(text, COMMENT, () => ''), TAG, (_, tag) => resolveTag(tag)), OUTPUT, (_, expression) =>
		resolveOutput(expression, context),
	);
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
	'', 'if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'case', 'when', 'endcase', 'for', 'endfor', 'break', 'continue',
	'assign', 'capture', 'endcapture', 'increment', 'decrement', 'cycle', 'tablerow', 'endtablerow', 'seo', 'feed_meta',
	'endraw', 'endcomment', 'include_cached_css', 'toc', 'comment',
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
	return `▣ ${text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]{}()<>#+|!~]/g, match => `\\${match}`)} `;
}

function resolveOutput(expression: string, context: LiquidContext): string {
	const [head = '', ...filters] = expression.split('|').map(part => part.trim());
	// `{{ "/assets/x.png" | relative_url }}`: the literal is the useful part.
	const literal = /^(["'])(.*)\1$/.exec(head);
	if (literal) return literal[2]!;
	const page = /^page\.([\w-]+)$/.exec(head);
	if (page) {
		const value = context.page[page[1]!];
		if (typeof value === 'string' || typeof value === 'number') return String(value);
		if (Array.isArray(value)) return value.filter(item => typeof item === 'string').join(filters.some(f => f.startsWith('join')) ? ', ' : ' ');
	}
	// site.url, site.baseurl and everything else resolve to nothing: links become site-relative.
	return '';
}

function newlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

/** Like String.replace, but pads each replacement with the newlines the match spanned. */
function keepLines(text: string, pattern: RegExp, replace: (match: string, group: string) => string): string {
	return text.replace(pattern, (match: string, group: unknown) => {
		// Without a capture group the second argument is the offset, not text.
		const replacement = replace(match, typeof group === 'string' ? group : '');
		return replacement + '\n'.repeat(Math.max(0, newlines(match) - newlines(replacement)));
	});
}
