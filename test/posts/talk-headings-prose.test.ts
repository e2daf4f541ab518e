import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
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
