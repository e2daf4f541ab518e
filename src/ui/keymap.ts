/**
 * Every key binding, as data. The reader resolves keys through it, the help overlay lists it, and
 * the README's key list is generated from it (npm run readme), so the three cannot drift.
 */
import type {ReaderAction} from '../state/reader-reducer.js';

/** Where a binding applies; the reader asks for a key in its current layers, first match wins. */
export type KeyLayer =
	'global' | 'reader' | 'sidebar' | 'filter' | 'found' | 'help' | 'find' | 'searchQuery' | 'searchList';

/**
 * What each key action asks of the reader's reducer: a binding below names one of these (a new key
 * is an entry here and a row below). Ctrl-Z and Ctrl-L are the terminal's business: the input hook
 * handles them before any action is dispatched.
 */
export const KEY_ACTIONS = {
	quit: {type: 'quit'},
	lineDown: {type: 'scroll', lines: 1},
	lineUp: {type: 'scroll', lines: -1},
	pageDown: {type: 'page', pages: 1},
	pageUp: {type: 'page', pages: -1},
	halfDown: {type: 'page', pages: 0.5},
	halfUp: {type: 'page', pages: -0.5},
	top: {type: 'top'},
	bottom: {type: 'bottom'},
	nextTopic: {type: 'topic', direction: 1},
	previousTopic: {type: 'topic', direction: -1},
	nextPost: {type: 'post', direction: 1},
	previousPost: {type: 'post', direction: -1},
	toggleSidebar: {type: 'toggleSidebar'},
	switchFocus: {type: 'switchFocus'},
	sidebarDown: {type: 'sidebarMove', delta: 1},
	sidebarUp: {type: 'sidebarMove', delta: -1},
	sidebarOpen: {type: 'sidebarOpen'},
	sidebarPageDown: {type: 'sidebarPage', pages: 1},
	sidebarPageUp: {type: 'sidebarPage', pages: -1},
	sidebarHalfDown: {type: 'sidebarPage', pages: 0.5},
	sidebarHalfUp: {type: 'sidebarPage', pages: -0.5},
	sidebarFirst: {type: 'sidebarEdge', edge: 'first'},
	sidebarLast: {type: 'sidebarEdge', edge: 'last'},
	sidebarEscape: {type: 'sidebarEscape'},
	sidebarFilter: {type: 'sidebarFilterOpen'},
	sidebarTalksOnly: {type: 'sidebarTalksOnly'},
	filterDone: {type: 'sidebarFilterDone'},
	filterClear: {type: 'sidebarFilterClear'},
	filterBackspace: {type: 'sidebarFilterBackspace'},
	openHelp: {type: 'setMode', mode: 'help'},
	closeOverlay: {type: 'setMode', mode: 'reader'},
	openFind: {type: 'setMode', mode: 'find'},
	nextMatch: {type: 'findStep', direction: 1},
	previousMatch: {type: 'findStep', direction: -1},
	clearFind: {type: 'clearFind'},
	openSearch: {type: 'setMode', mode: 'search'},
	openWarnings: {type: 'setMode', mode: 'warnings'},
	overlayDown: {type: 'overlayScroll', lines: 1},
	overlayUp: {type: 'overlayScroll', lines: -1},
	overlayPageDown: {type: 'overlayScroll', pages: 1},
	overlayPageUp: {type: 'overlayScroll', pages: -1},
	overlayHalfDown: {type: 'overlayScroll', pages: 0.5},
	overlayHalfUp: {type: 'overlayScroll', pages: -0.5},
	overlayTop: {type: 'overlayScroll', lines: -Infinity},
	overlayBottom: {type: 'overlayScroll', lines: Infinity},
	closeSearch: {type: 'setMode', mode: 'reader'},
	searchDown: {type: 'searchMove', delta: 1},
	searchUp: {type: 'searchMove', delta: -1},
	searchOpen: {type: 'searchOpen'},
	searchFocusList: {type: 'searchFocus', focus: 'list'},
	searchClear: {type: 'searchClear'},
	searchFocusQuery: {type: 'searchFocus', focus: 'query'},
	openLink: {type: 'searchLink', kind: 'open'},
	copyLink: {type: 'searchLink', kind: 'copy'},
	toggleWatched: {type: 'searchToggleWatched'},
	toggleMissed: {type: 'searchToggleMissed'},
	cycleDay: {type: 'searchCycleDay'},
	findSubmit: {type: 'findSubmit'},
	findCancel: {type: 'setMode', mode: 'reader'},
	findBackspace: {type: 'findBackspace'},
	editPost: {type: 'editPost'},
	searchRecording: {type: 'searchRecording'},
} satisfies Record<string, ReaderAction>;

export type KeyAction = keyof typeof KEY_ACTIONS | 'suspend' | 'redraw';

