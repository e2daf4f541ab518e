import {spawn} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {staleReason} from '../../scripts/start.mjs';
import {fileURLToPath} from 'node:url';

/** The built CLI, as a user runs it. */
export const cliPath = fileURLToPath(new URL('../../bin/kubecon-notes.js', import.meta.url));

/**
 * Tests of the built CLI fail loudly, at import, when dist/ is missing or older than what it is built
 * from (the same rule `npm start` rebuilds by): they never skip, and never test a stale build (npm
 * test builds first; `npm run build` by hand).
 */
const stale = staleReason();
if (stale !== null) throw new Error(`dist/ is not current (${stale}): run \`npm run build\` first (npm test does)`);

export const bundledPosts = fileURLToPath(new URL('../../posts', import.meta.url));

export type CliResult = {code: number | null; stdout: string; stderr: string};

/** Runs the built CLI with no terminal: stdout and stderr are pipes, stdin is `input` or empty. */
export function runCli(
	args: string[],
	options: {input?: string; env?: Record<string, string | undefined>; cwd?: string} = {},
): Promise<CliResult> {
	// Never the user's store: a folder that does not exist, unless the test names one.
	const noStore = join(tmpdir(), `kubecon-notes-no-store-${process.pid}`);
	const env: Record<string, string | undefined> = {
		...process.env,
		NO_COLOR: undefined,
		FORCE_COLOR: undefined,
		FORCE_HYPERLINK: undefined,
		KUBECON_NOTES_CONFIG_DIR: noStore,
		...options.env,
	};
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {
			env: env as NodeJS.ProcessEnv,
			cwd: options.cwd ?? process.cwd(),
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({code, stdout, stderr}));
		// A program that stops reading early (a size cap) closes the pipe: not the test's failure.
		child.stdin.on('error', () => {});
		child.stdin.end(options.input ?? '');
	});
}

/** Any escape sequence at all: ESC, CSI (C1 form included), OSC. */
export const ANY_ESCAPE = /[\u001b\u009b\u009d]/;
