/** One line of the `npm run bench` table. */
export type Measurement = {
	name: string;
	/** Median, in `unit`. */
	median: number;
	p95?: number;
	unit: 'ms' | 'MB' | 'x' | 'packages';
	/** The budget, in the same unit; the measurement holds when median (and p95, if budgeted) is under it. */
	budget?: {median?: number; p95?: number};
	/** A reference line (another tool), never counted as a budget. */
	reference?: boolean;
};

/** A bench module: runs its measurements and returns their lines. */
export type BenchModule = {run: (context: BenchContext) => Promise<Measurement[]>};

export type BenchContext = {
	/** Median whole-process time of `node -e 0`, measured once at the start of the run. */
	nodeBaselineMs: number;
	/**
	 * `node -e 0` measured again now, for a ratio taken beside the measurement it divides: the
	 * machine's speed drifts over a run (the start-up of node alone has varied 100-160 ms here).
	 */
	baselineNow: () => number;
	/** Scratch folder for generated posts, removed after the run. */
	tmpDir: string;
};
