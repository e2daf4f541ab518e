/**
 * Where a talk heading holds its speakers: in the heading (`Title - Ann Lee, Acme`, `Ann Lee: Title`,
 * `Title (Ann Lee)`, `Title, Ann Lee, Role, Org`), or on the line or heading right below it (`Ann Lee
 * (Acme) @ann`, `#### Ann Lee`, `- Who: Ann Lee`). Split from headings.ts, which weighs the evidence.
 */
import type {Tokens} from 'marked';
import {inlineText, inlineTokens, type SourceBlock} from '../../markdown/index.js';
import type {HeadingCandidate} from './headings.js';
import {isSectionName} from './evidence.js';
import {isEchoed, isGivenName, isRoleText, peopleOf, personScore, speakersInText, type PersonScore} from './people.js';
import {speakersLine} from './shapes.js';
import {isOrganizationName} from './speakers.js';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The last place `separator` stands between words. */
export function lastSplit(text: string, separator: string): [string, string] | null {
	const at = text.lastIndexOf(separator);
	if (at <= 0) return null;
	return [text.slice(0, at).trim(), text.slice(at + separator.length).trim()];
}

/** A schedule slot: a weekday and a clock time (`Friday @ 1:40 PM`, `*Sat 10:15*`). */
const SLOT_LINE =
	/^[\s*_]{0,4}(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?[\s,@]{1,5}(?:at\s)?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\b)?/i;

export function firstSplit(text: string, separator: string): [string, string] | null {
	const at = text.indexOf(separator);
	if (at <= 0) return null;
	return [text.slice(0, at).trim(), text.slice(at + separator.length).trim()];
}

/** `Ann Lee (Acme)`, `Ann Lee, Acme`, `Ann Lee from Acme`: the people, organisations aside. */
export function peopleWithOrgs(text: string): {people: string[]; score: number} | null {
	const cleaned = text
		.replace(/(?<!\s)\s+from\s+\p{Lu}[\p{L}.&-]*(?:\s\p{Lu}[\p{L}.&-]*){0,3}$/u, '')
		.replace(/(?<!\s)\s*\([^()]{0,80}\)\s*$/, '')
		.trim();
	const direct = peopleOf(cleaned);
	if (direct) return direct;
	// `Ann Lee, Acme & Bo Chan, Initech`: every other part an organisation.
	const pairs = cleaned.split(/&|\band\b|;/).map((part) => part.split(',')[0]!.trim());
	if (pairs.length > 0 && pairs.length < 6 && cleaned.includes(',')) {
		const people = pairs.map((part) => ({part, score: personScore(part)}));
		// `Name, Org & Name, Org` is itself the shape of a speaker list: one known name is enough.
		if (people.every((entry) => entry.score > 0))
			return {
				people: people.map((entry) => entry.part),
				score: Math.max(...people.map((entry) => entry.score)) as PersonScore,
			};
	}
	return nameThenAffiliation(cleaned);
}

/**
 * `Aparna Sinha, Group Product Manager, Kubernetes and GKE, Google`, `Ihor Dvoretskyi, CNCF`: a
 * name, then where and as what they work (as a schedule writes a speaker). A name followed by a
 * job or an organisation's name is a speaker even when the given name is not a known one.
 */
export function nameThenAffiliation(text: string): {people: string[]; score: PersonScore} | null {
	const comma = text.indexOf(',');
	if (comma <= 0 || text.length > 200) return null;
	const head = text.slice(0, comma).trim();
	const next = text
		.slice(comma + 1)
		.split(',')[0]!
		.trim();
	const score = personScore(head);
	// (`Martin Verges, croit`: a known name may work somewhere written in lower case.)
	if (score === 0 || !(/^[\p{Lu}\p{N}]/u.test(next) || (score === 2 && /^\p{Ll}[\p{L}.-]{1,30}$/u.test(next))))
		return null;
	if (isRoleText(next) || (head.includes(' ') && isOrganizationName(next))) return {people: [head], score: 2};
	return score === 2 ? {people: [head], score: 2} : null;
}

export type Split = {
	title: string;
	speakers: string;
	form: NonNullable<HeadingCandidate['form']>;
	score: number;
	/** A name's shape only, with nothing else behind it: siblings written alike decide. */
	guess?: boolean;
};

