import {isRoleText, NAME_PARTICLES, personScore} from './people.js';

/** People and organisations read from a speaker string written `Name, Org; Name & Name, Org`. */
export type SpeakerSplit = {people: string[]; organizations: string[]};

// A trailing period closes the sentence, except where it ends an abbreviation (`Styra, Inc.`).
const TRAILING_PERIOD = /(?<!\b(?:Inc|Ltd|Corp|Co|Jr|Sr|St|LLC|GmbH|S\.A|B\.V))\.$/;

/** An organisation's legal suffix written after a comma: `Styra, Inc.` is one organisation. */
const ORG_SUFFIX = /^(?:Inc|Ltd|LLC|GmbH|Corp|Co|S\.A|B\.V|AG|SE|SAS|Pty Ltd|PLC)\.?$/i;

/** Words that make a name an organisation's: `Red Hat`, `Ericsson Software Technology`. */
const ORG_WORDS =
	/\b(?:Inc|Ltd|LLC|GmbH|Corp|Co|Corporation|Company|Hat|Times|Labs?|Software|Technology|Technologies|Systems|Cloud|Security|Networks?|University|Universit[éy]|Laboratory|National|Foundation|Group|Services|Solutions|Bank|Research|Institute|Digital|Data|Web|Services|Computing|Consulting|Partners|Industries|Media|Health|Games|AI|IO|Project|Independent|Freelance|CNCF|Linux|[Tt]eam)\b|\.(?:io|com|ai|dev|net|org|co)\b/;

/** An organisation's name by its words: `GridGain Systems`, `CNCF`, `Example Labs`, `Solo.io`. */
export function isOrganizationName(text: string): boolean {
	const trimmed = text.trim();
	return trimmed.length <= 80 && (ORG_WORDS.test(trimmed) || /^\p{Lu}{2,8}(?:\s\p{Lu}{2,8})?$/u.test(trimmed));
}

/** Lower-case words let through between name words here: the name particles (people.ts), and `of`, `the`, `and`, `for`. */
const PARTICLES = new Set([...NAME_PARTICLES, 'of', 'the', 'and', 'for']);

