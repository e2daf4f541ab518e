import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {isBreak, isSectionName, isTalkPage} from '../../src/posts/talks/evidence.js';
import {peopleOf, speakersInText} from '../../src/posts/talks/people.js';
import {splitSpeakers} from '../../src/posts/talks/speakers.js';
import {lines, parse} from './helpers.js';

const front = ['---', 'title: Conf', '---'];
const talks = (...body: string[]) =>
	parse(lines(...front, ...body)).sessions.map((session) => [session.title, session.speakers]);

describe('speakers named in prose', () => {
	test('a handle in parentheses after the name keeps the name the subject of its verb', () => {
		assert.deepEqual(speakersInText('Marta Oliveira (@marta_codes) spoke about'), ['Marta Oliveira']);
		assert.deepEqual(speakersInText('Santiago M. Mola (@mola) presented'), ['Santiago M. Mola']);
		assert.deepEqual(
			talks(
				'Marta Oliveira ([@marta_codes](https://twitter.com/marta_codes)) spoke about [Packaging Without Tears](https://video.example.org/p.mp4).',
			),
			[['Packaging Without Tears', 'Marta Oliveira']],
		);
	});
});

describe('false talks', () => {
	test('a pause, a bonus section and a past event page are not talks', () => {
		assert.equal(isBreak('Taking a short break'), true);
		assert.equal(isBreak('Time for a breather'), true);
		assert.equal(isBreak('Break It Down: Services in Practice'), false);
		assert.equal(isSectionName('Bonus track'), true);
		assert.equal(isSectionName('Conf Bonus Tracks Revisited'), false);
		assert.equal(isSectionName('More Notes & Links'), true);
		assert.equal(isTalkPage('https://events.linuxfoundation.org/archive/2023/northwind-summit/'), false);
	});

	test("a link naming a person is the person's page, and a link naming the conference is the conference", () => {
		const post = parse(
			lines(
				'---',
				'title: Northwind Summit 2023 in Porto',
				'---',
				'At [Northwind Summit in Porto](https://northwind.example.org/sessions/all) I saw talks.',
				'',
				'[Ingrid Solberg](https://northwind.example.org/speaker/ingrid) gave a fine talk on logs.',
				'',
				'* [Scaling Logs Quietly](https://northwind.example.org/talks/logs) by Ingrid Solberg',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => session.title),
			['Scaling Logs Quietly'],
		);
	});
});

describe('speakers split into people', () => {
	test('people joined by dashes, a team, and an organisation with & in its name', () => {
		assert.deepEqual(splitSpeakers('Camille Roux - Julien Perrin - Sophie Martin'), {
			people: ['Camille Roux', 'Julien Perrin', 'Sophie Martin'],
			organizations: [],
		});
		assert.deepEqual(peopleOf('Camille Roux - Julien Perrin')?.people, ['Camille Roux', 'Julien Perrin']);
		assert.deepEqual(splitSpeakers('Ben Hale, Matthew Rowe, Min Kelley, Olivier Gras').people, [
			'Ben Hale',
			'Matthew Rowe',
			'Min Kelley',
			'Olivier Gras',
		]);
		assert.deepEqual(splitSpeakers('Ann Lee, Acme, Bo Chan, Initech'), {
			people: ['Ann Lee', 'Bo Chan'],
			organizations: ['Acme', 'Initech'],
		});
		assert.deepEqual(splitSpeakers('Rachel Adams and NVIDIA'), {people: ['Rachel Adams'], organizations: ['NVIDIA']});
		assert.deepEqual(splitSpeakers('Ann Lee & Bo Chan, 1&1 Mail & Media'), {
			people: ['Ann Lee', 'Bo Chan'],
			organizations: ['1&1 Mail & Media'],
		});
	});

	test('a speakers line cut where the names end, and a second linked talk with its own by', () => {
		assert.deepEqual(
			talks(
				'Talks I attended:',
				'',
				'- **Faster Dataframes on the GPU**',
				'  Speaker: Rachel Adams and NVIDIA team',
				'- [Plain Text Forever](https://m.example.org/talks/pt) by Greta Hale and [30 Years of Make](https://m.example.org/talks/mk) by Tom Ibsen',
			),
			[
				['Faster Dataframes on the GPU', 'Rachel Adams and NVIDIA'],
				['Plain Text Forever', 'Greta Hale'],
				['30 Years of Make', 'Tom Ibsen'],
			],
		);
	});
});

