import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {explainTalks} from '../../src/posts/talks/index.js';
import {lines, parse} from './helpers.js';

const front = ['---', 'title: Conf', '---'];
const titles = (text: string) => parse(text).sessions.map((session) => session.title);

describe('the author settles what evidence cannot', () => {
	test('{: .talks} after a list makes its plain items talks', () => {
		const text = lines(...front, 'Stuff from Friday:', '', '- Quiet Pipelines', '- Cheaper Clusters', '{: .talks}');
		assert.deepEqual(titles(text), ['Quiet Pipelines', 'Cheaper Clusters']);
		// Without the mark the same list is not talks: nothing says so.
		assert.deepEqual(titles(lines(...front, 'Stuff from Friday:', '', '- Quiet Pipelines', '- Cheaper Clusters')), []);
	});

	test('{: .not-talks} after a list of talk-shaped items leaves them out', () => {
		const list = [
			'- [Fast Builds - Ann Lee, Acme](https://sched.co/Ab1)',
			'- [Slow Builds - Bo Chan, Initech](https://sched.co/Ab2)',
		];
		assert.equal(titles(lines(...front, ...list)).length, 2);
		assert.deepEqual(titles(lines(...front, ...list, '{: .not-talks}')), []);
	});

	test('{: .not-talks} on a heading leaves out its whole section; {: .talks} makes a heading a talk', () => {
		const text = lines(
			...front,
			'## Books I was given',
			'{: .not-talks}',
			'',
			'- [Games People Play - Eric Berne](https://sched.co/Xy1)',
			'',
			'### A Sub Part - Ann Lee, Acme',
			'',
			'## Lunch Chat With Maintainers',
			'{: .talks}',
			'',
			'We talked about release trains.',
		);
		assert.deepEqual(titles(text), ['Lunch Chat With Maintainers']);
	});

	test('{: .talks} after a table takes its first column when no header names the titles', () => {
		const text = lines(
			...front,
			'| What | Where |',
			'| --- | --- |',
			'| Mesh Myths | Hall A |',
			'| Quota Quirks | Hall B |',
			'{: .talks}',
		);
		assert.deepEqual(titles(text), ['Mesh Myths', 'Quota Quirks']);
	});

	test('front matter talks: false says the post has none', () => {
		const body = ['- [Fast Builds - Ann Lee, Acme](https://sched.co/Ab1)'];
		assert.equal(titles(lines(...front, ...body)).length, 1);
		assert.deepEqual(titles(lines('---', 'title: Conf', 'talks: false', '---', ...body)), []);
	});
});

describe('missed talks', () => {
	test('a section that says its talks were missed marks them missed', () => {
		for (const heading of ['## Things I missed', '## Catching up on what I missed', '## Talks to watch later']) {
			const post = parse(lines(...front, heading, '', '- [Fast Builds - Ann Lee, Acme](https://sched.co/Ab1)'));
			assert.deepEqual(
				post.sessions.map((session) => session.missed),
				[true],
				heading,
			);
		}
		// A recommendation is not a miss.
		const post = parse(
			lines(...front, '## Talks you should watch', '', '- [Fast Builds - Ann Lee, Acme](https://sched.co/Ab1)'),
		);
		assert.deepEqual(
			post.sessions.map((session) => session.missed),
			[false],
		);
	});

	test('a sentence saying the author missed this talk marks it, and not the talk before it', () => {
		const post = parse(
			lines(
				...front,
				'## Fast Builds - Ann Lee, Acme',
				'',
				'I missed the keynote, and got to this talk late.',
				'',
				'## Slow Builds - Bo Chan, Initech',
				'',
				'I actually missed this talk, "Slow Builds", but the slides are good.',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.missed]),
			[
				['Fast Builds', false],
				['Slow Builds', true],
			],
		);
	});
});

describe('explainTalks', () => {
	test('each talk with what made it one, and near misses with why not', () => {
		const post = parse(
			lines(
				...front,
				'## Fast Builds - Ann Lee, Acme',
				'',
				'Ann showed how to cache layers.',
				'',
				'## Summary',
				'',
				'- Quiet Pipelines',
			),
		);
		const verdicts = explainTalks(post);
		const talk = verdicts.find((verdict) => verdict.accepted)!;
		assert.equal(talk.text, 'Fast Builds');
		assert.equal(talk.line, 4);
		assert.ok(
			talk.evidence.some((item) => item.includes('speaker in the heading')),
			JSON.stringify(talk),
		);
		const summary = verdicts.find((verdict) => verdict.text === 'Summary')!;
		assert.equal(summary.accepted, false);
		assert.match(summary.why, /section name/);
		const item = verdicts.find((verdict) => verdict.text === 'Quiet Pipelines')!;
		assert.equal(item.accepted, false);
	});
});

describe('hostile text', () => {
	test('long runs of the characters talk patterns look at are read in linear time', () => {
		const runs = [
			' '.repeat(30_000),
			`## ${'- '.repeat(10_000)}x`,
			`- ${'by '.repeat(10_000)}Ann Lee`,
			`**${'A '.repeat(10_000)}by Bo**`,
			`"${'x '.repeat(10_000)}`,
			`${'Ann Lee, '.repeat(5_000)}Acme`,
			`<h3>${'a'.repeat(20_000)}`,
			`## Title (${'('.repeat(10_000)}`,
			`Talk: ${'\u201C'.repeat(10_000)}`,
		];
		for (const run of runs) {
			const post = parse(lines(...front, run, '', `${run} ${run}`));
			assert.ok(Array.isArray(post.sessions));
			assert.ok(Array.isArray(explainTalks(post)));
		}
	});
});

describe('speakers as people write them', () => {
	test('people split from organisations: by A, Org & B, Org; CJK names; Name (Org, Inc)', () => {
		const post = parse(
			lines(
				...front,
				'## Talks',
				'',
				'- **Quiet Pipelines** by Tom Berg, Widget AB & Lea Park, Sample Inc.',
				'- [Sidecars Are Dead, Long Live Sidecars - 山田 太郎, Example KK](https://sched.co/Zz1)',
				'- [Paging Done Right - Andrea Arcangeli (Red Hat, Inc)](https://sched.co/Zz2)',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.people, session.organizations]),
			[
				['Quiet Pipelines', ['Tom Berg', 'Lea Park'], ['Widget AB', 'Sample Inc']],
				['Sidecars Are Dead, Long Live Sidecars', ['山田 太郎'], ['Example KK']],
				['Paging Done Right', ['Andrea Arcangeli'], ['Red Hat, Inc']],
			],
		);
	});
});
