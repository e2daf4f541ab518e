/** How the screen is divided at a size: pure, so tests and the reducer agree with the view. */
export type Layout = {
	width: number;
	height: number;
	/** Below 20x5 nothing but a message fits. */
	isTooSmall: boolean;
	/** 0 when hidden (by the user, or below 60 columns). */
	sidebarWidth: number;
	/** Wide enough for the sidebar beside the text; narrower, it can only take the text's place. */
	hasRoomForSidebar: boolean;
	/** Columns the post is rendered at: at most the reading measure. */
	paneWidth: number;
	/** Blank columns left of the text: room the measure leaves over, once the sidebar has its fill. */
	textMargin: number;
	/** Rows of post text: everything but the status line. */
	paneHeight: number;
};

export const MIN_WIDTH = 20;
export const MIN_HEIGHT = 5;
/** Below this the sidebar would squeeze the text too much, so it hides itself. */
export const SIDEBAR_MIN_TERMINAL = 60;
/** The text column's default width, as the printed path caps it: lines longer than this read badly. */
export const DEFAULT_MEASURE = 100;
/** The sidebar grows into spare room up to what its rows need (`sidebarFit`), and never past this. */
const SIDEBAR_MAX = 72;
/** What the sidebar grows to when its rows' needs are not known. */
export const SIDEBAR_FIT = 48;

/**
 * The sidebar takes about a quarter of the width (22 to 40 columns), the text up to `measure`
 * columns; room left over widens the sidebar (up to `sidebarFit`, what its rows need to show the
 * titles whole, at most 72), and the rest becomes a margin that centres the text in its half. The
 * text keeps its measure: the sidebar takes only room the text would not use. Narrowing the
 * terminal narrows the text only once the measure no longer fits; below 60 columns the sidebar
 * hides and the text keeps the screen.
 */
export function computeLayout(
	width: number,
	height: number,
	isSidebarWanted: boolean,
	measure = DEFAULT_MEASURE,
	sidebarFit = SIDEBAR_FIT,
): Layout {
	const isTooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
	const hasRoomForSidebar = width >= SIDEBAR_MIN_TERMINAL;
	const showSidebar = isSidebarWanted && hasRoomForSidebar;
	let sidebarWidth = showSidebar ? Math.min(40, Math.max(22, Math.floor(width * 0.28))) : 0;
	// The sidebar is followed by a one-column rule and a one-column gap; one column stays free on the right.
	const chrome = (showSidebar ? 2 : 0) + 1;
	const paneWidth = Math.max(10, Math.min(measure, width - sidebarWidth - chrome));
	let spare = Math.max(0, width - sidebarWidth - chrome - paneWidth);
	if (showSidebar) {
		const grow = Math.max(0, Math.min(spare, Math.min(SIDEBAR_MAX, sidebarFit) - sidebarWidth));
		sidebarWidth += grow;
		spare -= grow;
	}
	return {
		width,
		height,
		isTooSmall,
		sidebarWidth,
		hasRoomForSidebar,
		paneWidth,
		textMargin: Math.floor(spare / 2),
		paneHeight: Math.max(1, height - 1),
	};
}
