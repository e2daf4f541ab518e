import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {explainTalks} from '../../src/posts/talks/index.js';
import {lines, parse} from './helpers.js';

const front = ['---', 'title: Conf', '---'];
const talks = (...rows: string[]) =>
	parse(lines(...front, ...rows)).sessions.map((session) => [session.title, session.speakers]);

describe('talk headings: speakers after commas', () => {
	test('`Title, Ann Lee`, `Title, A & B`, `Title, A, B, Org` name their speakers', () => {
		assert.deepEqual(
			talks(
				'### Tracing Every Hop in the Mesh, Lorna Price',
				'',
				'Good demo.',
				'',
				'### Secrets Rotation at Scale, Omar Nasser & Julia Brandt',
				'',
				'Vault all the way.',
				'',
				'### Lessons From a Year of Chaos Drills, Erik Holm, Mina Sato, Steadyware',
				'',
				'Break things on purpose.',
			),
			[
				['Tracing Every Hop in the Mesh', 'Lorna Price'],
				['Secrets Rotation at Scale', 'Omar Nasser & Julia Brandt'],
				['Lessons From a Year of Chaos Drills', 'Erik Holm, Mina Sato, Steadyware'],
			],
		);
	});

	test('a heading of comma-joined words is no talk', () => {
		assert.deepEqual(talks('## Food, Venue, Swag', '', 'All fine.', '', '## Travel, Hotels', '', 'Trains.'), []);
	});

	test("a sibling's shape beats a name read from the prose below", () => {
		const found = talks(
			'## Keeping Builds Fast - Marek Duda',
			'',
			'Cache everything.',
			'',
			'## Owning Your Incidents - Xandrine Vollmoeller',
			'',
			'Kim Scott talked about candour in the opening slot, and this talk built on it.',
			'',
			'## Small Teams, Big Systems - Ana Ruiz',
			'',
			'Notes to follow.',
		);
		assert.deepEqual(found[1], ['Owning Your Incidents', 'Xandrine Vollmoeller']);
	});
});

describe('talk headings: speakers only in the prose below', () => {
	test('in a run of talk headings, a section that only says someone spoke is one of them', () => {
		const found = talks(
			'## Retry Budgets in Practice',
			'',
			'Leila Moradi gave a careful talk on retry storms.',
			'',
			'## Backpressure for Humans',
			'',
			'Queues hide problems, which Conrad Vogel pointed out in the second session.',
			'',
			'## Load Shedding at the Edge',
			'',
			'Dropping requests on purpose: the third talk of the morning.',
			'',
			'## Graceful Degradation Patterns',
			'',
			'Rosa Jimenez presented a talk full of fallback pages.',
			'',
			'## Timeouts All the Way Down',
			'',
			'Anil Kapoor gave a talk on deadline propagation.',
			'',
			'## Dinner',
			'',
			'Pizza again.',
		);
		assert.deepEqual(found, [
			['Retry Budgets in Practice', 'Leila Moradi'],
			['Backpressure for Humans', 'Conrad Vogel'],
			['Load Shedding at the Edge', null],
			['Graceful Degradation Patterns', 'Rosa Jimenez'],
			['Timeouts All the Way Down', 'Anil Kapoor'],
		]);
	});

	test('hints from the prose never start a run: a recap with one workshop stays one talk', () => {
		const found = talks(
			'## The workshop',
			'',
			'Bill Kerrigan gave a workshop on profiling.',
			'',
			'## Notes From The Main Event',
			'',
			'- trams',
			'- bikes',
			'',
			'A welcome from the mayor, Brian Keller, who talked about the city and its trams.',
			'',
			'## The evening',
			'',
			'Everyone talked about boats over dinner.',
			'',
			'## The venue',
			'',
			'A cinema with good seats.',
		);
		assert.deepEqual(found, []);
	});
});

describe('talks in Chinese prose', () => {
	test('《title》 after "listened to" is a talk, with the speaker from "…讲的"; a book read is not', () => {
		assert.deepEqual(
			talks(
				'早上去听了《日志平台的演进》，王磊讲的，很有收获。',
				'',
				'晚上读了《人月神话》，还是那么好看。我们还聊了《三体》。',
			),
			[['日志平台的演进', '王磊']],
		);
	});
});

describe('talk headings: speakers in parentheses', () => {
	test('names people.ts cannot vouch for are read in the parentheses siblings use', () => {
		assert.deepEqual(
			talks(
				'### Shipping Fonts Fast (Lotte Brink)',
				'',
				'Subsetting and preload.',
				'',
				'### Grid Layouts in Practice (Aurèle du pont)',
				'',
				'Named areas.',
				'',
				'### Colour Systems (Nour B)',
				'',
				'Tokens.',
				'',
				'### Forms That Forgive (Ada Holm - Ben Carr)',
				'',
				'Errors inline.',
			),
			[
				['Shipping Fonts Fast', 'Lotte Brink'],
				['Grid Layouts in Practice', 'Aurèle du pont'],
				['Colour Systems', 'Nour B'],
				['Forms That Forgive', 'Ada Holm - Ben Carr'],
			],
		);
	});

	test("a person linked after a French elision (d'[…]) is no talk", () => {
		assert.deepEqual(talks("Sur les conseils d'[Inès M](https://example.org/ines), j'ai suivi la piste front."), []);
	});
});

