import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after} from 'node:test';

/**
 * A new empty folder in the temp folder, named `prefix…`, removed once the test or suite that made it
 * is done (at a file's top: once the file's tests are; scripts/run-tests.mjs fails a run that leaves
 * one). The clean-up is registered where the folder is made, not once when this helper is first
 * imported: unit files share a process, and this module is loaded once for all of them.
 */
export function tempFolder(prefix = 'kn-'): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	after(() => rmSync(folder, {recursive: true, force: true}));
	return folder;
}
