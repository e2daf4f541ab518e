/**
 * The part of marked-terminal 7.3 we use. Declared here rather than through @types/marked-terminal,
 * which pulls in an old marked of its own.
 */
declare module 'marked-terminal' {
	import type {MarkedExtension} from 'marked';

	type Style = (text: string) => string;

	/** Options of marked-terminal's renderer (see its index.js `defaultOptions`). */
	export type TerminalRendererOptions = {
		code?: Style;
		blockquote?: Style;
		html?: Style;
		heading?: Style;
		firstHeading?: Style;
		hr?: Style;
		listitem?: Style;
		list?: (body: string, ordered: boolean, indent: string) => string;
		table?: Style;
		paragraph?: Style;
		strong?: Style;
		em?: Style;
		codespan?: Style;
		del?: Style;
		link?: Style;
		href?: Style;
		text?: Style;
		image?: (href: string, title: string | null, text: string) => string;
		unescape?: boolean;
		emoji?: boolean;
		width?: number;
		showSectionPrefix?: boolean;
		reflowText?: boolean;
		tab?: number | string;
		tableOptions?: Record<string, unknown>;
	};

	/** A marked extension whose renderer writes terminal text. */
	export function markedTerminal(
		options?: TerminalRendererOptions,
		highlightOptions?: Record<string, unknown>,
	): MarkedExtension;
}
