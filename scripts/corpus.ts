// Measures the post model on the corpus of real-shaped posts in test/corpus/posts: each post has a
// sidecar `.expected.yaml` with its topics and sessions; this prints precision and recall of both.
// `npm run corpus` prints the figures and every miss; test/corpus/corpus.test.ts holds the target.
import {readdirSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse as parseYaml} from 'yaml';
import {parsePost} from '../src/posts/parse-post.js';

/** What a post is expected to yield. */
type Expected = {
	shape?: string;
	topics: string[];
	sessions: Array<{title: string; speakers?: string | null; missed?: boolean}>;
};

/** Counts for one measure: found and right, found, expected. */
export type Tally = {hits: number; found: number; expected: number};

export type CorpusReport = {
	posts: number;
	topics: Tally;
	sessions: Tally;
	/** Of the sessions found and expected, how many have the expected speakers. */
	speakers: Tally;
	/** Of the sessions found, how many point at a body line that holds their title (the jump target). */
	lines: Tally;
	/** One line per miss: `file: extra session "x"`, `file: missing topic "y"`. */
	misses: string[];
	shapes: string[];
};

export const CORPUS_DIR = fileURLToPath(new URL('../test/corpus/posts', import.meta.url));

const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Matches found names against expected ones as multisets; returns hits and the misses both ways. */
function compare(found: string[], expected: string[]): {hits: number; extra: string[]; missing: string[]} {
	const left = [...expected.map(key)];
	const extra: string[] = [];
	let hits = 0;
	for (const name of found) {
		const at = left.indexOf(key(name));
		if (at === -1) extra.push(name);
		else {
			hits++;
			left.splice(at, 1);
		}
	}
	return {hits, extra, missing: left};
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Reads every post of the corpus and scores topics, sessions and speakers. */
export function scoreCorpus(dir = CORPUS_DIR): CorpusReport {
	const report: CorpusReport = {posts: 0, topics: {hits: 0, found: 0, expected: 0}, sessions: {hits: 0, found: 0, expected: 0}, speakers: {hits: 0, found: 0, expected: 0}, lines: {hits: 0, found: 0, expected: 0}, misses: [], shapes: []};
	for (const file of readdirSync(dir).filter(name => /\.(md|markdown)$/.test(name)).sort()) {
		const name = basename(file).replace(/\.(md|markdown)$/, '');
		const expected = parseYaml(readFileSync(join(dir, `${name}.expected.yaml`), 'utf8')) as Expected;
		const post = parsePost({text: readFileSync(join(dir, file), 'utf8'), id: file, path: join(dir, file), displayPath: file});
		report.posts++;
		if (expected.shape) report.shapes.push(`${file}: ${expected.shape}`);
		const topics = compare(
			post.topics.filter(topic => topic.kind !== 'whole').map(topic => topic.name),
			expected.topics ?? [],
		);
		report.topics.hits += topics.hits;
		report.topics.found += post.topics.filter(topic => topic.kind !== 'whole').length;
		report.topics.expected += (expected.topics ?? []).length;
		for (const extra of topics.extra) report.misses.push(`${file}: extra topic ${JSON.stringify(extra)}`);
		for (const missing of topics.missing) report.misses.push(`${file}: missing topic ${JSON.stringify(missing)}`);
		const wanted = expected.sessions ?? [];
		const sessions = compare(post.sessions.map(session => session.title), wanted.map(session => session.title));
		report.sessions.hits += sessions.hits;
		report.sessions.found += post.sessions.length;
		report.sessions.expected += wanted.length;
		for (const extra of sessions.extra) report.misses.push(`${file}: extra session ${JSON.stringify(extra)}`);
		for (const missing of sessions.missing) report.misses.push(`${file}: missing session ${JSON.stringify(missing)}`);
		const bodyLines = post.body.split('\n');
		for (const session of post.sessions) {
			report.lines.found++;
			report.lines.expected++;
			const start = key(session.title).slice(0, 12);
			if (key(bodyLines[session.line - 1] ?? '').includes(start)) report.lines.hits++;
			else report.misses.push(`${file}: session ${JSON.stringify(session.title)} points at line ${session.line}: ${JSON.stringify(bodyLines[session.line - 1] ?? '')}`);
		}
		for (const want of wanted) {
			const got = post.sessions.find(session => key(session.title) === key(want.title));
			if (!got) continue;
			report.speakers.expected++;
			report.speakers.found++;
			if ((got.speakers ?? null) === (want.speakers ?? null) && (want.missed === undefined || want.missed === got.missed)) report.speakers.hits++;
			else report.misses.push(`${file}: session ${JSON.stringify(want.title)} has speakers ${JSON.stringify(got.speakers)} missed=${got.missed}, expected ${JSON.stringify(want.speakers ?? null)}${want.missed === undefined ? '' : ` missed=${want.missed}`}`);
		}
	}
	return report;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The figures as printed by `npm run corpus`. */
export function formatReport(report: CorpusReport): string {
	const line = (label: string, tally: Tally) =>
		`${label.padEnd(9)} precision ${percent(ratio(tally.hits, tally.found)).padStart(6)}  recall ${percent(ratio(tally.hits, tally.expected)).padStart(6)}  (${tally.hits} right of ${tally.found} found, ${tally.expected} expected)`;
	return [
		`corpus: ${report.posts} posts`,
		line('topics', report.topics),
		line('sessions', report.sessions),
		`speakers  ${percent(ratio(report.speakers.hits, report.speakers.expected))} of matched sessions have the expected speakers and missed flag`,
		`lines     ${percent(ratio(report.lines.hits, report.lines.found))} of found sessions point at the line that holds their title`,
		...(report.misses.length > 0 ? ['', 'misses:', ...report.misses.map(miss => `  ${miss}`)] : []),
	].join('\n');
}

if (process.argv[1]?.endsWith('corpus.ts')) {
	const report = scoreCorpus();
	console.log(formatReport(report));
	if (process.argv.includes('--shapes')) console.log(['', 'shapes:', ...report.shapes.map(shape => `  ${shape}`)].join('\n'));
}
