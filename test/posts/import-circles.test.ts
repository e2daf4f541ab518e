import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const POSTS = fileURLToPath(new URL('../../src/posts', import.meta.url));
const STATE = fileURLToPath(new URL('../../src/state', import.meta.url));

/** Every .ts file under a folder. */
function sources(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true}).flatMap((entry) =>
		entry.isDirectory()
			? sources(join(folder, entry.name))
			: entry.name.endsWith('.ts')
				? [join(folder, entry.name)]
				: [],
	);
}

/** The relative modules a file imports for their values (`import type` runs nothing and is left out). */
function valueImports(file: string, known: Set<string>): string[] {
	return imports(file, known, /^(?:import|export)(?!\s+type\b)[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm);
}

/** The relative modules a file imports, for their values or their types. */
function allImports(file: string, known: Set<string>): string[] {
	return imports(file, known, /^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm);
}

function imports(file: string, known: Set<string>, pattern: RegExp): string[] {
	const text = readFileSync(file, 'utf8');
	const found: string[] = [];
	for (const match of text.matchAll(pattern)) {
		const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'));
		if (known.has(target)) found.push(target);
	}
	return found;
}

/** One import circle, as a path that comes back to its start, or null. */
function findCircle(graph: Map<string, string[]>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (node: string): string[] | null => {
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
			if (!state.has(next)) {
				const circle = visit(next);
				if (circle) return circle;
			}
		}
		path.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of graph.keys()) {
		if (state.has(node)) continue;
		const circle = visit(node);
		if (circle) return circle;
	}
	return null;
}

test('no module in src/posts imports itself through others', () => {
	const files = sources(POSTS);
	const known = new Set(files);
	const graph = new Map(files.map((file) => [file, valueImports(file, known)]));
	const circle = findCircle(graph);
	assert.equal(circle, null, `import circle: ${circle?.map((file) => relative(POSTS, file)).join(' -> ')}`);
});

// The reader's state: each widget (sidebar/, find/, search/, help/) reduces its own slice and
// imports nothing of the reader's; reader-state.ts and the reducer import the widgets, never back.
// Types count too here: a widget that names ReaderState is a part of one big reducer again.
test('no module in src/state imports itself through others, not even for a type', () => {
	const files = sources(STATE);
	const known = new Set(files);
	const graph = new Map(files.map((file) => [file, allImports(file, known)]));
	const circle = findCircle(graph);
	assert.equal(circle, null, `import circle: ${circle?.map((file) => relative(STATE, file)).join(' -> ')}`);
});

test('the circle check finds a circle', () => {
	const graph = new Map([
		['a', ['b']],
		['b', ['c']],
		['c', ['a']],
	]);
	assert.deepEqual(findCircle(graph), ['a', 'b', 'c', 'a']);
});
