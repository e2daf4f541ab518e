/**
 * The help and the warnings overlays: a title row, then lines that scroll and stop at their last.
 * Its state is the first line shown (the mode's `top`); its reducer takes that, the overlay's length
 * and the room it has. Pure.
 */

export type OverlayAction = {type: 'overlayScroll'; lines: number} | {type: 'overlayScroll'; pages: number};

/** The first line shown after a scroll: `length` lines in `paneHeight` rows, the first row the title's. */
export function overlayReducer(
	top: number,
	action: OverlayAction,
	input: {length: number; paneHeight: number},
): number {
	const room = input.paneHeight - 1;
	const last = Math.max(0, input.length - room);
	// A page keeps one line of context, as the text's paging does.
	const lines =
		'pages' in action
			? Math.trunc(action.pages * Math.max(1, Math.abs(action.pages) >= 1 ? room - 1 : room))
			: action.lines;
	return Math.max(0, Math.min(last, top + lines));
}
