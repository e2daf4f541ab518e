/**
 * Deciding by evidence, as a group: headings under one parent are siblings, and a run of siblings
 * most of which carry evidence of being talks is a run of talks (its members then need little
 * evidence of their own). A heading alone is a talk only on strong evidence.
 */
import {announcesTalks, isNegated, namesDay, type Evidence} from './evidence.js';
import {scoreOf, type HeadingCandidate} from './headings.js';
import {isProseHint} from './heading-prose.js';

/** A date in a heading (`11/4/11`, `4 November`, `Nov 4`): the heading is a day of the conference. */
const DATE =
	/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/i;

/** A heading naming one talk by its kind: `Keynote`, `Opening keynote`, `The talk`. */
const ONE_TALK =
	/^(?:(?:the|my|opening|closing|morning|final)\s+)?(?:keynote|talk|session|presentation|workshop|tutorial)$/i;

/** Strong evidence by itself: a speaker read from the heading, a talk page, a speakers line. */
export const STRONG = 3;
/** Evidence that counts towards a run of talks. */
export const MEDIUM = 2;

/** A heading's verdict, kept for `sessions --explain`. */
export type HeadingDecision = {candidate: HeadingCandidate; accepted: boolean; score: number; why: string};

/**
 * Decides every heading. `introAnnounces`: the text before the first heading says the post lists
 * talks (`Sessions I attended:`), which supports the top-level headings.
 */
