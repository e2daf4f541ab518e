import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {isBreak, isSectionName, isTalkPage} from '../../src/posts/talks/evidence.js';
import {speakersInText} from '../../src/posts/talks/people.js';
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
