import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {foldText} from '../../src/search/fold-text.js';
import {createSessionIndex, sessionKey, type SessionHit} from '../../src/search/session-index.js';
import {generateSessions, realSessions} from './fixtures.js';

const sessions = [...generateSessions(300), ...realSessions];
const titles = (hits: SessionHit[]) => hits.map((hit) => hit.session.title);
const highlighted = (text: string, ranges: Array<[number, number]> = []) =>
	ranges.map(([start, end]) => text.slice(start, end + 1));

describe('session search', () => {
	test('an exact title ranks first among 300 generated sessions', () => {
		const index = createSessionIndex(sessions);
		assert.equal(
			titles(index.search('etcd host clusters'))[0],
			'Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes',
		);
		assert.equal(titles(index.search('Kubeadm Deep Dive'))[0], 'Kubeadm Deep Dive');
	});

	test('accents are ignored both ways, and highlights point into the original text', () => {
		const index = createSessionIndex(sessions);
		for (const [query, name] of [
			['Zieba', 'Zięba'],
			['korbes', 'Körbes'],
			['Wozniak', 'Woźniak'],
			['zięba', 'Zięba'],
		] as const) {
			const hit = index.search(query).find((h) => h.session.postId === 'real.md')!;
			assert.ok(hit, query);
			assert.deepEqual(highlighted(hit.session.speakers!, hit.matches.speakers), [name], query);
		}
	});

	test('a typo still finds the talk; a word found nowhere does not empty the list', () => {
		const index = createSessionIndex(sessions);
		const corrected = titles(index.search('etdc'));
		assert.ok(corrected.length > 1 && corrected.every((title) => /etcd/i.test(title)), corrected.join('; '));
		assert.ok(corrected.includes('Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes'));
		assert.equal(titles(index.search('kubeadm deep dvie'))[0], 'Kubeadm Deep Dive');
		assert.equal(
			titles(createSessionIndex(realSessions).search('flux gitops'))[0],
			'Flux Beyond Git: Harnessing the Power of OCI',
		);
	});

	test('a one-letter typo ranks the intended talk first and never matches through the post title', () => {
		// Every session carries its post's title ("KubeCon EU 2023"): a typo must not be corrected to it.
		const index = createSessionIndex([
			...realSessions,
			...realSessions.map((session) => ({...session, title: `${session.title} (repeat)`, postId: 'other.md'})),
		]);
		const hits = titles(index.search('kubeadn'));
		assert.deepEqual(hits, ['Kubeadm Deep Dive', 'Kubeadm Deep Dive (repeat)']);
		const nearTitle = titles(createSessionIndex(realSessions).search('kubecn'));
		assert.ok(
			nearTitle.length < realSessions.length && nearTitle.every((title) => /kube/i.test(title)),
			nearTitle.join('; '),
		);
		assert.equal(titles(createSessionIndex(sessions).search('kubeadn'))[0], 'Kubeadm Deep Dive');
	});

	test('companies, notes and days are searched too', () => {
		const index = createSessionIndex(realSessions);
		assert.deepEqual(titles(index.search('datadog')), [
			'Setting up Etcd with Kubernetes to Host Clusters with Thousands of Nodes',
		]);
		assert.deepEqual(titles(index.search('room full')), ['Flux Beyond Git: Harnessing the Power of OCI']);
		assert.equal(titles(index.search('day 3')).length, 2);
	});

	test('filters: missed only, by day (number or label), by post; an empty query lists all in order', () => {
		const index = createSessionIndex(sessions);
		assert.equal(index.search('').length, sessions.length);
		assert.deepEqual(titles(index.search('')), titles(sessions.map((session) => ({session, score: 0, matches: {}}))));
		assert.ok(index.search('', {missedOnly: true}).every((hit) => hit.session.missed));
		assert.equal(index.search('', {missedOnly: true}).length, sessions.filter((s) => s.missed).length);
		assert.ok(index.search('kubernetes', {day: 2}).every((hit) => hit.session.dayNumber === 2));
		assert.deepEqual(index.search('', {day: 'day 3'}).length, sessions.filter((s) => s.dayNumber === 3).length);
		assert.deepEqual(
			titles(index.search('', {postId: 'real.md'})),
			titles(realSessions.map((session) => ({session, score: 0, matches: {}}))),
		);
	});

	test('narrowing while typing gives exactly what a fresh search gives', () => {
		const typing = createSessionIndex(generateSessions(2000));
		for (const query of ['scaling etcd', 'deep dive into gitops', 'zieba acme', 'produc lessons', 'secur']) {
			for (let end = 1; end <= query.length; end++) {
				const prefix = query.slice(0, end);
				const fresh = createSessionIndex(generateSessions(2000)).search(prefix);
				assert.deepEqual(
					typing.search(prefix).map((hit) => hit.session.url),
					fresh.map((hit) => hit.session.url),
					prefix,
				);
			}
		}
	});

	test('folding keeps one character per character', () => {
		const text = 'Zięba Łukasz Østergaard Straße Körbes “quoted” — 界 🎉';
		assert.equal(foldText(text).length, text.length);
		assert.equal(foldText('ZIĘBA Łukasz'), 'zieba lukasz');
	});

	test('session keys survive a moved bullet but not another post', () => {
		const [session] = realSessions;
		assert.equal(sessionKey({...session!, line: 99, fileLine: 120}), sessionKey(session!));
		assert.notEqual(sessionKey({...session!, postId: 'other.md'}), sessionKey(session!));
	});
});
