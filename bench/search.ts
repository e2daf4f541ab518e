import {createSessionIndex} from '../src/search/session-index.js';
import {searchText, type TextResult} from '../src/search/text-search.js';
import {generateSessions} from '../test/search/fixtures.js';
import {generateTextPosts} from '../test/search/text-fixtures.js';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile} from './stats.js';

/** Queries typed a character at a time, as a person searches: names, companies, typos, days. */
const QUERIES = [
	'scaling etcd',
	'zieba',
	'deep dive gitops',
	'datadog',
	'room full',
	'observabilty',
	'day 3 security',
	'lukasz nowak',
	'webassembly production',
];

/** Text typed into / over a big library, a character at a time: words, names, a phrase, a miss. */
const TEXT_QUERIES = ['gateway', 'zieba', 'admission webhook', 'korbes', 'nothing like this'];
/** The slice the reader gives the text search between reading keys (ui/hooks/use-text-search.ts). */
const SLICE_MS = 4;

/**
 * The text search over 2,000 posts of 12 KB (24 MB of notes): the first search prepares every post
 * (once), then each keystroke scans them all. It runs in slices between the keys, so what typing
 * feels is the longest slice, not the whole search: that is budgeted.
 */
async function textRows(): Promise<Measurement[]> {
	const posts = generateTextPosts(2000, 12);
	const slices: number[] = [];
	// As the reader does: a query that extends the last one searches only the posts that held it.
	let last: TextResult | null = null;
	const run = (query: string) => {
		const job = searchText(posts, query, 0, last);
		const began = performance.now();
		for (let done = false; !done;) {
			const start = performance.now();
			done = job.step(() => performance.now() - start >= SLICE_MS);
			slices.push(performance.now() - start);
		}
		last = job.result();
		return performance.now() - began;
	};
	const prepare = run('gateway');
	const keystrokes: number[] = [];
	for (const query of TEXT_QUERIES)
		for (let end = 1; end <= query.length; end++) keystrokes.push(run(query.slice(0, end)));
	return [
		{
			name: 'text search: first search, 2,000 posts of 12 KB (prepares them)',
			median: prepare,
			unit: 'ms',
			reference: true,
		},
		{
			name: 'text search: one keystroke over 2,000 posts, all slices',
			median: median(keystrokes),
			p95: percentile(keystrokes, 0.95),
			unit: 'ms',
		},
		{
			name: 'text search: longest a slice holds the keys, 2,000 posts',
			median: median(slices),
			p95: percentile(slices, 0.95),
			unit: 'ms',
			budget: {p95: 8},
		},
	];
}

/** Session search over 10,000 sessions: index build, and the time of each keystroke's query. */
export async function run(_context: BenchContext): Promise<Measurement[]> {
	const sessions = generateSessions(10_000);
	const builds: number[] = [];
	for (let round = 0; round < 7; round++) {
		const start = performance.now();
		createSessionIndex(sessions);
		builds.push(performance.now() - start);
	}
	const index = createSessionIndex(sessions);
	const keystrokes: number[] = [];
	for (let round = 0; round < 3; round++) {
		for (const query of QUERIES) {
			for (let end = 1; end <= query.length; end++) {
				const start = performance.now();
				index.search(query.slice(0, end));
				keystrokes.push(performance.now() - start);
			}
			index.search('');
		}
	}
	return [
		{name: 'search: index 10,000 sessions', median: median(builds), p95: percentile(builds, 0.95), unit: 'ms'},
		{
			name: 'search: one keystroke over 10,000 sessions',
			median: median(keystrokes),
			p95: percentile(keystrokes, 0.95),
			unit: 'ms',
			budget: {median: 8, p95: 16},
		},
		...(await textRows()),
	];
}
