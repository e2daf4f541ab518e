/** Items that start bold or italic: `**Title** by Ann Lee`, `**Keynote:** Title`, `*Title* (Ann Lee)`. Split from items.ts. */
import type {Token, Tokens} from 'marked';
import {inlineText} from '../../markdown/index.js';
import {isArtifactLabel, isBreak, isTalkPage, isTitleLike, isVideo} from './evidence.js';
import {personScore} from './people.js';
import {looksLikeSpeakers} from './speakers.js';
import {
	allLinks,
	findLink,
	fold,
	noteOf,
	safeUrl,
	speakersAfter,
	splitTitle,
	stripQuotes,
	type Candidate,
} from './item-text.js';

/** A label naming a talk's kind or slot before its title: `Keynote:`, `Track B:`, `Day 2:`, `Room 101:`. */
const SLOT_LABEL =
	/^(?:(?:opening|closing|morning|afternoon|evening)\s+)?(?:keynote|talk|session|lightning\s+talk|workshop|tutorial|panel|track\s+\w{1,12}|room\s+\w{1,12}|day\s+\w{1,6}|morning|afternoon|evening)s?$/i;
/** A dash, a subtitle, a comma and `by` after a bold head: ` - a subtitle, by Ann Lee`. */
const SUBTITLE_BY = /^\s{0,3}[-–—]\s{1,3}([^,\n]{1,100}),\s{0,3}(?=by\s)/i;

/** Text without the spaces, colons and dashes at its end (a scan, no pattern over the text). */
function trimTail(text: string): string {
	let end = text.length;
	while (end > 0 && ' \t\n:–—-'.includes(text[end - 1]!)) end--;
	return text.slice(0, end);
}

export function fromEmphasis(
	head: Token,
	rest: Token[],
	restText: string,
	/** Reads what follows a slot label (`**Keynote:** Title`): items.ts's readCandidate, passed in to keep imports one way. */
	readCandidate: (tokens: Token[]) => Candidate | null,
): Candidate | null {
	const title = stripQuotes(
		fold(inlineText([head]))
			.replace(/[:：]$/, '')
			.trim(),
	);
	if (title === '') return null;
	// `**YouTube:** [link](…)`, `**Slides**: TBD`: a talk's own field, never a talk.
	if (isArtifactLabel(title)) return {title, speakers: null, url: null, note: null, evidence: 'none'};
	// `**Keynote:** Title by Ann Lee`, `*Track B:* [Title](…)`: the kind or slot first, the talk after it.
	if (SLOT_LABEL.test(title) && (/[:：]\s*$/.test(inlineText([head])) || /^\s*[:：–—-]\s*\S/.test(restText))) {
		const tail = rest.map((token, index) => {
			if (index !== 0 || token.type !== 'text') return token;
			const cut = token.raw.replace(/^\s*[:：–—-]?\s*/, '');
			return {...token, raw: cut, text: cut, tokens: undefined} as Tokens.Text;
		});
		const after = readCandidate(tail);
		if (after && after.evidence !== 'none' && isTitleLike(after.title)) return after;
	}
	const inner = findLink([head]);
	const innerUrl = inner ? safeUrl(inner.href) : null;
	// `**Title <https://…>**`: a bare address at the end of the bold text is the talk's link, not its title.
	const bare =
		inner !== null && fold(inlineText(inner.tokens)) === inner.href.trim() && title.endsWith(inner.href.trim());
	const split = inner
		? {
				title: bare ? trimTail(title.slice(0, -inner.href.trim().length)) || title : title,
				speakers: null,
			}
		: splitTitle(title);
	// `**Title** (Lina Park, CNCF): summary`: speakers in parentheses right after the title.
	const paren = /^\s*\(([^()]+)\)/.exec(restText)?.[1];
	const parenSpeakers = paren !== undefined && looksLikeSpeakers(paren) ? paren.trim() : null;
	// `**"Title"** ▣ include video.html` then `Ann Lee` on the item's next line.
	const nextLine = restText
		.split('\n')
		.slice(1)
		.map((line) => line.trim())
		.find((line) => line !== '');
	const lineSpeakers =
		nextLine && nextLine.length <= 80
			? looksLikeSpeakers(nextLine.replace(/^(?:by|with|speakers?:)\s+/i, ''))
				? nextLine.replace(/^(?:by|with|speakers?:)\s+/i, '')
				: // (`Speaker: Ann Lee and the Acme team`: after `Speaker:`, the names up to the words that go on.)
					/^(?:by|speakers?:)\s/i.test(nextLine)
					? speakersAfter(nextLine)
					: null
			: null;
	// (`**Title** av *Ann Lee* handlade om…`: an emphasised name after the word for `by`.)
	const emphasisedBy = /^\s*(?:by|av|af|von|par|por|door)\s*$/i.test(inlineText(rest.slice(0, 1)))
		? rest[1]?.type === 'em' || rest[1]?.type === 'strong'
			? fold(inlineText([rest[1]!]))
			: null
		: null;
	// `**method_cache** - a subtitle, by Ann Lee. What it was about`: the subtitle after the dash is the title's too.
	const subtitled = split.speakers === null ? SUBTITLE_BY.exec(restText) : null;
	const subtitleSpeakers = subtitled ? speakersAfter(restText.slice(subtitled[0].length)) : null;
	if (
		subtitled &&
		subtitleSpeakers !== null &&
		/^\p{Lu}/u.test(subtitleSpeakers) &&
		subtitleSpeakers.split(' ').length <= 8
	) {
		split.title = `${split.title} - ${subtitled[1]!.trim()}`;
		split.speakers = subtitleSpeakers;
	}
	const speakers =
		split.speakers ??
		speakersAfter(restText.split('\n')[0]!) ??
		(emphasisedBy !== null && personScore(emphasisedBy) > 0 ? emphasisedBy : null) ??
		parenSpeakers ??
		lineSpeakers;
	// Without speakers, a parenthesised remark after the title is its note: `_Keynote_ (missed)`.
	const remark = speakers ? null : /^\s*\(([^()]*)\)\s*$/.exec(restText)?.[1]?.trim();
	const restLinks = allLinks(rest);
	const onlyArtifacts = restLinks.length > 0 && restLinks.every((link) => isArtifactLabel(inlineText(link.tokens)));
	const url = innerUrl ?? (restLinks[0] ? safeUrl(restLinks[0].href) : null);
	const plainRest = restText
		.replace(/\([^()]*\)/g, '')
		.replace(/[,\s]+/g, ' ')
		.trim();
	let evidence: Candidate['evidence'] = 'none';
	const recorded = /▣ (?:include\s+\S*video|youtube|vimeo|video)/i.test(restText) || isVideo(url);
	if (speakers !== null || isTalkPage(url) || ((onlyArtifacts || recorded) && isTitleLike(split.title)))
		evidence = 'talk';
	else if (isTitleLike(split.title) && (plainRest === '' || remark)) evidence = 'title';
	// `**Title** - what I made of it`: a title-shaped head before other words, a talk only beside talks.
	const lead = evidence === 'none' && split.title.includes(' ') && isTitleLike(split.title) && !isBreak(split.title);
	return {
		title: split.title,
		speakers,
		url,
		note: noteOf(rest.filter((token) => token.type === 'em')) ?? (remark || null),
		evidence,
		...(lead ? {linkedTitle: true} : {}),
	};
}