export function decideHeadings(candidates: HeadingCandidate[], introAnnounces: boolean): HeadingDecision[] {
	// Context first: a parent heading that announces talks supports its children.
	for (const candidate of candidates) {
		const parent = candidate.parent === null ? null : candidates[candidate.parent]!;
		// `## Talks I attended` supports its children; `## Keynote` is one talk, and its children are its sections.
		if (parent && announcesTalks(parent.text) && !isNegated(parent.text) && !ONE_TALK.test(parent.text.trim()))
			candidate.evidence.push({weight: 2, reason: `under "${parent.text}"`});
		else if (parent && (namesDay(parent.text) || DATE.test(parent.text)))
			candidate.evidence.push({weight: 1, reason: `under a day: "${parent.text}"`});
		// (Only its one child: a name over several headings is one person's talk in parts, `### Ann Lee` then `#### OPA`, `#### etcd`.)
		else if (
			parent &&
			parent.excluded?.startsWith('only a name') &&
			(candidate.speakers === null || candidate.form === 'body') &&
			parent.depth < candidate.depth &&
			candidates.filter((other) => other.parent === candidate.parent).length === 1
		) {
			// `## Ann Lee` then `### Title`: the heading above names the speaker.
			candidate.speakers = parent.text;
			candidate.form = 'below';
			candidate.evidence.push({weight: 2, reason: `the heading above names the speaker: ${parent.text}`});
		} else if (!parent && introAnnounces)
			candidate.evidence.push({weight: 1.5, reason: 'the post opens by saying it lists talks'});
	}
	const groups = new Map<string, HeadingCandidate[]>();
	for (const candidate of candidates) {
		const key = `${candidate.parent ?? -1}:${candidate.depth}`;
		const list = groups.get(key) ?? [];
		// A heading naming the speaker of the headings below (`## Ann Lee`, `### Title`).
		list.push(candidate);
		groups.set(key, list);
	}
	const decisions = new Map<HeadingCandidate, HeadingDecision>();
	const open = candidates.filter((candidate) => candidate.excluded === null);
	// Headings whose levels drift (##, ###, ####) are one run too when most of the post's headings are talks.
	const postMedium = open.filter(
		(candidate) => scoreOf(candidate.evidence.filter((item) => !isProseHint(item.reason))) >= MEDIUM,
	).length;
	const postIsTalks = open.length >= 2 && postMedium >= 2 && postMedium * 3 >= open.length * 2;
	// Bold-title paragraphs (depth 7) are one run across the post: when three in four are talks on firm
	// evidence, the rest written alike are talks too (`**Title**` then notes, its speaker not named).
	const bold = open.filter((candidate) => candidate.depth === 7);
	const boldFirm = bold.filter(
		(candidate) => scoreOf(candidate.evidence.filter((item) => !isProseHint(item.reason))) >= MEDIUM,
	).length;
	const boldRun = bold.length >= 4 && boldFirm * 4 >= bold.length * 3;
	for (const members of groups.values()) {
		const live = members.filter((member) => member.excluded === null);
		// Speaker-first headings read on shape alone (`Ann Lee on Title`) need siblings written alike.
		for (const member of live) {
			if (
				(member.form === 'on' || member.form === 'first') &&
				!member.evidence.some((item) => item.weight >= STRONG && item.reason.startsWith('speaker in the heading'))
			) {
				const alike = open.filter((other) => other.form === member.form).length;
				if (alike < 2) revertSplit(member);
			} else if (member.form === 'on' && open.filter((other) => other.form === 'on').length < 2) revertSplit(member);
		}
		// A speaker read on its shape alone (`by Jun Park`) counts in full beside siblings written alike.
		for (const member of live) {
			const shaped = member.evidence.findIndex(
				(item) => item.reason.startsWith('speaker in the heading') && item.reason.includes('shape only'),
			);
			if (shaped === -1 || member.form === null) continue;
			const alike = open.filter(
				(other) =>
					other !== member &&
					other.form === member.form &&
					other.evidence.some((item) => item.weight >= STRONG && item.reason.startsWith('speaker in the heading')),
			).length;
			if (alike >= 1)
				member.evidence[shaped] = {
					weight: STRONG,
					reason: `speaker in the heading (${member.form}), written like ${alike} other heading${alike === 1 ? '' : 's'}: ${member.speakers}`,
				};
		}
		// `Title by Ann Lee` beside `Title by Cantino and Stout`: siblings written alike name people alike.
		for (const member of live) {
			// (A speaker read from the prose below gives way to the heading's own, written like its siblings.)
			if (!member.loose || (member.form !== null && member.form !== 'body')) continue;
			// Siblings, or (when heading levels drift) the post's other headings.
			// (Siblings read alike count whether their own split was sure or a guess too; `with` joins a
			// title's own words so often, `Getting started with App Actions`, that only sure siblings count.)
			const alike = open.filter(
				(other) =>
					other !== member &&
					((other.form === member.loose!.form && other.speakers !== null) ||
						(other.form === null && member.loose!.form !== 'with' && other.loose?.form === member.loose!.form)),
			).length;
			if (alike < 2 && !(alike === 1 && live.length <= 3)) continue;
			member.title = member.loose.title;
			member.speakers = member.loose.speakers;
			member.form = member.loose.form;
			member.evidence.push({
				weight: 2,
				reason: `speaker in the heading, written like ${alike} siblings: ${member.loose.speakers}`,
			});
		}
		// (Counted once the splits that siblings confirm have added their evidence.)
		const medium = live.filter((member) => scoreOf(member.evidence) >= MEDIUM).length;
		// (Hints from the prose fill out a run; two siblings with firmer evidence start one.)
		const firm = live.filter(
			(member) => scoreOf(member.evidence.filter((item) => !isProseHint(item.reason))) >= MEDIUM,
		).length;
		// (Or three firm, and two in three with some evidence of a talk: `## Title` then `Ann Lee talked about…`.)
		const some = live.filter((member) => scoreOf(member.evidence) >= 1).length;
		// (Siblings naming their speakers in the heading itself.)
		const headed = live.filter(
			(member) => member.speakers !== null && member.form !== null && member.form !== 'below' && member.form !== 'body',
		).length;
		const isRun = firm >= 2 && (medium * 2 >= live.length || (firm >= 3 && some * 3 >= live.length * 2));
		for (const member of members) {
			const score = scoreOf(member.evidence);
			let accepted = false;
			let why: string;
			if (member.excluded !== null) why = member.excluded;
			else if (score >= STRONG && hasOwnEvidence(member)) {
				accepted = true;
				why = 'strong evidence of its own';
			} else if (
				isRun &&
				(ownScore(member) >= 1 ||
					// (Seven in ten will do for a heading over bullet notes among titles written alone, as its
					// siblings are: where they name their speakers, `Ann Lee on Title`, one without is something else.)
					((medium * 5 >= live.length * 4 ||
						(member.overNotes === true && headed * 2 < live.length && medium * 10 >= live.length * 7)) &&
						ownScore(member) >= 0 &&
						member.nameShaped !== true &&
						member.title.includes(' ') &&
						member !== live.at(-1)))
			) {
				// (A heading with no evidence of its own is taken inside a strong run, never as its last: wrap-ups come last.)
				accepted = true;
				why = `one of a run of ${live.length} sibling headings, ${medium} with evidence of talks`;
			} else if (boldRun && member.depth === 7 && score >= 0 && member !== bold.at(-1)) {
				accepted = true;
				why = `one of the post's ${bold.length} bold titles, ${boldFirm} of them talks on firm evidence`;
			} else if (postIsTalks && score >= MEDIUM && live.length === 1) {
				accepted = true;
				why = `most of the post's headings (${postMedium} of ${open.length}) are talks`;
			} else
				why =
					score > 0
						? `too little evidence (${score.toFixed(1)}) and its siblings are not talks`
						: 'no evidence of a talk';
			decisions.set(member, {candidate: member, accepted, score, why});
		}
	}
	// A heading with talks below it groups them; it is not one itself.
	for (const decision of decisions.values()) {
		const {candidate} = decision;
		if (!decision.accepted) continue;
		const hasTalkChildren = candidates.some(
			(other) =>
				other.parent !== null &&
				candidates[other.parent] === candidate &&
				decisions.get(other)?.accepted &&
				other.form !== 'below',
		);
		if (hasTalkChildren && candidate.form === null) {
			decision.accepted = false;
			decision.why = 'the talks are the headings below it';
		}
	}
	return candidates.map((candidate) => decisions.get(candidate)!);
}

/** Evidence of the heading itself, without what a day heading above gives every sibling alike. */
function ownScore(candidate: HeadingCandidate): number {
	return scoreOf(candidate.evidence.filter((item) => !item.reason.startsWith('under a day')));
}

/** Evidence in the heading or right below it, not only in its prose: a lone heading needs some. */
function hasOwnEvidence(candidate: HeadingCandidate): boolean {
	return candidate.evidence.some(
		(item) =>
			item.weight >= 1.5 &&
			/^(?:speaker in the heading|links a|speakers on the next line|two linked talks|the heading above names|named as a session slot)/.test(
				item.reason,
			),
	);
}

/** Back to the heading as written: the split was a guess (`Michio Kaku on the Future of Humanity`). */
function revertSplit(member: HeadingCandidate): void {
	member.title = member.text;
	member.speakers = member.bodySpeakers && member.bodySpeakers.length > 0 ? member.bodySpeakers.join(' & ') : null;
	member.form = member.speakers === null ? null : 'body';
	member.evidence = member.evidence.map((item: Evidence) =>
		item.reason.startsWith('speaker in the heading')
			? {weight: 0.5, reason: `${item.reason} (no sibling is written alike)`}
			: item,
	);
}
