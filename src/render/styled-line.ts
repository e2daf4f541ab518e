/**
 * Styled text as pieces (SGR, OSC 8 links, words, spaces, layout markers) and the builder that
 * lays them out in rows: a row cut inside a styled run or a hyperlink closes both at its end and
 * reopens them on the next, so no row leaks style and no hyperlink sequence is ever split. The
 * layout rules (wrapping, clipping, breaking) that drive it are in text-width.ts.
 */
import {CLIP_END, CLIP_START, HARD_BREAK} from './layout-markers.js';
import {SgrState} from './sgr-state.js';
import {graphemesOf, textWidth} from './text-measure.js';

export const ELLIPSIS = '…';
const RESET = '\u001B[0m';
const LINK_CLOSE = '\u001B]8;;\u001B\\';
const linkOpen = (url: string): string => `\u001B]8;;${url}\u001B\\`;
/**
 * A link continued over several rows carries an `id` (a hash of its target) on each of them: a
 * terminal then takes the pieces of a wrapped link for one link, hovered and clicked as one. This
 * reaches the terminal in printed text; in the reader Ink's tokenizer re-writes OSC 8 without its
 * parameters, so there each row is a link of its own (to the whole URL: a click on any row opens it).
 */
const linkOpenWithId = (url: string): string => `\u001B]8;id=${linkId(url)};${url}\u001B\\`;

/** FNV-1a over the target, in base 36: short, stable, and only letters and digits. */
function linkId(url: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < url.length; index++) hash = Math.imul(hash ^ url.charCodeAt(index), 0x01000193);
	return `k${(hash >>> 0).toString(36)}`;
}

export type Piece =
	| {kind: 'sgr'; parameters: string; sequence: string}
	| {kind: 'link'; url: string}
	| {kind: 'text'; text: string; width: number}
	| {kind: 'space'; text: string}
	| {kind: 'break'}
	| {kind: 'clip-start'}
	| {kind: 'clip-end'};

// SGR | OSC 8 (ST or BEL) | a whitespace run | a layout marker. Anything between is text.
const pieceSplitter =
	/\u001B\[([0-9;]*)m|\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u001B\\|\u0007)|[ \t\n]+|[\r\u0001\u0002]/g;

export const textPiece = (text: string): Piece => ({kind: 'text', text, width: textWidth(text)});

export function* pieces(text: string): Generator<Piece> {
	pieceSplitter.lastIndex = 0;
	let last = 0;
	for (let match = pieceSplitter.exec(text); match !== null; match = pieceSplitter.exec(text)) {
		if (match.index > last) yield textPiece(text.slice(last, match.index));
		last = pieceSplitter.lastIndex;
		const token = match[0];
		if (match[1] !== undefined) yield {kind: 'sgr', parameters: match[1], sequence: token};
		else if (match[2] !== undefined) yield {kind: 'link', url: match[2]};
		else if (token === HARD_BREAK) yield {kind: 'break'};
		else if (token === CLIP_START) yield {kind: 'clip-start'};
		else if (token === CLIP_END) yield {kind: 'clip-end'};
		else yield {kind: 'space', text: token};
	}
	if (last < text.length) yield textPiece(text.slice(last));
}

/** Accumulates styled lines, closing and reopening style and hyperlink at each line boundary. */
export class LineBuilder {
	readonly lines: string[] = [];
	column = 0;
	// Appended to, not joined from an array (a third faster): the renderer's last check of each row
	// (render-markdown's finishLine) runs a pattern over it, which flattens it and lets its words go.
	private current = '';
	private hasText = false;
	private readonly sgr = new SgrState();
	private link = '';
	// Where in `current` the open link's sequence (without an id) starts: given an id if the link goes on to the next row.
	private linkAt = -1;

	constructor(readonly width: number) {}

	escape(piece: Piece): void {
		if (piece.kind === 'sgr') {
			this.sgr.apply(piece.parameters);
			this.current += piece.sequence;
		} else if (piece.kind === 'link') {
			// Always re-emitted in the ST form, whatever terminator came in.
			this.link = piece.url;
			this.linkAt = piece.url === '' ? -1 : this.current.length;
			this.current += piece.url === '' ? LINK_CLOSE : linkOpen(piece.url);
		}
	}

	text(text: string, width: number): void {
		this.current += text;
		this.column += width;
		this.hasText = true;
	}

	/** Ends the current line (an empty one too) and starts the next with the style in force. */
	end(): void {
		if (this.hasText && this.link !== '' && this.linkAt >= 0) {
			// The link goes on past this row: its opening here gets the id the next rows carry.
			const open = linkOpen(this.link);
			if (this.current.startsWith(open, this.linkAt))
				this.current = `${this.current.slice(0, this.linkAt)}${linkOpenWithId(this.link)}${this.current.slice(this.linkAt + open.length)}`;
		}
		this.linkAt = -1;
		if (this.hasText && this.link !== '') this.current += LINK_CLOSE;
		if (this.hasText && !this.sgr.isEmpty) this.current += RESET;
		this.lines.push(this.hasText ? this.current : '');
		this.current = this.sgr.isEmpty ? '' : this.sgr.open();
		if (this.link !== '') this.current += linkOpenWithId(this.link);
		this.column = 0;
		this.hasText = false;
	}

	/** Appends text grapheme by grapheme, breaking lines when `wrap`, else stopping (with an ellipsis) at the width. */
	graphemes(text: string, wrap: boolean, room: number): boolean {
		for (const [segment, segmentWidth] of graphemesOf(text)) {
			let width = segmentWidth;
			let shown = segment;
			if (width > this.width) {
				// Wider than the whole pane (a CJK character at width 1): it cannot be shown.
				shown = ELLIPSIS;
				width = 1;
			}
			if (this.column + width > room) {
				if (!wrap) return false;
				if (this.column > 0) this.end();
			}
			this.text(shown, width);
		}
		return true;
	}
}
