/**
 * Lexes a document's blocks at once and each block's inline content just before it is rendered.
 * marked's `lex` does all the inline work up front, so a 1 MB post's whole token tree lives until
 * the end and the garbage collector pays to move it; lexed per block, it dies young.
 */
import {Lexer, type MarkedOptions, type Token, type Tokens} from 'marked';

export type LazyTokens = {
	/** The top-level tokens; their inline children are empty until `complete` is called for them. */
	tokens: Token[];
	/** Fills in the inline tokens of top-level token `index` (call in order; later calls are no-ops for earlier ones). */
	complete: (index: number) => void;
};

/** Every inline token array a block holds (paragraphs, headings, list items' text, table cells…). */
function inlineArrays(token: Token, into: Set<Token[]>): void {
	if ('tokens' in token && Array.isArray(token.tokens)) {
		into.add(token.tokens as Token[]);
		for (const child of token.tokens as Token[]) inlineArrays(child, into);
	}
	if (token.type === 'list') for (const item of (token as Tokens.List).items) inlineArrays(item, into);
	if (token.type === 'table') {
		const table = token as Tokens.Table;
		for (const cell of [...table.header, ...table.rows.flat()]) into.add(cell.tokens);
	}
}

/** Block-lexes `source` with `options`; inline lexing waits for `complete`. */
export function lexLazily(source: string, options: MarkedOptions): LazyTokens {
	const lexer = new Lexer({...options});
	const tokens = lexer.blockTokens(source, lexer.tokens);
	const queue = lexer.inlineQueue;
	lexer.inlineQueue = [];
	let cursor = 0;
	return {
		tokens,
		complete(index) {
			const token = tokens[index];
			if (token === undefined || cursor >= queue.length) return;
			const arrays = new Set<Token[]>();
			inlineArrays(token, arrays);
			// The queue is in document order, so this block's entries are the next ones.
			while (cursor < queue.length && arrays.has(queue[cursor]!.tokens)) {
				const entry = queue[cursor]!;
				queue[cursor] = undefined as never;
				cursor++;
				lexer.state.inRawBlock = false;
				lexer.inlineTokens(entry.src, entry.tokens);
			}
		},
	};
}
