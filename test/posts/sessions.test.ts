import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {dayNumber} from '../../src/posts/talks/index.js';
import {splitSpeakers} from '../../src/posts/talks/speakers.js';
import {lines, parse} from './helpers.js';

const front = ['---', 'title: Conf', '---'];

describe('sessions', () => {
	test('the bullet shapes of the format contract', () => {
		const post = parse(
			lines(
				...front,
				'Talks I went to on Day 1:', // body line 1
				'',
				'* [Storage - Past, Present: Future - Ana Gómez, Acme; Bo Li & Cy Wu, Initech](https://sched.co/AbCd)',
				'* [Scaling etcd - Dee Ray, Example Co](https://example.sched.com/event/AbCd) _(missed it: room full)_',
				'* Keynote',
				'* **Debugging CNI** by Ed Fox ([slides](https://slides.example/x), [video](https://youtu.be/y))',
			),
		);
		const [first, second, keynote, bold] = post.sessions;
		assert.equal(post.sessions.length, 4);
		assert.equal(first!.title, 'Storage - Past, Present: Future');
		assert.equal(first!.speakers, 'Ana Gómez, Acme; Bo Li & Cy Wu, Initech');
		assert.deepEqual(first!.people, ['Ana Gómez', 'Bo Li', 'Cy Wu']);
		assert.deepEqual(first!.organizations, ['Acme', 'Initech']);
		assert.equal(first!.url, 'https://sched.co/AbCd');
		assert.equal(first!.day, 'Day 1');
		assert.equal(first!.dayNumber, 1);
		assert.equal(first!.line, 3);
		assert.equal(first!.fileLine, 6);
		assert.equal(first!.missed, false);
		assert.equal(second!.note, 'missed it: room full');
		assert.equal(second!.missed, true);
		assert.equal(second!.line, 4);
		assert.deepEqual([keynote!.title, keynote!.speakers, keynote!.url], ['Keynote', null, null]);
		assert.deepEqual(
			[bold!.title, bold!.speakers, bold!.url, bold!.note],
			['Debugging CNI', 'Ed Fox', 'https://slides.example/x', null],
		);
	});

	test('an italic title works like a bold one; a bare link is the URL; a lone parenthesised remark is the note', () => {
		const post = parse(
			lines(
				...front,
				'Sessions I attended on day 2:',
				'',
				'* *Chaos at Scale* by Bob Ray — https://talks.example/chaos',
				'* _Closing Keynote_ (missed it, watch later)',
			),
		);
		const [italic, keynote] = post.sessions;
		assert.deepEqual(
			[italic!.title, italic!.speakers, italic!.url, italic!.note],
			['Chaos at Scale', 'Bob Ray', 'https://talks.example/chaos', null],
		);
		assert.deepEqual(
			[keynote!.title, keynote!.speakers, keynote!.note, keynote!.missed],
			['Closing Keynote', null, 'missed it, watch later', true],
		);
	});

	test('the day comes from the nearest lead-in or heading', () => {
		const post = parse(
			lines(
				...front,
				'Sessions I attended on the first day:',
				'',
				'* [A - Ann Lee, X](https://sched.co/1)',
				'',
				'Sessions I attended on the second day:',
				'',
				'* [B - Bob Ray, Y](https://sched.co/2)',
				'',
				'## Wednesday',
				'',
				'* [C - Cy Day, Z](https://sched.co/3)',
				'* [D - Di Fry, Z](https://sched.co/4)',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.day, session.dayNumber]),
			[
				['A', 'Day 1', 1],
				['B', 'Day 2', 2],
				['C', 'Wednesday', null],
				['D', 'Wednesday', null],
			],
		);
	});

	test('ordinary link lists are not sessions; plain items count only under a lead-in', () => {
		const post = parse(
			lines(
				...front,
				'See also:',
				'',
				'* [Phabricator T336905: Supporting AI, LLM, and data models on WMCS](https://phabricator.wikimedia.org/T336905)',
				'* [ollama.com](https://ollama.com/)',
				'',
				'Things to try:',
				'',
				'* Keynote-free mornings',
				'* coffee',
			),
		);
		assert.deepEqual(post.sessions, []);
	});

	test('a list of talk links counts without a lead-in; a tool link beside them is not a talk', () => {
		const post = parse(
			lines(
				...front,
				'Some prose.',
				'',
				'* [One - Ann Lee, X](https://sched.co/1)',
				'* [Two - Bo Li](https://sched.co/2)',
				'* [blog](https://blog.example/)',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => session.title),
			['One', 'Two'],
		);
	});

	test('talks nested under day bullets', () => {
		const post = parse(
			lines(
				...front,
				'* Day 3',
				'  * [Nested - Ann Lee, X](https://sched.co/1) (great)',
				'* Day 4',
				'  * Closing keynote',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.day, session.note, session.line]),
			[
				['Nested', 'Day 3', 'great', 2],
				['Closing keynote', 'Day 4', null, 4],
			],
		);
	});

	test('a title with a dash but no speakers stays whole; unsafe links are dropped', () => {
		const post = parse(
			lines(...front, 'Sessions:', '', '* [Argo CD Core - A Pure GitOps Agent for Kubernetes](javascript:alert(1))'),
		);
		assert.equal(post.sessions[0]!.title, 'Argo CD Core - A Pure GitOps Agent for Kubernetes');
		assert.equal(post.sessions[0]!.speakers, null);
		assert.equal(post.sessions[0]!.url, null);
	});

	test('missed notes in their usual words; other notes are not', () => {
		const notes: Array<[string, boolean]> = [
			["Couldn't really attend, room full", true],
			['Couldn’t get in', true],
			['will watch it later', true],
			['skipped for lunch', true],
			['great demo', false],
			['room was packed but I got a seat', false],
		];
		for (const [note, missed] of notes) {
			const post = parse(lines(...front, 'Sessions:', '', `* [T - Ann Lee](https://sched.co/1) _(${note})_`));
			assert.equal(post.sessions[0]!.note, note);
			assert.equal(post.sessions[0]!.missed, missed, note);
		}
	});
});

describe('speakers and days', () => {
	test('speaker strings split into people and organisations', () => {
		assert.deepEqual(
			splitSpeakers('Sascha Grunert & Swati Sehgal, Red Hat; Alexander Kanevskiy, Intel; David Porter, Google.'),
			{
				people: ['Sascha Grunert', 'Swati Sehgal', 'Alexander Kanevskiy', 'David Porter'],
				organizations: ['Red Hat', 'Intel', 'Google'],
			},
		);
		assert.deepEqual(splitSpeakers('Alexander Matyushentsev, Akuity & Leonardo Luz Almeida, Intuit'), {
			people: ['Alexander Matyushentsev', 'Leonardo Luz Almeida'],
			organizations: ['Akuity', 'Intuit'],
		});
		assert.deepEqual(splitSpeakers('Charlie Egan, Styra, Inc.'), {
			people: ['Charlie Egan'],
			organizations: ['Styra, Inc.'],
		});
		assert.deepEqual(splitSpeakers('Marga  Manterola, Isovalent'), {
			people: ['Marga Manterola'],
			organizations: ['Isovalent'],
		});
		assert.deepEqual(splitSpeakers('V Körbes'), {people: ['V Körbes'], organizations: []});
	});

	test('day numbers from words and digits', () => {
		assert.equal(dayNumber('Sessions I attended on the first day:'), 1);
		assert.equal(dayNumber('Day 12'), 12);
		assert.equal(dayNumber('day three'), 3);
		assert.equal(dayNumber('Wednesday'), null);
	});
});
