import {Lexer, type Token, type Tokens} from 'marked';
import {inlineText, inlineTokens, type SourceBlock} from '../../markdown/index.js';
import {isSafeUrl, sanitizeText} from '../../markdown/sanitize.js';
import {isArtifactLabel, isTalkPage, isTitleLike, isVideo} from './evidence.js';
import {findLink, noteOf, readCandidate, splitTitle, type Candidate} from './items.js';
import {peopleOf, personScore} from './people.js';
import {looksLikeSpeakers} from './speakers.js';

/** A talk found outside a bullet list, with the body line it starts on. */
export type PlacedCandidate = Candidate & {line: number};

/** `Speakers: Ann Lee, Acme`, `*Speaker: Bo Chan, Initech*`, `by Ann Lee`, `Presented by …`. */
// Also as other languages write it: `Orador:`, `Ponente:`, `Intervenant :`, `Sprecher:`, `講者：`, `登壇者：`.
const SPEAKERS_LINE =
	/^\s*(?:speakers?|presenters?|presented\s+by|by|with|oradora?e?s?|ponentes?|palestrantes?|intervenante?s?|conférencier|conférencière|referent(?:in)?|sprecher(?:in)?|講者|讲者|演講者|演讲者|演讲人|演講人|主讲人|主講人|分享人|分享者|発表者|登壇者|スピーカー|(?:who|hvem|vem|wer|qui)(?=\s*[:：]))(?:\s*[:：]\s*|\s+)(\S.*)$/i;

function lexLine(text: string): Token[] {
	return Lexer.lexInline(text, {gfm: true});
}

function safeUrl(href: string | undefined): string | null {
	return href !== undefined && isSafeUrl(href) ? sanitizeText(href.trim()) : null;
}

