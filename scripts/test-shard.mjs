// One long-lived test process for many unit test files (scripts/run-tests.mjs starts a few, one a
// core): node loads tsx and the sources once for all of them, instead of once a file. Each file is
// imported inside a suite named by its path, so its top-level before/after hooks run around its own
// tests only, and a failure names its file. The files share the process, so a file must leave no
// state behind: what it sets (environment, chalk's level, a patched module) it sets in a hook or a
// test and restores there, never at module top, where it would run before every file's tests.
//   node --import tsx --test-reporter=… scripts/test-shard.mjs FILE...
import {AsyncResource} from 'node:async_hooks';
import {relative, resolve} from 'node:path';
import {describe} from 'node:test';
import {pathToFileURL} from 'node:url';

// node 20 and 22 apply --test-timeout only under --test: here it is given to each file's suite, so it
// bounds the file's tests together (a hang's guard, far above any file's time).
const timeoutFlag = process.execArgv.find((arg) => arg.startsWith('--test-timeout='));
const timeout = timeoutFlag ? Number(timeoutFlag.slice('--test-timeout='.length)) : Infinity;

// One file is imported at a time, in its suite's async context: node's runner ties a hook or a test to
// its suite through the context it is registered in, and two imports sharing a module still loading
// could run one file's top in the other's (its hooks would then run around the wrong file's tests).
let imported = Promise.resolve();
for (const file of process.argv.slice(2)) {
	const previous = imported;
	let done;
	imported = new Promise((resolve) => {
		done = resolve;
	});
	describe(relative(process.cwd(), resolve(file)), {timeout}, async () => {
		// The suite's context, taken before waiting on a promise made outside it, and entered again for
		// the import.
		const suite = new AsyncResource('test-file');
		await previous;
		try {
			await suite.runInAsyncScope(() => import(pathToFileURL(resolve(file)).href));
		} finally {
			done();
		}
	});
}
