// `npm run bench`: every speed budget in one table, with `node -e 0` measured in the same run so
// whole-process figures are ratios. Medians and p95s; a budget holds when both are under it.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {timeProcess} from '../bench/print.js';
import {median} from '../bench/stats.js';
import type {BenchContext, BenchModule, Measurement} from '../bench/types.js';

const modules = ['startup', 'load', 'print', 'render', 'hostile', 'search', 'terminal', 'interventions'];

function holds(line: Measurement): boolean | null {
	if (!line.budget || line.reference) return null;
	if (line.budget.median !== undefined && !(line.median < line.budget.median)) return false;
	if (line.budget.p95 !== undefined && !(line.p95 !== undefined && line.p95 < line.budget.p95)) return false;
	return true;
}

const format = (value: number | undefined, unit: string) =>
	value === undefined ? '' : `${value < 10 && unit !== 'packages' ? value.toFixed(2) : value.toFixed(0)} ${unit}`;

const tmpDir = mkdtempSync(join(tmpdir(), 'kubecon-notes-bench-'));
try {
	const baseline = timeProcess(process.execPath, ['-e', '0'], 15);
	const context: BenchContext = {
		nodeBaselineMs: median(baseline),
		baselineNow: () => median(timeProcess(process.execPath, ['-e', '0'], 11)),
		tmpDir,
	};
	const lines: Measurement[] = [
		{name: 'node -e 0 (baseline)', median: context.nodeBaselineMs, unit: 'ms', reference: true},
	];
	const only = process.argv.slice(2);
	for (const name of modules) {
		if (only.length > 0 && !only.includes(name)) continue;
		let module: BenchModule;
		try {
			module = (await import(`../bench/${name}.js`)) as BenchModule;
		} catch (error) {
			console.error(
				`bench: bench/${name}.ts cannot be loaded: ${error instanceof Error ? error.message : String(error)}`,
			);
			continue;
		}
		lines.push(...(await module.run(context)));
	}
	const rows = lines.map((line) => {
		const verdict = holds(line);
		const budget = line.budget
			? [
					line.budget.median === undefined ? '' : `< ${line.budget.median} ${line.unit}`,
					line.budget.p95 === undefined ? '' : `p95 < ${line.budget.p95} ${line.unit}`,
				]
					.filter(Boolean)
					.join(', ')
			: '';
		return [
			line.name,
			format(line.median, line.unit),
			format(line.p95, line.unit),
			budget,
			verdict === null ? '' : verdict ? 'holds' : 'MISSES',
		];
	});
	const header = ['measure', 'median', 'p95', 'budget', ''];
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
	for (const row of [header, ...rows])
		console.log(
			row
				.map((cell, column) => cell.padEnd(widths[column]!))
				.join('  ')
				.trimEnd(),
		);
	const budgeted = lines.map(holds).filter((verdict) => verdict !== null);
	console.log(`${budgeted.filter(Boolean).length} of ${budgeted.length} budgets hold`);
} finally {
	rmSync(tmpDir, {recursive: true, force: true});
}
