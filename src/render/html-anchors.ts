/**
 * An inline `<a href=X>text</a>` arrives as three tokens (open tag, text, close tag), so the close
 * tag alone cannot tell whether the text already says the address. Joined here into one link
 * token, it is shown by the same rules as a markdown link: `<a href=X>X</a>` once, a text that is a
 * different address with its real target, a safe target clickable.
 */
import type {Token, Tokens} from 'marked';
import {attributes} from './html-text.js';

const OPEN = /^<a(\s(?:[^<>"']|"[^"]*"|'[^']*'){0,1000})?>$/i;
const CLOSE = /^<\/a\s*>$/i;

const isHtml = (token: Token, pattern: RegExp): boolean => token.type === 'html' && pattern.test(token.raw.trim());

/**
 * Joins `<a href>` … `</a>` runs (no other `<a>` inside) into link tokens, in this array and every
 * nested one. The tokens given are left as they are (the post model reads the same tokens: lexer.ts):
 * a token whose children change is copied.
 */
export function joinAnchors(tokens: Token[]): Token[] {
	const out: Token[] = [];
	for (let index = 0; index < tokens.length; index++) {
		let token = tokens[index]!;
		if ('tokens' in token && Array.isArray(token.tokens)) {
			const given: Token[] = token.tokens;
			const children = joinAnchors(given);
			if (children.length !== given.length || children.some((child, at) => child !== given[at]))
				token = {...token, tokens: children} as Token;
		}
		const open = isHtml(token, OPEN) ? OPEN.exec(token.raw.trim()) : null;
		if (open === null) {
			out.push(token);
			continue;
		}
		let end = index + 1;
		while (end < tokens.length && !isHtml(tokens[end]!, CLOSE) && !isHtml(tokens[end]!, OPEN)) end++;
		if (end >= tokens.length || !isHtml(tokens[end]!, CLOSE)) {
			out.push(token);
			continue;
		}
		const inner = joinAnchors(tokens.slice(index + 1, end));
		const href = attributes(open[1] ?? '').get('href') ?? '';
		const raw = tokens
			.slice(index, end + 1)
			.map((part) => part.raw)
			.join('');
		out.push({
			type: 'link',
			raw,
			href,
			title: null,
			text: inner.map((part) => part.raw).join(''),
			tokens: inner,
		} as Tokens.Link);
		index = end;
	}
	return out;
}
