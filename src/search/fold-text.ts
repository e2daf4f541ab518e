/**
 * Search folds text so `Zieba` finds `Zięba` and `KORBES` finds `Körbes`: lower case, marks removed,
 * and the letters NFD does not decompose (ł, ø, đ, ß…) mapped by hand. Each original character
 * folds to exactly one character, so a match in folded text is a match at the same index in the
 * original: highlights need no index map.
 */

const SPECIAL: Record<string, string> = {
	ł: 'l',
	Ł: 'l',
	ø: 'o',
	Ø: 'o',
	đ: 'd',
	Đ: 'd',
	ð: 'd',
	Ð: 'd',
	þ: 't',
	Þ: 't',
	ß: 's',
	ẞ: 's',
	æ: 'a',
	Æ: 'a',
	œ: 'o',
	Œ: 'o',
	ı: 'i',
	ħ: 'h',
	Ħ: 'h',
	ŀ: 'l',
	Ŀ: 'l',
	ŧ: 't',
	Ŧ: 't',
	'’': "'",
	'‘': "'",
	'“': '"',
	'”': '"',
	'–': '-',
	'—': '-',
};

const cache = new Map<string, string>();

function foldChar(char: string): string {
	let folded = cache.get(char);
	if (folded === undefined) {
		const special = SPECIAL[char];
		if (special !== undefined) folded = special;
		else {
			const base = char
				.normalize('NFD')
				.replace(/\p{M}+/gu, '')
				.toLowerCase();
			// Keep one UTF-16 unit per unit: a character whose folding changes length stays itself.
			folded =
				base.length === char.length ? base : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
		}
		cache.set(char, folded);
	}
	return folded;
}

/** Folds text for matching; the result has the same length as the input, index for index. */
export function foldText(text: string): string {
	// Most text is ASCII, where folding is lower-casing: whole, or run by run between the others.
	if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
	let out = '';
	let run = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 128) continue;
		// A character outside ASCII, with its second half when it is a surrogate pair.
		const next = text.charCodeAt(index + 1);
		const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
		out += text.slice(run, index).toLowerCase() + foldChar(text.slice(index, index + width));
		index += width - 1;
		run = index + 1;
	}
	return out + text.slice(run).toLowerCase();
}
