import type {Library} from '../posts/types.js';
import type {Layout} from '../state/layout.js';
import type {ReaderEnv, ReaderState} from '../state/reader-state.js';
import {selectView, type ReaderView} from '../state/select-view.js';
import {statusHint} from './keymap.js';
import {findPrompt, statusRows} from './status-text.js';
import type {TextStyle} from './styled-rows.js';
import {SYMBOLS} from './symbols.js';
import {uiTheme, type Background, type UiTheme} from './theme.js';

/** What one frame of the reader draws, computed from the state alone: the view, the status rows, the pane's layout. */
export type FrameParts = {
	view: ReaderView;
	/** The status line's rows (a long message takes rows above it). */
	status: string[];
	/** The view's layout, its pane shortened by the status rows past the first. */
	layout: Layout;
	theme: UiTheme;
};

/** The parts of the frame for `state`: the App draws them with Ink, the early frame (early-frame.ts) as text. */
export function frameParts(
	state: ReaderState,
	env: ReaderEnv,
	library: Library,
	options: {keepsPlaces: boolean; width: number; color: boolean; background: Background},
): FrameParts {
	const view = selectView(state, env, {
		keepsPlaces: options.keepsPlaces,
		title: (postIndex) => library.posts[postIndex]?.title ?? '',
		warningCount: library.warnings.length,
	});
	// A long message (a link shown whole) takes rows above the status line for as long as it shows; the text gives them up.
	const message = view.findInput ? findPrompt(view.findInput) : view.status.message;
	const parts = {
		...view.status,
		message,
		right: view.statusRight,
		hint: statusHint(view.hintLayer, options.width >= 80),
	};
	const status = statusRows(
		parts,
		options.width,
		state.mode.kind === 'find' ? 1 : Math.max(1, Math.min(8, Math.floor(view.layout.paneHeight / 2))),
	);
	const layout =
		status.length === 1 ? view.layout : {...view.layout, paneHeight: view.layout.paneHeight - status.length + 1};
	return {view, status, layout, theme: uiTheme(options.color, options.background)};
}

/** The rule beside the sidebar: a heavy one in the accent colour while keys go to the list. */
export function sidebarRule(view: ReaderView, theme: UiTheme, color: boolean): {mark: string; style: TextStyle} {
	const focused = view.isSidebarFocused;
	return {
		mark: focused ? SYMBOLS.focusedList.mark : SYMBOLS.rule.mark,
		style: {color: focused ? theme.accent : theme.rule, dimColor: !color && !focused, bold: focused},
	};
}
