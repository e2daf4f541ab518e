import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {parse as parseYaml} from 'yaml';
import {loadLibrary} from '../../src/posts/index.js';

const library = loadLibrary([fileURLToPath(new URL('../../posts', import.meta.url))]);
const post = (id: string) => library.posts.find((p) => p.id === id)!;

/** The facts the bundled posts were written from, where the checkout has them beside it. */
const factsPath = (name: string) =>
	fileURLToPath(new URL(`../../../shared/content/${name}.facts.yaml`, import.meta.url));

type Facts = {
	post: {title: string};
	topics: Array<{heading: string}>;
	sessions?: Array<{day: number; items: Array<{title: string; speakers?: string; url?: string; note?: string}>}>;
};
const facts = (name: string): Facts | null =>
	existsSync(factsPath(name)) ? (parseYaml(readFileSync(factsPath(name), 'utf8')) as Facts) : null;

describe('the bundled posts', () => {
	test('load without warnings, newest first, with their front matter', () => {
		assert.deepEqual(library.warnings, []);
		assert.deepEqual(
			library.posts.map((p) => p.id),
			['2024-04-01-kubecon-eu-2024.md', '2023-04-27-kubecon-eu-2023.md'],
		);
		const eu2023 = post('2023-04-27-kubecon-eu-2023.md');
		assert.equal(eu2023.title, 'KubeCon + CloudNativeCon Europe 2023 notes');
		assert.equal(eu2023.date?.toISOString(), '2023-04-27T11:47:00.000Z');
		assert.deepEqual(eu2023.tags, ['kubecon']);
		assert.deepEqual(post('2024-04-01-kubecon-eu-2024.md').tags, []);
	});

	test('2023: 7 topics and 23 sessions, 3 of them missed', () => {
		const eu2023 = post('2023-04-27-kubecon-eu-2023.md');
		assert.equal(eu2023.loadBody().topics.length, 7);
		assert.equal(eu2023.loadBody().sessions.length, 23);
		assert.equal(eu2023.loadBody().sessions.filter((session) => session.missed).length, 3);
		assert.equal(eu2023.loadBody().sessions.filter((session) => session.title === 'Keynote').length, 3);
		assert.deepEqual(
			[...new Set(eu2023.loadBody().sessions.map((session) => session.day))],
			['Day 1', 'Day 2', 'Day 3'],
		);
		assert.ok(eu2023.loadBody().intro !== null);
		assert.match(eu2023.loadBody().excerpt, /^In April 2023/);
	});

	test('2024: 5 topics and no sessions (its "See also" lists are not talks)', () => {
		const eu2024 = post('2024-04-01-kubecon-eu-2024.md');
		assert.equal(eu2024.loadBody().topics.length, 5);
		assert.equal(eu2024.loadBody().sessions.length, 0);
	});

	test(
		'topic names and every session fact match the facts files exactly',
		{skip: facts('kubecon-eu-2023') ? false : 'shared/content not beside this checkout'},
		() => {
			for (const [id, name] of [
				['2023-04-27-kubecon-eu-2023.md', 'kubecon-eu-2023'],
				['2024-04-01-kubecon-eu-2024.md', 'kubecon-eu-2024'],
			] as const) {
				const fact = facts(name)!;
				assert.deepEqual(
					post(id)
						.loadBody()
						.topics.map((topic) => topic.name),
					fact.topics.map((topic) => topic.heading),
				);
				const expected = (fact.sessions ?? []).flatMap((day) =>
					day.items.map((item) => ({
						title: item.title,
						speakers: item.speakers ?? null,
						url: item.url ?? null,
						note: item.note ?? null,
						day: `Day ${day.day}`,
					})),
				);
				assert.deepEqual(
					post(id)
						.loadBody()
						.sessions.map(({title, speakers, url, note, day}) => ({title, speakers, url, note, day})),
					expected,
				);
			}
		},
	);
});
