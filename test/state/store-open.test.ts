import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {openStore} from '../../src/state/store-open.js';
import {createStore, type PostPosition} from '../../src/state/store.js';
import {isBuilt} from '../helpers/run-cli.js';

const folders: string[] = [];
after(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});
function tempFolder(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubecon-notes-open-'));
	folders.push(folder);
	return folder;
}
function position(sourceLine: number, updatedAt: number): PostPosition {
	return {anchor: {sourceLine, blockKey: `b${sourceLine}`, blockFraction: 0, topic: null, progress: 0.5}, readTopics: [], updatedAt};
}
const saved = (cwd: string) => JSON.parse(fs.readFileSync(path.join(cwd, 'config.json'), 'utf8')) as {positions: Record<string, PostPosition>; lastPostId?: string; watched: Record<string, boolean>};

describe('openStore (the reader’s store: conf after the first frame)', () => {
	test('a healthy file is read at once; changes made before conf has loaded are kept and written once it has', async () => {
		const cwd = tempFolder();
		createStore({cwd}).setPosition('a.md', position(1, 10));
		const store = await openStore({cwd});
		assert.deepEqual(store.getPosition('a.md'), position(1, 10));
		store.setPosition('b.md', position(2, 20));
		store.setLastPostId('b.md');
		store.setWatched('s1', true);
		// Another run moved further in a.md meanwhile: the later move wins in memory too.
		createStore({cwd}).setPosition('a.md', position(3, 30));
		store.setPosition('a.md', position(2, 5));
		assert.deepEqual(store.getPosition('b.md'), position(2, 20));
		assert.equal(store.lastPostId(), 'b.md');
		assert.equal(store.isWatched('s1'), true);
		// Nothing written yet: the writable store is loaded on a timer, after the caller's first frame.
		assert.equal(saved(cwd).positions['b.md'], undefined);
		await store.settled();
		const after = saved(cwd);
		assert.deepEqual(after.positions['b.md'], position(2, 20));
		assert.deepEqual(after.positions['a.md'], position(3, 30));
		assert.equal(after.lastPostId, 'b.md');
		assert.equal(after.watched['s1'], true);
		// From then on it is the writable store, at once.
		store.setPosition('c.md', position(4, 40));
		assert.deepEqual(saved(cwd).positions['c.md'], position(4, 40));
		assert.deepEqual(store.warnings, []);
		assert.equal(store.saveProblem, null);
	});

	test('a file with something to say is opened writable at once: the corrupt one is already moved aside', async () => {
		const cwd = tempFolder();
		fs.writeFileSync(path.join(cwd, 'config.json'), '{"positions": ');
		const reported: string[] = [];
		const store = await openStore({cwd, onWarning: message => reported.push(message)});
		assert.equal(reported.length, 1);
		assert.match(reported[0]!, /moved to .*config\.json\.corrupt-/);
		store.setLastPostId('x.md');
		assert.equal(saved(cwd).lastPostId, 'x.md', 'written at once');
	});

	test('a folder that cannot be written is said before the first frame', async () => {
		const blocker = path.join(tempFolder(), 'a-file');
		fs.writeFileSync(blocker, 'x');
		const store = await openStore({cwd: path.join(blocker, 'store')});
		assert.match(store.saveProblem ?? '', /cannot be written/);
	});
});

describe('conf stays off the first frame’s path (dist/)', {skip: isBuilt ? false : 'dist/cli.js is not built'}, () => {
	const chunks = fileURLToPath(new URL('../../dist/chunks/', import.meta.url));
	/** A chunk and every chunk it imports statically (what loading it parses and runs). */
	const closure = (file: string, seen = new Set<string>()): Set<string> => {
		if (seen.has(file)) return seen;
		seen.add(file);
		const text = fs.readFileSync(path.join(chunks, file), 'utf8');
		for (const match of text.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) closure(match[1]!, seen);
		return seen;
	};
	const named = (prefix: string) => fs.readdirSync(chunks).find(name => name.startsWith(prefix))!;
	const holdsConf = (files: Set<string>) => [...files].some(file => /Please specify the `projectName` option/.test(fs.readFileSync(path.join(chunks, file), 'utf8')));
	const holdsAjv = (files: Set<string>) => [...files].some(file => /ajv-validator|must have required property/.test(fs.readFileSync(path.join(chunks, file), 'utf8')));

	test('the reader and the store it opens first load neither conf nor ajv; the writable store does', () => {
		for (const prefix of ['run-reader-', 'store-open-', 'find-sessions-']) {
			const files = closure(named(prefix));
			assert.equal(holdsConf(files) || holdsAjv(files), false, prefix);
		}
		assert.equal(holdsConf(closure(fs.readdirSync(chunks).find(name => /^store-[A-Z0-9]+\.js$/.test(name))!)), true);
		const cli = fs.readFileSync(fileURLToPath(new URL('../../dist/cli.js', import.meta.url)), 'utf8');
		assert.doesNotMatch(cli, /Please specify the `projectName` option|ajv/);
	});
});