describe('linked titles', () => {
	test("a recording's link alone on its line names its speaker on the next line", () => {
		assert.deepEqual(
			talks(
				'[Fast Tests for Slow Services](https://www.youtube.com/watch?v=b2)  ',
				'Oliver Grant  ',
				'He made the case for fakes over mocks, and I was mostly convinced.',
			),
			[['Fast Tests for Slow Services', 'Oliver Grant']],
		);
	});

	test('a by after the link keeps a dash inside the linked title', () => {
		assert.deepEqual(
			talks(
				'Talks I attended:',
				'',
				'- [Packaging - Less Magic, More Tools](https://c.example.org/talks/p) by Leah Dunn',
				'- [Type Hints at Scale](https://c.example.org/talks/t) by Marco Bellini',
			),
			[
				['Packaging - Less Magic, More Tools', 'Leah Dunn'],
				['Type Hints at Scale', 'Marco Bellini'],
			],
		);
	});
});

describe('names-first lists', () => {
	test('a topic label before the link, and a long title beside siblings written name first', () => {
		assert.deepEqual(
			talks(
				'* [Ines Vidal - Profiling Without Guesswork](https://www.youtube.com/watch?v=p1) - clear.',
				'* [Karl Jensen - Writing a Parser by Hand](https://www.youtube.com/watch?v=p2) - slow start.',
				'* [Rosa Lindqvist - Mirror, mirror, which of my tests is the flakiest of them all](https://www.youtube.com/watch?v=p3)',
				'* Packaging: [Omar Sadiq - Wheels for Everyone](https://www.youtube.com/watch?v=p4) - finally.',
			),
			[
				['Profiling Without Guesswork', 'Ines Vidal'],
				['Writing a Parser by Hand', 'Karl Jensen'],
				['Mirror, mirror, which of my tests is the flakiest of them all', 'Rosa Lindqvist'],
				['Wheels for Everyone', 'Omar Sadiq'],
			],
		);
	});
});

describe('mentions and commas', () => {
	test("a comma before by names the speaker; a speaker's keynote named by its kind is a mention", () => {
		assert.deepEqual(
			talks(
				'- [Watch Maya Roth’s Keynote](https://video.example.org/k1)',
				'- [Migrations Without Downtime](https://video.example.org/m), by [Ruth Okafor](https://example.org/ruth), was useful.',
				'- [Async Views in Practice](https://video.example.org/a) by Daniel Ferreira',
			),
			[
				['Migrations Without Downtime', 'Ruth Okafor'],
				['Async Views in Practice', 'Daniel Ferreira'],
			],
		);
	});
});

test("a recording's linked title after the speaker is read as the programme has it", () => {
	assert.deepEqual(
		talks(
			'* Hana Kowalski - [Type Checking Saved My Weekend!](https://www.youtube.com/watch?v=k1) - a war story.',
			'* Peter Ngata - [Click Here: Building Friendly Command Lines](https://www.youtube.com/watch?v=k2)',
		),
		[
			['Type Checking Saved My Weekend!', 'Hana Kowalski'],
			['Click Here: Building Friendly Command Lines', 'Peter Ngata'],
		],
	);
});

test("beside siblings written [Title, Speaker](video), a name's shape after the comma is the speaker", () => {
	assert.deepEqual(
		talks(
			'- [Shipping a Query Planner in a Weekend, Ada Whitfield](https://www.youtube.com/watch?v=s1)',
			'- [Sound Synthesis for the Curious, Leo Marchetti](https://www.youtube.com/watch?v=s2)',
			'- [Tide-pool - a small garbage collector, Max Orlov](https://www.youtube.com/watch?v=s3)',
			'- From the Papers Meetup: [Consensus Without Tears, Greta Lund](https://www.youtube.com/watch?v=s4)',
		),
		[
			['Shipping a Query Planner in a Weekend', 'Ada Whitfield'],
			['Sound Synthesis for the Curious', 'Leo Marchetti'],
			['Tide-pool - a small garbage collector', 'Max Orlov'],
			['Consensus Without Tears', 'Greta Lund'],
		],
	);
});

