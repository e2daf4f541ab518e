/** What rendering a post's markdown at one width gives: screen rows and where each source block landed. */

export type RenderOptions = {
	/** Columns available; every line is at most this wide as a terminal counts it. */
	width: number;
	/** SGR styling on or off. Off means no escape sequence of any kind in the output. */
	color: boolean;
	/** Emit OSC 8 hyperlinks for http(s)/mailto links (only meaningful with color). */
	hyperlinks: boolean;
};

/**
 * One markdown block as rendered: a top-level token, except that a top-level list contributes one
 * block per item, so a session bullet and a reading position can name it precisely.
 */
export type RenderedBlock = {
	/** 1-based line in the markdown source where the block starts. */
	sourceLine: number;
	/** First rendered line of the block. */
	startLine: number;
	/** Rendered lines the block takes (blank separators included). */
	lineCount: number;
	/** The block's text, whitespace folded and markup stripped: matched by content after an edit. */
	key: string;
};

export type RenderedDoc = {
	width: number;
	color: boolean;
	/** One entry per screen row; none wider than `width`, none containing a newline. */
	lines: string[];
	/** In source order, covering every rendered line. */
	blocks: RenderedBlock[];
	/**
	 * Present while only the first rows are rendered (a long post's first frame): its rows and blocks
	 * are the first ones of the whole doc, except that the last block may lack its blank row.
	 */
	partial?: PartialRender;
};

/** What a render in part still needs to do, and how far it got. */
export type PartialRender = {
	/** Lines of the source, and how many of them the rows so far come from: a position can be estimated. */
	sourceLineCount: number;
	renderedSourceLines: number;
	/** Renders on until `need` is met: a new doc, partial still unless the end was reached. */
	more(need: RenderNeed): RenderedDoc;
	/** The whole doc (rendered once; then the same object). */
	whole(): RenderedDoc;
};

/** How much of a doc to render before the rest: `rows` rows, and past a source line by as many rows. */
export type RenderNeed = {
	rows: number;
	/** 1-based source line whose block must be rendered, with a block after it and `rows` rows from its start. */
	throughSourceLine?: number;
};
