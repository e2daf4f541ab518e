/** Images cannot be shown in a terminal: each becomes a one-line placeholder naming it. */
import {clipSpan} from './layout-markers.js';
import {shownTarget} from './links.js';
import {sanitizeText} from '../markdown/sanitize.js';
import type {Theme} from './theme.js';

/** `▣ image: ALT (TARGET)`, as a clipped span (a line of its own, wrapped only when wider than the pane). */
export function imageLine(alt: string, target: string, theme: Theme, kind = 'image'): string {
	const shownAlt = sanitizeText(alt).replace(/\s+/g, ' ').trim();
	const shownSource = sanitizeText(target).trim();
	const label = shownAlt === '' ? `▣ ${kind}` : `▣ ${kind}: ${shownAlt}`;
	return clipSpan(theme.image(shownSource === '' ? label : `${label} (${shownTarget(shownSource)})`));
}
