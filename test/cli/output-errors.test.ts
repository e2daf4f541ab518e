import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {outputFailure, wasStdoutClosed} from '../../src/cli/output.js';
import {cliPath} from '../helpers/run-cli.js';
import {tempFolder} from '../helpers/temp-folder.js';

const basic = fileURLToPath(new URL('../fixtures/basic', import.meta.url));

describe('what a failed write means', () => {
	test('a closed pipe is the reader done with us (0, silent); any other error lost the output (2, one line)', () => {
		assert.deepEqual(outputFailure({code: 'EPIPE', message: 'EPIPE: broken pipe, write'}), {
			exitCode: 0,
			message: null,
		});
		for (const code of ['EIO', 'EBADF', 'ENOSPC', 'EFBIG', 'EAGAIN', undefined]) {
			const failure = outputFailure({...(code ? {code} : {}), message: `${code ?? 'odd'}: something, write`});
			assert.equal(failure.exitCode, 2);
			assert.match(failure.message ?? '', /^kubecon-notes: cannot write the output: .*write$/);
		}
	});

	test('stdout closed at start: /dev/null read-write in its place (as Node puts it), or a descriptor open for reading only', () => {
		const folder = tempFolder();
		const info = (flags: string) => {
			const file = path.join(folder, `fdinfo-${flags}`);
			fs.writeFileSync(file, `pos:\t0\nflags:\t${flags}\nmnt_id:\t24\nino:\t3\n`);
			return file;
		};
		const devNull = path.join(folder, 'to-null');
		fs.symlinkSync('/dev/null', devNull);
		const file = path.join(folder, 'to-file');
		fs.symlinkSync(path.join(folder, 'out.txt'), file);
		assert.equal(wasStdoutClosed(info('02100002'), devNull), true, '>&-');
		assert.equal(wasStdoutClosed(info('02100000'), file), true, '1<file');
		assert.equal(wasStdoutClosed(info('02100001'), devNull), false, '>/dev/null');
		assert.equal(wasStdoutClosed(info('02102001'), file), false, '>>file');
		assert.equal(wasStdoutClosed(info('02100002'), file), false, '1<>file');
		assert.equal(wasStdoutClosed(path.join(folder, 'none'), devNull), false, 'no /proc');
	});
});

/** Runs the built CLI from bash with `redirect` applied to its stdout. */
function runRedirected(args: string[], redirect: string): Promise<{code: number | null; stderr: string}> {
	const quoted = [cliPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-c', `exec node ${quoted} ${redirect}`], {
			env: {...process.env, KUBECON_NOTES_CONFIG_DIR: tempFolder(), NO_COLOR: '1'},
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({code, stderr}));
	});
}

const linuxOnly = process.platform === 'linux' ? false : 'the closed descriptor is seen through /proc';
describe('output errors in every command: exit 2, one line on stderr', {skip: linuxOnly}, () => {
	const commands = [
		['printing every post', ['--posts', basic]],
		['read', ['read', 'storage', '--posts', basic]],
		['topics', ['topics', '--posts', basic]],
		['sessions', ['sessions', '--posts', 'posts']],
		['sessions --json', ['sessions', '--json', '--posts', 'posts']],
		['--version', ['--version']],
		['--help', ['--help']],
		['forget', ['forget', '--posts', basic]],
	] as const;
	const redirects = [
		['stdout closed (>&-)', '>&-', /^kubecon-notes: standard output is closed/],
		['stdout open for reading only (EBADF)', '1</dev/null', /^kubecon-notes: standard output is closed/],
		...(fs.existsSync('/dev/full')
			? [['a full disk (ENOSPC)', '>/dev/full', /^kubecon-notes: cannot write the output: ENOSPC/] as const]
			: []),
	] as const;
	for (const [name, args] of commands) {
		test(name, async () => {
			for (const [how, redirect, message] of redirects) {
				const result = await runRedirected([...args], redirect);
				assert.equal(result.code, 2, `${how}: ${result.stderr}`);
				const lines = result.stderr.trimEnd().split('\n');
				assert.equal(lines.length, 1, `${how}: ${result.stderr}`);
				assert.match(lines[0]!, message, how);
			}
			// Discarded on purpose: not an error.
			const discarded = await runRedirected([...args], '>/dev/null');
			assert.equal(discarded.code, 0, discarded.stderr);
		});
	}
});
