// Measures talk detection and topics on labelled posts, and prints every miss by file and line:
//
// - test/corpus/posts: posts written here in real shapes, each with a sidecar `.expected.yaml`;
// - ../shared/corpus/real (beside the repository): real posts from many blogs, labelled by reading
//   in LABELS.json (its README says how); skipped with a note when the folder is absent;
// - KUBECON_NOTES_CORPUS_EXTRA=DIR: another folder in the LABELS.json format (a held-out set).
//   Only its figures are printed: its misses name its posts, and reading them would tune the code
//   to it (`--extra-misses` prints them for whoever labels it).
//
// `npm run corpus` prints the figures; `npm run corpus -- --record` writes them to
// test/corpus/figures.json, which test/corpus/corpus.test.ts holds as a floor (a ratchet).
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse as parseYaml} from 'yaml';
import {decodeEntities} from '../src/markdown/index.js';
import {parsePost} from '../src/posts/parse-post.js';
import type {Post} from '../src/posts/types.js';

/** Counts for one measure: found and right, found, expected. */
export type Tally = {hits: number; found: number; expected: number};

/** One thing the detector got wrong, where it is. */
export type Miss = {file: string; line: number | null; text: string};

export type CorpusReport = {
	name: string;
	posts: number;
	/** Talks found that match a labelled one (by title), all found, all labelled. */
	talks: Tally;
	/** Of the matched talks with speakers labelled or found: how many have the labelled people. */
	speakers: Tally;
	/** Of the matched talks: how many have the labelled missed flag. */
	missed: Tally;
	/** Labelled topics (headings that are not talks) found among the post's topics. */
	topics: Tally;
	/** Of the talks found, how many point at a line that holds their title (the jump target). */
	lines: Tally;
	misses: Miss[];
};

