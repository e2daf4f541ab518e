/** Order statistics for timing samples. */
export function percentile(samples: number[], fraction: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
	return sorted[index]!;
}

export const median = (samples: number[]): number => percentile(samples, 0.5);

/** Runs `fn` `count` times after `warmup` unmeasured runs; returns milliseconds per run. */
export async function sample(fn: () => unknown, count: number, warmup = 2): Promise<number[]> {
	for (let i = 0; i < warmup; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	return times;
}
