/**
 * Characters the inline renderer puts into its output to steer line layout. They are C0 controls,
 * which sanitising turns into visible pictures before any content reaches the renderer, so post
 * text can never forge one.
 */

/** A hard line break (`<br>`, a markdown hard break): the line ends here whatever its width. */
export const HARD_BREAK = '\r';
/** Starts a span shown on a line of its own and clipped, never wrapped (an image placeholder). */
export const CLIP_START = '\u0001';
/** Ends a span started by `CLIP_START`. */
export const CLIP_END = '\u0002';

/** Wraps text so it is laid out as one clipped line of its own. */
export function clipSpan(text: string): string {
	return `${CLIP_START}${text}${CLIP_END}`;
}

/** Removes layout markers, for text measured or compared outside layout. */
export function stripMarkers(text: string): string {
	return text.replace(/[\r\u0001\u0002]/g, (marker) => (marker === HARD_BREAK ? ' ' : ''));
}
