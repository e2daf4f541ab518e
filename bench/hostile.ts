import {hostileTexts, throughEveryParser} from './hostile-text.js';
import {median, percentile, sample} from './stats.js';
import type {BenchContext, Measurement} from './types.js';

/**
 * The slowest hostile post (bench/hostile-text.ts) at 100 KB through everything the reader does
 * with a post: parse, topics, sessions, excerpt, session index and rendering at width 100. Every
 * shape is timed once; the three slowest are sampled again and the slowest median is the row.
 */
export async function run(_context: BenchContext): Promise<Measurement[]> {
	const texts = hostileTexts(100_000);
	const once = texts.map(({name, text}) => {
		const start = performance.now();
		throughEveryParser(text);
		return {name, text, ms: performance.now() - start};
	});
	const slowest = once.sort((a, b) => b.ms - a.ms).slice(0, 3);
	let worst = {name: '', samples: [Number.NaN]};
	for (const {name, text} of slowest) {
		const samples = await sample(() => throughEveryParser(text), 5, 1);
		if (!(median(samples) <= median(worst.samples))) worst = {name, samples};
	}
	return [
		{
			name: `slowest of ${texts.length} hostile 100 KB posts, parse + render (${worst.name})`,
			median: median(worst.samples),
			p95: percentile(worst.samples, 0.95),
			unit: 'ms',
			budget: {median: 2000},
		},
	];
}
