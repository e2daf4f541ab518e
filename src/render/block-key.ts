/** A block's identity by content: its words without markup, the same at every width and colour. */
import type {Token, Tokens} from 'marked';
import {decodeEntities} from '../markdown/entities.js';
import {sanitizeText} from '../markdown/sanitize.js';

/** Raw HTML's text: tags and comments dropped. */
function htmlWords(html: string): string {
	return decodeEntities(html.replace(/<!--[\s\S]*?(?:-->|$)|<[^>]{0,2000}>/g, ' '));
}

function collect(token: Token, out: string[]): void {
	switch (token.type) {
		case 'space':
		case 'def':
		case 'hr':
		case 'br':
		case 'checkbox':
			return;
		case 'code':
		case 'codespan':
			out.push(token.text);
			return;
		case 'html':
			out.push(htmlWords(token.text));
			return;
		case 'image':
			out.push(decodeEntities(token.text));
			return;
		case 'list':
			collectAll((token as Tokens.List).items, out, ' ');
			return;
		case 'list_item':
		case 'blockquote':
			collectAll((token as Tokens.ListItem | Tokens.Blockquote).tokens, out, ' ');
			return;
		case 'table': {
			const table = token as Tokens.Table;
			for (const cell of [...table.header, ...table.rows.flat()]) {
				collectAll(cell.tokens, out, '');
				out.push(' ');
			}
			return;
		}
		default:
			// Paragraphs, headings, emphasis, links: inline children, joined as they stand.
			if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0)
				collectAll(token.tokens as Token[], out, '');
			else if ('text' in token && typeof token.text === 'string') out.push(decodeEntities(token.text));
	}
}

/** Block children are separated by `separator` (a space), inline ones joined as they are. */
function collectAll(tokens: Token[], out: string[], separator: string): void {
	for (const token of tokens) {
		collect(token, out);
		if (separator !== '') out.push(separator);
	}
}

/** The text of a token (or a list item) with markup stripped and whitespace folded. */
export function blockKey(token: Token): string {
	const out: string[] = [];
	collect(token, out);
	return sanitizeText(out.join('')).replace(/\s+/g, ' ').trim();
}
