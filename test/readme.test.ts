import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {withKeys} from '../scripts/readme.js';
import {bindings} from '../src/ui/keymap.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README lists the keys exactly as the key table has them (npm run readme)', () => {
	assert.equal(readme, withKeys(readme));
	for (const binding of bindings) assert.ok(readme.includes(binding.help), binding.help);
});

test('the README gives one command for the reader and one for the tests', () => {
	assert.match(readme, /```sh\nnpm install && npm start\n```/);
	assert.match(readme, /```sh\nnpm install && npm test\n```/);
	const scripts = (
		JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>}
	).scripts;
	assert.ok(scripts['start'] && scripts['test']);
});

test("the README's developer tree names every folder of src/ and of the repository", () => {
	const tree = /## Development[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
	const named = new Set([...tree.matchAll(/(?:^|\s)([\w./-]+\/|[\w./-]+\.tsx?)(?=\s)/gm)].map((match) => match[1]!));
	const root = new URL('../', import.meta.url);
	const folders = (path: string) =>
		readdirSync(new URL(path, root), {withFileTypes: true}).filter(
			(entry) => entry.isDirectory() && !entry.name.startsWith('.') && !['node_modules', 'dist'].includes(entry.name),
		);
	for (const entry of folders('src/')) assert.ok(named.has(`src/${entry.name}/`), `src/${entry.name}/`);
	for (const entry of folders('./').filter((entry) => entry.name !== 'src'))
		assert.ok(named.has(`${entry.name}/`), `${entry.name}/`);
	for (const name of readdirSync(new URL('src/', root)).filter((name) => /\.tsx?$/.test(name)))
		assert.ok(named.has(`src/${name}`), `src/${name}`);
});
