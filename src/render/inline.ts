/**
 * Inline markdown (the text of a paragraph, heading, list item or table cell) to one styled string
 * with layout markers, through marked-terminal's renderer with our overrides on top.
 *
 * marked-terminal 7.3.1 on marked 18 prints a list item's `text` token as its raw markdown (links,
 * emphasis and all) because its `text` renderer ignores the token's inline children: the `text`
 * override below renders them. The others replace what would leak raw input (links through
 * supports-hyperlinks' guess about stdout, images as `![alt](src)`, HTML as tags) or break layout.
 */
import {Marked, Parser, type RendererObject, type Token} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {decodeEntities} from '../markdown/entities.js';
import type {FootnoteRefToken} from '../markdown/kramdown.js';
import {joinAnchors} from './html-anchors.js';
import {htmlToText, type HtmlState} from './html-text.js';
import {imageLine} from './image-line.js';
import {HARD_BREAK} from './layout-markers.js';
import {formatLink} from './links.js';
import {sanitizeText} from '../markdown/sanitize.js';
import type {Theme} from './theme.js';

export type InlineOptions = {theme: Theme; color: boolean; hyperlinks: boolean};

export type InlineRenderer = {
	/** Inline tokens to a styled string; hard breaks and image lines are layout markers. */
	render: (tokens: Token[] | undefined) => string;
	/** Open `<a>` elements of inline HTML: reset at each block so none leaks into the next. */
	html: HtmlState;
	/** The number of each footnote label, given in the order the references are rendered (kramdown's). */
	footnoteNumber: (label: string) => number;
	/** True once a reference to the label was rendered. */
	isFootnoteReferenced: (label: string) => boolean;
	/** Forgets the last document (its footnote numbers, open `<a>`s): the renderer is reused for the next. */
	reset: () => void;
};

const textOf = (text: string): string => sanitizeText(decodeEntities(text)).replace(/\t/g, ' ');

/**
 * A marked instance set up for one set of options, and a way to render inline tokens with it.
 * Setting one up (marked's `use`, marked-terminal's renderer) costs as much as rendering a short
 * post: it is made once per options and `reset` between documents.
 */
export function createInlineRenderer(options: InlineOptions): InlineRenderer {
	const {theme} = options;
	const html: HtmlState = {openAnchors: []};
	const footnotes = new Map<string, number>();
	const footnoteNumber = (label: string): number => {
		let number = footnotes.get(label);
		if (number === undefined) footnotes.set(label, (number = footnotes.size + 1));
		return number;
	};
	const overrides: RendererObject = {
		text(token) {
			if ('tokens' in token && token.tokens !== undefined && token.tokens.length > 0)
				return this.parser.parseInline(token.tokens);
			return textOf(token.text);
		},
		codespan(token) {
			return theme.codespan(sanitizeText(token.text).replace(/\t/g, ' '));
		},
		link(token) {
			return formatLink(this.parser.parseInline(token.tokens), sanitizeText(token.href ?? ''), options);
		},
		image(token) {
			return imageLine(decodeEntities(token.text), token.href ?? '', theme);
		},
		html(token) {
			return htmlToText(token.text, html, options);
		},
		br() {
			return HARD_BREAK;
		},
		checkbox(token) {
			// kramdown and GitHub show task items as check boxes.
			return token.checked ? '☑ ' : '☐ ';
		},
	};
	const marked = new Marked(
		markedTerminal({
			strong: theme.strong,
			em: theme.em,
			del: theme.del,
			codespan: theme.codespan,
			link: theme.link,
			href: theme.href,
			emoji: false,
			reflowText: false,
		}),
		{renderer: overrides},
		{
			extensions: [
				// A footnote reference is its number; the note itself is shown at the end of the post.
				{
					name: 'footnoteRef',
					renderer: (token) => theme.href(`[${footnoteNumber((token as unknown as FootnoteRefToken).label)}]`),
				},
				// Attribute lists style the page; there is nothing to show of them.
				{name: 'spanAttributes', renderer: () => ''},
			],
		},
	);
	const parser = new Parser(marked.defaults);
	return {
		html,
		footnoteNumber,
		isFootnoteReferenced: (label) => footnotes.has(label),
		reset: () => {
			footnotes.clear();
			html.openAnchors = [];
			html.media = null;
		},
		render: (tokens) => (tokens === undefined || tokens.length === 0 ? '' : parser.parseInline(joinAnchors(tokens))),
	};
}