test('a repository linked by its own name is a tool, whoever wrote it', () => {
	assert.deepEqual(
		talks(
			'Talks I attended:',
			'',
			'* [Generics in the Wild](https://g.example.eu/talks/generics) by Sara Lind',
			'* [gotemplate](https://github.com/example/gotemplate) by Marit Aas looks useful.',
		),
		[['Generics in the Wild', 'Sara Lind']],
	);
});

describe('HTML sections whose lists are cut into several blocks', () => {
	const section = (title: string, first: string, ...items: string[]) => [
		`</ul><h3>${title}</h3>`,
		'',
		'<ul>',
		`<li> ${first}</li>`,
		'<li> notes on the idea',
		'',
		'<ul>',
		'<li> a detail</li>',
		'</ul>',
		'</li>',
		...items.map((item) => `<li> ${item}</li>`),
	];
	const post = (...sections: string[][]) =>
		talks(
			'<div><h2>Harbour Ruby - 5/6/12</h2>',
			'',
			'<p>One track.</p>',
			'',
			'<ul><li>start</li>',
			...sections.flat(),
			'</ul></div>',
		);

	test("the speaker's line and the slides in the HTML blocks after the heading's block are the section's notes", () => {
		assert.deepEqual(
			post(
				section('Queues Without Tears', '@arnoldp'),
				section('Caching Done Right', 'Bea Holm @bholm'),
				section(
					'Less Magic in Models',
					'Cal Ortiz @cortiz',
					'<a href="http://speakerdeck.com/u/x/p/models">slides</a>',
				),
			).map(([title]) => title),
			['Queues Without Tears', 'Caching Done Right', 'Less Magic in Models'],
		);
	});

	test("a person's quoted words in a talk's notes are not a talk", () => {
		assert.deepEqual(
			talks(
				'## Shipping Small Releases',
				'',
				'- Ravi Menon @rmenon',
				'- Ida Kessler: "Deploy Before Lunch"',
				'- keep batches small',
			),
			[['Shipping Small Releases', 'Ravi Menon']],
		);
	});

	test('a heading that is only a name over bullet notes is not taken as a title in a run of talks', () => {
		const titles = talks(
			'## Oct 3',
			'### Queues Without Tears',
			'- @arnoldp',
			'- retries',
			'### Caching Done Right',
			'- Bea Holm @bholm',
			'- layers',
			'### Less Magic in Models',
			'- [slides](http://speakerdeck.com/u/x/p/models)',
			'### Uncle Tim Marsh',
			'- stories from the field',
			'- keep a log',
			'### Wrapping Up',
			'- thanks',
		).map(([title]) => title);
		assert.ok(!titles.includes('Uncle Tim Marsh'), titles.join(', '));
	});
});

describe('items closed by a presented-by line', () => {
	test('a loose bullet whose own paragraphs end `Presented by Name` is that person’s talk; a bare address in its bold title is its link', () => {
		const post = parse(
			lines(
				...front,
				'Two talks tonight.',
				'',
				'* **Cooking With Sidekiq <http://example.org/sidekiq>**',
				'',
				'  How the queue keeps dinner orders moving.',
				'',
				'  Presented by [Mina Sato](http://example.org/mina) and [@jlaw](http://example.org/j)',
				'',
				'* **Rails on a Raspberry**',
				'',
				'  A tiny server in a drawer.',
				'',
				'  Presented by [@pik](http://example.org/pik)',
			),
		);
		assert.deepEqual(
			post.sessions.map((session) => [session.title, session.speakers, session.url]),
			[
				['Cooking With Sidekiq', 'Mina Sato', 'http://example.org/sidekiq'],
				['Rails on a Raspberry', null, null],
			],
		);
	});
});