export type Binding = {
	layer: KeyLayer;
	/** Key names as `keyName` gives them. */
	keys: string[];
	/** How the help shows the keys, when the names alone read badly. */
	label?: string;
	action: KeyAction;
	help: string;
	/** A word for the status line's hint, for the few keys it names. */
	hint?: string;
};

export const bindings: Binding[] = [
	{layer: 'global', keys: ['ctrl+c'], label: 'Ctrl-C', action: 'quit', help: 'quit, from anywhere'},
	{layer: 'global', keys: ['ctrl+z'], label: 'Ctrl-Z', action: 'suspend', help: 'suspend to the shell (fg comes back)'},
	{layer: 'global', keys: ['ctrl+l'], label: 'Ctrl-L', action: 'redraw', help: 'draw the whole screen again'},
	{
		layer: 'help',
		keys: ['escape', '?', 'q'],
		label: 'Esc ? q',
		action: 'closeOverlay',
		help: 'close the help or the warnings',
	},
	{
		layer: 'help',
		keys: ['j', 'down'],
		label: 'j ↓',
		action: 'overlayDown',
		help: 'down one line, when it does not fit',
	},
	{layer: 'help', keys: ['k', 'up'], label: 'k ↑', action: 'overlayUp', help: 'up one line'},
	{
		layer: 'help',
		keys: ['space', 'f', 'pagedown'],
		label: 'Space f PgDn',
		action: 'overlayPageDown',
		help: 'down one page',
	},
	{layer: 'help', keys: ['b', 'pageup'], label: 'b PgUp', action: 'overlayPageUp', help: 'up one page'},
	{layer: 'help', keys: ['d', 'ctrl+d'], label: 'd', action: 'overlayHalfDown', help: 'down half a page'},
	{layer: 'help', keys: ['u', 'ctrl+u'], label: 'u', action: 'overlayHalfUp', help: 'up half a page'},
	{layer: 'help', keys: ['g', 'home'], label: 'g Home', action: 'overlayTop', help: 'top of the help'},
	{layer: 'help', keys: ['G', 'end'], label: 'G End', action: 'overlayBottom', help: 'end of the help'},
	{layer: 'found', keys: ['n'], action: 'nextMatch', help: 'next match of the find'},
	{layer: 'found', keys: ['N'], action: 'previousMatch', help: 'previous match of the find'},
	{layer: 'found', keys: ['escape'], label: 'Esc', action: 'clearFind', help: 'clear the find'},
	{layer: 'sidebar', keys: ['j', 'down'], label: 'j ↓', action: 'sidebarDown', help: 'next entry in the sidebar'},
	{layer: 'sidebar', keys: ['k', 'up'], label: 'k ↑', action: 'sidebarUp', help: 'previous entry in the sidebar'},
	{
		layer: 'sidebar',
		keys: ['enter', 'l', 'right'],
		label: 'Enter',
		action: 'sidebarOpen',
		help: 'open the post or jump to the topic',
		hint: 'open',
	},
	{
		layer: 'sidebar',
		keys: ['space', 'f', 'pagedown'],
		label: 'Space f PgDn',
		action: 'sidebarPageDown',
		help: 'down one page of the list',
	},
	{layer: 'sidebar', keys: ['b', 'pageup'], label: 'b PgUp', action: 'sidebarPageUp', help: 'up one page of the list'},
	{
		layer: 'sidebar',
		keys: ['d', 'ctrl+d'],
		label: 'd',
		action: 'sidebarHalfDown',
		help: 'down half a page of the list',
	},
	{layer: 'sidebar', keys: ['u', 'ctrl+u'], label: 'u', action: 'sidebarHalfUp', help: 'up half a page of the list'},
	{layer: 'sidebar', keys: ['g', 'home'], label: 'g Home', action: 'sidebarFirst', help: 'first post of the list'},
	{layer: 'sidebar', keys: ['G', 'end'], label: 'G End', action: 'sidebarLast', help: 'last post of the list'},
	{
		layer: 'sidebar',
		keys: ['/'],
		action: 'sidebarFilter',
		help: 'filter the posts: words of the title, tag:kubecon (n and p follow it)',
		hint: 'filter',
	},
	{
		layer: 'sidebar',
		keys: ['s'],
		action: 'sidebarTalksOnly',
		help: 'only the posts that list talks, or all again',
		hint: 'talks only',
	},
	{
		layer: 'sidebar',
		keys: ['escape'],
		label: 'Esc',
		action: 'sidebarEscape',
		help: 'clear the filter, else back to the text',
		hint: 'text',
	},
	{
		layer: 'filter',
		keys: ['enter'],
		label: 'Enter',
		action: 'filterDone',
		help: 'keep the filter, back to the list (letters type: q is q)',
		hint: 'keep',
	},
	{layer: 'filter', keys: ['escape'], label: 'Esc', action: 'filterClear', help: 'clear the filter', hint: 'clear'},
	{
		layer: 'filter',
		keys: ['backspace'],
		label: 'Backspace',
		action: 'filterBackspace',
		help: 'delete the last character (on nothing: back to the list)',
	},
	{layer: 'reader', keys: ['j', 'down', 'enter'], label: 'j ↓', action: 'lineDown', help: 'down one line'},
	{layer: 'reader', keys: ['k', 'up'], label: 'k ↑', action: 'lineUp', help: 'up one line'},
	{
		layer: 'reader',
		keys: ['space', 'f', 'pagedown', 'ctrl+v'],
		label: 'Space f PgDn',
		action: 'pageDown',
		help: 'down one page',
	},
	{layer: 'reader', keys: ['b', 'pageup'], label: 'b PgUp', action: 'pageUp', help: 'up one page'},
	{layer: 'reader', keys: ['d', 'ctrl+d'], label: 'd', action: 'halfDown', help: 'down half a page'},
	{layer: 'reader', keys: ['u', 'ctrl+u'], label: 'u', action: 'halfUp', help: 'up half a page'},
	{layer: 'reader', keys: ['g', 'home'], label: 'g Home', action: 'top', help: 'top of the post'},
	{layer: 'reader', keys: ['G', 'end'], label: 'G End', action: 'bottom', help: 'end of the post'},
	{layer: 'reader', keys: [']'], action: 'nextTopic', help: 'next topic'},
	{layer: 'reader', keys: ['['], action: 'previousTopic', help: 'previous topic (or the start of this one)'},
	{layer: 'reader', keys: ['n'], action: 'nextPost', help: 'next post'},
	{layer: 'reader', keys: ['p'], action: 'previousPost', help: 'previous post'},
	{layer: 'reader', keys: ['ctrl+f'], label: 'Ctrl-F', action: 'openFind', help: 'find in this post (then n / N)'},
	{
		layer: 'reader',
		keys: ['/'],
		action: 'openSearch',
		help: 'search the talks and the text of every post (then n / N)',
	},
	{layer: 'reader', keys: ['tab'], label: 'Tab', action: 'switchFocus', help: 'move between the sidebar and the text'},
	{
		layer: 'reader',
		keys: ['t'],
		action: 'toggleSidebar',
		help: 'show or hide the sidebar (narrower than 60 columns: in place of the text)',
	},
	{layer: 'reader', keys: ['?'], action: 'openHelp', help: 'this help', hint: 'keys'},
	{
		layer: 'reader',
		keys: ['e'],
		action: 'editPost',
		help: 'edit the post in $VISUAL or $EDITOR at the text on top; it reloads after',
	},
	{layer: 'reader', keys: ['W'], action: 'openWarnings', help: 'the files that could not be read, and why'},
	{layer: 'reader', keys: ['q'], action: 'quit', help: 'quit (Esc closes an overlay first)', hint: 'quit'},
	{
		layer: 'find',
		keys: ['enter'],
		label: 'Enter',
		action: 'findSubmit',
		help: 'find what is typed (letters type: q is q)',
		hint: 'find',
	},
	{layer: 'find', keys: ['escape'], label: 'Esc', action: 'findCancel', help: 'cancel the find', hint: 'cancel'},
	{layer: 'find', keys: ['backspace'], label: 'Backspace', action: 'findBackspace', help: 'delete the last character'},
	{
		layer: 'searchQuery',
		keys: ['down', 'ctrl+n'],
		label: '↓ Ctrl-N',
		action: 'searchDown',
		help: 'next result',
		hint: 'next',
	},
	{
		layer: 'searchQuery',
		keys: ['up', 'ctrl+p'],
		label: '↑ Ctrl-P',
		action: 'searchUp',
		help: 'previous result',
		hint: 'previous',
	},
	{
		layer: 'searchQuery',
		keys: ['enter'],
		label: 'Enter',
		action: 'searchOpen',
		help: "go to the talk's bullet, or to the line of text; n and N then step through the matches",
		hint: 'go',
	},
	{
		layer: 'searchQuery',
		keys: ['ctrl+u'],
		label: 'Ctrl-U',
		action: 'searchClear',
		help: 'clear the query (a kept query is selected: typing replaces it)',
	},
	{
		layer: 'searchQuery',
		keys: ['tab'],
		label: 'Tab',
		action: 'searchFocusList',
		help: 'to the list, where letters are commands',
		hint: 'list (o open, y copy, w watched, m missed, d day)',
	},
	{
		layer: 'searchQuery',
		keys: ['escape'],
		label: 'Esc',
		action: 'closeSearch',
		help: 'close, back where you were',
		hint: 'close',
	},
	{layer: 'searchList', keys: ['j', 'down'], label: 'j ↓', action: 'searchDown', help: 'next result'},
	{layer: 'searchList', keys: ['k', 'up'], label: 'k ↑', action: 'searchUp', help: 'previous result'},
	{
		layer: 'searchList',
		keys: ['enter'],
		label: 'Enter',
		action: 'searchOpen',
		help: "go to the talk's bullet, or to the line of text; n and N then step through the matches",
		hint: 'go',
	},
	{layer: 'searchList', keys: ['o'], action: 'openLink', help: "open the session's link in the browser", hint: 'open'},
	{layer: 'searchList', keys: ['y'], action: 'copyLink', help: "copy the session's link (OSC 52)", hint: 'copy'},
	{
		layer: 'searchList',
		keys: ['w'],
		action: 'toggleWatched',
		help: 'mark watched / to watch (remembered)',
		hint: 'watched',
	},
	{
		layer: 'searchList',
		keys: ['v'],
		action: 'searchRecording',
		help: "search for the talk's recording (KUBECON_NOTES_RECORDING_URL)",
	},
	{
		layer: 'searchList',
		keys: ['m'],
		action: 'toggleMissed',
		help: 'show only the sessions missed',
		hint: 'missed only',
	},
	{layer: 'searchList', keys: ['d'], action: 'cycleDay', help: 'filter by day: all, day 1, day 2…', hint: 'day'},
	{
		layer: 'searchList',
		keys: ['/', 'tab'],
		label: '/ Tab',
		action: 'searchFocusQuery',
		help: 'back to typing the query',
		hint: 'type',
	},
	{
		layer: 'searchList',
		keys: ['escape', 'q'],
		label: 'Esc q',
		action: 'closeSearch',
		help: 'close, back where you were',
		hint: 'close',
	},
];

