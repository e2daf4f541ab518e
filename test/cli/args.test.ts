import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseCli, UsageError} from '../../src/cli/args.js';
import {printWidth, chooseColor, chooseHyperlinks} from '../../src/cli/color-mode.js';

describe('command line parsing', () => {
	test('paths, --posts and subcommands', () => {
		assert.deepEqual(parseCli(['a', 'b']).command, {kind: 'view', paths: ['a', 'b']});
		assert.deepEqual(parseCli(['--posts', 'x', '--posts', 'y']).command, {kind: 'view', paths: ['x', 'y']});
		assert.deepEqual(parseCli(['read', 'eu 2023', '--topic', 'etcd']).command, {
			kind: 'read',
			paths: [],
			post: 'eu 2023',
			topic: 'etcd',
		});
		assert.deepEqual(parseCli(['sessions', 'pod', 'security', '--missed', '--day', '2', '--json']).command, {
			kind: 'sessions',
			paths: [],
			query: 'pod security',
			missed: true,
			day: '2',
			json: true,
		});
		assert.deepEqual(parseCli(['topics']).command, {kind: 'topics', paths: [], post: null});
	});

	test('options', () => {
		const options = parseCli(['--width', '60', '--color=always', '--drafts', '--no-resume']);
		assert.equal(options.width, 60);
		assert.equal(options.color, 'always');
		assert.equal(options.drafts, true);
		assert.equal(options.resume, false);
	});

	test('bad usage is a UsageError with one clear line', () => {
		for (const argv of [
			['--width', 'wide'],
			['--color=sometimes'],
			['--bogus'],
			['read'],
			['--json'],
			['read', 'x', '--missed'],
		]) {
			assert.throws(
				() => parseCli(argv),
				(error: unknown) => error instanceof UsageError && !error.message.includes('\n'),
				argv.join(' '),
			);
		}
	});
});

describe('colour and width conventions', () => {
	test('--color wins; then NO_COLOR; then FORCE_COLOR; then whether stdout is a terminal', () => {
		assert.equal(chooseColor('always', false, {NO_COLOR: '1'}), true);
		assert.equal(chooseColor('never', true, {FORCE_COLOR: '1'}), false);
		assert.equal(chooseColor('auto', true, {NO_COLOR: '1'}), false);
		assert.equal(chooseColor('auto', true, {NO_COLOR: ''}), true);
		assert.equal(chooseColor('auto', false, {FORCE_COLOR: '1'}), true);
		assert.equal(chooseColor('auto', true, {FORCE_COLOR: '0'}), false);
		assert.equal(chooseColor('auto', false, {}), false);
		assert.equal(chooseColor('auto', true, {}), true);
	});

	test('hyperlinks only with colour, on a terminal that has them, or forced', () => {
		assert.equal(chooseHyperlinks(false, true, true, {FORCE_HYPERLINK: '1'}), false);
		assert.equal(chooseHyperlinks(true, false, true, {}), false);
		assert.equal(chooseHyperlinks(true, false, false, {FORCE_HYPERLINK: '1'}), true);
		assert.equal(chooseHyperlinks(true, true, true, {}), true);
	});

	test('width: --width, else the terminal capped at 100, else 80', () => {
		assert.equal(printWidth(42, 200), 42);
		assert.equal(printWidth(null, 200), 100);
		assert.equal(printWidth(null, 70), 70);
		assert.equal(printWidth(null, undefined), 80);
	});
});
