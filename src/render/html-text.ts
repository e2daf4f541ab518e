/**
 * Raw HTML, in blocks or inline, as readable text: tags dropped, entities decoded, `<br>` and
 * block elements as line breaks, `<img>` as the image placeholder, `<a href>` text followed by its
 * target (or made a hyperlink), comments, scripts and styles gone.
 */
import {decodeEntities} from '../markdown/entities.js';
import {imageLine} from './image-line.js';
import {HARD_BREAK} from './layout-markers.js';
import {HYPERLINK_CLOSE, hyperlinkOpen, shownTarget} from './links.js';
import {isSafeUrl, sanitizeText} from '../markdown/sanitize.js';
import type {Theme} from './theme.js';

/** What survives between the HTML pieces of one block: the `<a>` elements still open. */
export type HtmlState = {openAnchors: string[]};

export type HtmlOptions = {theme: Theme; color: boolean; hyperlinks: boolean};

// Comment | declaration | processing instruction | a tag (attribute part bounded, so a stray `<` never scans far).
const tagPattern = /<!--[\s\S]*?(?:-->|$)|<![^>]{0,1000}>|<\?[\s\S]*?(?:\?>|$)|<(\/?)([a-zA-Z][\w:-]{0,40})((?:[^<>"']|"[^"]{0,2000}"|'[^']{0,2000}'){0,1000})>/g;
const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const rawTextElements = /<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const breaking = new Set([
	'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
	'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
	'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

function attributes(text: string): Map<string, string> {
	const found = new Map<string, string>();
	attributePattern.lastIndex = 0;
	for (let match = attributePattern.exec(text); match !== null; match = attributePattern.exec(text)) {
		found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
	}
	return found;
}

function openAnchor(href: string, state: HtmlState, options: HtmlOptions): string {
	state.openAnchors.push(href);
	// The hyperlink opens here and closes at `</a>`; layout closes it at every line end meanwhile.
	return options.color && options.hyperlinks && isSafeUrl(href) ? hyperlinkOpen(href) : '';
}

function closeAnchor(state: HtmlState, options: HtmlOptions): string {
	const href = state.openAnchors.pop();
	if (href === undefined) return '';
	const target = href.trim();
	if (options.color && options.hyperlinks && isSafeUrl(target)) return HYPERLINK_CLOSE;
	if (target === '' || target.startsWith('#')) return '';
	const shown = shownTarget(target);
	return ` (${isSafeUrl(target) ? options.theme.href(shown) : shown})`;
}

function tagText(closing: boolean, name: string, attributeText: string, state: HtmlState, options: HtmlOptions): string {
	if (name === 'br') return HARD_BREAK;
	if (name === 'img' && !closing) {
		const found = attributes(attributeText);
		return imageLine(found.get('alt') ?? found.get('title') ?? '', found.get('src') ?? '', options.theme);
	}
	if (name === 'a') return closing ? closeAnchor(state, options) : openAnchor(sanitizeText(attributes(attributeText).get('href') ?? ''), state, options);
	if (name === 'li' && !closing) return `${HARD_BREAK}• `;
	if (name === 'summary' && !closing) return `${HARD_BREAK}▸ `;
	if ((name === 'td' || name === 'th') && closing) return '  ';
	return breaking.has(name) ? HARD_BREAK : '';
}

/**
 * Converts a piece of HTML (a block, or one inline tag) to text with layout markers.
 * `preformatted` keeps the newlines of `<pre>` content.
 */
export function htmlToText(html: string, state: HtmlState, options: HtmlOptions, preformatted = false): string {
	const source = html.includes('<') ? html.replace(rawTextElements, '') : html;
	let out = '';
	let last = 0;
	const text = (raw: string): string => {
		const decoded = sanitizeText(decodeEntities(raw));
		return preformatted ? decoded.replace(/\n/g, HARD_BREAK) : decoded;
	};
	tagPattern.lastIndex = 0;
	for (let match = tagPattern.exec(source); match !== null; match = tagPattern.exec(source)) {
		out += text(source.slice(last, match.index));
		last = tagPattern.lastIndex;
		if (match[2] !== undefined) out += tagText(match[1] === '/', match[2].toLowerCase(), match[3] ?? '', state, options);
	}
	out += text(source.slice(last));
	// Nested block elements would otherwise stack up empty lines: keep at most one.
	return out.replace(/\r(?:[ \t\n]*\r){2,}/g, `${HARD_BREAK}${HARD_BREAK}`);
}
