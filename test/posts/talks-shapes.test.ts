import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
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
