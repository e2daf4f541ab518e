import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {withKeys} from '../scripts/readme-keys.js';
import {bindings} from '../src/ui/keymap.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README lists the keys exactly as the key table has them (npm run readme-keys)', () => {
	assert.equal(readme, withKeys(readme));
	for (const binding of bindings) assert.ok(readme.includes(binding.help), binding.help);
});

test('the README gives one command for the reader and one for the tests', () => {
	assert.match(readme, /```sh\nnpm install && npm start\n```/);
	assert.match(readme, /```sh\nnpm install && npm test\n```/);
	const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>}).scripts;
	assert.ok(scripts['start'] && scripts['test']);
});
