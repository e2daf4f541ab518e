/**
 * Block tokens to lines at a width. Layout is ours rather than marked-terminal's block renderers:
 * those measure in UTF-16 units (CJK overflows), let tables and code run past the pane and print
 * list items' inline markdown raw. Inline content still goes through marked-terminal (see inline.ts).
 */
import type {Token, Tokens} from 'marked';
import {append, maxOf} from './append.js';
import {renderCodeBlock, type CodeContext} from './code-block.js';
import {decodeEntities} from '../markdown/entities.js';
import type {FootnoteToken} from '../markdown/kramdown.js';
import {htmlToText, type HtmlOptions} from './html-text.js';
import type {InlineRenderer} from './inline.js';
import {sanitizeText} from '../markdown/sanitize.js';
import {renderTable} from './table.js';
import {textWidth, truncateToWidth, wrapToWidth} from './text-width.js';
import type {Theme} from './theme.js';
import type {WrapOptions} from './wrap-plain.js';

export type BlockContext = {
	theme: Theme;
	inline: InlineRenderer;
	code: CodeContext;
	html: HtmlOptions;
	/** Printing keeps a long URL whole on a row of its own; the reader breaks it (wrap-plain.ts). */
	wrap: WrapOptions;
};

/** A container (quote, list item) only indents while this many columns stay for its content. */
const minimumContent = 12;

const bullets = ['•', '◦', '▪'];

function paragraph(
	tokens: Token[] | undefined,
	fallback: string,
	width: number,
	context: BlockContext,
	prefix = '',
): string[] {
	const text =
		tokens !== undefined && tokens.length > 0 ? context.inline.render(tokens) : sanitizeText(decodeEntities(fallback));
	return wrapToWidth(prefix + text, width, context.wrap);
}

/** Child blocks one after another; `loose` puts a blank line between them. */
function children(tokens: Token[], width: number, context: BlockContext, listDepth: number, loose: boolean): string[] {
	const out: string[] = [];
	for (const token of tokens) {
		const lines = renderBlock(token, width, context, listDepth);
		if (lines.length === 0) continue;
		if (loose && out.length > 0) out.push('');
		append(out, lines);
	}
	return out;
}

/** The markers of a list's items (`•`, or `3.`), and the column width they share. */
export function listMarkers(list: Tokens.List, listDepth: number): {markers: string[]; width: number} {
	const start = typeof list.start === 'number' ? list.start : 1;
	const markers = list.items.map((_, index) =>
		list.ordered ? `${start + index}.` : bullets[listDepth % bullets.length]!,
	);
	return {
		markers,
		width: maxOf(
			markers.map((marker) => textWidth(marker)),
			1,
		),
	};
}

/** An item's content: its blocks, a task checkbox folded into the first line of text. */
function itemContent(item: Tokens.ListItem, width: number, context: BlockContext, listDepth: number): string[] {
	let tokens = item.tokens;
	let checkbox = '';
	if (tokens[0]?.type === 'checkbox') {
		checkbox = context.inline.render([tokens[0]]);
		tokens = tokens.slice(1);
	}
	const first = tokens[0];
	if (checkbox !== '' && (first?.type === 'text' || first?.type === 'paragraph')) {
		const head = paragraph((first as Tokens.Text).tokens, first.text, width, context, checkbox);
		const rest = children(tokens.slice(1), width, context, listDepth, item.loose);
		return rest.length === 0 ? head : append(append(head, item.loose ? [''] : []), rest);
	}
	const lines = children(tokens, width, context, listDepth, item.loose);
	return checkbox === '' ? lines : [checkbox.trimEnd(), ...lines];
}

/** One list item at `width`: the marker on its first line, the rest indented under the text. */
export function renderListItem(
	item: Tokens.ListItem,
	marker: string,
	markerWidth: number,
	width: number,
	context: BlockContext,
	listDepth: number,
): string[] {
	const indent = markerWidth + 1;
	const head = marker + ' '.repeat(indent - textWidth(marker));
	if (width - indent < minimumContent) {
		// Nested too deep for the pane: stop indenting rather than squeeze the text to nothing.
		const lines = itemContent(item, width, context, listDepth + 1);
		return lines.length === 0 ? [marker] : [truncateToWidth(head + lines[0]!, width), ...lines.slice(1)];
	}
	const lines = itemContent(item, width - indent, context, listDepth + 1);
	if (lines.length === 0) return [marker];
	const pad = ' '.repeat(indent);
	return lines.map((line, index) => (index === 0 ? head + line : line === '' ? '' : pad + line));
}

