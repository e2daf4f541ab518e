import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/**
 * A `--require` hook for the built CLI that logs, in order, the moment the reader's first frame is
 * written and the events asked for: each require of a module in `requires`, each statSync and
 * openSync of a path `stats` matches. Tests use it to say what happens before the first frame and what after.
 */
export function firstFrameLog(
	dir: string,
	watch: {requires?: string[]; stats?: RegExp},
): {hook: string; read: () => string[]} {
	const log = join(dir, 'first-frame.log');
	const hook = join(dir, 'first-frame-log.cjs');
	writeFileSync(log, '');
	writeFileSync(
		hook,
		`const Module = require('node:module');
const fs = require('node:fs');
const log = line => fs.appendFileSync(${JSON.stringify(log)}, line + '\\n');
const requires = new Set(${JSON.stringify(watch.requires ?? [])});
const load = Module._load;
Module._load = function (request, ...rest) {
	if (requires.has(request)) log('require ' + request);
	return load.call(this, request, ...rest);
};
const stats = ${watch.stats ? `new RegExp(${JSON.stringify(watch.stats.source)}, ${JSON.stringify(watch.stats.flags)})` : 'null'};
const statSync = fs.statSync;
fs.statSync = function (path, ...rest) {
	if (stats !== null && stats.test(String(path))) log('stat ' + path);
	return statSync.call(this, path, ...rest);
};
// A post is read through a descriptor it opens and checks (fstat): an open is a look at it too.
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
	if (stats !== null && stats.test(String(path))) log('open ' + path);
	return openSync.call(this, path, ...rest);
};
let framed = false;
const write = process.stdout.write;
process.stdout.write = function (chunk, ...rest) {
	if (!framed && /\\d+\\/\\d+ \\d+%/.test(String(chunk).replace(/\\u001b\\[[0-9;?]*[A-Za-z]/g, ''))) {
		framed = true;
		log('first frame');
	}
	return write.call(this, chunk, ...rest);
};
`,
	);
	return {hook, read: () => readFileSync(log, 'utf8').split('\n').filter(Boolean)};
}
