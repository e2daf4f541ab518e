// A test reporter for node's runner that prints a short summary instead of every TAP line: one line
// per failure with its file and error, the five slowest tests, and the counts as one plain line
// ("N passed, N failed, N skipped"), which CI reads. Used by scripts/run-tests.mjs.
import {relative} from 'node:path';
import {inspect} from 'node:util';

/** @param {AsyncIterable<{type: string, data: any}>} source */
export default async function* summary(source) {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	let todo = 0;
	/** @type {Array<{name: string, file: string, ms: number}>} */
	const timings = [];
	/** @type {string[]} */
	const failures = [];
	const where = (file) => (file ? relative(process.cwd(), file) : '?');
	for await (const event of source) {
		const {type, data} = event;
		if (type === 'test:stderr' || type === 'test:stdout') {
			// What a test file printed itself (node's runner does not tie it to one test): shown as it is.
			yield data.message;
			continue;
		}
		if (type !== 'test:pass' && type !== 'test:fail') continue;
		// Suites report too: count leaf tests only, but a failing suite (a hook or an import that threw)
		// is a failure of its own.
		const isSuite = data.details?.type === 'suite';
		if (type === 'test:pass') {
			if (isSuite) continue;
			if (data.skip !== undefined) skipped++;
			else if (data.todo !== undefined) todo++;
			else passed++;
			timings.push({name: data.name, file: where(data.file), ms: data.details?.duration_ms ?? 0});
			continue;
		}
		const error = data.details?.error;
		// A suite fails when a test in it fails: that test is already counted and shown.
		if (isSuite && error?.failureType === 'subtestsFailed') continue;
		failed++;
		const cause = error?.cause ?? error;
		const message = cause instanceof Error ? (cause.stack ?? cause.message) : inspect(cause, {depth: 4});
		failures.push(
			`✖ ${where(data.file)}: ${data.name}\n${String(message)
				.split('\n')
				.slice(0, 12)
				.map((line) => `    ${line}`)
				.join('\n')}\n`,
		);
		yield failures.at(-1) + '\n';
	}
	const slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
	let out = '\nslowest tests:\n';
	for (const test of slowest) out += `  ${(test.ms / 1000).toFixed(1).padStart(6)} s  ${test.file}: ${test.name}\n`;
	if (failures.length > 0)
		out += `\n${failures.length} failing:\n${failures.map((text) => text.split('\n')[0]).join('\n')}\n`;
	out += `\n${passed} passed, ${failed} failed, ${skipped} skipped${todo ? `, ${todo} todo` : ''}\n`;
	yield out;
}
