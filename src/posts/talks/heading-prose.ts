/**
 * What a heading's own prose says of a talk when it names no speaker outright: someone who spoke
 * (`Ann Lee talked about…`, `as Ann Lee pointed out in the second talk`), or only a person named in
 * it. Weak evidence each (a heading alone is never a talk on it); it counts towards a run of
 * sibling headings, which is decided together.
 */
import type {HeadingCandidate} from './headings.js';
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

const COUNTS: Record<string, number> = {
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
};

/** `I found two presentations very useful`: the number of talks the opening says the post is about. */
const COUNTED =
	/\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s(?:(?:great|good|useful|interesting|favou?rite|excellent|inspiring|memorable)\s)?(?:talks|presentations|sessions|keynotes)\b/i;

/**
 * The opening counts the talks (`two presentations stood out`) and there are as many top-level
 * headings, section names aside: the opening leads into them, one talk each.
 */
export function countsTopHeadings(intro: string[], candidates: HeadingCandidate[]): boolean {
	const top = candidates.filter((candidate) => candidate.parent === null && candidate.depth < 7);
	const open = top.filter((candidate) => candidate.excluded === null);
	if (open.length < 2 || new Set(open.map((candidate) => candidate.depth)).size > 1) return false;
	return intro.some((text) => {
		const counted = COUNTED.exec(text.slice(0, 600));
		if (!counted || /\b(?:missed|skipped|wish|could(?:n['’]t| not))\b/i.test(text)) return false;
		const word = counted[1]!.toLowerCase();
		return (COUNTS[word] ?? Number(word)) === open.length;
	});
}
