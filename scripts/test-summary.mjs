// A test reporter for node's runner that prints a short summary instead of every TAP line: one line
// per failure with its file and error, the five slowest tests, and the counts as one plain line
// ("N passed, N failed, N skipped"), which CI reads. Used by scripts/run-tests.mjs, which runs
// several test processes at once: with KUBECON_NOTES_TEST_SUMMARY set to a file, the reporter writes
// its counts there as JSON (with each shared-process file's time, for the next run's shards), and
// the runner prints one summary for all of them.
import {writeFileSync} from 'node:fs';
import {relative} from 'node:path';
import {inspect} from 'node:util';

/** Whether an event comes from scripts/test-shard.mjs: a file's suite, named by its path. */
const fromShard = (file) => typeof file === 'string' && /[\\/]scripts[\\/]test-shard\.mjs$/.test(file);

/**
 * The summary's closing block.
 * @param {{passed: number, failed: number, skipped: number, todo: number, slowest: Array<{name: string, file: string, ms: number}>, failures: string[]}} counts
 */
export function summaryBlock({passed, failed, skipped, todo, slowest, failures}) {
	let out = '\nslowest tests:\n';
	for (const test of slowest.toSorted((a, b) => b.ms - a.ms).slice(0, 5))
		out += `  ${(test.ms / 1000).toFixed(1).padStart(6)} s  ${test.file}: ${test.name}\n`;
	if (failures.length > 0) out += `\n${failures.length} failing:\n${failures.join('\n')}\n`;
	out += `\n${passed} passed, ${failed} failed, ${skipped} skipped${todo ? `, ${todo} todo` : ''}\n`;
	return out;
}

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
	/** Each shared-process file's time in ms, by path. */
	const files = {};
	// In a shared process every test belongs to a file's suite; one at the top was registered outside
	// it (its hooks would run around every file's tests), which the runner must not let pass.
	const shared = fromShard(process.argv[1]);
	const where = (data) => (fromShard(data.file) ? data.name : data.file ? relative(process.cwd(), data.file) : '?');
	const fail = (data, message) => {
		failed++;
		// A shared-process file's own suite fails when its import or a hook at its top throws.
		failures.push(
			`✖ ${where(data)}: ${fromShard(data.file) ? 'the file (its import, or a hook at its top)' : data.name}`,
		);
		return `${failures.at(-1)}\n${String(message)
			.split('\n')
			.slice(0, 12)
			.map((line) => `    ${line}`)
			.join('\n')}\n\n`;
	};
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
		if (data.nesting === 0 && fromShard(data.file)) files[data.name] = data.details?.duration_ms ?? 0;
		else if (shared && data.nesting === 0) {
			yield fail(data, 'registered outside its file (scripts/test-shard.mjs): its hooks would run around every file');
			continue;
		}
		if (type === 'test:pass') {
			if (isSuite) continue;
			if (data.skip !== undefined) skipped++;
			else if (data.todo !== undefined) todo++;
			else passed++;
			timings.push({name: data.name, file: where(data), ms: data.details?.duration_ms ?? 0});
			continue;
		}
		const error = data.details?.error;
		// A suite fails when a test in it fails: that test is already counted and shown.
		if (isSuite && error?.failureType === 'subtestsFailed') continue;
		const cause = error?.cause ?? error;
		yield fail(data, cause instanceof Error ? (cause.stack ?? cause.message) : inspect(cause, {depth: 4}));
	}
	const slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
	const counts = {passed, failed, skipped, todo, slowest, failures, files};
	const to = process.env['KUBECON_NOTES_TEST_SUMMARY'];
	if (to) writeFileSync(to, JSON.stringify(counts));
	else yield summaryBlock(counts);
}
