/** HTML character references, which marked leaves in text (named ones) and which raw HTML is full of. */
import {hasUnsafeCharacters} from './sanitize.js';

const named: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	laquo: '«',
	raquo: '»',
	bull: '•',
	middot: '·',
	times: '×',
	copy: '©',
	reg: '®',
	trade: '™',
	euro: '€',
	deg: '°',
	rarr: '→',
	larr: '←',
};

const reference = /&(#[xX][\da-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g;

/**
 * Decodes named and numeric references. A reference to a control character, bidi or invisible
 * formatting, a surrogate or something past U+10FFFF stays as written: decoding must not
 * manufacture what sanitising removes.
 */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(reference, (whole, name: string) => {
		if (name.startsWith('#')) {
			const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
			const isSurrogate = code >= 0xd8_00 && code <= 0xdf_ff;
			// Tab and newline too: a decoded line break would move every line after it.
			if (code < 0x20 || isSurrogate || code > 0x10_ff_ff) return whole;
			const char = String.fromCodePoint(code);
			return hasUnsafeCharacters(char) ? whole : char;
		}
		return named[name.toLowerCase()] ?? named[name] ?? whole;
	});
}
