/**
 * Is this a person's name? Shape alone (capitalised words) is weak: `OpenSearch Serverless` and
 * `Rubygems Edition` have it. A known given name first, a CJK name, or the name echoed in the
 * talk's own text (`Jon Skeet on Async` then `Jon showed…`) make it strong.
 */
import {GIVEN_NAMES} from './given-names.js';

let givenNames: Set<string> | undefined;

/**
 * Given names the generated list lacks: short forms common in English (`Zach`, `Jen`) and names from
 * languages its data does not cover (Japanese, Chinese and Korean romanised, Indian, West and East
 * African). Kept short, and never a word a title uses.
 */
const MORE_GIVEN_NAMES = `Zach Rob Jen Meg Kelsey Kels Mattias Nat Vic Sandi Avdi Yehuda Jem Deb Steph Becca Mandy Trish
Akihiro Hiroshi Takashi Takeshi Kenji Kenta Haruto Hiroki Yuki Yuko Yusuke Satoshi Shinji Kazuki Koji Naoki Daisuke Sho Tomomi Aiko Yumiko Keiko Mariko
Wei Jing Li Ming Hui Xin Yan Jun Hao Lei Tao Feng Yang Jie Chen Yong Qiang Xiaoming Yuan Zhen Hyun Min-jun Ji-hoon Seo-yeon Jae Sung
Priya Priyanka Deepika Deepak Rahul Rajesh Ramesh Suresh Sunil Anil Amit Arjun Vikram Sanjay Rohan Pooja Neha Anjali Kavya Lakshmi Nikhil Aditya Shreya Divya Amjith Karthik Srinivas Venkat Harsha
Kwame Kofi Kojo Ama Akosua Oluwaseun Olumide Chinedu Chioma Ngozi Emeka Adebayo Oyelaran Folake Tunde Femi Kunle Wanjiru Wambui Otieno Achieng Kipchoge Thabo Sipho Naledi Zanele Bongani Amara Nnamdi Ifeoma
Itamar Shahar Yossi Noam Tal Oren Eitan Amit Yael Rimma Tadeusz Merlijn Chalmer Grégory Grégoire`.split(/\s+/);

/** True for a given name in the list (generated from public name data; see given-names.ts). */
export function isGivenName(word: string): boolean {
	givenNames ??= new Set([...GIVEN_NAMES.split(' '), ...MORE_GIVEN_NAMES]);
	return givenNames.has(word);
}

/** Lower-case particles inside a person's name: `Daniele de Araujo dos Santos`, `Vasilis van Gemert`. */
export const NAME_PARTICLES: readonly string[] = [
	'de',
	'da',
	'das',
	'do',
	'dos',
	'di',
	'du',
	'del',
	'della',
	'der',
	'den',
	'van',
	'von',
	'la',
	'le',
	'y',
	'bin',
	'al',
	'ter',
	'zu',
];

/** Lower-case words allowed inside a name: the particles, and `st` (`Ann St Clair`). */
const PARTICLES = new Set([...NAME_PARTICLES, 'st']);

/** Honorifics in front of a name: `Dr. Jeff Norris`. */
const HONORIFIC = /^(?:Dr|Prof|Mr|Mrs|Ms|Mx|Sir|Dame)\.?$/;

/** Words that are never part of a person's name in a talk's text. */
const NOT_NAME_WORDS = new Set([
	'The',
	'A',
	'An',
	'And',
	'Or',
	'Of',
	'On',
	'In',
	'To',
	'For',
	'With',
	'From',
	'By',
	'At',
	'How',
	'Why',
	'What',
	'When',
	'Where',
	'Who',
	'Your',
	'My',
	'Our',
	'Its',
	'This',
	'That',
	'Keynote',
	'Talk',
	'Session',
	'Panel',
	'Workshop',
	'Tutorial',
	'Intro',
	'Introduction',
	'Deep',
	'Dive',
	'Update',
	'Updates',
	'Overview',
	'Edition',
	'Summit',
	'Conference',
	'Track',
	'Inc',
	'Ltd',
	'Corp',
	'Labs',
	'Software',
	'Systems',
	'Cloud',
	'Security',
	'Networks',
	'University',
	'Foundation',
	'Group',
	'Services',
	'Solutions',
	'Project',
	'Team',
	'Community',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday',
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
	'Morning',
	'Afternoon',
	'Evening',
	'Lunch',
	'Break',
	'Serverless',
	'Kubernetes',
	'Docker',
	'Linux',
	'Android',
	'Python',
	'Ruby',
	'Rails',
	'JavaScript',
	'Java',
	'Go',
	'Rust',
	'Announcement',
	'Law',
	'Part',
	'Chapter',
	'Theme',
]);

