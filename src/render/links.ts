/** How a link shows: its text, its target when that says something more, a hyperlink only when safe. */
import {isSafeUrl} from '../markdown/sanitize.js';
import {stripMarkers} from './layout-markers.js';
import {stripStyles} from './plain.js';
import type {Theme} from './theme.js';


/** Targets of other schemes longer than this are shown shortened (a data: URI can be megabytes). */
const shownTargetLimit = 120;

/**
 * The target as shown in text. A web or mail address, or a site-relative path, is shown whole
 * however long (the layout wraps it): a printed copy must never drop characters of a link. Only
 * a target of another scheme (`data:`, `javascript:`), which is never a link, is cut with `…`.
 */
export function shownTarget(url: string): string {
	if (url.length <= shownTargetLimit || isSafeUrl(url) || !/^[a-z][\w+.-]*:/i.test(url.trim())) return url;
	return `${[...url].slice(0, shownTargetLimit - 1).join('')}…`;
}

/**
 * The URL as written into an OSC 8 sequence: printable ASCII only, anything else percent-encoded,
 * and `;` and `\` too, so no target can look like the end of the parameters or of the sequence.
 */
export function hyperlinkTarget(url: string): string {
	return url.trim().replace(/[^\u0021-\u007E]|[;\\]/gu, char => encodeURIComponent(char));
}

/** The OSC 8 sequence opening a hyperlink to `url` (ST-terminated). */
export function hyperlinkOpen(url: string): string {
	return `\u001B]8;;${hyperlinkTarget(url)}\u001B\\`;
}

/** The OSC 8 sequence closing a hyperlink. */
export const HYPERLINK_CLOSE = '\u001B]8;;\u001B\\';

/** Wraps already-styled text in an OSC 8 hyperlink. */
export function hyperlink(url: string, text: string): string {
	return `${hyperlinkOpen(url)}${text}${HYPERLINK_CLOSE}`;
}

const schemes = ['https://', 'http://', 'mailto:'];

/** The address without its scheme and a trailing slash; compared for every link, so no patterns. */
function bare(url: string): string {
	const trimmed = url.trim();
	const head = trimmed.slice(0, 8).toLowerCase();
	const scheme = schemes.find((prefix) => head.startsWith(prefix));
	const rest = scheme === undefined ? trimmed : trimmed.slice(scheme.length);
	return rest.endsWith('/') ? rest.slice(0, -1) : rest;
}

/** True when the target would only repeat the text (autolinks, `www.` links, mailto addresses). */
export function repeatsText(text: string, url: string): boolean {
	return text === url || bare(text) === bare(url);
}

/** Text that reads as an address: `https://…`, `www.…`, `mailto:…` or a bare host name such as `bank.example/login`. */
export function looksLikeUrl(text: string): boolean {
	return /^(?:[a-z][\w+.-]*:\/\/|www\.|mailto:)\S+$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[:/?#]\S*)?$/i.test(text.trim());
}

export type LinkOptions = {theme: Theme; color: boolean; hyperlinks: boolean};

/**
 * A link as terminal text. `text` is the rendered link text (may be styled). With colour and
 * hyperlinks on, a safe target makes the text clickable and is not printed; otherwise the
 * target follows the text in parentheses unless it only repeats it.
 */
export function formatLink(text: string, url: string, options: LinkOptions): string {
	const {theme} = options;
	const target = url.trim();
	const plainText = stripMarkers(stripStyles(text)).trim();
	const clickable = isSafeUrl(target);
	if (target === '' || target.startsWith('#')) return text;
	if (clickable && options.color && options.hyperlinks) {
		const linked = hyperlink(target, theme.link(plainText === '' ? shownTarget(target) : text));
		// `[https://bank.example](https://evil.example)`: a click must not go somewhere the text does not say.
		return looksLikeUrl(plainText) && !repeatsText(plainText, target) ? `${linked} (${theme.href(shownTarget(target))})` : linked;
	}
	const style = clickable ? theme.href : (shown: string) => shown;
	if (plainText === '') return style(shownTarget(target));
	const linkText = clickable ? theme.link(text) : text;
	return repeatsText(plainText, target) ? linkText : `${linkText} (${style(shownTarget(target))})`;
}
