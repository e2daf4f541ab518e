import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {splitSpeakers} from '../../src/posts/talks/speakers.js';
import {lines, parse} from './helpers.js';

const front = ['---', 'title: Conf', '---'];
const titles = (text: string) => parse(lines(...front, ...text.split('\n'))).sessions.map((session) => session.title);

describe('sessions by evidence', () => {
	test('prose, numbered reasoning and highlights are never talks, whatever the lead-in says', () => {
		assert.deepEqual(
			titles(
				'Sessions I attended on day 1:\n\n* [Kubeadm Deep Dive - Rohit Anand, NEC](https://sched.co/1)\n\nIt was nice to learn two realities in that session:\n\n1. kubernetes is capable of being locked down tightly.\n2. it does not do so by default, on purpose.\n\nSome of the highlights from this session were:\n\n* Etcd is sensitive to disk latency\n* A full LIST costs much more than a GET\n* Use resourceVersion',
			),
			['Kubeadm Deep Dive'],
		);
	});

	test("tool links, negated lead-ins and a talk's own links are not talks", () => {
		const post = parse(
			lines(
				...front,
				'Useful links from the hallway track (not talks):',
				'',
				'* [A talk-ish page - Ann Lee, Acme](https://sched.co/zz)',
				'* [kyverno](https://kyverno.io/)',
				'',
				'Talks I attended:',
				'',
				'* **Scaling Jobs** by Ann Lee, Acme',
				'  * [Read the abstract](https://conf.example/abstract/1)',
				'  * [Watch the replay](https://youtu.be/abc)',
				'* **Closing remarks**',
				'  * [Slides](https://slides.example/2)',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.speakers, session.url, session.line]),
			[
				['Scaling Jobs', 'Ann Lee, Acme', 'https://conf.example/abstract/1', 8],
				['Closing remarks', null, 'https://slides.example/2', 11],
			],
		);
	});

	test('short title-like items count under a lead-in announcing talks, not under any lead-in', () => {
		assert.deepEqual(titles('Talks I attended:\n\n* Opening Keynote\n* Kubeadm Deep Dive'), [
			'Opening Keynote',
			'Kubeadm Deep Dive',
		]);
		assert.deepEqual(titles('Things I learned in the talks:\n\n* Opening Keynote\n* Kubeadm Deep Dive'), []);
		assert.deepEqual(titles('Tools I use:\n\n* Flux\n* Argo CD'), []);
	});

	test('bold-link paragraphs with `by` on the next line', () => {
		const post = parse(
			lines(
				...front,
				'## Day 2',
				'',
				'**[Etcd at Scale](https://kccnceu2024.sched.com/event/1YeM)**<br/>',
				'by Ann Lee, Acme, Bo Chan, Initech',
				'',
				'Some words about it.',
				'',
				'**[Storage Deep Dive](https://kccnceu2024.sched.com/event/2ZZZ)**<br/>',
				'by Cy Diaz, Red Hat',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.speakers, session.url, session.day, session.line]),
			[
				['Etcd at Scale', 'Ann Lee, Acme, Bo Chan, Initech', 'https://kccnceu2024.sched.com/event/1YeM', 'Day 2', 3],
				['Storage Deep Dive', 'Cy Diaz, Red Hat', 'https://kccnceu2024.sched.com/event/2ZZZ', 'Day 2', 8],
			],
		);
		assert.deepEqual(post.sessions[0]!.people, ['Ann Lee', 'Bo Chan']);
		assert.deepEqual(post.sessions[0]!.organizations, ['Acme', 'Initech']);
	});

	test('one heading per talk followed by a speakers line; headings with a speaker tail', () => {
		const post = parse(
			lines(
				...front,
				'# Monday',
				'',
				'## Boosting kubectl Productivity',
				'',
				'Speakers: Ann Lee, Acme',
				'',
				'* use aliases',
				'',
				'## Labels in Alerts - Bo Chan, Initech',
				'',
				'* common annotations',
				'',
				'## Takeaways',
				'',
				'Text.',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.speakers, session.day, session.line]),
			[
				['Boosting kubectl Productivity', 'Ann Lee, Acme', 'Monday', 3],
				['Labels in Alerts', 'Bo Chan, Initech', 'Monday', 9],
			],
		);
	});

	test('tables with a title column and a speaker column', () => {
		const post = parse(
			lines(
				...front,
				'| Talk | Speaker | Notes |',
				'| --- | --- | --- |',
				'| [Gateway API Intro](https://sched.co/AbCd) | Ann Lee, Acme | missed it, room full |',
				'| Cilium Deep Dive | Bo Chan & Cy Diaz, Initech | great |',
				'',
				'| Tool | Link |',
				'| --- | --- |',
				'| kyverno | [site](https://kyverno.io) |',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [
				session.title,
				session.speakers,
				session.url,
				session.note,
				session.missed,
				session.line,
			]),
			[
				['Gateway API Intro', 'Ann Lee, Acme', 'https://sched.co/AbCd', 'missed it, room full', true, 3],
				['Cilium Deep Dive', 'Bo Chan & Cy Diaz, Initech', null, 'great', false, 4],
			],
		);
	});

	test('"Speaker - Title" paragraphs under a talks heading', () => {
		const post = parse(
			lines(
				...front,
				'## Talks I saw',
				'',
				'Ann Lee, Acme - Multi-tenancy at Scale',
				'',
				'Bo Chan - What is new in SIG Node',
				'',
				'## Food',
				'',
				'Pasta - quite good',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.speakers, session.line]),
			[
				['Multi-tenancy at Scale', 'Ann Lee, Acme', 3],
				['What is new in SIG Node', 'Bo Chan', 5],
			],
		);
	});

	test('a dash tail that is not speakers stays in the title; punctuation-only notes are dropped', () => {
		const post = parse(
			lines(
				...front,
				'* [A bright year for Foo - project & community updates](https://sched.co/1) -',
				'* [Kubeadm - Deep Dive](https://sched.co/2)',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.speakers, session.note]),
			[
				['A bright year for Foo - project & community updates', null, null],
				['Kubeadm - Deep Dive', null, null],
			],
		);
	});
});