/** A word written like part of a name: `Körbes`, `O'Sullivan`, `McFadin`, `Kaplan-Moss`, `J.`. */
function isNameWord(word: string): boolean {
	if (word.length > 24 || NOT_NAME_WORDS.has(word)) return false;
	// Inner capitals only after a known prefix: `McFadin`, `DeSandro`, `O'Sullivan`, not `OpenSearch`.
	// An initial or an abbreviation inside a name: `J.`, `St.` (`Timothy St. Clair`), `Jr.`.
	if (/^\p{Lu}\p{Ll}{0,2}\.$/u.test(word)) return true;
	if (!/^\p{Lu}[\p{Ll}'’-]*(?:[\p{Lu}][\p{Ll}'’-]*)?$/u.test(word)) return false;
	const inner = word.slice(1).search(/\p{Lu}/u);
	if (inner === -1) return /\p{Ll}/u.test(word);
	const head = word.slice(0, inner + 1);
	return /^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O['’]|D['’])$/.test(head) || /-$/.test(head);
}

/** Two to four CJK or Hangul characters, as names are written in those scripts: `山田 太郎`, `김민수`. */
const CJK_NAME =
	/^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}]{1,4}(?:[ \u3000・][\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}]{1,4})?$/u;

/** How sure the words are a person: 0 not one, 1 the shape of one, 2 a name (given name first, or CJK). */
export type PersonScore = 0 | 1 | 2;

/** Scores one person's name as written (`Ann Lee`, `Dr. Jeff Norris`, `Vasilis van Gemert`). */
export function personScore(text: string): PersonScore {
	const trimmed = text.trim().replace(/\s+/g, ' ');
	if (trimmed === '' || trimmed.length > 60) return 0;
	if (CJK_NAME.test(trimmed)) return 2;
	let words = trimmed.split(' ');
	if (words.length > 1 && HONORIFIC.test(words[0]!)) words = words.slice(1);
	if (words.length < 1 || words.length > 5) return 0;
	// (`Andrew T Baker`: a middle initial may go without its full stop.)
	const ok = words.every(
		(word, index) =>
			isNameWord(word) || (index > 0 && index < words.length - 1 && (PARTICLES.has(word) || /^\p{Lu}$/u.test(word))),
	);
	// `Hubert SABLONNIÈRE`: a known given name, then a surname written in capitals (as French programmes do).
	if (
		!ok &&
		words.length >= 2 &&
		isGivenName(words[0]!) &&
		words
			.slice(1)
			.every(
				(word, index) =>
					isNameWord(word) || /^\p{Lu}{2,20}$/u.test(word) || (index < words.length - 2 && PARTICLES.has(word)),
			)
	)
		return 2;
	if (!ok) return 0;
	// A given name alone (`Amadeus`, `Matt`) may be a company or a first name: the shape of a person.
	if (words.length === 1) return isGivenName(words[0]!) ? 1 : 0;
	if (isGivenName(words[0]!)) return 2;
	// `Ayende Rahien` has the shape of a name.
	return 1;
}

/**
 * A job written beside a speaker's name (`Executive Director`, `Sr Staff Eng`, `VP Engineering`,
 * `Head of Open Source Strategy`): never a person, whatever its capitals.
 */
const ROLE_WORD =
	/\b(?:engineer|eng|engineering|developer|manager|director|cto|ceo|cfo|coo|cio|ciso|vp|svp|evp|founder|co-founder|cofounder|architect|evangelist|advocate|consultant|researcher|intern|fellow|president|officer|head|lead|chief|principal|staff|senior|sr|junior|maintainer|contributor|pm|scientist|professor|student|chair|analyst|specialist|strategist|owner|sre|devrel|maker|designer|programmer|hacker|ambassador|organi[sz]er|member|editor|author|executive|partner|tpm|emeritus)\b/i;

