/**
 * Embedded media in raw HTML (`<iframe>`, `<video>`, `<audio>`, `<embed>`, `<object>`): a video or
 * a slide deck the terminal cannot play becomes a placeholder line naming it and its address, like
 * an image, so the text around it still reads right.
 */
import {imageLine} from './image-line.js';
import {isSafeUrl} from '../markdown/sanitize.js';
import type {Theme} from './theme.js';

/** A `<video>` or `<audio>` whose address comes from a `<source>` inside it. */
export type PendingMedia = {kind: string; title: string; shown: boolean};

const MEDIA_ELEMENTS = new Set(['iframe', 'video', 'audio', 'embed', 'object', 'source']);

/** True for the elements this module turns into placeholders. */
export function isMediaElement(name: string): boolean {
	return MEDIA_ELEMENTS.has(name);
}

/** What an embedded page most likely is, from its host: the word the placeholder starts with. */
function embedKind(url: string): string {
	if (
		/^(?:https?:)?\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|wistia\.(?:com|net)|loom\.com)\//i.test(
			url,
		)
	)
		return 'video';
	if (
		/^(?:https?:)?\/\/(?:[\w-]+\.)*(?:speakerdeck\.com|slideshare\.net|slides\.com)\/|docs\.google\.com\/presentation/i.test(
			url,
		)
	)
		return 'slides';
	return 'embed';
}

/**
 * The address shown: web and mail addresses, site-relative and protocol-relative paths; a target
 * of any other scheme (`javascript:`, `data:`) is left out, the placeholder still says what was there.
 */
function shownAddress(url: string): string {
	const target = url.trim();
	return isSafeUrl(target) || !/^[a-z][\w+.-]*:/i.test(target) ? target : '';
}

/**
 * The placeholder for one media tag, or '' (a `<source>` outside media, a closing tag after its
 * placeholder). `pending` carries a `<video>`/`<audio>` without `src` to its `<source>` or end tag.
 */
export function mediaText(
	name: string,
	closing: boolean,
	attributes: Map<string, string>,
	pending: {media: PendingMedia | null},
	theme: Theme,
): string {
	const title = attributes.get('title') ?? attributes.get('aria-label') ?? attributes.get('name') ?? '';
	if (closing) {
		const media = pending.media;
		if ((name !== 'video' && name !== 'audio') || media === null) return '';
		pending.media = null;
		return media.shown ? '' : imageLine(media.title, '', theme, media.kind);
	}
	if (name === 'source') {
		const media = pending.media;
		if (media === null || media.shown) return '';
		media.shown = true;
		return imageLine(media.title, shownAddress(attributes.get('src') ?? ''), theme, media.kind);
	}
	const url = attributes.get(name === 'object' ? 'data' : 'src') ?? '';
	if (name === 'video' || name === 'audio') {
		pending.media = {kind: name, title, shown: url !== ''};
		if (url === '') return '';
	}
	return imageLine(
		title,
		shownAddress(url),
		theme,
		name === 'iframe' || name === 'embed' || name === 'object' ? embedKind(url) : name,
	);
}