/** The text of a heading or paragraph that follows a talk heading, when it names the speakers. */
export function speakersLine(block: SourceBlock | undefined): string | null {
	if (!block || (block.token.type !== 'paragraph' && block.token.type !== 'heading')) return null;
	// The source's first line, markup aside, must start like a speakers line before anything is lexed.
	if (!SPEAKERS_LINE.test(block.token.raw.split('\n')[0]!.replace(/^[\s#*_>]+/, ''))) return null;
	const first = inlineText(inlineTokens(block.token)).split('\n')[0]!.trim();
	const match = SPEAKERS_LINE.exec(first);
	if (!match) return null;
	// `by` and `with` start sentences too (`With my talk finished, …`): then only names may follow.
	if (/^\s*(?:by|with)\b/i.test(first)) {
		const rest = match[1]!.replace(/[.;]$/, '').trim();
		if (!looksLikeSpeakers(rest) && !(peopleOf(rest)?.score === 2) && !/^\[?@/.test(rest)) return null;
	}
	return trimSpeakers(match[1]!);
}

function trimSpeakers(text: string): string | null {
	const speakers = text.replace(/[.;]$/, '').trim();
	return speakers !== '' && speakers.split(/\s+/).length <= 16 ? speakers : null;
}

/** `[Dana Kerr][kerr], [Sam Oyelaran][oyelaran]`: a first line of linked names only, under a talk heading. */
function linkedNames(block: SourceBlock | undefined): string | null {
	if (!block || block.token.type !== 'paragraph' || !block.token.raw.startsWith('[')) return null;
	const firstLine = inlineTokens(block.token);
	const cut = firstLine.findIndex((token) => token.type === 'text' && token.raw.includes('\n'));
	const line = cut === -1 ? firstLine : firstLine.slice(0, cut);
	const links = line.filter((token) => token.type === 'link');
	const between = line
		.filter((token) => token.type !== 'link')
		.map((token) => token.raw)
		.join('');
	if (links.length === 0 || between.replace(/\band\b/g, '').replace(/[\s,&]/g, '') !== '') return null;
	const names = links.map((link) => inlineText((link as Tokens.Link).tokens).trim());
	// A linked name is a person's page: the shape of a name is enough.
	return names.every((name) => personScore(name) > 0) ? names.join(', ') : null;
}

/** Speakers named right below a talk heading: a `Speakers:` line or a line of linked names. */
export function speakersBelow(block: SourceBlock | undefined): string | null {
	return speakersLine(block) ?? linkedNames(block);
}

/**
 * A heading that is one talk: its text has a speaker-shaped tail (`## Title - Ann Lee, Acme`), it
 * links to a talk page, or the next block names its speakers (`Speakers: …`).
 */
export function headingTalk(heading: SourceBlock, next: SourceBlock | undefined): PlacedCandidate | null {
	const tokens = inlineTokens(heading.token);
	const text = inlineText(tokens)
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[:：]$/, '');
	if (text === '') return null;
	const link = findLink(tokens);
	const url = link ? safeUrl(link.href) : null;
	const split = splitTitle(text);
	const following = speakersBelow(next);
	// A level-1 heading is most often the post's own title: it needs a speakers line to be a talk.
	if (split.speakers !== null && following === null && (heading.token as Tokens.Heading).depth > 1)
		return {...split, url, note: null, evidence: 'talk', line: heading.line};
	if (following !== null && isTitleLike(split.title.replace(/^[^\p{L}\p{N}]+/u, '') || 'x')) {
		return {title: text, speakers: following, url, note: null, evidence: 'talk', line: heading.line};
	}
	if (isTalkPage(url) && isTitleLike(text))
		return {title: text, speakers: null, url, note: null, evidence: 'talk', line: heading.line};
	return null;
}

/** A line that may be a talk by itself: it holds a link, or a `by` / dash before a name. */
const TALK_LINE_HINT = /\]\(|\]\[|https?:\/\/|\sby\s|\s[-–—]\s/i;
const TALK_PARAGRAPH_HINT = /\]\(|\]\[|https?:\/\/|\bby\s|\s[-–—]\s|^\s*(?:\*\*|__)/i;

/**
 * Talks written as paragraphs: `**[Title](https://…sched.com/…)**<br/>` + `by Speaker, Org`, a
 * paragraph of talk links one per line, or (under a talks heading) `Speaker - Title` lines.
 */
export function paragraphTalks(block: SourceBlock, underTalksHeading: boolean): PlacedCandidate[] {
	const rows = block.token.raw.trimEnd().split('\n');
	// Cheap tests on the source first: most paragraphs are prose and need no inline lexing.
	if (rows.length > 1 && rows.every((row) => row.trim() === '' || TALK_LINE_HINT.test(row))) {
		const perLine = rows.map((row, index) => ({
			row,
			index,
			candidate: row.trim() === '' ? null : readCandidate(lexLine(row)),
		}));
		const talks = perLine.filter((entry) => entry.candidate?.evidence === 'talk');
		if (talks.length >= 2 && talks.length === perLine.filter((entry) => entry.row.trim() !== '').length) {
			return talks.map((entry) => ({...entry.candidate!, line: block.line + entry.index}));
		}
	}
	if (rows.length <= 4 && TALK_PARAGRAPH_HINT.test(block.token.raw)) {
		const whole = readCandidate(inlineTokens(block.token));
		if (whole?.evidence === 'talk' && (whole.speakers !== null || rows.length === 1))
			return [{...whole, line: block.line}];
	}
	return underTalksHeading ? speakerFirstLines(rows, block.line) : [];
}

/** `Ann Lee, Acme - Title` lines (the speaker first), under a heading that announces talks. */
function speakerFirstLines(rows: string[], line: number): PlacedCandidate[] {
	const found: PlacedCandidate[] = [];
	rows.forEach((row, index) => {
		const tokens = lexLine(row.replace(/<br\s*\/?>\s*$/i, ''));
		const text = inlineText(tokens).replace(/\s+/g, ' ').trim();
		const match = /^(\S.*?)\s[-–—:]\s+(\S.*)$/.exec(text);
		if (!match) return;
		const [, head, tail] = match;
		const link = findLink(tokens);
		if (looksLikeSpeakers(head!) && !looksLikeSpeakers(tail!) && isTitleLike(tail!)) {
			found.push({
				title: tail!,
				speakers: head!,
				url: link ? safeUrl(link.href) : null,
				note: null,
				evidence: 'talk',
				line: line + index,
			});
		} else {
			const candidate = readCandidate(tokens);
			if (candidate?.evidence === 'talk') found.push({...candidate, line: line + index});
		}
	});
	return found;
}

/** A column that names talks by itself; `Title` and `Topic` need more from the row. */
const TALK_COLUMN = /\b(?:talks?|sessions?|presentations?|keynotes?)\b/i;
const TITLE_COLUMN = /\b(?:talks?|titles?|sessions?|presentations?|keynotes?|topics?)\b/i;
const SPEAKER_COLUMN = /\b(?:speakers?|presenters?|by|who|people|hosts?)\b/i;
const NOTE_COLUMN = /\b(?:notes?|comments?|status|verdict|thoughts|rating|remarks?|attended)\b/i;

/** A table with a title column and a speaker column (or talk-page links): one talk per row. */
export function tableTalks(block: SourceBlock, forced = false): PlacedCandidate[] {
	const table = block.token as Tokens.Table;
	const header = table.header.map((cell) => cell.text);
	// A column named for talks in a word or three (`Talk`, `Session title`), not `shape of the talks`.
	const short = (text: string) => text.trim().split(/\s+/).length <= 3;
	const talkColumn = header.findIndex((text) => short(text) && TALK_COLUMN.test(text));
	const namedColumn =
		talkColumn !== -1 ? talkColumn : header.findIndex((text) => short(text) && TITLE_COLUMN.test(text));
	// Marked `{: .talks}` by its author: the first column is the title when no header says which.
	const titleColumn = namedColumn === -1 && forced ? 0 : namedColumn;
	const speakerColumn = header.findIndex((text, index) => index !== titleColumn && SPEAKER_COLUMN.test(text));
	const noteColumn = header.findIndex(
		(text, index) => index !== titleColumn && index !== speakerColumn && NOTE_COLUMN.test(text),
	);
	if (titleColumn === -1) return [];
	const found: PlacedCandidate[] = [];
	table.rows.forEach((row, index) => {
		const cell = (column: number) => (column === -1 || !row[column] ? [] : lexLine(row[column]!.text));
		const titleTokens = cell(titleColumn);
		const link = findLink(titleTokens);
		const url = link ? safeUrl(link.href) : null;
		const text = inlineText(titleTokens).replace(/\s+/g, ' ').trim();
		const split = speakerColumn === -1 ? splitTitle(text) : {title: text, speakers: null};
		const title = split.title;
		const speakers = inlineText(cell(speakerColumn)).replace(/\s+/g, ' ').trim() || split.speakers;
		const rowLinks = row
			.flatMap((other) => lexLine(other.text))
			.filter((token) => token.type === 'link') as Tokens.Link[];
		const hasTalkLinks = rowLinks.some(
			(other) =>
				isTalkPage(safeUrl(other.href)) || isVideo(safeUrl(other.href)) || isArtifactLabel(inlineText(other.tokens)),
		);
		// The attribute list itself, lexed as a last row.
		if (title === '' || title.startsWith('{:')) return;
		if (
			!forced &&
			!(speakerColumn !== -1 || talkColumn !== -1 || split.speakers !== null || isTalkPage(url) || hasTalkLinks)
		)
			return;
		found.push({
			title,
			speakers,
			url,
			note: noteOf(cell(noteColumn)),
			evidence: 'talk',
			line: block.line + 2 + index,
			...(link?.href.trim().startsWith('#') ? {anchor: true} : {}),
		});
	});
	return found;
}