/** The ways a heading holds its speaker, best first; null when it names none. */
export function splitHeading(text: string, body: string): Split | null {
	const splits: Split[] = [];
	const echo = (people: string[]) => people.some((person) => isEchoed(person, body));
	const strength = (found: {people: string[]; score: number}) => (found.score >= 2 ? 2 : echo(found.people) ? 2 : 1);
	// `Lena Fischer - Nimbus Labs: Title`: a person and a company, then the title after the colon.
	const colonFirst = firstSplit(text, ': ');
	const dashed = colonFirst ? (firstSplit(colonFirst[0], ' - ') ?? firstSplit(colonFirst[0], ' – ')) : null;
	if (colonFirst && dashed && isTitleish(colonFirst[1])) {
		const person = peopleOf(dashed[0]);
		if (person && !peopleOf(dashed[1]))
			splits.push({
				title: colonFirst[1],
				speakers: `${dashed[0]}, ${dashed[1]}`,
				form: 'first',
				score: strength(person),
			});
	}
	// `Title - Ann Lee, Acme` (the last dash), `Title -- Ann Lee`, `Title | Ann Lee`.
	for (const separator of [' -- ', ' - ', ' – ', ' — ', ' | ', ' / ']) {
		const parts = lastSplit(text, separator);
		if (!parts) continue;
		const tail = peopleWithOrgs(parts[1]);
		if (tail && isTitleish(parts[0]))
			splits.push({title: parts[0], speakers: parts[1], form: 'tail', score: strength(tail)});
		// `Ann Lee - Title`, `Ann Lee (Acme) - Title`: a name first, the title after the first dash.
		const first = firstSplit(text, separator);
		const head = first ? peopleWithOrgs(first[0]) : null;
		if (first && head && isTitleish(first[1]))
			splits.push({title: first[1], speakers: first[0], form: 'first', score: strength(head)});
	}
	// `Title, Ann Lee, Acme`, `Title, Ann Lee, Fellow, Acme`: a schedule's line with commas for dashes.
	const commas = text.split(', ');
	// (Every part after the title a person, or an affiliation closing the list.)
	const named = splits.some((split) => split.score >= 2) ? null : commaNames(commas);
	if (named) splits.push({...named, form: 'tail', score: named.score === 2 || echo(named.people) ? 2 : 1});
	for (const size of [2, 3]) {
		if (named || commas.length <= size || splits.some((split) => split.score >= 2)) continue;
		const title = commas.slice(0, -size).join(', ');
		const tail = commas.slice(-size).join(', ');
		const found = nameThenAffiliation(tail);
		if (found && isTitleish(title) && title.includes(' '))
			// A guess until sibling headings are written alike: commas join many things besides a speaker.
			splits.push({title, speakers: tail, form: 'tail', score: 1});
	}
	// `Ann Lee: Title` (titles may hold colons: the first one).
	const colon = firstSplit(text, ': ');
	if (colon) {
		const head = peopleWithOrgs(colon[0]);
		if (head && isTitleish(colon[1]))
			splits.push({title: colon[1], speakers: colon[0], form: 'first', score: strength(head)});
	}
	// `Title by Ann Lee from Acme`, `Keynote by Ann Lee`; `by` as other languages write it (`par`, `von`, `por`, `door`).
	for (const word of [' by ', ' par ', ' von ', ' por ', ' door ']) {
		const by = lastSplit(text, word);
		if (!by) continue;
		const speakers = by[1].replace(/(?<!\s)\s*\([^()]{0,40}\)\s*$/, '').trim();
		const tail = peopleWithOrgs(speakers);
		// `Keeping Your Edge by Deploying Faster`: a gerund is the title going on.
		if (tail && !/ing$/.test(speakers.split(' ')[0]!) && by[0] !== '') {
			splits.push({
				title: by[0],
				speakers: speakers.replace(/(?<!\s)\s+from\s.*$/, ''),
				form: 'by',
				score: strength(tail),
			});
			break;
		}
	}
	// `Title by @fnichol`, `Title with @ann`: a handle names a person (headings.ts looks for the name in the section).
	for (const word of [' by ', ' with ']) {
		const handle = lastSplit(text, word);
		if (handle && /^@[\w.-]{2,40}$/.test(handle[1]) && isTitleish(handle[0])) {
			splits.push({title: handle[0], speakers: handle[1], form: 'by', score: 2});
			break;
		}
	}
	// `Title with Ann Lee`: only a known name after the last `with`.
	const withSplit = lastSplit(text, ' with ');
	if (withSplit) {
		const tail = peopleOf(withSplit[1]);
		// (`with Ran Isenberg and Julian Wood`: one known given name among two or more people is enough.)
		const names = withSplit[1].split(/,\s|\s(?:and|&)\s/).map((name) => name.trim().split(' ')[0]!);
		if (tail && tail.score === 2 && (isGivenName(names[0]!) || (names.length > 1 && names.some(isGivenName))))
			splits.push({title: withSplit[0], speakers: withSplit[1], form: 'with', score: 2});
	}
	// `Title (Ann Lee)`, `Title (Ann Lee, Bo Chan)`: one word in parentheses is more often a subject.
	const paren = headingParen(text);
	if (paren) {
		// `Title - (Ann Lee)`: the dash before the parentheses is the title's end.
		paren[1] = paren[1].replace(/(?<![\s\-–—])[\s\-–—]+$/, '');
		const inner = peopleOf(paren[2]!);
		if (
			inner &&
			(inner.people.length > 1 ||
				paren[2]!.includes(' ') ||
				/[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]/u.test(paren[2]!)) &&
			strength(inner) === 2
		)
			splits.push({title: paren[1]!, speakers: paren[2]!, form: 'paren', score: 2});
		// `Title (Grégory Paul)`: the shape of a name, two words or more, confirmed by siblings written alike.
		else if (inner && paren[2]!.includes(' ') && paren[1]!.includes(' '))
			splits.push({title: paren[1]!, speakers: paren[2]!, form: 'paren', score: 1});
	}
	// `Ann Lee on Title`.
	const on = firstSplit(text, ' on ');
	if (on) {
		const head = peopleOf(on[0]);
		if (head && head.people.length === 1 && on[0].includes(' ') && isTitleish(on[1]))
			splits.push({title: on[1], speakers: on[0], form: 'on', score: strength(head)});
	}
	// A name read on its shape alone is a guess: only `by` says outright that a name follows.
	const sure = splits.filter((split) => split.score >= 2 || split.form === 'by');
	if (sure.length === 0) {
		// Kept as a guess that siblings written alike confirm (`Title - Ihor Dvoretskyi, CNCF`).
		const guess = splits.find((split) => (split.form === 'tail' || split.form === 'paren') && split.score === 1);
		return guess ? {...guess, guess: true} : null;
	}
	sure.sort((a, b) => b.score - a.score);
	return sure[0]!;
}