/** The action a key has in the first of `layers` that binds it. */
export function resolveKey(key: string, layers: KeyLayer[]): KeyAction | null {
	for (const layer of layers) {
		const binding = bindings.find((candidate) => candidate.layer === layer && candidate.keys.includes(key));
		if (binding) return binding.action;
	}
	return null;
}

/** How a binding's keys are shown: its label, or its key names made readable. */
export function keyLabel(binding: Binding): string {
	if (binding.label) return binding.label;
	return binding.keys
		.map((key) => key.replace(/^ctrl\+(.)$/, (_, letter: string) => `Ctrl-${letter.toUpperCase()}`))
		.join(' ');
}

const LAYER_TITLES: Array<[KeyLayer, string]> = [
	['reader', 'Reading'],
	['sidebar', 'In the sidebar (Tab to focus it)'],
	['filter', 'Typing a filter of the sidebar (/ there)'],
	['find', 'Typing a find (Ctrl-F)'],
	['found', 'While a find is shown'],
	['searchQuery', 'Search (/), talks and text: typing the query'],
	['searchList', 'Search: in the list (Tab)'],
	['help', 'In this help'],
	['global', 'Anywhere'],
];

/** The key table grouped for the help overlay: a title and its rows per layer. */
export function helpSections(): Array<{title: string; rows: Array<{keys: string; help: string}>}> {
	return LAYER_TITLES.map(([layer, title]) => ({
		title,
		rows: bindings
			.filter((binding) => binding.layer === layer)
			.map((binding) => ({keys: keyLabel(binding), help: binding.help})),
	}));
}

/** The key table as markdown, for the README. */
export function keymapMarkdown(): string {
	return helpSections()
		.map((section) =>
			[
				`**${section.title}**`,
				'',
				'| keys | does |',
				'| --- | --- |',
				...section.rows.map((row) => `| \`${row.keys}\` | ${row.help} |`),
			].join('\n'),
		)
		.join('\n\n');
}

/**
 * The status line's hint for a layer, from the bindings that carry one: `? keys  q quit`, or just
 * the keys where the line is narrow.
 */
export function statusHint(layer: KeyLayer, isWide: boolean): string {
	const hinted = bindings.filter((binding) => binding.layer === layer && binding.hint);
	if (!isWide) return hinted[0] ? keyLabel(hinted[0]) : '';
	return hinted
		.map((binding) => `${keyLabel(binding).split(' ')[0]} ${binding.hint}`)
		.join(layer === 'reader' ? '  ' : ' · ');
}

/** The search panel's line of keys, from the bindings of its layer that carry a hint. */
export function layerHints(layer: KeyLayer): string {
	return bindings
		.filter((binding) => binding.layer === layer && binding.hint)
		.map((binding) => `${keyLabel(binding).split(' ')[0]} ${binding.hint}`)
		.join(' · ');
}
