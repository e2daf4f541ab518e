/**
 * Posts made to be slow: long runs of the characters that open something (a Liquid tag, a link, a
 * code span, emphasis, a heading, a table, a quote) with no closer, or with whitespace where a
 * pattern would try every split. A parser that backtracks or rescans from every opener is
 * quadratic or worse on one of these; a linear one reads 100 KB of any of them in milliseconds.
 * Used by the property tests (test/posts/linear-time.test.ts) and by the bench's slowest-input row.
 */
import {parsePost} from '../src/posts/parse-post.js';
import {renderMarkdown} from '../src/render/render-markdown.js';
import {searchableSessions} from '../src/search/searchable.js';
import {createSessionIndex} from '../src/search/session-index.js';

/** What opens a construct in a post: each parser looks for its closer after one of these. */
export const OPENERS = [
	'{%',
	'{{',
	'[',
	'<',
	'`',
	'*',
	'_',
	'#',
	'|',
	'>',
	'![',
	'](',
	'<!--',
	'<?',
	'<![CDATA[',
	'&#',
	'\\',
	'~',
	'-',
	':',
	'=',
	'"',
	'!',
] as const;

/** `unit` repeated to `size` characters (whole units, at least one). */
function run(unit: string, size: number): string {
	return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** One hostile post text: a name saying what it is, and the whole file (front matter or not). */
export type HostileText = {name: string; text: string};

/**
 * The hostile shapes at about `size` characters: each opener alone, followed by spaces, spaced
 * out, interleaved with words and line breaks, and in the places posts give meaning (a heading
 * that names the post, a list item, a table row, a front matter value).
 */
export function hostileTexts(size: number): HostileText[] {
	const texts: HostileText[] = [
		{name: 'spaces', text: run(' ', size)},
		{name: 'tabs and spaces', text: run(' \t', size)},
		{name: 'blank lines then text', text: `${run('\n', size)}x`},
		{name: 'spaced lines', text: run(' \n', size)},
		{name: 'heading title with spaces', text: `# a${run(' ', size)}b`},
		{name: 'heading title with hashes', text: `# a${run(' #', size)}b`},
		{name: 'raw block unclosed', text: `{% raw %}${run(' ', size)}`},
		{name: 'comment block unclosed', text: `{% comment %}${run('{% ', size)}`},
		{name: 'front matter value of spaces', text: `---\ntitle: a${run(' ', size)}b\n---\nx`},
		{name: 'front matter broken with spaces', text: `---\ntitle: [a\nb:${run(' ', size)}c\n---\nx`},
		{name: 'front matter never closed', text: `---\n${run('a: b\n', size)}`},
		{name: 'session line with spaces', text: `Sessions I attended:\n\n* a${run(' ', size)}by b`},
		{name: 'session line of dashes', text: `Sessions I attended:\n\n* [a](https://x.example) ${run('- ', size)}`},
		{name: 'speakers with ands', text: `Sessions I attended:\n\n* [a - b](https://x.example) ${run('& ', size)}`},
		{name: 'link text with a URL among spaces', text: `[a${run(' ', size)}https://x.example](https://y.example)`},
		{name: 'emphasis that never closes', text: run('*a _', size)},
		{name: 'links that never close', text: run('[a](', size)},
		{name: 'quotes and lists on one line', text: `${run('> - 1. ', size)}a`},
		{
			name: 'front matter of many keys',
			text: `---\n${Array.from({length: Math.ceil(size / 16)}, (_, index) => `key${index}: value`).join('\n')}\n---\nx`,
		},
		{name: 'front matter of many aliases', text: `---\na: &a x\nb: [${run('*a, ', size)}*a]\n---\nx`},
	];
	for (const opener of OPENERS) {
		const name = JSON.stringify(opener);
		texts.push(
			{name: `${name} run`, text: run(opener, size)},
			{name: `${name} then spaces`, text: `${opener}${run(' ', size)}x`},
			{name: `${name} spaced`, text: run(`${opener} `, size)},
			{name: `${name} with words`, text: run(`${opener}a `, size)},
			{name: `${name} per line`, text: run(`${opener}\n`, size)},
			{name: `${name} in a heading`, text: `# ${run(opener, size)}`},
			{name: `${name} in a list item`, text: `* ${run(opener, size)}`},
			{name: `${name} in a table`, text: `| a | b |\n|---|---|\n| ${run(opener, size)} | c |`},
			{
				name: `${name} in the title`,
				text: `---\ntitle: "${run(opener.replaceAll('\\', '\\\\').replaceAll('"', '\\"'), size)}"\n---\n{{ page.title }}`,
			},
		);
	}
	return texts;
}

/**
 * Everything the reader and the commands do with a post's text: parse (front matter, Liquid,
 * title, nesting), topics, sessions, excerpt, the session index, and rendering at a width.
 */
export function throughEveryParser(text: string, width = 100): number {
	const post = parsePost({text, id: 'hostile.md', path: '/notes/hostile.md', displayPath: 'hostile.md'});
	let size = post.title.length + post.excerpt.length + post.topics.length + post.sessions.length;
	const index = createSessionIndex(searchableSessions([post]));
	size += index.size;
	if (post.sessions[0]) size += index.search(post.sessions[0].title.slice(0, 40)).length;
	size += renderMarkdown(post.body, {width, color: true, hyperlinks: true}).lines.length;
	return size;
}