/** True for a short text naming someone's job rather than someone (`Group Product Manager`). */
export function isRoleText(text: string): boolean {
	const trimmed = text.trim();
	return trimmed !== '' && trimmed.length <= 80 && trimmed.split(/\s+/).length <= 8 && ROLE_WORD.test(trimmed);
}

/** Every person named in a list `A, B & C` / `A and B` / `A - B - C` / `A, Org & B, Org`; null when a part is not a person. */
export function peopleOf(text: string): {people: string[]; score: PersonScore} | null {
	const parts = text
		.replace(/(?<!\s)\s*\([^()]{0,80}\)/g, '')
		.split(/,|;|&|\band\b|\bund\b|\bet\b|\by\b|\+|\s[-–—]\s/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (parts.length === 0 || parts.length > 8) return null;
	let least: PersonScore = 2;
	let best: PersonScore = 0;
	const people: string[] = [];
	for (const part of parts) {
		const score = personScore(part);
		if (score === 0) return null;
		if (score < least) least = score;
		if (score > best) best = score;
		people.push(part);
	}
	// `Ann Lee & Cantino`: one known name among name-shaped parts makes it a list of people.
	return {people, score: people.length > 1 ? best : least};
}

/**
 * True when a word of the name (three letters or more) comes back in `text` as a person does:
 * `Ayende's talk`, `Jon showed…`. A word merely repeated (`Stadia is Google's…`) is not enough.
 */
export function isEchoed(name: string, text: string): boolean {
	for (const word of name.split(/[\s-]+/)) {
		if (word.length < 3 || !/^\p{Lu}/u.test(word)) continue;
		let at = text.indexOf(word);
		while (at !== -1) {
			const before = text.charCodeAt(at - 1);
			const rest = text.slice(at + word.length, at + word.length + 24);
			if ((at === 0 || !isLetter(before)) && !/^[\p{L}\p{N}]/u.test(rest)) {
				const next = /^\s+([\p{Ll}]+)/u.exec(rest)?.[1] ?? '';
				if (/^['’]s\b/.test(rest) || (SPEAKER_VERBS.has(next) && next !== 'a' && next !== 'nous') || next === 'and')
					return true;
			}
			at = text.indexOf(word, at + 1);
		}
	}
	return false;
}

function isLetter(code: number): boolean {
	return !Number.isNaN(code) && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/** Verbs that make the person before them a talk's speaker: `Leah Hanson gave…`, `Neal Ford delivered…`. */
const SPEAKER_VERBS = new Set([
	'gave',
	'gives',
	'delivered',
	'delivers',
	'presented',
	'presents',
	'talked',
	'talks',
	'spoke',
	'speaks',
	'shared',
	'shares',
	'discussed',
	'discusses',
	'demoed',
	'demos',
	'showed',
	'shows',
	'explained',
	'explains',
	'introduced',
	'introduces',
	'overviewed',
	'walked',
	'took',
	'started',
	'starts',
	'began',
	'closed',
	'opened',
	'argues',
	'argued',
	'highlighted',
	'highlights',
	'covered',
	'covers',
	'announced',
	'announces',
	'described',
	'describes',
	'explored',
	'reminded',
	'stressed',
	'emphasized',
	'focused',
	'argued',
	'described',
	'described',
	'went',
	'led',
	'hosted',
	'ran',
	'told',
	'tells',
	'nous',
	'a',
	'hat',
	'stellte',
	'zeigte',
	'sprach',
	'habló',
	'presentó',
]);

/** A handle in parentheses written after a name: `(@annlee)`, `([@annlee](…))`, `(@annlee),`. */
const HANDLE_ASIDE = /^\(\[?@[\w.-]{1,40}\]?(?:\([^\s()]{0,200}\))?\)[,;]?$/;

/** Words before a name that make it the speaker: `keynote by X`, `given by X`, `with X`. */
const BY_WORDS = new Set(['by', 'par', 'von', 'por', 'de']);

/** Talk words after a possessive: `Jens Ödegaard's talk`. */
const TALK_NOUNS = /^(?:talk|talks|session|presentation|keynote|workshop|tutorial|lecture|demo|panel)\b/i;

/**
 * The speakers a talk's own text names: `X gave…`, `X's talk`, `keynote by X`, `presented by X`,
 * at most the first few sentences. A possessive or `by` needs the shape of a name; a sentence's
 * subject needs a known given name or an echo in the text.
 */
export function speakersInText(text: string, limit = 3, adjectives = false): string[] {
	const found: string[] = [];
	const words = text.slice(0, 1200).split(/\s+/).filter(Boolean);
	let lastBy = -2;
	for (let index = 0; index < words.length && found.length < limit; index++) {
		const start = index;
		// The longest run of name words from here (two to four, particles allowed inside).
		const run: string[] = [];
		let at = index;
		while (at < words.length && run.length < 5) {
			const word = stripPunctuation(words[at]!);
			if (HONORIFIC.test(word) && run.length === 0) {
				at++;
				continue;
			}
			if (isNameWord(word.replace(/['’]s$/, '')) || (run.length > 0 && PARTICLES.has(word))) {
				run.push(word);
				at++;
				// A name ends at punctuation: `Avdi Grimm, of Ruby Rogues`.
				// (Not at an initial inside it: `Santiago M. Mola`.)
				if (/[,:;.!?)]$|['’]s$/.test(words[at - 1]!) && !(run.length > 1 && /^\p{Lu}\.$/u.test(word))) break;
			} else break;
		}
		// `Watch Justin Searls' talk`: a capitalised word before a known given name starts the sentence, not the name.
		if (run.length >= 3 && !isGivenName(run[0]!) && isGivenName(run[1]!)) run.shift();
		// `Dr. Jeff Norris Gave a talk`: a capitalised verb after the name is not part of it.
		if (run.length > 1 && SPEAKER_VERBS.has(run.at(-1)!.toLowerCase())) {
			run.pop();
			at--;
		}
		if (run.length < 2 && !(run.length === 1 && isGivenName(run[0]!.replace(/['’]s$/, '')))) continue;
		const last = words[at - 1]!;
		const possessive = /['’]s?[,.]?$/.test(last) && /s['’]$|['’]s$/.test(last.replace(/[,.]$/, ''));
		const name = run.join(' ').replace(/['’]s$|(?<=s)['’]$/, '');
		const before = stripPunctuation(words[start - 1] ?? '').toLowerCase();
		// `Ann Lee (@annlee) spoke about…`: a handle in parentheses after the name says it is a person's, and
		// the sentence goes on after it.
		const handle = run.length >= 2 && !/[,:;.!?)]$/.test(last) && HANDLE_ASIDE.test(words[at] ?? '');
		if (handle) at++;
		const after = stripPunctuation(words[at] ?? '').toLowerCase();
		const score = handle && personScore(name) === 1 ? 2 : personScore(name);
		if (score === 0 && !(run.length === 1 && isGivenName(name))) continue;
		const sentenceStart = start === 0 || /[.!?:]$/.test(words[start - 1]!);
		// A verb of the third person or the past right after a known name: `Laura Eck does…`, `Jon Esser articulated…`.
		const acts =
			score === 2 && (/^\p{Ll}{2,}(?:s|ed)$/u.test(after) || after === 'is') && !/ss$/.test(after) && run.length >= 2;
		// `keynote by Marc Lesser`; a name only by its shape after `given by`, `hosted by`, `talk by`.
		const byWhat = stripPunctuation(words[start - 2] ?? '').toLowerCase();
		const byName =
			BY_WORDS.has(before) &&
			(score === 2 ||
				(score >= 1 &&
					/^(?:given|hosted|presented|delivered|led|run|done|talk|session|keynote|presentation|workshop|tutorial)$/.test(
						byWhat,
					)));
		const isSpeaker =
			(possessive && (adjectives ? talkNounFollows(words, at) : TALK_NOUNS.test(words[at] ?? ''))) ||
			byName ||
			// `by Ann Lee and Bo Chan`.
			(before === 'and' && lastBy === start - 2 && score >= 1) ||
			(!possessive && sentenceStart && TALK_NOUNS.test(words[at] ?? '') && score === 2) ||
			(acts && (sentenceStart || /['’]s$/.test(words[start - 1] ?? ''))) ||
			// `this session with Michio Kaku`, `a talk from Ann Lee`.
			((before === 'with' || before === 'from') &&
				TALK_NOUNS.test(stripPunctuation(words[start - 2] ?? '')) &&
				score >= 1) ||
			// `Charles Desneuf nous a cité…` (told us), `John Daily: “We talk about…”` (quoted).
			(after === 'nous' && /^(?:a|ont|avait)$/.test(words[at + 1] ?? '') && score >= 1) ||
			(score === 2 && /:$/.test(last) && /^["“«]/.test(words[at] ?? '')) ||
			((sentenceStart || before === 'and') &&
				SPEAKER_VERBS.has(after) &&
				after !== 'a' &&
				(score === 2 || run.length === 1)) ||
			// `After lunch Richard Jones gave…`, `again John delivered an excellent presentation`.
			(SPEAKER_VERBS.has(after) &&
				after !== 'a' &&
				after !== 'nous' &&
				(score === 2 ||
					(run.length === 1 &&
						TALK_NOUNS.test(
							words
								.slice(at + 1, at + 5)
								.map(stripPunctuation)
								.find((word) => TALK_NOUNS.test(word)) ?? '',
						)))) ||
			(sentenceStart &&
				((after === 'from' && score >= 1) || (after === 'of' && (score === 2 || (score === 1 && /,$/.test(last))))));
		if (isSpeaker && !found.includes(name)) found.push(name);
		if (isSpeaker && (byName || before === 'and')) lastBy = at - 1;
		index = at - 1;
	}
	return found;
}

function stripPunctuation(word: string): string {
	return word
		.replace(/^[^\p{L}\p{N}@]+/u, '')
		.replace(/(?<![^\p{L}\p{N}'’.])[^\p{L}\p{N}'’.]+$/u, '')
		.replace(/\.$/, (dot, _offset: number, all: string) => (/^\p{Lu}\.$/u.test(all) ? dot : ''));
}

/**
 * The people named right after a `by` (the text after it): `Bradley M. Kuhn and Karen Sandler`,
 * `Akihiro Suda.`, `Ann Lee, Bo Chan & Cy Diaz`. A name's shape is enough here: `by` says a name
 * follows. A later run that goes on as a sentence (`…, Stories around ModBus`) is not a name.
 */
export function namesAfterBy(text: string): string[] {
	const words = text.slice(0, 200).split(/\s+/).filter(Boolean);
	const names: string[] = [];
	let index = 0;
	while (index < words.length && names.length < 6) {
		const run: string[] = [];
		let ended = false;
		while (index < words.length && run.length < 5) {
			const word = words[index]!;
			const bare = word.replace(/^["“(]+/, '').replace(/(?<![,;:.!?)"”])[,;:.!?)"”]+$/, '');
			const unpunctuated = word.replace(/(?<![,;:)])[,;:)]+$/, '');
			const initial = /^\p{Lu}\.$/u.test(unpunctuated);
			if (!(initial || isNameWord(bare) || (run.length > 0 && PARTICLES.has(bare) && index + 1 < words.length))) break;
			run.push(initial ? unpunctuated : bare);
			index++;
			// A name ends at punctuation: `Akihiro Suda, …`, `Akihiro Suda.` (not an initial's `M.`).
			if (/[,;:!?)]$/.test(word) || (/\.$/.test(word) && !initial)) {
				ended = true;
				break;
			}
		}
		const name = run.join(' ');
		if (run.length === 0 || (personScore(name) === 0 && !(run.length === 1 && isGivenName(name)))) break;
		const next = words[index] ?? '';
		// A later run cut inside longer capitalised words is a title's start (`and [Ephemeral Environments For…]`).
		if (names.length > 0 && !ended && /^\p{Lu}/u.test(next)) break;
		names.push(name);
		if (/^(?:and|&)$/.test(next)) index++;
		else if (!ended || !/,$/.test(words[index - 1] ?? '')) break;
	}
	return names;
}

/** `Kate Lee's talk`, `Kate Lee's well-researched and powerful talk` (in prose beside a title): a talk noun after a few lower-case words. */
function talkNounFollows(words: string[], at: number): boolean {
	for (let index = at; index < Math.min(words.length, at + 5); index++) {
		const word = words[index]!;
		if (TALK_NOUNS.test(word)) return true;
		if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word)) return false;
	}
	return false;
}
