import {Lexer, type Token, type Tokens} from 'marked';

/** A top-level markdown token with the 1-based body line it starts on. */
export type SourceBlock = {token: Token; line: number};

/**
 * Inline lexing is most of marked's cost, and the model needs inline tokens of only a few blocks
 * (headings, candidate bold paragraphs, list items). Blocks are lexed at once; each block's inline
 * tokens are lexed the first time `inlineTokens` asks for them.
 */
const pendingInline = new WeakMap<Token[], {lexer: Lexer; src: string}>();

/** Lexes a body into top-level tokens, each with its start line (the tokens' raw texts tile the body). */
export function lexBlocks(body: string): SourceBlock[] {
	const lexer = new Lexer({gfm: true});
	const tokens = lexer.blockTokens(body, lexer.tokens);
	for (const queued of lexer.inlineQueue) pendingInline.set(queued.tokens, {lexer, src: queued.src});
	lexer.inlineQueue = [];
	const blocks: SourceBlock[] = [];
	let line = 1;
	for (const token of tokens) {
		blocks.push({token, line});
		line += countNewlines(token.raw);
	}
	return blocks;
}

/** The start line of each item of a list that starts on `listLine`. */
export function listItemLines(list: Tokens.List, listLine: number): number[] {
	const lines: number[] = [];
	let cursor = 0;
	for (const item of list.items) {
		const at = list.raw.indexOf(item.raw, cursor);
		const start = at === -1 ? cursor : at;
		lines.push(listLine + countNewlines(list.raw.slice(0, start)));
		cursor = start + item.raw.length;
	}
	return lines;
}

export function countNewlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};

/** Decodes the HTML entities marked leaves in text tokens. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name.startsWith('#')) {
			const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
			// Entities may spell control characters too; those stay as they were written.
			return code >= 0x20 && code <= 0x10ffff && !(code >= 0x7f && code <= 0x9f) ? String.fromCodePoint(code) : entity;
		}
		return ENTITIES[name.toLowerCase()] ?? entity;
	});
}

/** The visible text of inline tokens: markup removed, link text kept, entities decoded. */
export function inlineText(tokens: Token[] | undefined): string {
	if (!tokens) return '';
	let text = '';
	for (const token of tokens) {
		const children = token.type === 'paragraph' || token.type === 'text' || token.type === 'heading' ? inlineTokens(token) : 'tokens' in token ? token.tokens : undefined;
		if (Array.isArray(children) && children.length > 0) {
			text += inlineText(children);
		} else if (token.type === 'br') {
			text += ' ';
		} else if (token.type === 'image') {
			text += (token as Tokens.Image).text;
		} else if (token.type === 'html') {
			// Inline HTML tags are not text.
		} else if ('text' in token && typeof token.text === 'string') {
			text += decodeEntities(token.text);
		}
	}
	return text;
}

/** Inline tokens of a block-level token (a paragraph, a heading, or the text of a tight list item). */
export function inlineTokens(token: Token | undefined): Token[] {
	if (!token) return [];
	if (token.type === 'paragraph' || token.type === 'text' || token.type === 'heading') {
		const tokens = (token as Tokens.Paragraph).tokens ?? [];
		const pending = pendingInline.get(tokens);
		if (pending) {
			pendingInline.delete(tokens);
			pending.lexer.state.inRawBlock = false;
			pending.lexer.inlineTokens(pending.src, tokens);
		}
		return tokens;
	}
	return [];
}
