import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {createSessionIndex, type SearchableSession, type SessionHit} from '../../src/search/session-index.js';
import {generateSessions} from './fixtures.js';

/** Talks written the ways the issue found them: hyphens, spaces, joined names, days. */
const talk = (title: string, speakers: string, day: number, index: number): SearchableSession => ({
	title,
	speakers,
	people: [],
	organizations: [],
	url: null,
	day: `Day ${day}`,
	dayNumber: day,
	note: null,
	missed: false,
	postId: 'typed.md',
	line: index + 1,
	fileLine: index + 1,
	postTitle: 'Conference notes',
	tags: [],
});

const typed = [
	talk('Multi-Tenancy Without Tears', 'Ann Lee, Acme', 1, 0),
	talk('Soft Multi-Tenancy for Platform Teams', 'Bo Chan, Initech', 2, 1),
	talk('Operators at Scale', 'Cy Diaz, Red Hat', 2, 2),
	talk('Argo CD in Anger', 'Di Fry, Example Co', 1, 3),
	talk('ArgoCD Image Updater Deep Dive', 'Ed Gray, Example Co', 2, 4),
	talk('Progressive Delivery With Argo CD Rollouts', 'Fa Hu, Contoso', 3, 5),
	talk('Scaling etcd Past a Thousand Nodes', 'Gil Ivy, Fabrikam', 3, 6),
];
const titles = (hits: SessionHit[]) => hits.map((hit) => hit.session.title);
const highlighted = (text: string, ranges: Array<[number, number]> = []) =>
	ranges.map(([start, end]) => text.slice(start, end + 1));

describe('search finds what people type', () => {
	test('joined words find the spaced or hyphenated ones, and the highlight covers them', () => {
		const index = createSessionIndex(typed);
		assert.deepEqual(titles(index.search('multitenancy')).sort(), [
			'Multi-Tenancy Without Tears',
			'Soft Multi-Tenancy for Platform Teams',
		]);
		const hit = index.search('multitenancy')[0]!;
		assert.deepEqual(highlighted(hit.session.title, hit.matches.title), ['Multi-Tenancy']);
		assert.deepEqual(titles(index.search('redhat')), ['Operators at Scale']);
		assert.equal(titles(index.search('argocd')).length, 3);
		// And the other way: a hyphen typed where the title has none.
		assert.equal(titles(index.search('argo-cd')).length, 3);
	});

	test('two swapped letters still find the word', () => {
		assert.deepEqual(titles(createSessionIndex(typed).search('ectd')), ['Scaling etcd Past a Thousand Nodes']);
		assert.deepEqual(
			titles(createSessionIndex([...generateSessions(300), ...typed]).search('ectd')).every((title) =>
				/etcd/i.test(title),
			),
			true,
		);
	});

	test('day 2 shows that day’s talks; with more words, the talks of that day holding them', () => {
		const index = createSessionIndex(typed);
		assert.deepEqual(titles(index.search('day 2')), [
			'Soft Multi-Tenancy for Platform Teams',
			'Operators at Scale',
			'ArgoCD Image Updater Deep Dive',
		]);
		assert.deepEqual(titles(index.search('second day')), titles(index.search('day 2')));
		assert.deepEqual(titles(index.search('day 2 argo')), ['ArgoCD Image Updater Deep Dive']);
		assert.deepEqual(titles(index.search('argo day 1')), ['Argo CD in Anger']);
		// Notes without a day 9: the words are looked for as written.
		assert.deepEqual(titles(index.search('day 9')), []);
	});
});
