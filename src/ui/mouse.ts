/**
 * The mouse, as terminals report it in SGR mode (1006): `ESC [ < button ; column ; row M` on a
 * press (and wheel turn), `m` on a release. Pure: input text in, events out. Coordinates come back
 * 0-based, as the layout counts columns and rows.
 */

/** Turns on button and wheel reports (1000) in the SGR encoding (1006): no limit at column 223. */
export const MOUSE_ON = '\u001B[?1000h\u001B[?1006h';
/** Turns them off again: every way out of the reader (quit, signal, suspend, editor) must write it. */
export const MOUSE_OFF = '\u001B[?1006l\u001B[?1000l';

export type MouseModifiers = {shift: boolean; meta: boolean; ctrl: boolean};

export type MouseEvent =
	| ({kind: 'wheel'; direction: 'up' | 'down' | 'left' | 'right'; x: number; y: number} & MouseModifiers)
	| ({kind: 'press' | 'release'; button: 'left' | 'middle' | 'right' | 'other'; x: number; y: number} & MouseModifiers)
	| ({kind: 'move'; x: number; y: number} & MouseModifiers);

/**
 * One SGR report, whole: with its ESC (`\x1b[<64;10;5M`, as read from the terminal) or without it
 * (`[<64;10;5M`, as Ink's useInput hands it over after taking the ESC off).
 */
const SGR_REPORT = /^(?:\u001B)?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/;
/** Reports anywhere in a chunk of input (several arrive together when the wheel spins fast). */
const SGR_REPORTS = /\u001B\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])/g;

/** The event one SGR report stands for, or null when `input` is not exactly one report. */
export function parseMouse(input: string): MouseEvent | null {
	const match = SGR_REPORT.exec(input);
	return match ? toEvent(match[1]!, match[2]!, match[3]!, match[4] === 'M') : null;
}

/** Whether `input` is a mouse report (so a key handler must not read it as `[`, `<`, digits…). */
export function isMouseInput(input: string): boolean {
	return SGR_REPORT.test(input);
}

/**
 * Every report in a chunk of raw input, and the input with them taken out (the keys typed between).
 * A report cut at the end of a chunk is left in `rest`: the caller joins it to the next chunk.
 */
export function parseMouseChunk(chunk: string): {events: MouseEvent[]; rest: string} {
	const events: MouseEvent[] = [];
	const rest = chunk.replace(SGR_REPORTS, (_whole, button: string, x: string, y: string, final: string) => {
		const event = toEvent(button, x, y, final === 'M');
		if (event) events.push(event);
		return '';
	});
	return {events, rest};
}

function toEvent(buttonText: string, xText: string, yText: string, isPress: boolean): MouseEvent | null {
	const code = Number(buttonText);
	const x = Number(xText) - 1;
	const y = Number(yText) - 1;
	// Column and row are 1-based; 0 is no place on the screen.
	if (x < 0 || y < 0) return null;
	const modifiers: MouseModifiers = {shift: (code & 4) !== 0, meta: (code & 8) !== 0, ctrl: (code & 16) !== 0};
	const low = code & 3;
	if ((code & 64) !== 0 && (code & 128) === 0) {
		const direction = (['up', 'down', 'left', 'right'] as const)[low]!;
		// A wheel has no release; some terminals still send one: it is not a second turn.
		return isPress ? {kind: 'wheel', direction, x, y, ...modifiers} : null;
	}
	if ((code & 32) !== 0) return {kind: 'move', x, y, ...modifiers};
	const button = code >= 128 ? 'other' : (['left', 'middle', 'right', 'other'] as const)[low]!;
	return {kind: isPress ? 'press' : 'release', button, x, y, ...modifiers};
}

/** Where on the screen a point is, for a layout with the sidebar on the left and the status line last. */
export type ScreenArea =
	{area: 'sidebar'; row: number} | {area: 'text'; row: number; column: number} | {area: 'status'} | {area: 'none'};

/**
 * Which part of the reader's screen holds (x, y): the sidebar's rows, the text pane's rows, or the
 * status line. `sidebarWidth` 0 means no sidebar; the sidebar is followed by a rule and a gap.
 */
export function screenAreaAt(
	layout: {sidebarWidth: number; paneHeight: number; width: number; height: number},
	x: number,
	y: number,
): ScreenArea {
	if (x < 0 || y < 0 || x >= layout.width || y >= layout.height) return {area: 'none'};
	if (y >= layout.paneHeight) return {area: 'status'};
	if (layout.sidebarWidth > 0 && x < layout.sidebarWidth) return {area: 'sidebar', row: y};
	const textStart = layout.sidebarWidth > 0 ? layout.sidebarWidth + 2 : 0;
	return x < textStart ? {area: 'none'} : {area: 'text', row: y, column: x - textStart};
}

/** Lines one wheel step scrolls: three, as in less, vim and most terminals' own scrolling. */
export const WHEEL_LINES = 3;

/** What a mouse event asks the reader to do: scroll the pane under the pointer, or click a row. */
export type MouseIntent =
	| {kind: 'scroll'; area: 'text' | 'sidebar'; lines: number}
	| {kind: 'click'; area: 'sidebar'; row: number}
	| {kind: 'click'; area: 'text'; row: number; column: number};

/**
 * The wheel scrolls what is under the pointer (WHEEL_LINES a step, up negative); a left press on a
 * sidebar row picks it (lazygit opens on the press, not the release). Everything else is ignored.
 */
export function mouseIntent(
	event: MouseEvent,
	layout: {sidebarWidth: number; paneHeight: number; width: number; height: number},
): MouseIntent | null {
	const place = screenAreaAt(layout, event.x, event.y);
	if (place.area !== 'text' && place.area !== 'sidebar') return null;
	if (event.kind === 'wheel') {
		if (event.direction !== 'up' && event.direction !== 'down') return null;
		return {kind: 'scroll', area: place.area, lines: event.direction === 'up' ? -WHEEL_LINES : WHEEL_LINES};
	}
	if (event.kind !== 'press' || event.button !== 'left') return null;
	return place.area === 'sidebar'
		? {kind: 'click', area: 'sidebar', row: place.row}
		: {kind: 'click', area: 'text', row: place.row, column: place.column};
}