test('talks nested under day bullets keep their own lines', () => {
	const post = parse(
		lines(
			...front,
			'My schedule:',
			'',
			'* Day 1',
			'  * [A Talk - Ann Lee, Acme](https://sched.co/1)',
			'  * Keynote',
			'* Day 2',
			'  * [B Talk - Bo Chan, Initech](https://sched.co/2)',
		),
	);
	assert.deepEqual(
		post.sessions.map((session) => [session.title, session.day, session.line]),
		[
			['A Talk', 'Day 1', 4],
			['Keynote', 'Day 1', 5],
			['B Talk', 'Day 2', 7],
		],
	);
});

describe('speakers as people write them', () => {
	test('alternating names and organisations, and three people sharing one', () => {
		assert.deepEqual(splitSpeakers('Ann Lee, Acme, Bo Chan, Initech'), {
			people: ['Ann Lee', 'Bo Chan'],
			organizations: ['Acme', 'Initech'],
		});
		assert.deepEqual(splitSpeakers('Ann Lee, Bo Chan & Cy Diaz, Initech'), {
			people: ['Ann Lee', 'Bo Chan', 'Cy Diaz'],
			organizations: ['Initech'],
		});
		assert.deepEqual(splitSpeakers('Ann Lee, Red Hat, Bo Chan, Initech'), {
			people: ['Ann Lee', 'Bo Chan'],
			organizations: ['Red Hat', 'Initech'],
		});
		assert.deepEqual(splitSpeakers('Ilia Medvedev & Kostis Kapelonis, Codefresh.'), {
			people: ['Ilia Medvedev', 'Kostis Kapelonis'],
			organizations: ['Codefresh'],
		});
		assert.deepEqual(splitSpeakers('Daniele de Araujo dos Santos & Shane Lawrence, Shopify'), {
			people: ['Daniele de Araujo dos Santos', 'Shane Lawrence'],
			organizations: ['Shopify'],
		});
		assert.deepEqual(splitSpeakers('Ann Lee, Giant Swarm, Bo Chan, Initech'), {
			people: ['Ann Lee', 'Bo Chan'],
			organizations: ['Giant Swarm', 'Initech'],
		});
		assert.deepEqual(splitSpeakers('Dee Ray, Example Co'), {people: ['Dee Ray'], organizations: ['Example Co']});
	});
});