function renderList(list: Tokens.List, width: number, context: BlockContext, listDepth: number): string[] {
	const {markers, width: markerWidth} = listMarkers(list, listDepth);
	const out: string[] = [];
	for (const [index, item] of list.items.entries()) {
		if (index > 0 && list.loose) out.push('');
		append(out, renderListItem(item, markers[index]!, markerWidth, width, context, listDepth));
	}
	return out;
}

function renderBlockquote(quote: Tokens.Blockquote, width: number, context: BlockContext, listDepth: number): string[] {
	if (width - 2 < minimumContent) return children(quote.tokens, width, context, listDepth, true);
	const bar = context.theme.quoteBar('│');
	return children(quote.tokens, width - 2, context, listDepth, true).map((line) =>
		line === '' ? bar : `${bar} ${line}`,
	);
}

/** Footnotes as numbered notes, `[1] text`, in the order of their numbers; every line of each note kept. */
export function renderFootnotes(notes: FootnoteToken[], width: number, context: BlockContext): string[] {
	const numbered = notes
		.map((note) => ({note, number: context.inline.footnoteNumber(note.label)}))
		.sort((a, b) => a.number - b.number);
	const markers = numbered.map(({number}) => `[${number}]`);
	const markerWidth = maxOf(
		numbered.map(({number}) => `[${number}]`.length),
		1,
	);
	const out: string[] = [];
	for (const [index, {note}] of numbered.entries()) {
		const item = {
			type: 'list_item',
			raw: note.raw,
			task: false,
			loose: true,
			text: '',
			tokens: note.tokens,
		} as Tokens.ListItem;
		append(out, renderListItem(item, markers[index]!, markerWidth, width, context, 0));
	}
	return out;
}

/** One block token as lines of at most `width` columns (no trailing blank line). */
export function renderBlock(token: Token, width: number, context: BlockContext, listDepth = 0): string[] {
	const {theme} = context;
	switch (token.type) {
		case 'space':
		case 'def':
		case 'checkbox':
		case 'blockAttributes':
			return [];
		case 'footnote':
			// Top-level notes are gathered at the end of the post (render-markdown); one nested elsewhere shows where it is.
			return renderFootnotes([token as unknown as FootnoteToken], width, context);
		case 'heading': {
			const heading = token as Tokens.Heading;
			const style = heading.depth === 1 ? theme.heading1 : theme.heading;
			const text = `${'#'.repeat(heading.depth)} ${context.inline.render(heading.tokens)}`;
			return wrapToWidth(style(text), width, context.wrap);
		}
		case 'paragraph':
		case 'text':
			return paragraph((token as Tokens.Paragraph).tokens, (token as Tokens.Paragraph).text, width, context);
		case 'code':
			return renderCodeBlock((token as Tokens.Code).text, (token as Tokens.Code).lang ?? '', width, context.code);
		case 'blockquote':
			return renderBlockquote(token as Tokens.Blockquote, width, context, listDepth);
		case 'list':
			return renderList(token as Tokens.List, width, context, listDepth);
		case 'table':
			return renderTable(
				token as Tokens.Table,
				width,
				theme,
				(cell) => context.inline.render(cell.tokens),
				context.wrap,
			);
		case 'hr':
			return [theme.hr('─'.repeat(width))];
		case 'html': {
			// An unclosed `<a>` of an earlier block must not make this one a link.
			context.inline.html.openAnchors = [];
			context.inline.html.media = null;
			const html = token as Tokens.HTML;
			return wrapToWidth(htmlToText(html.text, context.inline.html, context.html, html.pre), width, context.wrap);
		}
		default: {
			// A token type from some extension: its inline children if it has any, else its source.
			const generic = token as {tokens?: Token[]; raw?: string};
			return paragraph(generic.tokens, generic.raw ?? '', width, context);
		}
	}
}
