/**
 * The markdown layer: lexing (lazy, contained), line mapping, inline text, entity decoding and
 * sanitising. Every string it hands out is safe to show on a terminal; `posts/` and `render/` use it.
 */
export {decodeEntities} from './entities.js';
export {kramdownExtension, type FootnoteRefToken, type FootnoteToken} from './kramdown.js';
export {inlineText} from './inline-text.js';
export {completeBlock, inlineTokens, lexBlocks, lexInline, lexTokens, type SourceBlock} from './lexer.js';
export {countNewlines, listItemLines, trimNewlinesEnd} from './lines.js';
export {capNesting} from './nesting.js';
export {
	controlPicture,
	escapeJsonText,
	filterTypedText,
	hasUnsafeCharacters,
	isSafeUrl,
	openableUrl,
	sanitizeName,
	sanitizeText,
	sanitizeValue,
} from './sanitize.js';
export {terminalSafe} from './terminal-text.js';