/**
 * `Title, Ann Lee`, `Title, Ann Lee & Bo Chan`, `Title, Ann Lee, Bo Chan, Acme`: the parts after the
 * title's commas are all people (an organisation may close the list). Sure when a name is a known one
 * and the title has three words or more; otherwise a guess that siblings written alike confirm.
 */
export function commaNames(
	commas: string[],
): {title: string; speakers: string; people: string[]; score: PersonScore} | null {
	if (commas.length < 2 || commas.length > 12) return null;
	// An affiliation may close the list: `…, Principal Engineer, Acme`.
	let end = commas.length;
	while (end > 2 && commas.length - end < 2) {
		const part = commas[end - 1]!.trim();
		const organization =
			peopleOf(part) === null &&
			(isOrganizationName(part) || /^\p{Lu}[\p{L}\p{N}.&'-]{1,30}(?: \S{1,30}){0,2}$/u.test(part));
		if (!(organization || isRoleText(part))) break;
		end--;
	}
	let start = end;
	const people: string[] = [];
	let known = false;
	while (start > 1) {
		const part = commas[start - 1]!.trim();
		const found = isRoleText(part) ? null : peopleOf(part);
		if (!found) break;
		people.unshift(...found.people);
		known ||= found.score === 2;
		start--;
	}
	if (start === end) return null;
	let title = commas.slice(0, start).join(', ').trim();
	let speakers = commas.slice(start).join(', ').trim();
	// `Title - Ann Lee, Bo Chan`: the first speaker stands after a dash, written with the title.
	for (const separator of [' - ', ' – ', ' — ']) {
		const at = title.indexOf(separator);
		if (at <= 0) continue;
		const first = title.slice(at + separator.length).trim();
		const person = peopleOf(first.replaceAll(separator, '-'));
		if (person && person.people.length === 1) {
			title = title.slice(0, at).trim();
			speakers = `${first}, ${speakers}`;
			people.unshift(first);
			known ||= person.score === 2;
		}
		break;
	}
	// (Not inside a quoted title, `"A, B" by Ann Lee`, nor after a `by`, which its own split reads.)
	const quotes = (title.match(/"/g) ?? []).length;
	if (quotes % 2 === 1 || title.split('“').length !== title.split('”').length || /\sby\s/i.test(title)) return null;
	if (!isTitleish(title) || !title.includes(' ')) return null;
	return {title, speakers, people, score: known && title.split(/\s+/).length >= 3 ? 2 : 1};
}

/** Capitalised name words, one to four a name, joined by `,`, `&`, `and`: the shape of names. */
export function isNameShaped(text: string): boolean {
	const parts = text
		.split(/,|&|\band\b/)
		.map((part) => part.trim())
		.filter(Boolean);
	return (
		parts.length > 0 &&
		parts.length <= 6 &&
		parts.every((part) => {
			const words = part.split(' ');
			return (
				(words.length <= 4 &&
					words.every((word) => /^\p{Lu}[\p{Ll}'’.-]{1,20}$/u.test(word)) &&
					!/ing$/.test(words[0]!) &&
					personScore(part) !== 0) ||
				(words.length === 1 && /^\p{Lu}[\p{Ll}'’-]{2,20}$/u.test(part) && !/ing$/.test(part))
			);
		})
	);
}

/** `Title by Cantino and Stout`, `Title with Naeem Sarfraz`, `Title - Aiko Mori`: names by shape alone. */
export function looseSplit(text: string): HeadingCandidate['loose'] {
	// `Rob Sanheim: Title`, `Aslam Kahn on Title`: two or more name words first.
	for (const [separator, form] of [
		[': ', 'first'],
		[' - ', 'first'],
		[' – ', 'first'],
		[' on ', 'on'],
	] as const) {
		const parts = firstSplit(text, separator);
		if (parts && parts[1] !== '' && parts[0].includes(' ') && isNameShaped(parts[0].replace(/^(?:Dr|Prof)\.?\s+/, '')))
			return {title: parts[1], speakers: parts[0], form};
	}
	for (const [separator, form] of [
		[' by ', 'by'],
		[' with ', 'with'],
		[' - ', 'tail'],
		[' -- ', 'tail'],
		[' – ', 'tail'],
	] as const) {
		const parts = lastSplit(text, separator);
		if (parts && parts[0] !== '' && isNameShaped(parts[1])) return {title: parts[0], speakers: parts[1], form};
	}
	// `Title (Nicolas De loof)`, `Title (Agnès H)`, `Title (Ann Lee - Bo Chan - Cy Diaz)`: names past what
	// people.ts knows, in the parentheses siblings hold their speakers in.
	const paren = headingParen(text);
	if (paren && paren[1].includes(' ') && looseNames(paren[2]))
		return {
			title: paren[1].replace(/(?<![\s\-–—])[\s\-–—]+$/, ''),
			speakers: paren[2].replace(/\s[-–]\s/g, ', '),
			form: 'paren',
		};
	return undefined;
}

/** Words a surname may start with, written in lower case: `de`, `van der`, `von`. */
const PARTICLE = /^(?:de|du|des|da|di|del|della|van|von|der|den|le|la|ter|ten|zu|dos)$/i;

/** One to four people of two to four words each, every word capitalised or after a particle. */
function looseNames(text: string): boolean {
	const parts = text.split(/\s[-–]\s|,\s?|\s&\s|\s(?:and|et|und|y|e)\s/);
	if (parts.length > 4) return false;
	return parts.every((part) => {
		const words = part.trim().split(/\s+/);
		if (words.length < 2 || words.length > 4) return false;
		return words.every(
			(word, index) =>
				/^\p{Lu}[\p{L}'’.-]{0,20}$/u.test(word) ||
				(index > 0 && index < words.length - 1 && PARTICLE.test(word)) ||
				(index > 0 && PARTICLE.test(words[index - 1]!) && /^\p{Ll}[\p{L}'’-]{1,20}$/u.test(word)),
		);
	});
}

/** Three words or more, most of the longer ones capitalised: `Managing Open Source Projects`. */
export function isTitleCaseTitle(text: string): boolean {
	const words = text.split(/\s+/).filter(Boolean);
	if (words.length < 3 || words.length > 14) return false;
	const long = words.filter((word) => /^[\p{L}]{4,}/u.test(word));
	return long.length >= 2 && long.filter((word) => /^\p{Lu}/u.test(word)).length * 4 >= long.length * 3;
}

/** `Title (Ann Lee)`, `タイトル（山田 太郎）`: a closing parenthesis at the end, found by a scan. */
export function headingParen(text: string): [string, string, string] | null {
	const trimmed = text.trimEnd();
	const last = trimmed.at(-1);
	if (last !== ')' && last !== '）') return null;
	const open = trimmed.lastIndexOf(last === ')' ? '(' : '（');
	const inner = trimmed.slice(open + 1, -1);
	if (open <= 0 || inner.length < 2 || inner.length > 80 || /[()（）]/.test(inner)) return null;
	return [trimmed, trimmed.slice(0, open).trimEnd(), inner];
}

/** Title-shaped enough to stand as the rest of a heading. */
export function isTitleish(text: string): boolean {
	const trimmed = text.trim();
	return trimmed !== '' && trimmed.length <= 160 && /[\p{L}\p{N}]/u.test(trimmed) && peopleOf(trimmed)?.score !== 2;
}

/** `Ann Lee (Acme) [@ann](…)`, `Ann Lee, Acme`: a paragraph whose first line is only people. */
export function nameLine(block: SourceBlock): string | null {
	if (block.token.type === 'list') {
		// `* *Ann Lee and Bo Chan*` then `* *Wednesday @ 9 AM (Tutorial…)*`.
		const first = (block.token as Tokens.List).items[0];
		const tokens = inlineTokens(
			first?.tokens.find((inner) => inner.type === 'text' || inner.type === 'paragraph'),
		).filter((token) => token.raw.trim() !== '');
		// `- Who: Ann Lee` (in any language the speakers line is written in).
		const labelled = speakersLine({
			token: {type: 'paragraph', raw: first?.text ?? '', text: first?.text ?? '', tokens},
			line: 0,
		} as SourceBlock);
		if (labelled !== null && peopleOf(labelled.split(/[,(]/)[0]!.trim())) return labelled;
		if (tokens.length === 1 && (tokens[0]!.type === 'em' || tokens[0]!.type === 'strong')) {
			const text = fold(inlineText(tokens));
			if (peopleOf(text)) return text;
			// `* *lvh*` then `* *Friday @ 1:40 PM (Talk)*`: a one-word nickname over the talk's slot is its speaker.
			const second = (block.token as Tokens.List).items[1]?.text ?? '';
			return /^[\p{L}][\p{L}\p{N}._-]{1,30}$/u.test(text) && !isSectionName(text) && SLOT_LINE.test(second)
				? text
				: null;
		}
		// `* Avdi Grimm @avdi avdi.org`, `* @noelrap`: a first item that is a person and their handle.
		const text = fold(inlineText(tokens).split('\n')[0]!);
		// `* Eric Anderson – Google; gRPC`: a known name, a dash, where they work.
		const dashed = firstSplit(text, ' – ') ?? firstSplit(text, ' - ');
		if (dashed && personScore(dashed[0]) === 2 && dashed[1].split(/\s+/).length <= 6) return dashed[0];
		if (/^@[\w.]{2,40}$/.test(text)) return text;
		const withHandle = /^(.{3,60}?)\s+@[\w.]{2,40}(?:\s+\S+\.\w{2,6})?$/.exec(text);
		if (withHandle && personScore(withHandle[1]!) > 0) return withHandle[1]!;
		return null;
	}
	if (block.token.type !== 'paragraph') return null;
	// An image's alt text is not a line anyone reads as text.
	const firstLine = fold(
		inlineText(inlineTokens(block.token).filter((token) => token.type !== 'image')).split('\n')[0]!,
	)
		.replace(/(?<!\s)\s*@[\w.]{1,40}/g, '')
		.replace(/(?<!\s)\s*\(@?[\w.]{1,40}\)/g, (match) => (match.includes('@') ? '' : match))
		.replace(/(?<![\s,])[\s,]+$/, '');
	if (firstLine === '' || firstLine.length > 160) return null;
	// A name set apart: with an organisation, a handle, or as the line's only (italic or bold) text.
	const styled = /^\s*(?:\*{1,2}|_{1,2})[^*_\n]{2,80}(?:\*{1,2}|_{1,2})\s*$/.test(block.token.raw.split('\n')[0]!);
	const marked = /\([^()]{1,60}\)|,/.test(firstLine) || /@[\w.]/.test(block.token.raw.split('\n')[0]!) || styled;
	// `Timothy St. Clair - Senior Staff Engineer, VMware`: a known name, then their role.
	const role = firstSplit(firstLine, ' - ') ?? firstSplit(firstLine, ' – ');
	if (role && personScore(role[0]) === 2 && role[1].split(/\s+/).length <= 8) return role[0];
	const found = peopleWithOrgs(firstLine.replace(/(?<!\s)\s*\([^()]{1,60}\)/g, ''));
	if (found && (found.score === 2 || marked)) return found.people.join(', ');
	// `James wickett (Mentor Graphics) @wickett`: a known given name, an organisation and a handle.
	const named = /^(\p{Lu}[\p{Ll}'-]+\s+\p{L}[\p{L}'-]+)\s*\(/u.exec(firstLine);
	if (named && marked && isGivenName(named[1]!.split(' ')[0]!) && /@[\w.]/.test(block.token.raw.split('\n')[0]!))
		return named[1]!;
	// `Ann Lee (Acme), Bo Chan (Initech)`.
	const parts = firstLine.split(',').map((part) => part.replace(/\([^()]{1,60}\)$/, '').trim());
	if (parts.length > 1 && parts.every((part) => personScore(part) > 0) && parts.some((part) => personScore(part) === 2))
		return parts.join(', ');
	return null;
}

/** `## Title` then `#### Olivier Lacan` right below: a deeper heading that is only the speakers' names. */
export function nameHeading(block: SourceBlock | undefined, depth: number): string | null {
	if (block?.token.type !== 'heading' || (block.token as Tokens.Heading).depth <= depth) return null;
	const text = fold(inlineText(inlineTokens(block.token))).replace(/(?<![\s!:])[\s!:]+$/, '');
	const people = peopleOf(text);
	return people && people.people.length <= 4 && !isSectionName(text) && text.includes(' ') ? text : null;
}

/** `@sandimetz` to `Sandi Metz` when the section names someone whose name the handle spells. */
export function resolveHandle(handle: string, text: string): string | null {
	const key = handle.replace(/^\[?@/, '').split(']')[0]!.toLowerCase();
	// `@sandimetz` is `Sandi Metz` written together; `@dhh` is `DHH`.
	const words = text
		.split(/\s+/)
		.map((word) => word.replace(/^[^\p{L}]+|(?<!\P{L})[^\p{L}]+$/gu, '').replace(/['’]s$/, ''));
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		if (!/^\p{Lu}/u.test(word)) continue;
		if (word.toLowerCase() === key) return word;
		const next = words[index + 1] ?? '';
		if (/^\p{Lu}/u.test(next) && `${word}${next}`.toLowerCase() === key) return `${word} ${next}`;
	}
	for (const name of speakersInText(text, 6).concat(namesIn(text))) {
		const words = name.toLowerCase().split(/\s+/);
		if (words.some((word) => word.length >= 3 && key.includes(word.replace(/[^a-z]/g, '')))) return name;
	}
	return null;
}

/** Runs of two or three name words starting with a given name. */
export function namesIn(text: string): string[] {
	const names: string[] = [];
	const words = text.split(/\s+/);
	for (let index = 0; index < words.length - 1; index++) {
		const first = words[index]!.replace(/[^\p{L}'’-]/gu, '');
		if (!isGivenName(first)) continue;
		const second = words[index + 1]!.replace(/[^\p{L}'’-]/gu, '').replace(/['’]s$/, '');
		if (personScore(`${first} ${second}`) === 2) names.push(`${first} ${second}`);
	}
	return names;
}
