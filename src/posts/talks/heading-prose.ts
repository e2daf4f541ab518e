/**
 * What a heading's own prose says of a talk when it names no speaker outright: someone who spoke
 * (`Ann Lee talked about…`, `as Ann Lee pointed out in the second talk`), or only a person named in
 * it. Weak evidence each (a heading alone is never a talk on it); it counts towards a run of
 * sibling headings, which is decided together.
 */
import {namesIn} from './heading-speakers.js';

/** Someone speaking: `talked about`, `spoke on`, `gave a demo`, `the second talk of the day`, `the presenter`. */
const SPOKE =
	/\b(?:talked|talks|spoke|speaks)\s+(?:about|on|through)\b|\b(?:gave|delivered|presented)\s+(?:a|an|the|his|her|their)\b|\b(?:first|second|third|fourth|fifth|last|final|next)\s+(?:talk|session|speaker)\b|\bthe\s+(?:presenter|speaker)\b/i;

/** True when the section's opening sentences say that someone spoke. */
export function saysSomeoneSpoke(text: string): boolean {
	return SPOKE.test(text.slice(0, 1500));
}

/** The one person the section's opening names (a known given name and a surname), or null. */
export function onePersonNamed(sentences: string[]): string | null {
	const names = new Set<string>();
	for (const sentence of sentences.slice(0, 4)) for (const name of namesIn(sentence)) names.add(name);
	return names.size === 1 ? [...names][0]! : null;
}

/** The reasons above: they fill out a run of talks, never make one (two siblings need firmer evidence). */
export function isProseHint(reason: string): boolean {
	return reason.startsWith('its text names one person') || reason.startsWith('its text says someone spoke');
}
