/** The visible text of inline tokens, for names: topic names, titles, session fields, excerpts. */
import type {Token, Tokens} from 'marked';
import {decodeEntities} from './entities.js';
import {inlineTokens} from './lexer.js';
import {sanitizeText} from './sanitize.js';

function collect(tokens: Token[]): string {
	let text = '';
	for (const token of tokens) {
		const children =
			token.type === 'paragraph' || token.type === 'text' || token.type === 'heading'
				? inlineTokens(token)
				: 'tokens' in token
					? token.tokens
					: undefined;
		if (Array.isArray(children) && children.length > 0) {
			text += collect(children);
		} else if (token.type === 'br') {
			text += ' ';
		} else if (token.type === 'image') {
			text += decodeEntities((token as Tokens.Image).text);
		} else if (token.type === 'html') {
			// Inline HTML tags are not text.
		} else if ('text' in token && typeof token.text === 'string') {
			text += decodeEntities(token.text);
		}
	}
	return text;
}

/**
 * The visible text of inline tokens: markup removed, link text kept, entities decoded, and then
 * sanitised: marked decodes `&#27;` into a real ESC while lexing, so token text is never safe as is.
 */
export function inlineText(tokens: Token[] | undefined): string {
	return tokens ? sanitizeText(collect(tokens)) : '';
}
