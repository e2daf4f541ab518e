/**
 * Talks named in prose: a bold `**Title by Ann Lee**`, a quoted or italic title next to words that
 * say it is one (`the session called “X”`, `Ann Lee's *X*`, `*X*, delivered by Ann Lee`), a link to
 * a talk page (`Pete Hunt's talk on [React](…/sessions/react)`). A title in prose needs a cue
 * right beside it: quotes and emphasis alone are everywhere in prose.
 */
import type {Token, Tokens} from 'marked';
import {inlineText, inlineTokens, type SourceBlock} from '../../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../../markdown/sanitize.js';
import {isArtifactLabel, isBreak, isCallToAction, isTalkPage, isVideo, saysMissed} from './evidence.js';
import {splitTitle, stripQuotes} from './items.js';
import {namesAfterBy, peopleOf, personScore, speakersInText} from './people.js';
import type {PlacedCandidate} from './shapes.js';
import {looksLikeSpeakers} from './speakers.js';

const safeUrl = (href: string) => (isSafeUrl(href) ? sanitizeText(href.trim()) : null);
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Words right before a quoted or emphasised title that say it is a talk's. */
const CUE_BEFORE =
	/(?:\b(?:talks?|sessions?|keynotes?|presentations?|workshops?|tutorials?|demos?)(?:\s+(?:was|were|is|are|called|entitled|titled|named|on|about))?|\b(?:called|entitled|titled|named)|['’]s?|\btalked\s+about|\bspoke\s+(?:about|on)|\bpresented|\bgave)\s*$/i;

/** Words right after: `*X*, delivered by Ann`, `“X” by Ann`, `"X" talk`, `[X](…) workshop`. */
const CUE_WORD_AFTER =
	/^[\s,]*(?:(?:delivered|given|presented|hosted|led)\s+by\b|(?:talk|session|keynote|presentation|workshop|tutorial)\b)/iu;

/** `by Ann Lee` after a title: a capital after `by`, whatever the case of the rest (`by the fire` is no speaker). */
const BY_NAME_AFTER = /^[\s,]*[Bb]y\s+["“]?\p{Lu}/u;

const CUE_AFTER = {test: (text: string) => CUE_WORD_AFTER.test(text) || BY_NAME_AFTER.test(text)};

/** Words in the sentence that make it about reading, not talks. */
const OTHER_THINGS =
	/\b(?:book|books|novel|read|reading|author|podcast|episode|article|blog\s+post|takeaways?|quote|quoted|motto|mantra|buzzword|slogan|phrase|term|said|says|told|asked|stated|claimed|noted|joked)\b/i;

/**
 * `去听了《…》`, `听了阿里云关于《…》`, `一个硬件专题《…》`: in Chinese, having listened to it (or a talk's
 * word: 演讲, 分享, 讲座, 专题) a few characters before the title brackets; a book is `读了《…》`.
 */
const HEARD = /(?:[听聽]|演[讲講]|分享|[讲講]座|[专專][题題])[^，。！？,.!?;；《》\n]{0,8}$/u;

/** Having seen it, right before a quoted title: `I particularly enjoyed "X"`, `we attended "X"`. */
const ENJOYED = /\b(?:enjoyed|attended|watched|loved|liked|recommend|saw)\s*$/i;

/** A talk's noun somewhere before a `called`/`entitled`: `the session right before closing called “X”`. */
const TALK_NOUN = /\b(?:talks?|sessions?|keynotes?|presentations?|workshops?|tutorials?|panel)\b/i;

/** Link texts that are a call to action, never a title. */
const NOT_A_TITLE =
	/^(?:here|this|that|link|this\s+link|more|details|click\s+here|read\s+more|the\s+schedule|my\s+schedule|schedule|agenda|program(?:me)?|website|site|page)$/i;

/** The cue before a title: a talk word right before, or `called`/`entitled` after a talk word. */
function cueBefore(before: string): boolean {
	if (!CUE_BEFORE.test(before)) return false;
	// `sur conseil d'[Agnès H]`: a French elision (d', l', qu'), not a possessive.
	if (/(?<![\p{L}])(?:d|l|qu|j|n|m|s|t|c)['’]\s*$/iu.test(before)) return false;
	const named = /\b(?:called|entitled|titled|named)\s*$/i.exec(before);
	return !named || TALK_NOUN.test(before.slice(0, named.index));
}

/** Words before a title without the article at their end (`talk on the ` → `talk on `), by a scan. */
function withoutArticle(before: string): string {
	const trimmed = before.trimEnd();
	const space = trimmed.lastIndexOf(' ');
	return /^(?:the|an?)$/i.test(trimmed.slice(space + 1)) ? trimmed.slice(0, space + 1) : before;
}

/** A title that can stand in prose: a few words, starting with a letter or a digit. */
function isProseTitle(text: string): boolean {
	const words = text.split(/\s+/).filter(Boolean);
	return (
		words.length >= 1 &&
		words.length <= 16 &&
		text.length <= 140 &&
		/^[\p{L}\p{N}"“'‘]/u.test(text) &&
		!/[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(text)
	);
}

/** A title's own speaker in its run: `Title by Ann Lee`, `Title - Ann Lee, Bo Chan`. */
function splitRun(text: string): {title: string; speakers: string} | null {
	const by = text.lastIndexOf(' by ');
	// `**"Title" by Sig Cox, Jeanine Adkisson**`: a quoted title, then names by their shape.
	const quoted = by > 0 ? /^["“][^"“”]{2,200}["”]$/.test(text.slice(0, by).trim()) : false;
	const named = quoted ? peopleOf(text.slice(by + 4).trim()) : null;
	if (named) return {title: text.slice(0, by).trim(), speakers: text.slice(by + 4).trim()};
	if (by > 0) {
		const speakers = text
			.slice(by + 4)
			.trim()
			.replace(/,\s*[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*){0,3}$/u, '');
		if (
			personScore(speakers) === 2 ||
			(speakers.includes(' and ') && looksLikeSpeakers(speakers.replaceAll(' and ', ' & ')))
		)
			return {title: text.slice(0, by).trim(), speakers: speakers.replaceAll(' and ', ' & ')};
	}
	for (const separator of [' - ', ' – ', ' — ']) {
		const at = text.lastIndexOf(separator);
		if (at <= 0) continue;
		const speakers = text
			.slice(at + separator.length)
			.trim()
			.replace(/,? ?& ?/g, ' & ');
		if (looksLikeSpeakers(speakers)) return {title: text.slice(0, at).trim(), speakers};
	}
	return null;
}

/** The paragraph's inline tokens with each one's text offset, for the words around a span. */
type Span = {token: Token; start: number; end: number};

function spans(tokens: Token[]): {text: string; spans: Span[]} {
	let text = '';
	const list: Span[] = [];
	for (const token of tokens) {
		const part = token.type === 'br' ? '\n' : inlineText([token]);
		list.push({token, start: text.length, end: text.length + part.length});
		text += part;
	}
	return {text, spans: list};
}

/** The sentence around `start..end` of `text`, at most 300 characters either side (a paragraph with no full stop stays linear). */
function sentenceAround(text: string, start: number, end: number): string {
	const windowStart = Math.max(0, start - 300);
	const before = text.slice(windowStart, start);
	const from =
		windowStart +
		Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n\n')) +
		1;
	const rest = text.slice(end, end + 300);
	const stop = rest.search(/[.!?]["”’)]?(?:\s|$)/);
	return text.slice(from, stop === -1 ? end + rest.length : end + stop + 1);
}

/** The most talks one paragraph names: past it, it is not a paragraph a person wrote about talks. */
const MAX_PROSE_TALKS = 40;

/** Talks named in one prose paragraph. */
export function proseTalks(block: SourceBlock): PlacedCandidate[] {
	if (block.token.type !== 'paragraph') return [];
	const raw = block.token.raw;
	// Cheap test first: a paragraph without bold, emphasis, quotes or links names no talk this way.
	if (!/\*\*|__|[*_]\S|["“«《]|\]\(|\]\[/.test(raw)) return [];
	const tokens = inlineTokens(block.token);
	const titled = recordingThenName(tokens, block.line);
	if (titled) return [titled];
	const {text, spans: list} = spans(tokens);
	const found: PlacedCandidate[] = [];
	const lineOf = (needle: string) => {
		const at = raw.indexOf(needle.slice(0, 20));
		return block.line + (at === -1 ? 0 : countLines(raw.slice(0, at)));
	};
	const add = (title: string, speakers: string | null, url: string | null, at: number, lookAhead = true) => {
		const clean = stripQuotes(fold(title)).replace(/[.,;:]$/, '');
		if (clean === '' || found.length >= MAX_PROSE_TALKS || found.some((other) => other.title === clean)) return;
		const sentence = sentenceAround(text, at, at + title.length);
		// `I wanted to attend [X] as well but this talk won`: a talk passed over is a talk missed.
		const passedOver = /\b(?:wanted|hoped|meant|planned)\s+to\s+(?:attend|see|go\s+to|catch)\b/i.test(
			sentence.slice(0, Math.max(0, sentence.indexOf(clean.slice(0, 8)))),
		);
		found.push({
			title: clean,
			speakers: speakers ?? (lookAhead ? speakerAfter(text, at + title.length) : null),
			url,
			note: null,
			evidence: 'talk',
			line: lineOf(rawTextNear(raw, clean, at)),
			missed: passedOver || saysMissed(sentence, clean),
		});
	};
	let previousTitleEnd = -1;
	// A paragraph opening with a bold or italic person's name speaks of their talks.
	const opening = list[0]?.token;
	const openingName =
		opening && (opening.type === 'strong' || opening.type === 'em') ? fold(inlineText([opening])) : '';
	const speakerLead = openingName !== '' && personScore(openingName) > 0 ? openingName : null;
	for (const span of list) {
		const {token} = span;
		const before = text.slice(Math.max(0, span.start - 60), span.start);
		const after = text.slice(span.end, span.end + 120);
		const sentence = sentenceAround(text, span.start, span.end);
		// (A run of plain text holding quotes is judged a sentence at a time, below: it may be the whole paragraph.)
		const plain = token.type === 'text';
		if (!plain && OTHER_THINGS.test(sentence)) continue;
		const inner = fold(inlineText([token]));
		if (token.type === 'strong') {
			// `**Title by Ann Lee**`: a bold run with its speaker in it.
			const split = splitRun(inner);
			if (split && isProseTitle(split.title)) {
				add(split.title, split.speakers, null, span.start);
				previousTitleEnd = span.end;
			}
			continue;
		}
		if (token.type === 'link') {
			const link = token as Tokens.Link;
			const url = safeUrl(link.href);
			const label = stripQuotes(inner);
			// `[Stephen Wolfram's](…) talk`: a possessive name links the talk but names no title.
			if (
				label === '' ||
				isArtifactLabel(label) ||
				/['’]s?$/.test(label) ||
				label === link.href.trim() ||
				// `[Chris Hay](…)'s *Title*`: a person's name links the person.
				personScore(label) === 2 ||
				isBreak(label) ||
				// `a talk on [Gatekeeper](github.com/…)`: a project's code names the project, not the talk.
				(label === inner &&
					/^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|npmjs\.com|pypi\.org|crates\.io)\//i.test(
						url ?? '',
					)) ||
				/^['’]s\b/.test(after) ||
				NOT_A_TITLE.test(label) ||
				isCallToAction(label) ||
				isCallToAction(before.slice(-30).trim())
			)
				continue;
			// `…a fun session. [Title - Ann Lee, Acme](video)`: a recording or talk page whose text names
			// the talk and its speakers is one wherever the paragraph puts it (not a book's `Title - Author`).
			const recorded =
				isVideo(url) || isTalkPage(url) || /^https?:\/\/(?:[\w-]+\.)*(?:speakerdeck|slideshare)\./i.test(url ?? '');
			const titledBy = recorded ? labelWithSpeakers(inner) : null;
			if (titledBy && isProseTitle(titledBy.title)) {
				add(titledBy.title, titledBy.speakers, url, span.start);
				previousTitleEnd = span.end;
				continue;
			}
			const quoted = label !== inner;
			const cued = cueBefore(before) || CUE_AFTER.test(after);
			// A talk page linked in prose: quoted, beside a cue, or a capitalised title (`[DOMStep](…)`).
			const onTalkPage = isTalkPage(url) && (quoted || cued || /^\p{Lu}/u.test(label));
			// `**Noor Aziz** talked about [Title](…)`: a capitalised title after a talk cue, or after the bold
			// name of its speaker opening the paragraph.
			const titled = /^\p{Lu}/u.test(label) && label.includes(' ') && !isCallToAction(label);
			if (!(
				onTalkPage ||
				(quoted && cued) ||
				(cued && titled) ||
				(speakerLead !== null && titled) ||
				(CUE_AFTER.test(after) && /^\s*(?:workshop|talk|session)\b/i.test(after))
			))
				continue;
			// (A recording's title may ask and answer: `You know what's cool? Running on billions of devices`.)
			if (!isProseTitle(label) && !(recorded && label.split(/\s+/).length <= 16 && label.length <= 140)) continue;
			// `gave an [excellent talk][1] entitled "Don't Do This"`: the title is the quote that follows.
			const entitled = /^\s*(?:entitled|titled|called)\s+["“«]([^"”»]{2,120})["”»]/i.exec(after);
			if (entitled) {
				add(entitled[1]!, speakerNear(sentence, inner, ''), url, span.start);
				previousTitleEnd = span.end;
				continue;
			}
			// `Luke Miller’s [talk on developing an indie game]`: the talk noun is not part of the title.
			let title = label.replace(
				/^(?:(?:a|the|his|her|their)\s+)?(?:talk|session|presentation|keynote)\s+(?:on|about)\s+/i,
				'',
			);
			let speakers = speakerNear(sentence, inner, after) ?? speakerLead;
			// `[Andrea's Code Kata](…)`: a name's possessive in front of the title is its speaker.
			const possessive = /^(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)['’]s\s+(\S.*)$/u.exec(title);
			if (possessive && personScore(possessive[1]!) > 0) {
				speakers ??= possessive[1]!;
				title = possessive[2]!;
			}
			add(title, speakers, url, span.start);
			previousTitleEnd = span.end;
			continue;
		}
		if (token.type === 'em' || (token.type === 'text' && /["“«《]/.test(inner))) {
			// Offsets into the text as it is (`inner` has its spacing folded).
			for (const quote of token.type === 'em' ? [{title: inner, offset: 0}] : quotedIn(inlineText([token]))) {
				// (A title in Chinese brackets has no spaces: `《…》` marks a work's title outright.)
				const bracketed = quote.title.startsWith('《');
				const title = bracketed ? fold(quote.title.slice(1, -1)) : stripQuotes(fold(quote.title));
				if (!isProseTitle(title) || personScore(title) === 2 || (title.split(' ').length < 2 && !bracketed)) continue;
				// A lower-case quote is a title only when the words before say so (`talked about "…"`, `entitled "…"`).
				if (
					/^\p{Ll}/u.test(title) &&
					!/(?:entitled|titled|called|talked\s+about|talks?\s+(?:on|about))\s*$/i.test(
						text.slice(Math.max(0, span.start + quote.offset - 40), span.start + quote.offset),
					)
				)
					continue;
				const start = span.start + quote.offset;
				let own = plain ? sentenceAround(text, start, start + quote.title.length) : sentence;
				// (`presented “Title.” She stated…`: a full stop inside the closing quote ends the sentence.)
				if (plain && /[.!?]["”»]$/.test(quote.title)) own = own.slice(0, own.indexOf(quote.title) + quote.title.length);
				if (plain && OTHER_THINGS.test(own)) continue;
				const near = text.slice(Math.max(0, start - 60), start);
				const follows = text.slice(start + quote.title.length, start + quote.title.length + 60);
				// `"A" and "B"`: a second title right after a first one shares its cue.
				// (`"A," "B," and "C."`: the comma may stand inside the quotes, leaving only a space between.)
				const chained =
					previousTitleEnd !== -1 && /^(?:,?\s?(?:and|or)|,)?$/i.test(text.slice(previousTitleEnd, start).trim());
				// `I particularly enjoyed "A"` in a sentence about the sessions.
				const enjoyed = ENJOYED.test(near) && TALK_NOUN.test(own);
				// (`Ann Lee's talk on the *Title*`: an article after the cue, before an emphasised title.)
				const cued = cueBefore(near) || (token.type === 'em' && cueBefore(withoutArticle(near)));
				if (!(cued || CUE_AFTER.test(follows) || chained || enjoyed || (bracketed && HEARD.test(near)))) continue;
				// A possessive cue must be a person's: `Ann Lee's *Title*`, not `it's *great*`.
				if (
					/['’]s?$/.test(near.trimEnd()) &&
					!cueBefore(near.trimEnd().replace(/(?<!\S)\S*['’]s?$/, '')) &&
					!possessiveIsPerson(near)
				)
					continue;
				// The sentence after a pair of titles speaks of the first: the second takes no speaker from it.
				const speakers = bracketed ? chineseSpeaker(follows) : speakerNear(own, quote.title, follows);
				add(title, speakers, null, start, !chained);
				previousTitleEnd = start + quote.title.length;
			}
		}
	}
	return found;
}

/** `Title - Ann Lee, Acme`, `"Title" by Ann Lee`: a link's text naming a talk and who gave it. */
function labelWithSpeakers(text: string): {title: string; speakers: string} | null {
	const folded = fold(text);
	const quotedBy = /^["“]([^"“”]{2,160})["”]\s+by\s+["“]?([^"“”]{3,80}?)["”]?$/.exec(folded);
	if (quotedBy && personScore(quotedBy[2]!) > 0) return {title: quotedBy[1]!.trim(), speakers: quotedBy[2]!.trim()};
	const split = splitTitle(folded);
	return split.speakers === null || split.title === ''
		? null
		: {title: stripQuotes(split.title), speakers: split.speakers};
}

/**
 * `[Title](recording)` alone on the paragraph's first line and a person's name alone on the next,
 * whatever commentary follows: the talk and its speaker, as a schedule writes them.
 */
function recordingThenName(tokens: Token[], line: number): PlacedCandidate | null {
	const rows: Token[][] = [[]];
	for (const token of tokens) {
		if (token.type === 'br' || (token.type === 'text' && token.raw.includes('\n'))) {
			if (token.type === 'text') {
				const [head, ...rest] = token.raw.split('\n');
				if (head!.trim() !== '') rows.at(-1)!.push({...token, raw: head!, text: head!} as Token);
				rows.push([]);
				if (rows.length > 3) break;
				const tail = rest.join('\n');
				if (tail.trim() !== '') rows.at(-1)!.push({...token, raw: tail, text: tail} as Token);
			} else rows.push([]);
			if (rows.length > 3) break;
		} else rows.at(-1)!.push(token);
	}
	if (rows.length < 2) return null;
	const first = rows[0]!.filter((token) => token.raw.trim() !== '');
	const link = first.length === 1 && first[0]!.type === 'link' ? (first[0] as Tokens.Link) : null;
	const url = link ? safeUrl(link.href) : null;
	if (!link || !(isVideo(url) || isTalkPage(url))) return null;
	const title = stripQuotes(fold(inlineText(link.tokens)));
	const name = fold(inlineText(rows[1]!));
	if (!isProseTitle(title) || title.split(' ').length < 2 || personScore(title) === 2) return null;
	if (name.split(' ').length > 5 || /[.!?:;]$/.test(name) || personScore(name) === 0) return null;
	return {title, speakers: name, url, note: null, evidence: 'talk', line};
}

/** `“Title”` and `"Title"` inside a run of text, with where each starts. */
function quotedIn(text: string): Array<{title: string; offset: number}> {
	const found: Array<{title: string; offset: number}> = [];
	for (let at = 0; at < text.length; at++) {
		const open = text[at]!;
		const close = open === '“' ? '”' : open === '"' ? '"' : open === '«' ? '»' : open === '《' ? '》' : '';
		if (!close) continue;
		// Looked for within a title's length only: a run of opening quotes must not make this quadratic.
		const within = text.slice(at + 1, at + 152).indexOf(close);
		if (within === -1) continue;
		const end = at + 1 + within;
		found.push({title: text.slice(at, end + 1), offset: at});
		at = end;
	}
	return found;
}

/** The person whose possessive stands right before: `Chris Hay's`. */
function possessiveIsPerson(before: string): boolean {
	const words = before
		.trim()
		.replace(/['’]s?$/, '')
		.split(/\s+/)
		.slice(-3);
	for (let count = Math.min(3, words.length); count >= 2; count--)
		if (personScore(words.slice(-count).join(' ')) > 0) return true;
	return false;
}

/** The speaker named around a title in its sentence: `by Ann Lee` after it, else who the sentence says gave it. */
function speakerNear(sentence: string, title: string, after: string): string | null {
	const by = /^[\s,”"»]*(?:(?:was|were|is)\s+)?(?:(?:delivered|given|presented|hosted|led)\s+)?by\s+(.{3,120})/i.exec(
		after,
	);
	if (by) {
		// (`by "Ann Lee".`: the name may be quoted too.)
		by[1] = by[1]!.replace(/^["“]([^"”]{2,80})["”]/, '$1');
		const names = namesAfterBy(by[1]!);
		if (names.length > 0) return names.join(' & ');
		const named = speakersInText(`by ${by[1]}`)[0] ?? null;
		if (named) return named;
	}
	const at = sentence.indexOf(title);
	const lead = (at === -1 ? sentence : sentence.slice(0, at)).replace(/(?<![\s“"«*_[])[\s“"«*_[]+$/, '');
	// `Chris Hay's *Redis the New Black*`: the possessive right before the title.
	const possessive = /(?<!\S)((?:\p{Lu}[\p{L}'’.-]*\s){0,2}\p{Lu}[\p{L}.-]*)['’]s?$/u.exec(lead.slice(-80));
	if (possessive && personScore(possessive[1]!) > 0) {
		// `Watch Sandi Metz's talk`: the known name at the end, not the sentence's first word.
		const words = possessive[1]!.split(' ');
		const known = words.length > 2 ? words.slice(-2).join(' ') : null;
		return known !== null && personScore(known) === 2 && personScore(possessive[1]!) < 2 ? known : possessive[1]!;
	}
	// (`Kate Lee's well-researched talk on [Title]`: the adjectives between the name and the talk are allowed here.)
	const named = speakersInText(lead, 3, true);
	return named.at(-1) ?? sentenceSubject(lead);
}

/** `Ann Lee, an engineer at Acme, presented`, `Ann Lee from Acme gave a demo on`: the one who spoke opens the sentence. */
function sentenceSubject(lead: string): string | null {
	if (
		!/\b(?:(?:presented|gave|delivered)(?:\s+(?:a|an|the)\s+(?:\w+\s+)?(?:talk|demo|presentation|keynote|session|workshop)\s+(?:on|about|called|titled|entitled|named))?|talked\s+about|spoke\s+(?:about|on))\s*$/i.test(
			lead,
		)
	)
		return null;
	const subject = /^\s*(\p{Lu}[\p{L}'’-]{1,30}(?:\s\p{Lu}[\p{L}'’-]{1,30}){1,2})(?=[\s,])/u.exec(lead);
	if (!subject || personScore(subject[1]!) === 0) return null;
	// (Only the sentence's own subject: `Ann Lee, …, presented`, `Ann Lee from Acme gave`, not a name further in.)
	const rest = lead.slice(subject[0].length);
	return /^,|^\s?\(|^\s+(?:from|of|at)\s|^\s+(?:presented|gave|talked|spoke)\b/.test(rest) ? subject[1]! : null;
}

/** `…，是某公司CTO的丰俊文讲解的`, `韩拓讲的`: who gave it, in the clause after a Chinese title. */
function chineseSpeaker(after: string): string | null {
	const clause = after.slice(0, 60).split(/[。！？!?\n]/)[0]!;
	const said = /(?:^|[的，,\sA-Za-z])(\p{Script=Han}{2,3}?)(?:主讲|讲解|讲|主講|講解|講)的/u.exec(clause);
	return said && !/^(?:他们|她们|我们|大家|嘉宾|讲师|作者|老师|团队|他|她)/.test(said[1]!) ? said[1]! : null;
}

/** `This talk was given by Ann Lee`: the sentence after a title may name its speaker. */
function speakerAfter(text: string, end: number): string | null {
	const next = text
		.slice(end)
		.split(/(?<=[.!?])\s+/)
		.slice(0, 3)
		.join(' ');
	if (
		!/\b(?:talk|session|presentation|keynote)\b[^.]{0,40}?\b(?:given|presented|delivered|hosted|run)\s+by\b/i.test(next)
	)
		return null;
	return speakersInText(next)[0] ?? null;
}

/** Where the title's text starts in the raw paragraph (markup aside), for its line. */
function rawTextNear(raw: string, title: string, _offset: number): string {
	const probe = title.slice(0, 12);
	return raw.includes(probe) ? probe : (title.split(' ')[0] ?? title);
}

function countLines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
	return count;
}
