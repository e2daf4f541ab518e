/**
 * What makes text look like a talk, or like something that is never one. Sessions are recognised
 * by how their items look; the words around a list only support short, title-like items.
 */
import {personScore} from './people.js';

/** Schedule and talk pages: sched, sessionize, pretalx, the Linux Foundation's event sites. */
const TALK_HOST =
	/^https?:\/\/(?:[\w-]+\.)*(?:sched\.com|sched\.co|sessionize\.com|pretalx\.com|pretalx\.[\w.-]+|events\.linuxfoundation\.org|kccnc[\w-]*\.[\w.]+|kubecon[\w-]*\.[\w.]+|cloudnativecon[\w-]*\.[\w.]+|fosdem\.org|devconf\.info|indico\.[\w.-]+)(?:[/?#:]|$)/i;

/** A talk page on another conference site: `/talks/…`, `/sessions/…`, `/schedule/…`. */
const TALK_PATH =
	/^https?:\/\/[^/\s]{1,253}\/(?:[\w-]{1,80}\/){0,6}(?:talks?|sessions?|presentations?|schedule|event|program|programme|agenda|speakers?|proposals?|contributions?)(?:\/[\w%.-]|[#?][\w%=&.-])|\/view_talk\b|ViewSession\.aspx\?SessionID=/i;

/** Recordings: a talk's replay, also where a list links talks to their videos. */
const VIDEO_HOST = /^https?:\/\/(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|vimeo\.com|media\.ccc\.de)\//i;

/** Links that belong to a talk rather than being one: its abstract, slides, replay. */
const ARTIFACT_LABEL =
	/^(?:(?:read|watch|see|view|download|get|open|the)\s+)*(?:the\s+)?(?:abstract|replay|recording|video|videos|slides?|slide\s*deck|deck|youtube|pdf|sched|schedule|talk\s+page|session\s+page|notes|transcript|demo\s+code|code|repo|github|blog\s+post|description)\b/i;

/** A lead-in that announces the talks the author attended (or picked). */
const ANNOUNCES =
	/\b(?:sessions?|talks?|keynotes?|presentations?|workshops?|tutorials?)\b[^.]*\b(?:attended|went\s+to|saw|watched|joined|caught|sat\s+in|picked|chose|enjoyed|liked|visited|made\s+it\s+to)\b|\b(?:attended|went\s+to|saw|watched|caught|my\s+picks?|my\s+schedule)\b[^.]*\b(?:sessions?|talks?|keynotes?|presentations?|workshops?)\b/i;

/** A heading or label that is itself the word for talks: `Talks`, `Sessions`, `My schedule`. */
const TALKS_LABEL =
	/^(?:(?:the|my|some|other|more|favou?rite|selected|notable|recommended|interesting|lightning)\s+)*(?:sessions?|talks?|keynotes?|presentations?|schedule|agenda|program(?:me)?|lightning\s+talks?)(?:\s+(?:i\s+(?:attended|saw|watched|liked|enjoyed)|attended|of\s+day\s+\w+|on\s+day\s+\w+|day\s+\w+))?\s*:?$/i;

/** Lead-ins about the content of one talk, or lists of points, never of talks. */
const ABOUT_CONTENT =
	/\b(?:highlights?|takeaways?|realities|lessons?|points?|learn(?:ed|t|ings?)?|things|ideas|tips|tools?|resources?|links?|from\s+(?:this|the|that)\s+(?:session|talk|keynote)|in\s+(?:this|the|that)\s+(?:session|talk)|(?:this|that|his|her|their)\s+(?:session|talk|keynote|presentation))\b/i;

/** A lead-in that says what follows is not talks: `Useful links (not talks):`. */
const NEGATED = /\bnot\s+(?:\w+\s+){0,2}(?:talks?|sessions?)\b|\bnon-?talks?\b|\bno\s+talks?\b|\bwithout\s+talks?\b/i;

/** A note saying the author could not attend: the talk is left to watch later. */
export const MISSED =
	/\b(couldn['’]?t|could not|can['’]?t|cannot|didn['’]?t|did not|wasn['’]?t able|unable|not able|missed|skipped|no room|room (was )?full|full room|not attend|to watch|watch (it )?later)\b/i;

/**
 * A section or lead-in about talks the author missed or means to watch: `Things I missed`,
 * `Catching up on what I missed`, `Talks to watch later`. Not a recommendation (`talks you should watch`).
 */
const MISSED_SECTION =
	/\b(?:missed|skipped|couldn['’]?t\s+(?:attend|make|get\s+(?:in|to))|could\s+not\s+(?:attend|make|get\s+(?:in|to))|didn['’]?t\s+(?:attend|make\s+it|get\s+(?:in|to))|did\s+not\s+(?:attend|make\s+it|get\s+(?:in|to))|watch\s+later|to\s+watch\s+later|(?:want|wanted|need|plan)\s+to\s+(?:watch|catch\s+up)|catch(?:ing)?\s+up\s+on|on\s+my\s+(?:watch\s*)?list)\b|^(?:(?:other|more)\s+)?(?:talks|sessions|videos)\s+to\s+watch\b/i;

/** True for a heading or lead-in saying the talks under it were missed (to watch later). */
export function isMissedSection(text: string): boolean {
	const trimmed = text.trim();
	return (
		trimmed.length <= 200 &&
		MISSED_SECTION.test(trimmed) &&
		!/\b(?:didn['’]?t|did\s+not|won['’]?t|not)\s+miss\b/i.test(trimmed)
	);
}

/** A sentence saying the author missed this talk: `I actually missed the other testing talk, "X"`, `a talk I didn't attend`. */
const MISSED_IN_TEXT =
	/\b(?:missed|skipped|couldn['’]?t\s+(?:attend|get\s+in|make\s+it)|could\s+not\s+(?:attend|get\s+in|make\s+it)|didn['’]?t(?:\s+\w+)?\s+attend|did\s+not\s+attend|wasn['’]?t\s+able\s+to\s+attend)\b/i;

/**
 * True when a sentence of `text` says the author missed the talk named `title`: `I missed the
 * other testing talk, "Title"`, `This is a talk I didn't attend`. The talk missed must be this one:
 * in `I missed the keynote, and was late to this talk` it is another.
 */
export function saysMissed(text: string, title: string): boolean {
	const needle = title.toLowerCase();
	for (const sentence of text.split(/(?<=[.!?])\s+/)) {
		if (sentence.length > 400 || /\b(?:didn['’]?t|did\s+not|won['’]?t|not)\s+miss\b/i.test(sentence)) continue;
		const lower = sentence.toLowerCase();
		// `a talk I didn't attend`, `this session I missed`.
		if (
			/\b(?:this|that|a)\s+(?:talk|session|keynote)\s+(?:that\s+|which\s+)?i\s+(?:\w+\s+){0,2}?(?:missed|skipped|didn['’]?t\s+(?:\w+\s+)?attend|did\s+not\s+attend|couldn['’]?t\s+attend)\b/.test(
				lower,
			)
		)
			return true;
		const verb = MISSED_IN_TEXT.exec(lower);
		if (!verb) continue;
		const after = lower.slice(verb.index + verb[0].length, verb.index + verb[0].length + 120);
		// The first talk named after the verb: this one (by title or `this talk`), or another.
		const noun =
			/\b(?:this|that)\s+(?:talk|session|keynote|presentation)\b|\b(?:talk|session|keynote|presentation)\b/.exec(after);
		const at = needle.length >= 4 ? after.indexOf(needle) : -1;
		if (at !== -1 && (noun === null || at <= noun.index + noun[0].length + 8)) return true;
		if (noun && /^(?:this|that)\s/.test(noun[0]) && noun.index < 40) return true;
	}
	return false;
}

const WEEKDAY = /\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/i;

const ORDINALS: Record<string, number> = {
	first: 1,
	one: 1,
	second: 2,
	two: 2,
	third: 3,
	three: 3,
	fourth: 4,
	four: 4,
	fifth: 5,
	five: 5,
};

/** `Sessions I attended on the first day:` -> 1; `Day 2` -> 2; null when no day is named. */
export function dayNumber(text: string): number | null {
	const digits = /\bday\s*(\d{1,2})\b/i.exec(text);
	if (digits) return Number(digits[1]);
	const ordinal = /\b(first|second|third|fourth|fifth)\s+day\b|\bday\s+(one|two|three|four|five)\b/i.exec(text);
	const word = ordinal?.[1] ?? ordinal?.[2];
	return word ? ORDINALS[word.toLowerCase()]! : null;
}

/** A link to a schedule or talk page. */
export function isTalkPage(url: string | null): boolean {
	if (url === null || url.length > 2000) return false;
	// The programme's own index (`fosdem.org/2020/schedule/`, `…/talks/`) lists talks; it is not one.
	if (/\/(?:schedule|program|programme|agenda|talks|sessions|speakers|events?)\/?$/i.test(url)) return false;
	if (TALK_PATH.test(url)) return true;
	// A schedule site's own front page (`fosdem.org/2015/`) is the conference, not a talk; so is an
	// event's page on the foundation's site (`events.linuxfoundation.org/kubecon-…-europe/`).
	// (Or a past event's page there: `events.linuxfoundation.org/archive/2024/open-source-summit-europe/`.)
	if (/^https?:\/\/events\.linuxfoundation\.org\/(?:archive\/\d{4}\/)?[^/?#]+\/?(?:[?#].*)?$/i.test(url)) return false;
	return TALK_HOST.test(url) && !/^https?:\/\/[^/?#]*\/?(?:\d{4}\/?)?(?:[?#].*)?$/.test(url);
}

/** A link to a recording. */
export function isVideo(url: string | null): boolean {
	if (url === null) return false;
	// A recording's file (`…/talk.mp4`) or a conference's video site.
	return (
		VIDEO_HOST.test(url) ||
		/\.(?:mp4|webm|ogv|mkv|m4v|mov)(?:[?#]|$)/i.test(url) ||
		/^https?:\/\/(?:video\.|videos\.|media\.|tv\.)[^/]{1,200}\/|confreaks\.(?:tv|com|net)\//i.test(url)
	);
}

/** A person's role, not a talk's title: `Sr Staff Eng VMWare`, `Developer Advocate at Acme`. */
const ROLE =
	/^(?:sr\.?|senior|staff|principal|lead|chief|head|junior|jr\.?)\b|\b(?:engineer|eng|developer|manager|director|cto|ceo|cfo|coo|founder|co-founder|architect|evangelist|advocate|consultant|researcher|intern|freelancer?)\b(?:\s+(?:at|@|,)\s*\S.*)?$/i;

/** True for a short text that names someone's job rather than a talk. */
export function isRole(text: string): boolean {
	const trimmed = text.trim();
	return trimmed.split(/\s+/).length <= 7 && ROLE.test(trimmed);
}

/** A call to action or a call for papers: `Check out the [CfP here](…)`, `Register now`. */
const CALL_TO_ACTION =
	/^(?:check\s?out|checkout|register|sign\s+up|buy|click|subscribe|submit)\b|\b(?:call\s+for\s+(?:papers|proposals|speakers)|cfp|tickets?|registration)\b/i;

/** True for a call to action, never a talk's title. */
export function isCallToAction(text: string): boolean {
	const trimmed = text.trim();
	// `the AI + ML agenda here`, `slides over here`: a pointer, not a name.
	return CALL_TO_ACTION.test(trimmed) || /\s(?:here|there)[.!]?$/i.test(trimmed);
}

/** `Read the abstract`, `Watch the replay`, `slides`: a talk's own links, never a talk. */
export function isArtifactLabel(text: string): boolean {
	const trimmed = text.trim();
	if (trimmed.split(/\s+/).length > 6) return false;
	// `Zach's slides`, `Les slides sont disponibles ici`, `his slides`.
	return (
		ARTIFACT_LABEL.test(trimmed) ||
		/^(?:[\p{L}]{1,30}['’]s|les|la|le|the|my|his|her|their|our|see|voir)\s+(?:slides?|deck|vid[eé]os?|recording|replay|transcript)\b/iu.test(
			trimmed,
		)
	);
}

/** A lead-in or heading that announces talks attended: supports short, title-like items. */
export function announcesTalks(text: string): boolean {
	const trimmed = text.trim();
	if (trimmed.length > 240 || NEGATED.test(trimmed)) return false;
	if (TALKS_LABEL.test(trimmed)) return true;
	return (
		(ANNOUNCES.test(trimmed) || LIST_OF_TALKS.test(trimmed) || ATTENDED_ELSEWHERE.test(trimmed)) &&
		!ABOUT_CONTENT.test(trimmed)
	);
}

/** A lead-in that names the talks below as such, in any language (`Here are the sessions…`, `參加的議程`). */
export function leadsIntoTalks(text: string): boolean {
	const trimmed = text.trim();
	return (
		trimmed.length <= 240 &&
		(LIST_OF_TALKS.test(trimmed) || ATTENDED_ELSEWHERE.test(trimmed) || TALKS_LABEL.test(trimmed))
	);
}

/** `Here are the sessions I live blogged:`, `Talks I enjoyed`: a lead-in that says a list of talks follows. */
const LIST_OF_TALKS =
	/^(?:here\s+(?:are|is)|these\s+(?:are|were)|below\s+(?:are|is))\b[^.:]{0,80}\b(?:sessions?|talks?|keynotes?|presentations?)\b|\b(?:sessions?|talks?|presentations?)\s+(?:that\s+)?(?:i|we)\s+(?:\w+\s+){0,2}?(?:attended|saw|watched|enjoyed|liked|blogged|live[-\s]blogged|went\s+to|picked|recommend|missed|skipped)\b/i;

/** The same said in other languages: `參加的議程`, `assister à plusieurs conférences`. */
const ATTENDED_ELSEWHERE =
	/參加的?議程|参加的?议程|聽了?的?議程|出席的?議程|assist(?:é|er|ons)\s+à\s+(?:\S+\s+){0,2}?(?:conférences|sessions|talks)|besuchte[n]?\s+(?:\S+\s+){0,2}?(?:vorträge|talks|sessions)|asist[íi]\s+a\s+(?:\S+\s+){0,2}?(?:charlas|ponencias)/i;

/** A grouping that names a day (`Day 2`, `Wednesday`): supports title-like items beside talks. */
export function namesDay(text: string): boolean {
	return text.length <= 80 && (dayNumber(text) !== null || WEEKDAY.test(text));
}

/** A lead-in naming something other than talks: `Blog posts I read`, `Projects to watch`. */
const OTHER_THINGS =
	/\b(?:blog\s+posts?|posts|articles?|reading|read|books?|podcasts?|newsletters?|tools?|projects?|repos(?:itories)?|libraries|people|folks|docs|documentation)\b/i;

/** True when a lead-in announces things that are not talks; talks there need a talk page or video. */
export function announcesOtherThings(text: string): boolean {
	return OTHER_THINGS.test(text) && !announcesTalks(text);
}

/** `Useful links from the hallway track (not talks):` */
export function isNegated(text: string): boolean {
	return NEGATED.test(text);
}

function wordCount(text: string): number {
	return text.trim().split(/\s+/).filter(Boolean).length;
}

/** A sentence, not a title: ends like one with several words, runs long, or starts in lower case. */
export function isProse(text: string): boolean {
	const trimmed = text.trim();
	const count = wordCount(trimmed);
	if (count > 16 || isCallToAction(trimmed)) return true;
	// A link, a domain, an address or a handle is not a title: `www.vldb.org/…`, `Email: a@b.c`.
	if (/(?:^|\s)(?:https?:\/\/|www\.)|\.(?:com|org|net|io|pdf|html?)(?:\/|\s|$)|\S@\S|(?:^|\s)@\w/.test(trimmed))
		return true;
	if (
		/^[\p{Ll}]/u.test(trimmed) &&
		!/^(?:k8s|kubectl|kubeadm|kube-|etcd|eBPF|gRPC|iOS|k3s|containerd|cert-manager)/.test(trimmed)
	)
		return true;
	if (/[.!]$/.test(trimmed) && count >= 5 && !/\b(?:Inc|Ltd|Corp|Co|Jr|Sr)\.$/.test(trimmed)) return true;
	// A sentence break inside: `This was great. The demo failed.` (not a Title Case title: `… Cluster. Who Wins?`)
	return /[a-z]{2}[.!?]\s+[\p{Lu}]/u.test(trimmed) && count >= 8 && !isTitleCase(trimmed);
}

/** Most words of four letters or more capitalised: `15,000 Players Vs One Cluster. Who Wins?`. */
function isTitleCase(text: string): boolean {
	const long = text.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
	return long.length >= 3 && long.filter((word) => /^\p{Lu}/u.test(word)).length * 4 >= long.length * 3;
}

/** Agenda items that are not talks: `Lunch`, `Coffee break`, `Booth duty`. */
const NOT_A_TALK =
	/^(?:lunch|breakfast|dinner|coffee|(?:coffee\s+)?break|registration|badge\s+pick-?up|booth(?:\s+duty)?|expo(?:\s+hall)?|(?:evening\s+)?party|reception|networking|hallway\s+track|travel(?:\s+day)?|check-?in|happy\s+hour|closing\s+drinks)$/i;

/** `Coffee with the maintainers`: a short item that starts like a break is one. */
const BREAK_START =
	/^(?:lunch|breakfast|dinner|coffee|drinks|beers?|pizza|snacks|doors|party|reception|booth|registration|welcome\s+drinks)\b/i;

/** A short phrase ending on a pause: `Taking a short break`, `Time for a breather`. */
const BREAK_END = /(?:^|\s)(?:break|breather|pause)[.!]?$/i;

/** Sections below a talks heading that are not talks: `Takeaways`, `Summary`. */
const SECTION_NAME =
	/^(?:(?:my|key|final|other|general|some|more|further)\s+)*(?:takeaways?|summary|conclusions?|thoughts|highlights|notes|resources|links|recap|wrap-?up|overview|intro(?:duction)?|outro|background|context|tl;?dr|misc(?:ellaneous)?|references?|videos?|slides)\b/i;

/** More of a post's own sections, named as a whole: `Final Thoughts`, `Lunch`, `The Venue`. */
const OWN_SECTION =
	/^(?:(?:the|my|some|a|few|closing|final|last|general|other|more|misc)\s+)*(?:conclusions?|summary|overall|lunch|breakfast|dinner|venue|city|food|swag|photos?|pictures|organi[sz]ers|sponsors|people|community|events?|party|afterparty|opening\s+night|closing\s+party|closing|in\s+closing|outline|download|quotable|quotes|bookmarks|new\s+bookmarks|also\s+recommend(?:ed)?|misc\s+notes|what\s+could\s+be\s+better|next\s+steps?|what's\s+next|preamble|the\s+intro|let's\s+connect|about\s+me|updates?|faq|travel|hotel|getting\s+there|the\s+event|pre[-\s]event|the\s+conference|the\s+content|bonus(?:\s+(?:tracks?|rounds?|content|section|links|points))?)$/i;

/** One of the post's own sections (`Takeaways`, `Conclusion`, `Lunch`), never a talk's title. */
export function isSectionName(text: string): boolean {
	const trimmed = text.trim().replace(/(?<![\s:!.])[\s:!.]+$/, '');
	// `Introduction to Kivy` is a title: a section name is the whole of a short heading.
	return (SECTION_NAME.test(trimmed) && trimmed.split(/\s+/).length <= 4) || OWN_SECTION.test(trimmed);
}

/**
 * Words for one talk in the languages posts are written in: `this talk`, `the speaker`, `slides`.
 * Plurals (`many of the sessions`) speak of the conference, as a post's theme sections do.
 */
const TALK_WORDS =
	/\b(?:this|the|that|his|her|their|a|an|great|good|excellent|fascinating|interesting)\s+(?:talk|session|keynote|presentation|workshop|tutorial|lecture|demo)\b|\b(?:speaker|presented|presenter|presenting|slides|deck)\b|\b(?:talk|session|keynote|presentation)\s+(?:i|we)\s+(?:attended|saw|watched|went\s+to)\b|\b(?:conférence|conférencier|conférencière|présenté|présentation|vortrag|charla|ponencia|palestra)\b|講者|議程|演講|這場|讲者|议程|演讲|发表|発表|講演|登壇/i;

/** True when the text speaks of a talk (in English and a few other languages). */
export function mentionsTalk(text: string): boolean {
	return TALK_WORDS.test(text.slice(0, 1500));
}

/** One piece of evidence for (weight > 0) or against (weight < 0) a candidate, with what it is. */
export type Evidence = {weight: number; reason: string};

/** A heading under a talks heading that is a talk's title, not one of the post's own sections. */
export function isTalkHeadingTitle(text: string): boolean {
	return isTitleLike(text) && !SECTION_NAME.test(text.trim()) && !namesDay(text) && !announcesTalks(text);
}

/** A break in the schedule (`Lunch`, `18:00 Doors open`), even when the schedule links it. */
export function isBreak(text: string): boolean {
	const untimed = text.trim().replace(/^\d{1,2}[:.h]\d{2}\s*(?:[-–]\s*\d{1,2}[:.h]\d{2}\s*)?/, '');
	return (
		NOT_A_TALK.test(untimed) ||
		(BREAK_START.test(untimed) && !untimed.includes(':') && wordCount(untimed) <= 5) ||
		// `Taking a short break`, `A quick breather`: a pause named in a few words, not a title (`Jailbreak` aside).
		(BREAK_END.test(untimed) && wordCount(untimed) <= 5)
	);
}

/** Verbs that make a sentence-case line a statement: `The venue was huge`. */
const STATEMENT_VERB = /\b(?:was|were|is|are|am|had|has|have|got|felt|did|went|made|will|can|should|would|could)\b/i;

/** Most longer words in lower case: a sentence rather than a Title Case title. */
function isSentenceCase(text: string): boolean {
	const long = text
		.split(/\s+/)
		.slice(1)
		.filter((word) => /^\p{L}{4,}/u.test(word));
	return long.length >= 1 && long.filter((word) => /^\p{Ll}/u.test(word)).length * 2 > long.length;
}

/** Short and title-shaped: `Keynote`, `Closing keynote`, `Kubeadm Deep Dive`. */
export function isTitleLike(text: string): boolean {
	const trimmed = text.trim();
	if (trimmed === '' || trimmed.length > 110 || wordCount(trimmed) > 14) return false;
	if (/[:;,]$/.test(trimmed)) return false;
	// `18:00 Doors open`: a time slot in front says nothing about what the item is.
	if (isBreak(trimmed) || (isSentenceCase(trimmed) && STATEMENT_VERB.test(trimmed))) return false;
	return !isProse(trimmed) && /^[\p{Lu}\p{N}"“'‘]/u.test(trimmed);
}

/**
 * `Watch DHH’s Keynote`, `Aaron Lee Keynote`, `Kent Beck's talk`: a talk named by its speaker and its
 * kind only, with no title of its own (a mention, as `the opening keynote` is).
 */
export function isGenericMention(text: string): boolean {
	const match =
		/^(?:(?:watch|see)\s)?(?:the\s)?(\S.{0,40}?)(?:['’]s?)?\s(?:opening\s|closing\s)?(?:keynote|talk|session|presentation)$/i.exec(
			text.trim(),
		);
	if (!match) return false;
	// (Without a possessive, the words must be a known name: `Opening Keynote` is a title.)
	const possessive = /['’]s?\s(?:opening\s|closing\s)?\S+$/i.test(text.trim());
	const words = match[1]!.replace(/['’]s?$/, '').split(' ');
	return (
		words.length <= 4 &&
		words.every((word) => /^\p{Lu}[\p{L}.-]*$/u.test(word)) &&
		(possessive || personScore(words.join(' ')) === 2)
	);
}