/** The figures the ratchet keeps, as fractions. */
export type Figures = {
	precision: number;
	recall: number;
	speakers: number;
	missed: number;
	topics: number;
	lines: number;
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS_DIR = join(ROOT, 'test/corpus/posts');
/** The shared real corpus, at the same place beside the repository here and in CI. */
export const REAL_DIR = resolve(ROOT, '../shared/corpus/real');
export const FIGURES_FILE = join(ROOT, 'test/corpus/figures.json');
export const EXTRA_VARIABLE = 'KUBECON_NOTES_CORPUS_EXTRA';

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

const tally = (): Tally => ({hits: 0, found: 0, expected: 0});

function emptyReport(name: string): CorpusReport {
	return {
		name,
		posts: 0,
		talks: tally(),
		speakers: tally(),
		missed: tally(),
		topics: tally(),
		lines: tally(),
		misses: [],
	};
}

/**
 * A title as compared: case, quotes, dashes and punctuation aside (`“Title”` and `Title` are one
 * talk; the labels strip quotes and link syntax).
 */
export function titleKey(text: string): string {
	// Markup is not title text (one label keeps `<del>…</del>`), and a label may keep an entity
	// (`O&#8217;Sullivan`) that the post shows as a character.
	return decodeEntities(text.replace(/<\/?[a-z][^<>]{0,100}>/gi, ''))
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** A person's name as compared: case and punctuation aside. */
const personKey = titleKey;

/** A found talk, as the scorers read it. */
type FoundTalk = {title: string; line: number; people: string[]; speakers: string | null; missed: boolean};
/** A labelled talk: people as a list (LABELS.json) or the speaker string as written (sidecars). */
type WantedTalk = {title: string; line: number | null; people?: string[]; speakers?: string | null; missed?: boolean};

/** Pairs found talks with wanted ones by title (each used once, nearest line first). */
function pair(
	found: FoundTalk[],
	wanted: WantedTalk[],
): {pairs: Array<[FoundTalk, WantedTalk]>; extra: FoundTalk[]; missing: WantedTalk[]} {
	const left = [...wanted];
	const pairs: Array<[FoundTalk, WantedTalk]> = [];
	const extra: FoundTalk[] = [];
	for (const talk of found) {
		const key = titleKey(talk.title);
		let best = -1;
		left.forEach((want, index) => {
			if (titleKey(want.title) !== key) return;
			const distance = Math.abs((want.line ?? talk.line) - talk.line);
			if (best === -1 || distance < Math.abs((left[best]!.line ?? talk.line) - talk.line)) best = index;
		});
		if (best === -1) extra.push(talk);
		else pairs.push([talk, left.splice(best, 1)[0]!]);
	}
	return {pairs, extra, missing: left};
}

function sameSet(a: string[], b: string[]): boolean {
	const left = a.map(personKey).sort();
	const right = b.map(personKey).sort();
	return left.length === right.length && left.every((value, index) => value === right[index]);
}

function scorePost(report: CorpusReport, post: Post, file: string, wanted: WantedTalk[], topics: string[]): void {
	report.posts++;
	const lineOf = (bodyLine: number) => bodyLine + post.loadBody().bodyLineOffset;
	const found: FoundTalk[] = post.loadBody().sessions.map((session) => ({
		title: session.title,
		line: session.fileLine,
		people: session.people,
		speakers: session.speakers,
		missed: session.missed,
	}));
	const {pairs, extra, missing} = pair(found, wanted);
	report.talks.hits += pairs.length;
	report.talks.found += found.length;
	report.talks.expected += wanted.length;
	const miss = (line: number | null, text: string) => report.misses.push({file, line, text});
	for (const talk of extra)
		miss(
			talk.line,
			`extra talk ${JSON.stringify(talk.title)}${talk.speakers ? ` by ${JSON.stringify(talk.speakers)}` : ''}`,
		);
	for (const want of missing) miss(want.line, `missing talk ${JSON.stringify(want.title)}`);
	for (const [got, want] of pairs) {
		report.missed.found++;
		report.missed.expected++;
		if (got.missed === (want.missed ?? false)) report.missed.hits++;
		else
			miss(
				got.line,
				`talk ${JSON.stringify(want.title)} missed=${got.missed}, labelled missed=${want.missed ?? false}`,
			);
		const right =
			want.people !== undefined ? sameSet(got.people, want.people) : (got.speakers ?? null) === (want.speakers ?? null);
		const hasSpeakers =
			want.people !== undefined
				? want.people.length > 0 || got.people.length > 0
				: want.speakers != null || got.speakers !== null;
		if (!hasSpeakers) continue;
		report.speakers.found++;
		report.speakers.expected++;
		if (right) report.speakers.hits++;
		else {
			const gotText = want.people !== undefined ? JSON.stringify(got.people) : JSON.stringify(got.speakers);
			const wantText = want.people !== undefined ? JSON.stringify(want.people) : JSON.stringify(want.speakers ?? null);
			miss(got.line, `talk ${JSON.stringify(want.title)} has speakers ${gotText}, labelled ${wantText}`);
		}
	}
	// Every talk keeps its line: the search panel jumps there.
	const bodyLines = post.loadBody().body.split('\n');
	for (const session of post.loadBody().sessions) {
		report.lines.found++;
		report.lines.expected++;
		const start = titleKey(session.title).slice(0, 12);
		const text = titleKey(bodyLines[session.line - 1] ?? '');
		// (A title wrapped in its paragraph starts on its line and goes on to the next one.)
		const wrapped = titleKey(`${bodyLines[session.line - 1] ?? ''} ${bodyLines[session.line] ?? ''}`).indexOf(start);
		if (text.includes(start) || (wrapped !== -1 && wrapped < text.length)) report.lines.hits++;
		else miss(lineOf(session.line), `talk ${JSON.stringify(session.title)} points at a line without its title`);
	}
	const names = post
		.loadBody()
		.topics.filter((topic) => topic.kind !== 'whole')
		.map((topic) => titleKey(topic.name));
	report.topics.expected += topics.length;
	report.topics.found += topics.length;
	for (const topic of topics) {
		const at = names.indexOf(titleKey(topic));
		if (at === -1) miss(null, `missing topic ${JSON.stringify(topic)}`);
		else {
			report.topics.hits++;
			names.splice(at, 1);
		}
	}
}

function readPost(dir: string, file: string): Post {
	const path = join(dir, file);
	return parsePost({text: readFileSync(path, 'utf8'), id: file, path, displayPath: file});
}

/** What a sidecar `.expected.yaml` of test/corpus says a post yields. */
type Sidecar = {
	shape?: string;
	topics?: string[];
	sessions?: Array<{title: string; speakers?: string | null; missed?: boolean}>;
};

/** test/corpus/posts: each post beside its `.expected.yaml`. */
export function scoreFixtures(dir = CORPUS_DIR): CorpusReport {
	const report = emptyReport('test/corpus');
	for (const file of readdirSync(dir)
		.filter((name) => /\.(md|markdown)$/.test(name))
		.sort()) {
		const name = basename(file).replace(/\.(md|markdown)$/, '');
		const expected = (parseYaml(readFileSync(join(dir, `${name}.expected.yaml`), 'utf8')) ?? {}) as Sidecar;
		const wanted = (expected.sessions ?? []).map((session) => ({
			title: session.title,
			line: null,
			speakers: session.speakers ?? null,
			...(session.missed === undefined ? {} : {missed: session.missed}),
		}));
		scorePost(report, readPost(dir, file), file, wanted, expected.topics ?? []);
	}
	return report;
}

/** One post of a LABELS.json. */
type Label = {
	file: string;
	talks: Array<{title: string; speakers: string[]; missed: boolean; line: number}>;
	topics?: string[];
};

/** A folder of real posts labelled in LABELS.json, or null when it is not there. */
export function scoreLabelled(dir: string, name: string): CorpusReport | null {
	const labels = join(dir, 'LABELS.json');
	if (!existsSync(labels)) return null;
	const report = emptyReport(name);
	for (const label of JSON.parse(readFileSync(labels, 'utf8')) as Label[]) {
		const wanted = label.talks.map((talk) => ({
			title: talk.title,
			line: talk.line,
			people: talk.speakers,
			missed: talk.missed,
		}));
		scorePost(report, readPost(dir, label.file), label.file, wanted, label.topics ?? []);
	}
	return report;
}

export function figuresOf(report: CorpusReport): Figures {
	return {
		precision: ratio(report.talks.hits, report.talks.found),
		recall: ratio(report.talks.hits, report.talks.expected),
		speakers: ratio(report.speakers.hits, report.speakers.expected),
		missed: ratio(report.missed.hits, report.missed.expected),
		topics: ratio(report.topics.hits, report.topics.expected),
		lines: ratio(report.lines.hits, report.lines.found),
	};
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(6);

/** The figures as printed by `npm run corpus`, with the misses unless asked not to. */
export function formatReport(report: CorpusReport, options: {misses?: boolean} = {}): string {
	const figures = figuresOf(report);
	const {talks, speakers, missed, topics, lines} = report;
	const rows = [
		`${report.name}: ${report.posts} posts`,
		`  talks     precision ${percent(figures.precision)}  recall ${percent(figures.recall)}  (${talks.hits} right of ${talks.found} found, ${talks.expected} labelled)`,
		`  speakers  ${percent(figures.speakers)} of matched talks with speakers have the labelled people (${speakers.hits} of ${speakers.expected})`,
		`  missed    ${percent(figures.missed)} of matched talks have the labelled missed flag (${missed.hits} of ${missed.expected})`,
		`  topics    recall ${percent(figures.topics)}  (${topics.hits} of ${topics.expected} labelled topics)`,
		`  lines     ${percent(figures.lines)} of found talks point at the line holding their title (${lines.hits} of ${lines.found})`,
	];
	if (options.misses !== false && report.misses.length > 0) {
		const sorted = [...report.misses].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
		rows.push(
			'  misses:',
			...sorted.map((miss) => `    ${miss.file}${miss.line === null ? '' : `:${miss.line}`}: ${miss.text}`),
		);
	}
	return rows.join('\n');
}

/** The recorded floor: one set of figures per corpus. */
export type RecordedFigures = Partial<Record<'fixtures' | 'real', Figures>>;

export function readRecorded(): RecordedFigures {
	return existsSync(FIGURES_FILE) ? (JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as RecordedFigures) : {};
}

/** Figures rounded down to 0.1%: what the file keeps, so a rounding step never fails the ratchet. */
export function floorFigures(figures: Figures): Figures {
	const floor = (value: number) => Math.floor(value * 1000) / 1000;
	return {
		precision: floor(figures.precision),
		recall: floor(figures.recall),
		speakers: floor(figures.speakers),
		missed: floor(figures.missed),
		topics: floor(figures.topics),
		lines: floor(figures.lines),
	};
}

/** Figures below the recorded floor, as `real recall 91.2% < 93.0%` lines. */
export function belowFloor(name: string, figures: Figures, floor: Figures | undefined): string[] {
	if (!floor) return [];
	return (Object.keys(floor) as Array<keyof Figures>)
		.filter((key) => figures[key] + 1e-9 < floor[key])
		.map((key) => `${name} ${key} ${percent(figures[key]).trim()} < recorded ${percent(floor[key]).trim()}`);
}

if (process.argv[1]?.endsWith('corpus.ts')) {
	const argv = process.argv.slice(2);
	const fixtures = scoreFixtures();
	console.log(formatReport(fixtures));
	const real = scoreLabelled(REAL_DIR, '../shared/corpus/real');
	console.log('');
	console.log(
		real ? formatReport(real) : `../shared/corpus/real: not found at ${REAL_DIR}; the real corpus is skipped`,
	);
	const extraDir = process.env[EXTRA_VARIABLE];
	if (extraDir) {
		const extra = scoreLabelled(resolve(extraDir), `${EXTRA_VARIABLE}=${extraDir}`);
		console.log('');
		console.log(
			extra
				? formatReport(extra, {misses: argv.includes('--extra-misses')})
				: `${extraDir}: no LABELS.json there; skipped`,
		);
	}
	const recorded = readRecorded();
	const falls = [
		...belowFloor('test/corpus', figuresOf(fixtures), recorded.fixtures),
		...(real ? belowFloor('real', figuresOf(real), recorded.real) : []),
	];
	if (argv.includes('--record')) {
		// A figure never falls in the record: the ratchet only moves up.
		const raise = (now: Figures, before: Figures | undefined): Figures => {
			const floored = floorFigures(now);
			if (!before) return floored;
			return Object.fromEntries(
				(Object.keys(floored) as Array<keyof Figures>).map((key) => [key, Math.max(floored[key], before[key] ?? 0)]),
			) as Figures;
		};
		if (falls.length > 0) {
			console.error(
				['', 'not recorded: figures fell below the record:', ...falls.map((fall) => `  ${fall}`)].join('\n'),
			);
			process.exitCode = 1;
		} else {
			const next: RecordedFigures = {
				fixtures: raise(figuresOf(fixtures), recorded.fixtures),
				...(real ? {real: raise(figuresOf(real), recorded.real)} : recorded.real ? {real: recorded.real} : {}),
			};
			writeFileSync(FIGURES_FILE, `${JSON.stringify(next, null, '\t')}\n`);
			console.log(`\nrecorded in ${FIGURES_FILE}`);
		}
	} else if (falls.length > 0) {
		console.log(['', 'below the recorded figures:', ...falls.map((fall) => `  ${fall}`)].join('\n'));
	}
}
