/**
 * Picks the corrections of a typed word worth searching for: the candidates fuse.js found that are
 * fewest edits away, so `kubeadn` stands for `kubeadm` and not for every word sharing `kube`.
 */
export function closestCorrections<T extends {word: string}>(typed: string, candidates: T[]): T[] {
	if (candidates.length === 0) return [];
	const allowed = typed.length <= 4 ? 1 : 2;
	const distances = candidates.map((candidate) => editDistance(typed, candidate.word, allowed + 1));
	const best = Math.min(...distances);
	// Nothing within reach (a prefix still being typed, a word of another shape): fuse's first guess.
	if (best > allowed) return [candidates[0]!];
	return candidates.filter((_, index) => distances[index] === best);
}

/** Edits (insert, delete, replace, swap of neighbours) from a to b, counted up to `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit;
	let before = new Array<number>(b.length + 1).fill(0);
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin >= limit) return limit;
		before = previous;
		previous = current;
	}
	return Math.min(previous[b.length]!, limit);
}
