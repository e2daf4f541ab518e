import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {matchByName} from '../../src/cli/select-post.js';

const names = [
	'kubecon-eu-2023',
	'kubecon-eu-2024',
	'KubeCon + CloudNativeCon Europe 2023 notes',
	'Pod Security Admission',
];
const match = (query: string) => {
	const result = matchByName(query, names, (name) => [name]);
	return result.kind === 'one' ? result.item : result.kind === 'many' ? result.items : null;
};

describe('matching typed names', () => {
	test('exact, then every word, then a substring, then a typo', () => {
		assert.equal(match('kubecon-eu-2023'), 'kubecon-eu-2023');
		assert.equal(match('KUBECON EU 2024'), 'kubecon-eu-2024');
		assert.equal(match('pod sec'), 'Pod Security Admission');
		assert.equal(match('secur'), 'Pod Security Admission');
		assert.equal(match('pod securty'), 'Pod Security Admission');
	});

	test('ambiguous names list the candidates; unknown ones match nothing', () => {
		assert.deepEqual(match('kubecon'), names.slice(0, 3));
		assert.equal(match('zzzzqqq'), null);
		assert.equal(match('  '), null);
	});
});

describe('numbers in names', () => {
	test('a typo bends words, never numbers: 2025 matches no 2023 or 2024 post', () => {
		assert.equal(match('kubecon eu 2025'), null);
		assert.equal(match('2025'), null);
		assert.equal(match('kubecn eu 2024'), 'kubecon-eu-2024');
	});
});