describe('a run of talk headings over bullet notes', () => {
	const section = (title: string, ...notes: string[]) => [`### ${title}`, '', ...notes.map((note) => `- ${note}`), ''];
	const run = (...extra: string[][]) =>
		talks(
			'## Harbour Ruby - 5/6/12',
			'',
			...section('Growing a Team Without Pains', 'hire for curiosity'),
			...section('small services, big wins', 'one queue per job', '@dtorvik'),
			...section('Views That Render Quickly', '[slides](http://speakerdeck.com/u/l/p/views)'),
			...section('rebuilding the admin', 'started twice'),
			...section('Metrics Nobody Looks At', 'dashboards rot'),
			...section('Testing Against Real Clocks', 'Ilse Varga @ivarga', 'freeze time'),
			...section('Ship It Often', '[slides](http://speakerdeck.com/u/n/p/ship)'),
			...extra.flat(),
			...section('Learning Elixir as a Rubyist', 'pattern matching'),
			...section('Thanks', 'see you'),
		).map(([title]) => title);

	test('a handle alone on a later bullet supports its heading, and seven in ten siblings with evidence carry the rest', () => {
		// (Two capitalised words are not a name unless one is a known given name.)
		const titles = run(section('Release Rituals', 'tag every build'));
		assert.ok(titles.includes('Release Rituals'), titles.join(', '));
		assert.ok(titles.includes('small services, big wins'), titles.join(', '));
		assert.ok(titles.includes('rebuilding the admin'), titles.join(', '));
		assert.ok(!titles.includes('Thanks'), titles.join(', '));
	});

	test('a name-shaped heading in such a run is not carried', () => {
		const titles = run(section('Uncle Dan Whitfield', 'twenty years of consulting'));
		assert.ok(!titles.includes('Uncle Dan Whitfield'), titles.join(', '));
	});
});

describe('a bold head with a subtitle after a dash', () => {
	test('`**code_name** - a subtitle, by Name.` keeps the subtitle in the title and names the speaker', () => {
		assert.deepEqual(
			talks(
				'The talks were:',
				'',
				'* **Rack Middleware in Practice**, by [Oona](http://example.org/oona).',
				'* **lazy_enum** - streaming big files without tears, by [Pim](http://example.org/pim). Enumerators that read a line at a time.',
			),
			[
				['Rack Middleware in Practice', 'Oona'],
				['lazy_enum - streaming big files without tears', 'Pim'],
			],
		);
	});
});

describe('schedule cards and roundup labels', () => {
	test("a one-word nickname over the talk's slot is its speaker", () => {
		assert.deepEqual(
			talks(
				'## [Async for the Rest of Us](https://pyharbour.example.org/schedule/presentation/31/)',
				'',
				'* *quill*',
				'* *Saturday @ 2:30 PM (Talk, Room 4)*',
				'',
				'Event loops explained.',
			),
			[['Async for the Rest of Us', 'quill']],
		);
	});

	test('`Shameless plug: Title` is the title without its label, and the label counts for it', () => {
		const titles = talks(
			'## [Caching Without Regret](https://pyharbour.example.org/schedule/presentation/12/)',
			'',
			'* *Mira Holt*',
			'',
			'## [Async for the Rest of Us](https://pyharbour.example.org/schedule/presentation/31/)',
			'',
			'* *Jon Park*',
			'',
			'## Shameless plug: Packaging Notes From the Trenches',
			'',
			'My own, given with a colleague.',
		).map(([title]) => title);
		assert.deepEqual(titles, [
			'Caching Without Regret',
			'Async for the Rest of Us',
			'Packaging Notes From the Trenches',
		]);
	});
});

describe('an article between a talk cue and an emphasised title', () => {
	test("`*Ann Lee*'s talk on the *Title*` names the talk and its speaker", () => {
		assert.deepEqual(talks('On day two, *Odile Marchand*’s talk on the *Quiet Parts of the Web* stayed with me.'), [
			['Quiet Parts of the Web', 'Odile Marchand'],
		]);
	});
});

describe('a room label before a heading title', () => {
	test('`Networking room - Title` is the title, with the room as its slot', () => {
		assert.deepEqual(
			talks('The talks I went to today:', '', '## Networking room - OpenLink', '', 'https://openlink.example.org/').map(
				([title]) => title,
			),
			['OpenLink'],
		);
	});
});