/** Words that end a talk title and are never a person: `Kubeadm - Deep Dive`. */
const TITLE_WORDS =
	/^(?:intro|introduction|deep|dive|update|updates|overview|keynote|panel|workshop|tutorial|lightning|talk|session|part|project|community|maintainers?|future|lessons|case|study|edition|demo|roadmap|q&a|ama|what's|new|beyond|recap|review|ask|live|edition|state)$/i;

/** Words that start a title and never a name: `The Hard Way`, `Your First PR`. */
const TITLE_START = /^(?:The|A|An|How|Why|What|When|Where|Your|My|Our|First|Getting|Building|Beyond|Into|From|Intro)\b/;

function clean(value: string): string {
	return value.replace(/\s+/g, ' ').trim().replace(TRAILING_PERIOD, '').trim();
}

function words(part: string): string[] {
	return part.trim().split(/\s+/).filter(Boolean);
}

/** One to five capitalised words (particles allowed inside): `V Körbes`, `Faseela K`. */
function isPersonLike(part: string): boolean {
	const list = words(part.replace(/(?<!\s)\s*\(@?[\w.-]+\)\s*$/, '').replace(/(?<!\s)\s+@[\w.-]+$/, ''));
	if (list.length < 1 || list.length > 5) return false;
	// `PR`, `API`, `CD`: an acronym is part of a title, not of a name (`V Körbes` has one letter).
	if (list.some((word) => /^\p{Lu}{2,}$/u.test(word))) return false;
	return list.every(
		(word, index) =>
			/^[\p{Lu}][\p{L}'’.-]*$/u.test(word) || (index > 0 && index < list.length - 1 && PARTICLES.has(word)),
	);
}

/** A part that names an organisation rather than a person. */
function isOrgLike(part: string): boolean {
	const trimmed = part.trim();
	if (ORG_WORDS.test(trimmed) || /^The\s/.test(trimmed)) return true;
	// One word (`Google`, `NVIDIA`, `Solo.io`) is an organisation; people are written in full.
	return words(trimmed).length === 1;
}

type Part = {text: string; after: ',' | '&' | null};

/** Splits one `;` group at commas and at `&`/`and`, remembering which separator followed each part. */
function parts(group: string): Part[] {
	const result: Part[] = [];
	// No optional whitespace around the separators: a long run of spaces must not make this quadratic.
	const pattern = /,|\s&\s|\sand\s|\//g;
	let start = 0;
	for (let match = pattern.exec(group); match; match = pattern.exec(group)) {
		result.push({text: group.slice(start, match.index).trim(), after: match[0] === ',' ? ',' : '&'});
		start = match.index + match[0].length;
	}
	result.push({text: group.slice(start).trim(), after: null});
	// `Styra, Inc.`: a legal suffix belongs to the part before it.
	for (let index = result.length - 1; index > 0; index--) {
		if (ORG_SUFFIX.test(result[index]!.text.trim()) && result[index - 1]!.after === ',') {
			result[index - 1] = {
				text: `${result[index - 1]!.text}, ${result[index]!.text.trim()}`,
				after: result[index]!.after,
			};
			result.splice(index, 1);
		}
	}
	return result.filter((part) => part.text.trim() !== '');
}

/**
 * Splits a speaker string into people and organisations, as people write them:
 * `A & B, Org; C, Org2`, alternating `Name, Org, Name, Org`, and `A, B & C, Org` (three people,
 * one organisation).
 */
export function splitSpeakers(speakers: string): SpeakerSplit {
	const people: string[] = [];
	const organizations: string[] = [];
	const add = (list: string[], value: string) => {
		const text = clean(value);
		if (text !== '' && !/^[\p{P}\s]*$/u.test(text) && !list.includes(text)) list.push(text);
	};
	// `Ann Lee (Acme, Inc)`: an organisation in parentheses after a name; `(@ann)` is a handle.
	// Full-width commas (`，`, `、`) separate as commas do.
	const unwrapped = speakers
		.replace(/[，、]\s?/g, ', ')
		.replace(/(?<!\s)\s*\(([^()]{1,80})\)/g, (_whole, inner: string) => {
			if (!/^@/.test(inner.trim())) add(organizations, inner);
			return '';
		});
	for (const group of unwrapped.split(';')) {
		// `Ann Lee - Bo Chan - Cy Diaz`: people joined by dashes, each with a name's shape.
		const dashed = dashedPeople(group);
		if (dashed) {
			for (const person of dashed) add(people, person);
			continue;
		}
		const list = parts(group);
		const hasComma = list.some((part) => part.after === ',');
		// `Name, Org, Name, Org` with no `&`: people and organisations alternate, whatever they look like.
		// (Not when a part in an organisation's place is a known name: `Ann Lee, Bo Chan, Cy Diaz, Di Fox`.)
		const alternates =
			list.length >= 4 &&
			list.length % 2 === 0 &&
			list.every((part) => part.after !== '&') &&
			!list.some(
				(part, index) =>
					index % 2 === 1 &&
					personScore(part.text) === 2 &&
					/^\p{Script=Latin}/u.test(part.text) &&
					!isOrganizationName(part.text),
			);
		// `Dan Kohn, Executive Director, Example Foundation`: after a job, the words are where they do it,
		// until a known name starts the next speaker (`…, Acme & Bo Chan, Initech`).
		let afterRole = false;
		let orgBefore = false;
		list.forEach((part, index) => {
			const isLast = index === list.length - 1;
			const previous = list[index - 1];
			const role = index > 0 && isRoleText(part.text) && personScore(part.text) !== 2;
			if (role) afterRole = true;
			else if (afterRole && previous?.after === '&' && personScore(part.text) === 2) afterRole = false;
			let isOrg: boolean;
			if (role || afterRole) isOrg = true;
			// `…, 1&1 Mail & Media`: after an organisation, `& Media` (no person's shape) goes on naming it.
			else if (previous?.after === '&' && orgBefore && personScore(part.text) === 0) {
				organizations[organizations.length - 1] = `${organizations.at(-1)!} & ${clean(part.text)}`;
				return;
			}
			// `Jacob Lee and NVIDIA team`: an organisation's words with no person's shape are not a person.
			else if (index > 0 && personScore(part.text) === 0 && isOrganizationName(part.text)) isOrg = true;
			else if (alternates) isOrg = index % 2 === 1;
			else if (!(hasComma && previous?.after === ',')) isOrg = false;
			// A known name after a comma is one more person (`Ann Lee, Bo Chan, Cy Diaz`).
			else if (personScore(part.text) === 2 && !ORG_WORDS.test(part.text)) isOrg = false;
			// An organisation follows a person after a comma: the last part, one before `&`, or one that reads as an org.
			else
				isOrg =
					isLast || part.after === '&' || (isOrgLike(part.text) && !(isPersonLike(part.text) && !isOrgLike(part.text)));
			// `平安科技 柴锋`, `eBay 汪兴朗`: an organisation, then a name written in Han characters (not
			// `山田 太郎`, a family and a given name: an organisation has Latin letters or three characters or more).
			const orgThenName = /^(\S.{0,40}?)\s([\p{Script=Han}]{2,4})$/u.exec(part.text.trim());
			if (
				orgThenName &&
				!isOrg &&
				(/[A-Za-z0-9]/.test(orgThenName[1]!) || orgThenName[1]!.replace(/\s/g, '').length >= 3)
			) {
				add(organizations, orgThenName[1]!);
				add(people, orgThenName[2]!);
				return;
			}
			add(isOrg ? organizations : people, part.text.replace(/(?<!\s)\s+@[\w.-]+$/, ''));
			orgBefore = isOrg;
		});
	}
	return {people, organizations};
}

/** `Ann Lee - Bo Chan - Cy Diaz` as its people, when every part between dashes has a name's shape. */
function dashedPeople(text: string): string[] | null {
	if (!text.includes(' - ')) return null;
	const names = text.split(' - ').map((part) => clean(part));
	if (names.length < 2 || names.length > 6) return null;
	const scores = names.map((name) => personScore(name));
	return scores.every((score) => score > 0) && scores.includes(2) ? names : null;
}

/** True when text reads like a list of people (with organisations) rather than the rest of a talk title. */
export function looksLikeSpeakers(text: string): boolean {
	const trimmed = clean(text);
	if (trimmed === '' || trimmed.length > 200) return false;
	if (dashedPeople(trimmed)) return true;
	// `Ann Lee (Red Hat, Inc)`: what is in parentheses belongs to the name before it.
	const list = parts(trimmed.replace(/\([^()]{0,80}\)/g, (match) => match.replaceAll(',', ' ')).replaceAll(';', ','));
	const firstWord = words(list[0]?.text ?? '')[0] ?? '';
	if (list.length === 1) {
		// One name alone (its organisation in parentheses aside): one to four capitalised words, none a title word (`Deep Dive`).
		const bare = trimmed.replace(/(?<!\s)\s*\([^()]{0,80}\)\s*$/, '').replace(/(?<!\s)\s+@[\w.-]+$/, '');
		const only = words(bare);
		return (
			only.length <= 4 &&
			!TITLE_START.test(bare) &&
			isPersonLike(bare) &&
			!only.some((word) => TITLE_WORDS.test(word)) &&
			!ORG_WORDS.test(bare) &&
			personScore(bare) >= (lenient ? 1 : 2)
		);
	}
	if (TITLE_WORDS.test(firstWord)) return false;
	// Every part is a name or an organisation: capitalised words, at most six of them.
	const shaped = list.every((part) => {
		const partWords = words(part.text);
		if (partWords.length === 0 || partWords.length > 6) return false;
		// Capitalised words, or words in a script without case (`山田 太郎`).
		return partWords.every(
			(word, index) =>
				/^[\p{Lu}\p{N}@(\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}][\p{L}\p{N}'’.,()@&+-]*$/u.test(
					word,
				) ||
				(index > 0 && PARTICLES.has(word)),
		);
	});
	if (!shaped) return false;
	// And someone in it is a person: a known given name, or `Name, Org` with a name's shape first.
	const scores = list.map((part) => personScore(part.text.replace(/(?<!\s)\s*\([^()]{0,60}\)\s*$/, '')));
	return (
		scores.includes(2) ||
		(scores[0]! > 0 && list.some((part) => part.after === ',')) ||
		(lenient && scores.every((score) => score > 0))
	);
}

/** Names read on their shape alone: inside a list whose other items name people the same way. */
let lenient = false;

/** True while a list's items are read beside siblings that name people the same way. */
export function readingLeniently(): boolean {
	return lenient;
}

/** Runs `read` taking name-shaped words as people (`Aiko Mori` beside `Ann Lee` and `Bo Chan`). */
export function withLenientNames<T>(read: () => T, speakerFirst = false): T {
	lenient = true;
	namesFirst = speakerFirst;
	try {
		return read();
	} finally {
		lenient = false;
		namesFirst = false;
	}
}

/** The siblings that name people put the name first (`Ann Lee - Title`): read the others the same way. */
let namesFirst = false;

export function readingNamesFirst(): boolean {
	return namesFirst;
}
