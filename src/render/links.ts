/** How a link shows: its text, its target when that says something more, a hyperlink only when safe. */
import {isSafeUrl, openableUrl} from '../markdown/sanitize.js';
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
	return url.trim().replace(/[^\u0021-\u007E]|[;\\]/gu, (char) => encodeURIComponent(char));
}

/**
 * Where a click on a link to `url` goes: the very target `o` opens (openableUrl: http, https or
 * mailto, nothing an opener could misread, a mailto without its query, so `?attach=/etc/passwd`
 * never reaches a mail client), or null when the link is not to be clickable at all.
 */
export function clickTarget(url: string): string | null {
	return openableUrl(url);
}

/** The OSC 8 sequence opening a hyperlink to `url` (ST-terminated); empty when it may not be clicked. */
export function hyperlinkOpen(url: string): string {
	const target = clickTarget(url);
	return target === null ? '' : `\u001B]8;;${hyperlinkTarget(target)}\u001B\\`;
}

/** The OSC 8 sequence closing a hyperlink. */
export const HYPERLINK_CLOSE = '\u001B]8;;\u001B\\';

/** Wraps already-styled text in an OSC 8 hyperlink; the text alone when `url` may not be clicked. */
export function hyperlink(url: string, text: string): string {
	return clickTarget(url) === null ? text : `${hyperlinkOpen(url)}${text}${HYPERLINK_CLOSE}`;
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

/** Dots as browsers read them in host names: ASCII, ideographic, fullwidth and halfwidth. */
const dots = /[.\u3002\uFF0E\uFF61]/;
/** What may open an address in prose (brackets, quotes), and what may close it (the same, and the punctuation after it). */
const opening = new Set('(["\'<«“‘');
const closing = new Set(')]"\'>»”’.,;:!?');

/** `word` without the brackets, quotes and punctuation around it: a scan, as a pattern anchored at the end rescans from every closer. */
function unwrapped(word: string): string {
	let start = 0;
	let end = word.length;
	while (start < end && opening.has(word[start]!)) start++;
	while (end > start && closing.has(word[end - 1]!)) end--;
	return word.slice(start, end);
}
/** A host label: letters and digits of any script, and hyphens. Tested on one label at a time. */
const label = /^[\p{L}\p{N}\p{M}-]+$/u;
/** A top-level label: two letters or more. */
const topLabel = /^\p{L}[\p{L}\p{M}]+$/u;
/**
 * Endings of file and library names (Knockout.js, values.yaml) that are no top-level domain: such
 * a word names no host. Endings that are domains too (.md, .py, .sh, .zip) still count.
 */
const fileExtensions = new Set([
	'js',
	'mjs',
	'cjs',
	'jsx',
	'ts',
	'tsx',
	'json',
	'yaml',
	'yml',
	'toml',
	'xml',
	'html',
	'htm',
	'css',
	'scss',
	'txt',
	'csv',
	'log',
	'lock',
	'ini',
	'cfg',
	'conf',
	'rb',
	'php',
	'java',
	'kt',
	'png',
	'jpg',
	'jpeg',
	'gif',
	'svg',
]);

/** Words longer than this are not addresses anyone reads (and are not scanned). */
const longestWord = 256;

/** The host `word` names (`https://bank.example/x`, `www.bank.example`, `bank.example/login`, `ceo@bank.example`), normalised, or null. */
function namedHost(word: string): string | null {
	let rest = unwrapped(word);
	const scheme = /^[a-z][\w+.-]*:\/\//i.exec(rest);
	if (scheme) rest = rest.slice(scheme[0].length);
	else if (/^mailto:/i.test(rest)) rest = rest.slice('mailto:'.length);
	// user@host (a mail address, or credentials before a host): the host is what comes after.
	rest = rest.slice(rest.lastIndexOf('@') + 1);
	const end = rest.search(/[/?#:\\]/);
	const host = end === -1 ? rest : rest.slice(0, end);
	const labels = host.split(dots);
	if (labels.at(-1) === '') labels.pop();
	const top = labels.at(-1) ?? '';
	const isHost =
		labels.length >= 2 &&
		labels.every((part) => label.test(part)) &&
		topLabel.test(top) &&
		!fileExtensions.has(top.toLowerCase());
	// With a scheme it is an address whatever it looks like; without one, a word like Node.js is a name.
	if (!isHost) return scheme ? host.toLowerCase() : null;
	return normalHost(labels.join('.'));
}

/** A host as compared: lower case, punycode for non-ASCII labels (as a browser resolves it), without `www.`. */
function normalHost(host: string): string {
	let ascii = host.toLowerCase();
	try {
		ascii = new URL(`http://${host}`).hostname;
	} catch {
		// Not a host a URL takes: compared as written.
	}
	return ascii.startsWith('www.') ? ascii.slice(4) : ascii;
}

/** The host a link goes to (a mail address's domain for mailto), or null when there is none to tell. */
function targetHost(target: string): string | null {
	if (/^mailto:/i.test(target)) {
		const address = target.slice('mailto:'.length).split(/[?#]/, 1)[0]!;
		return address.includes('@') ? normalHost(address.slice(address.lastIndexOf('@') + 1)) : null;
	}
	try {
		return normalHost(new URL(target).hostname);
	} catch {
		return null;
	}
}

/**
 * Whether link text says it goes somewhere its target does not: the text is a URL other than the
 * target (`[https://bank.example](https://evil.example)`), or names among its words a host other
 * than the target's (`www.` and letter case aside) (`[Visit https://bank.example now](…)`, `[bank.example login](…)`,
 * `[write to ceo@bank.example](mailto:…@evil.example)`, a look-alike in another script). Such a
 * link shows its target beside the text. Scans words, no pattern over the whole text: linear.
 */
export function textMisleads(text: string, target: string): boolean {
	const whole = text.trim();
	// A whole URL as text must be the target (`https://bank.example/login` is not `…/phish`).
	if (/^[a-z][\w+.-]*:\/\/\S+$/i.test(whole) && !repeatsText(whole, target)) return true;
	const host = targetHost(target.trim());
	for (const word of text.split(/\s+/u)) {
		if (word.length < 4 || word.length > longestWord) continue;
		const named = namedHost(word);
		if (named !== null && named !== host) return true;
	}
	return false;
}

export type LinkOptions = {theme: Theme; color: boolean; hyperlinks: boolean};

/**
 * A link as terminal text. `text` is the rendered link text (may be styled). With colour and
 * hyperlinks on, a target that may be clicked (clickTarget) makes the text clickable and is not
 * printed, unless the text names another address; otherwise the target follows the text in
 * parentheses unless it only repeats it.
 */
export function formatLink(text: string, url: string, options: LinkOptions): string {
	const {theme} = options;
	const target = url.trim();
	const plainText = stripMarkers(stripStyles(text)).trim();
	if (target === '' || target.startsWith('#')) return text;
	if (options.color && options.hyperlinks && clickTarget(target) !== null) {
		const linked = hyperlink(target, theme.link(plainText === '' ? shownTarget(target) : text));
		// A click must not go somewhere the text does not say.
		return textMisleads(plainText, target) ? `${linked} (${theme.href(shownTarget(target))})` : linked;
	}
	const clickable = isSafeUrl(target);
	const style = clickable ? theme.href : (shown: string) => shown;
	if (plainText === '') return style(shownTarget(target));
	const linkText = clickable ? theme.link(text) : text;
	return repeatsText(plainText, target) ? linkText : `${linkText} (${style(shownTarget(target))})`;
}
