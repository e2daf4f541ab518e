/** Appends `source` to `target` in place. `push(...source)` passes one argument per line and throws past ~100k lines. */
export function append<T>(target: T[], source: readonly T[]): T[] {
	for (const item of source) target.push(item);
	return target;
}

/** The largest of `values` and `floor`, without spreading them as arguments. */
export function maxOf(values: readonly number[], floor: number): number {
	let max = floor;
	for (const value of values) if (value > max) max = value;
	return max;
}
