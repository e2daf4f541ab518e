import {createSessionIndex} from '../src/search/session-index.js';
import {generateSessions} from '../test/search/fixtures.js';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile} from './stats.js';

/** Queries typed a character at a time, as a person searches: names, companies, typos, days. */
const QUERIES = ['scaling etcd', 'zieba', 'deep dive gitops', 'datadog', 'room full', 'observabilty', 'day 3 security', 'lukasz nowak', 'webassembly production'];

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
		{name: 'search: one keystroke over 10,000 sessions', median: median(keystrokes), p95: percentile(keystrokes, 0.95), unit: 'ms', budget: {median: 8, p95: 16}},
	];
}