describe('quoted talk titles in prose', () => {
	test('the subject who presented, a demo, and a later sentence that says "stated"', () => {
		assert.deepEqual(
			talks(
				'Ines Duarte, a platform lead at a bank, presented “Audit Logs People Open.” She stated two rules.',
				'',
				'Tom Berg from a small agency gave a demo on “Static Sites at Scale”. It worked.',
			),
			[
				['Audit Logs People Open', 'Ines Duarte'],
				['Static Sites at Scale', 'Tom Berg'],
			],
		);
	});

	test('quoted titles with commas inside the quotes chain after a cue; a book enjoyed is not a talk', () => {
		assert.deepEqual(
			talks(
				'I particularly enjoyed the sessions on "Fast Builds," "Slow Tests," and "Flaky Networks."',
				'',
				'Back home I enjoyed "Range Rover Stories" by the fire.',
			),
			[
				['Fast Builds', null],
				['Slow Tests', null],
				['Flaky Networks', null],
			],
		);
	});

	test('`the "Title" by "Ann Lee"`: a quoted speaker', () => {
		assert.deepEqual(talks('The best one was the "Kernel Live Patching" by "Jonas Weber".'), [
			['Kernel Live Patching', 'Jonas Weber'],
		]);
	});
});

describe('bold titles', () => {
	test('a title in a script without capitals is not "not shaped like a title"', () => {
		const post = parse(lines(...front, '**服务网格的落地经验**', '', '- 灰度发布', '- 流量镜像'));
		const verdict = explainTalks(post).find((item) => item.text === '服务网格的落地经验');
		assert.ok(verdict, 'the bold title is weighed');
		assert.ok(!verdict.evidence.some((item) => item.includes('not shaped like a title')), verdict.evidence.join('; '));
	});
});

describe('a recording, then its speaker', () => {
	test('`[Title](video)` alone on a line, a name alone on the next, commentary after', () => {
		assert.deepEqual(
			talks(
				'[Async Without Anxiety](https://www.youtube.com/watch?v=ddddddddddd)  ',
				'Yusuf Aydin  ',
				'The best explanation of event loops I have seen.',
				'',
				'[Funny dog compilation](https://www.youtube.com/watch?v=eeeeeeeeeee)  ',
				'Watched it twice.',
			),
			[['Async Without Anxiety', 'Yusuf Aydin']],
		);
	});
});

describe('an opening that counts the talks', () => {
	const post = (count: string) =>
		talks(
			`At the meetup, ${count} presentations stood out for me.`,
			'',
			'## Feature Flags at Scale',
			'',
			'The talk covered kill switches.',
			'',
			'## Rollbacks in Seconds',
			'',
			'From the talk: keep the old build warm.',
		);

	test('as many top-level headings as the talks it counts: one talk each', () => {
		assert.deepEqual(post('two'), [
			['Feature Flags at Scale', null],
			['Rollbacks in Seconds', null],
		]);
	});

	test('a count that does not match the headings says nothing', () => {
		assert.deepEqual(post('five'), []);
	});
});

describe('a handle as the speaker in a heading', () => {
	test('`Title by @handle`: the title without the handle, the person it spells', () => {
		assert.deepEqual(
			talks(
				'## Caching Rails Views by @mirakoch',
				'',
				'Mira Koch showed fragment caching with real numbers.',
				'',
				'## Testing Mail by @pdube',
				'',
				'A quick tour of mail previews.',
			),
			[
				['Caching Rails Views', 'Mira Koch'],
				['Testing Mail', '@pdube'],
			],
		);
	});
});

test("a link on a heading's speaker is the person's page, not the talk's", () => {
	const post = parse(
		lines(
			...front,
			'## Caching Rails Views by [@mirakoch](https://twitter.com/mirakoch)',
			'',
			'Mira Koch showed fragment caching.',
			'',
			'## [Testing Mail](https://conf.example/talks/mail) by Pia Dube',
			'',
			'Mail previews.',
		),
	);
	assert.deepEqual(
		post.sessions.map((session) => [session.title, session.url]),
		[
			['Caching Rails Views', null],
			['Testing Mail', 'https://conf.example/talks/mail'],
		],
	);
});

test('a recording named in prose may ask and answer in its title; its speaker opens the sentence, handle aside', () => {
	assert.deepEqual(
		talks(
			'Ana Lima ([@analima](https://example.org/analima)) the creator of a popular parser, gave a talk named [Why parse? Because bytes lie](https://video.example.org/2017/parse.mp4). Great.',
		),
		[['Why parse? Because bytes lie', 'Ana Lima']],
	);
});
