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
	/** Columns the post is rendered at. */
	paneWidth: number;
	/** Rows of post text: everything but the status line. */
	paneHeight: number;
};

export const MIN_WIDTH = 20;
export const MIN_HEIGHT = 5;
/** Below this the sidebar would squeeze the text too much, so it hides itself. */
export const SIDEBAR_MIN_TERMINAL = 60;

export function computeLayout(width: number, height: number, isSidebarWanted: boolean): Layout {
	const isTooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
	const hasRoomForSidebar = width >= SIDEBAR_MIN_TERMINAL;
	const showSidebar = isSidebarWanted && hasRoomForSidebar;
	const sidebarWidth = showSidebar ? Math.min(40, Math.max(22, Math.floor(width * 0.28))) : 0;
	// The sidebar is followed by a one-column rule and a one-column gap.
	const paneWidth = Math.max(10, width - (showSidebar ? sidebarWidth + 2 : 0) - 1);
	return {width, height, isTooSmall, sidebarWidth, hasRoomForSidebar, paneWidth, paneHeight: Math.max(1, height - 1)};
}
