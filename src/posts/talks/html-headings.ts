/**
 * Posts imported from WordPress, Drupal or a gist often carry their sections as HTML: `<h3>Talk</h3>`
 * blocks, or one HTML block holding headings, lists and links. For talk detection those headings
 * are headings like any other: an HTML block with `<h1>`…`<h6>` in it is read as the markdown it
 * stands for (headings, list items, links, paragraphs), each heading on its own line.
 */
import type {Tokens} from 'marked';
import {decodeEntities, lexBlocks, sanitizeText, type SourceBlock} from '../../markdown/index.js';

/** The most HTML read this way from one block: past it, a block is not a post's text. */
const MAX_HTML = 200_000;

/** An HTML block as the blocks it stands for; other blocks as they are. */
export function expandHtmlHeadings(blocks: SourceBlock[]): SourceBlock[] {
	if (!blocks.some((block) => block.token.type === 'html' && hasHeading(block.token.raw))) return blocks;
	// (The HTML of such a post is often cut into several blocks at its blank lines: the ones holding a
	// section's list items are that section's notes, read as the list they stand for.)
	return blocks.flatMap((block) =>
		block.token.type === 'html' && (hasHeading(block.token.raw) || hasItems(block.token.raw))
			? readHtml(block)
			: [block],
	);
}

function hasItems(raw: string): boolean {
	const lower = raw.slice(0, MAX_HTML).toLowerCase();
	for (let at = lower.indexOf('<li'); at !== -1; at = lower.indexOf('<li', at + 3)) {
		const next = lower[at + 3];
		if (next === '>' || next === ' ' || next === '\n' || next === '\t') return true;
	}
	return false;
}

function hasHeading(raw: string): boolean {
	const lower = raw.slice(0, MAX_HTML).toLowerCase();
	for (let at = lower.indexOf('<h'); at !== -1; at = lower.indexOf('<h', at + 2)) {
		const digit = lower.charCodeAt(at + 2);
		if (digit >= 0x31 && digit <= 0x36) return true;
	}
	return false;
}

function countLines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

/** Text of an HTML fragment: tags out, entities decoded, neutralised like every string from a post. */
function textOf(html: string): string {
	return sanitizeText(decodeEntities(stripTags(html)))
		.replace(/\s+/g, ' ')
		.trim();
}

/** Tags removed by a scan (no pattern over the text between them). */
function stripTags(html: string): string {
	let out = '';
	let at = 0;
	while (at < html.length) {
		const open = html.indexOf('<', at);
		if (open === -1) {
			out += html.slice(at);
			break;
		}
		out += html.slice(at, open);
		const close = html.indexOf('>', open + 1);
		if (close === -1) {
			out += html.slice(open);
			break;
		}
		out += ' ';
		at = close + 1;
	}
	return out;
}

/**
 * The markdown an HTML fragment stands for, as far as talks are concerned: `<li>` items as list
 * items, `<a href>` as links, paragraphs and line breaks as blank lines, other tags dropped.
 */
function markdownOf(html: string): string {
	let out = '';
	let at = 0;
	let href: string | null = null;
	let linkText = '';
	while (at < html.length) {
		const open = html.indexOf('<', at);
		const text = open === -1 ? html.slice(at) : html.slice(at, open);
		if (href !== null) linkText += text;
		else out += text.replace(/\s+/g, ' ');
		if (open === -1) break;
		const close = html.indexOf('>', open + 1);
		if (close === -1) break;
		const tag = html.slice(open + 1, close);
		const name = /^\/?([a-zA-Z][\w-]{0,20})/.exec(tag)?.[1]?.toLowerCase() ?? '';
		const closing = tag.startsWith('/');
		if (name === 'li' && !closing) out += '\n- ';
		else if (name === 'a' && !closing) {
			href = /\bhref\s*=\s*"([^"]{0,2000})"/i.exec(tag)?.[1] ?? /\bhref\s*=\s*'([^']{0,2000})'/i.exec(tag)?.[1] ?? '';
			linkText = '';
		} else if (name === 'a' && closing && href !== null) {
			const label = linkText.replace(/\s+/g, ' ').trim().replace(/[[\]]/g, '');
			out += href === '' ? label : `[${label}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
			href = null;
		} else if (['p', 'div', 'br', 'ul', 'ol', 'pre', 'blockquote', 'table', 'tr'].includes(name)) out += '\n\n';
		at = close + 1;
	}
	return decodeEntities(out);
}

function readHtml(block: SourceBlock): SourceBlock[] {
	const raw = block.token.raw.slice(0, MAX_HTML);
	const lower = raw.toLowerCase();
	const result: SourceBlock[] = [];
	let from = 0;
	const flush = (until: number) => {
		const fragment = raw.slice(from, until);
		if (fragment.trim() === '') return;
		const line = block.line + countLines(raw.slice(0, from));
		let inner: SourceBlock[];
		try {
			inner = lexBlocks(markdownOf(fragment));
		} catch {
			return;
		}
		// Lines inside the fragment are approximate; each block is placed at the fragment's first line.
		for (const piece of inner) if (piece.token.type !== 'space') result.push({token: piece.token, line});
	};
	for (let at = lower.indexOf('<h'); at !== -1; at = lower.indexOf('<h', at + 2)) {
		const depth = lower.charCodeAt(at + 2) - 0x30;
		if (depth < 1 || depth > 6 || !/[\s>]/.test(lower[at + 3] ?? '')) continue;
		const start = lower.indexOf('>', at);
		const end = lower.indexOf(`</h${depth}`, start);
		if (start === -1 || end === -1) continue;
		flush(at);
		const text = textOf(raw.slice(start + 1, end));
		const line = block.line + countLines(raw.slice(0, at));
		const token = {
			type: 'heading',
			raw: raw.slice(at, end + 5),
			depth,
			text,
			tokens: [{type: 'text', raw: text, text, escaped: false}],
		} as unknown as Tokens.Heading;
		if (text !== '') result.push({token, line});
		from = lower.indexOf('>', end) + 1;
		at = from - 2;
	}
	flush(raw.length);
	return result;
}
