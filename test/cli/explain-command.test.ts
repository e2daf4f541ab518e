import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseCli, UsageError} from '../../src/cli/args.js';
import {explainLines} from '../../src/cli/explain-talks.js';
import {lines, parse} from '../posts/helpers.js';

test('sessions --explain [POST] takes a post, and no other sessions option', () => {
	assert.deepEqual(parseCli(['sessions', '--explain', 'kubecon']).command, {
		kind: 'sessions',
		paths: [],
		query: '',
		missed: false,
		day: null,
		json: false,
		explain: true,
		post: 'kubecon',
	});
	assert.equal((parseCli(['sessions', '--explain']).command as {post: string | null}).post, null);
	assert.throws(() => parseCli(['sessions', '--explain', '--json']), UsageError);
	assert.throws(() => parseCli(['topics', '--explain']), UsageError);
});

test('the explanation names each talk, what made it one, and the near misses', () => {
	const post = parse(
		lines(
			'---',
			'title: Conf',
			'---',
			'## Fast Builds - Ann Lee, Acme',
			'',
			'Ann showed caching.',
			'',
			'## Summary',
			'',
			'Done.',
		),
	);
	const text = explainLines([post], false).join('\n');
	assert.match(text, /2024-05-06-notes\.md {2}\(Conf\)/);
	assert.match(text, /✓ {4}4 {2}heading: Fast Builds — Ann Lee, Acme/);
	assert.match(text, /because strong evidence of its own/);
	assert.match(text, /speaker in the heading/);
	assert.match(text, /1 talk, /);
});
