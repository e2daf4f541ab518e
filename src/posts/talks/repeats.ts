/**
 * The talks of a post once found: a first name completed from the post (`Joel` is `Joel Spolsky`),
 * and a talk named again right below itself kept once. Split from index.ts.
 */
import type {SourceBlock} from '../../markdown/index.js';
import type {Session} from '../types.js';
import {personScore} from './people.js';

/**
 * `Joel gave us a demo`: a speaker named by a first name only is the person the post names in
 * full elsewhere (`Joel Spolsky`), when it names exactly one such person.
 */
export function withFullNames(sessions: Session[], blocks: SourceBlock[]): Session[] {
	const single = sessions.filter((session) => session.people.some((person) => !person.includes(' ')));
	if (single.length === 0) return sessions;
	const text = blocks.map((block) => block.token.raw).join('\n');
	const cache = new Map<string, string | null>();
	const fullName = (first: string): string | null => {
		if (!cache.has(first)) {
			const found = new Set<string>();
			for (let at = text.indexOf(first); at !== -1 && found.size < 3; at = text.indexOf(first, at + first.length)) {
				if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
				// Two words exactly: `John James Audubon` is not `John James`.
				const next = /^ (\p{Lu}[\p{Ll}'’-]+)(?![\p{L}'’-]| \p{Lu})/u.exec(
					text.slice(at + first.length, at + first.length + 40),
				);
				if (next && personScore(`${first} ${next[1]}`) === 2) found.add(`${first} ${next[1]}`);
			}
			cache.set(first, found.size === 1 ? [...found][0]! : null);
		}
		return cache.get(first)!;
	};
	for (const session of single) {
		const people = session.people.map((person) => (person.includes(' ') ? person : (fullName(person) ?? person)));
		if (people.some((person, index) => person !== session.people[index])) {
			session.people = people;
			if (session.speakers !== null && !session.speakers.includes(',') && !session.speakers.includes('&'))
				session.speakers = people.join(' & ');
		}
	}
	return sessions;
}

/**
 * A talk named again just below itself (`## Title` then `*Title* by Ann…`) is one talk: the first
 * mention stays, with the speakers the second one adds.
 */
export function withoutRepeats(all: Session[], anchors: Set<Session>): Session[] {
	// A table of contents (`[Title](#title)`) names the talks that have sections below: one talk each.
	const fold = (title: string) =>
		title
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim();
	const sessions = all.filter(
		(session) =>
			!(
				anchors.has(session) &&
				all.some((other) => other !== session && !anchors.has(other) && fold(other.title) === fold(session.title))
			),
	);
	const kept: Session[] = [];
	for (const session of sessions) {
		const key = session.title
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim();
		// Short titles repeat as different talks (`Keynote` on each day).
		// (A short title comes back as the same talk only right below itself: `### Generation gaps` then its link.)
		const short = key.split(' ').length < 3;
		const earlier =
			short && kept.every((other) => session.line - other.line > 3 || other.line >= session.line)
				? undefined
				: kept.find(
						(other) =>
							other.line < session.line &&
							session.line - other.line <= (short ? 3 : 12) &&
							other.title
								.toLowerCase()
								.replace(/[^\p{L}\p{N}]+/gu, ' ')
								.trim() === key,
					);
		if (!earlier) {
			kept.push(session);
			continue;
		}
		if (earlier.speakers === null && session.speakers !== null)
			Object.assign(earlier, {
				speakers: session.speakers,
				people: session.people,
				organizations: session.organizations,
			});
	}
	return kept;
}
