/**
 * A row of the reader as text with Ink's text styles, before anything draws it: the widgets give
 * each to an Ink `<Text>`, and the early frame (early-frame.ts) writes the same rows itself.
 */
export type TextStyle = {
	readonly bold?: boolean;
	readonly inverse?: boolean;
	/** One of chalk's 16 named colours, as the theme names them (theme.ts). */
	readonly color?: string | undefined;
	readonly dimColor?: boolean;
};

/** One row: its own style, and its text in parts (a part may add a style of its own). */
export type StyledRow = {
	readonly key: string;
	readonly style: TextStyle;
	readonly parts: ReadonlyArray<{readonly text: string; readonly style?: TextStyle}>;
};

/** A row of one unstyled-within part. */
export function plainRow(key: string, text: string, style: TextStyle = {}): StyledRow {
	return {key, style, parts: [{text}]};
}
