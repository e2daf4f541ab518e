import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after} from 'node:test';

const folders: string[] = [];
// Registered when a test file imports this helper, so on the file's root: every folder made in the
// file is removed once its tests are done (scripts/run-tests.mjs fails a run that leaves one).
after(() => {
	for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true});
});

/** A new empty folder in the temp folder, named `prefix…`, removed after the test file's tests. */
export function tempFolder(prefix = 'kn-'): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	folders.push(folder);
	return folder;
}
