/**
 * Text whose every character is one column wide and its own grapheme: ASCII, Latin, general
 * punctuation, control pictures, box drawing and geometric shapes short of the two emoji among
 * them. Most of what a reader draws is made only of these, and its width is its length: no
 * grapheme segmenter (15 ms to create, then per-character work) and no emoji tables (18 ms to
 * build) are needed for it. Checked against string-width over the whole BMP in the tests.
 */
export const NARROW_CHARACTERS = String.raw`\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2400-\u2426\u2500-\u25FC`;

/** Text made only of narrow characters (see above). */
export const NARROW_TEXT = new RegExp(`^[${NARROW_CHARACTERS}]*$`);

// The sequences drawn text carries (CSI, which holds SGR, and OSC 8 links), matched as string-width's
// ansi-regex matches them; text holding any other escape is measured by string-width itself.
const ESCAPES =
	/(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|(?:\u001B\]|\u009D)8;[^\u0007\u0018\u001A\u001B\u0080-\u009F]*(?:\u0007|\u001B\\|\u009C)/g;

type StringWidth = (text: string, options?: object) => number;

/**
 * string-width with a fast path for narrow text, styled or not: the build gives Ink (and the
 * libraries it measures with) this in place of string-width, so a frame of ordinary text never
 * creates a segmenter. Anything else, and any call with options, goes to string-width itself.
 */
export function withNarrowFastPath(stringWidth: StringWidth): StringWidth {
	return (text, options) => {
		if (options === undefined && typeof text === 'string') {
			const plain = text.includes('\u001B') || text.includes('\u009B') ? text.replace(ESCAPES, '') : text;
			if (!plain.includes('\u001B') && !plain.includes('\u009B') && NARROW_TEXT.test(plain)) return plain.length;
		}
		return stringWidth(text, options);
	};
}
