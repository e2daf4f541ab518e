/**
 * Raw HTML, in blocks or inline, as readable text: tags dropped, entities decoded, `<br>` and
 * block elements as line breaks, `<img>` as the image placeholder, `<a href>` text followed by its
 * target (or made a hyperlink), comments, scripts and styles gone.
 */
import {decodeEntities} from '../markdown/entities.js';
import {imageLine} from './image-line.js';
import {HARD_BREAK} from './layout-markers.js';
import {isMediaElement, mediaText, type PendingMedia} from './html-media.js';
import {stripMarkers} from './layout-markers.js';
import {clickTarget, HYPERLINK_CLOSE, hyperlinkOpen, repeatsText, shownTarget, textMisleads} from './links.js';
import {stripStyles} from './plain.js';
import {isSafeUrl, sanitizeText} from '../markdown/sanitize.js';
import type {Theme} from './theme.js';

/** An open `<a>`: its target, and where its text starts when it opened in the same piece of HTML. */
type OpenAnchor = {href: string; piece: object; start: number};

/** What survives between the HTML pieces of one block: the `<a>` elements still open, a `<video>` waiting for its `<source>`. */
export type HtmlState = {openAnchors: OpenAnchor[]; media?: PendingMedia | null};

/** The piece of HTML being converted and its text so far: how `</a>` knows the text it closes. */
type Piece = {id: object; out: () => string};

export type HtmlOptions = {theme: Theme; color: boolean; hyperlinks: boolean};

// Comment | declaration | processing instruction | a tag (attribute part bounded, so a stray `<` never scans far).
const tagPattern =
	/<!--[\s\S]*?(?:-->|$)|<![^>]{0,1000}>|<\?[\s\S]*?(?:\?>|$)|<(\/?)([a-zA-Z][\w:-]{0,40})((?:[^<>"']|"[^"]{0,2000}"|'[^']{0,2000}'){0,1000})>/g;
const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const rawTextElements = /<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const breaking = new Set([
	'address',
	'article',
	'aside',
	'blockquote',
	'center',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'figcaption',
	'figure',
	'footer',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'main',
	'nav',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'tbody',
	'thead',
	'tfoot',
	'tr',
	'ul',
]);

/** The attributes of a tag, names lower-cased, values entity-decoded (not yet sanitised). */
export function attributes(text: string): Map<string, string> {
	const found = new Map<string, string>();
	attributePattern.lastIndex = 0;
	for (let match = attributePattern.exec(text); match !== null; match = attributePattern.exec(text)) {
		found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
	}
	return found;
}

function openAnchor(href: string, state: HtmlState, options: HtmlOptions, piece: Piece): string {
	state.openAnchors.push({href, piece: piece.id, start: piece.out().length});
	// The hyperlink opens here and closes at `</a>`; layout closes it at every line end meanwhile.
	return options.color && options.hyperlinks ? hyperlinkOpen(href) : '';
}

/**
 * Closes an `<a>`: the target follows the text unless the text already says it (`<a href=X>X</a>`
 * shows X once). With hyperlinks on, a safe target is clickable and shown only when the text is
 * a different address: a click must not go somewhere the text does not say.
 */
function closeAnchor(state: HtmlState, options: HtmlOptions, piece: Piece): string {
	const anchor = state.openAnchors.pop();
	if (anchor === undefined) return '';
	const target = anchor.href.trim();
	const text = anchor.piece === piece.id ? stripMarkers(stripStyles(piece.out().slice(anchor.start))).trim() : null;
	const shown = ` (${isSafeUrl(target) ? options.theme.href(shownTarget(target)) : shownTarget(target)})`;
	// Opened only for a target that may be clicked (hyperlinkOpen); the text, when known, must not name another address.
	if (options.color && options.hyperlinks && clickTarget(target) !== null)
		return text === null || !textMisleads(text, target) ? HYPERLINK_CLOSE : HYPERLINK_CLOSE + shown;
	if (target === '' || target.startsWith('#')) return '';
	return text !== null && repeatsText(text, target) ? '' : shown;
}

function tagText(
	closing: boolean,
	name: string,
	attributeText: string,
	state: HtmlState,
	options: HtmlOptions,
	piece: Piece,
): string {
	if (name === 'br') return HARD_BREAK;
	if (isMediaElement(name)) {
		const pending = {media: state.media ?? null};
		const text = mediaText(name, closing, attributes(attributeText), pending, options.theme);
		state.media = pending.media;
		return text;
	}
	if (name === 'img' && !closing) {
		const found = attributes(attributeText);
		return imageLine(found.get('alt') ?? found.get('title') ?? '', found.get('src') ?? '', options.theme);
	}
	if (name === 'a')
		return closing
			? closeAnchor(state, options, piece)
			: openAnchor(sanitizeText(attributes(attributeText).get('href') ?? ''), state, options, piece);
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
	const piece: Piece = {id: {}, out: () => out};
	tagPattern.lastIndex = 0;
	for (let match = tagPattern.exec(source); match !== null; match = tagPattern.exec(source)) {
		out += text(source.slice(last, match.index));
		last = tagPattern.lastIndex;
		if (match[2] !== undefined)
			out += tagText(match[1] === '/', match[2].toLowerCase(), match[3] ?? '', state, options, piece);
	}
	out += text(source.slice(last));
	// Nested block elements would otherwise stack up empty lines: keep at most one.
	return out.replace(/\r(?:[ \t\n]*\r){2,}/g, `${HARD_BREAK}${HARD_BREAK}`);
}
