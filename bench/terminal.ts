import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {startSession} from '../test/helpers/pseudo-terminal.js';
import {cliPath} from '../test/helpers/run-cli.js';
import {generateSessions} from '../test/search/fixtures.js';
import {generateTextPosts} from '../test/search/text-fixtures.js';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile} from './stats.js';

const FIRST_FRAME = /\d+\/\d+ \d+%/;

/** A post of about 1 MB: many topics of paragraphs, lists and code, as long notes are. */
function bigPost(): string {
	const section = (index: number) =>
		`## Topic ${index}\n\n${'Notes about scaling clusters, etcd, gitops and policy engines, written at length. '.repeat(12)}\n\n* [Talk ${index} - Ann Lee, Org](https://sched.co/T${index})\n* Keynote\n\n\`\`\`yaml\nkind: Pod\nmetadata:\n  name: p${index}\n\`\`\`\n`;
	let text = '---\ntitle: A very long post\ndate: 2024-01-01\n---\n\n';
	for (let index = 0; text.length < 1024 * 1024; index++) text += section(index);
	return text;
}

/** 40 posts holding 10,000 sessions between them, written as notes write them, by day. */
export function sessionPosts(dir: string): void {
	mkdirSync(dir, {recursive: true});
	const byPost = new Map<string, string[]>();
	for (const session of generateSessions(10_000)) {
		const bullet = `* [${session.title} - ${session.speakers}](${session.url})${session.note ? ` _(${session.note})_` : ''}`;
		const list = byPost.get(session.postId) ?? [];
		list.push(`Sessions I attended on ${session.day}:\n\n${bullet}\n`);
		byPost.set(session.postId, list);
	}
	for (const [index, [id, bullets]] of [...byPost].entries()) {
		writeFileSync(
			join(dir, `2024-01-${String((index % 28) + 1).padStart(2, '0')}-${id}`),
			`---\ntitle: Conference notes ${index}\n---\n\n${bullets.join('\n')}`,
		);
	}
}

/** Time from each key written to the program's next output (its frame). Every key must change the frame. */
async function keyToFrame(session: ReturnType<typeof startSession>, keys: string[], gapMs = 15): Promise<number[]> {
	const times: number[] = [];
	for (const key of keys) {
		const output = session.nextOutput();
		const began = performance.now();
		session.write(key);
		await output;
		times.push(performance.now() - began);
		// Let the frame settle so each key is measured on its own.
		await new Promise((resolve) => setTimeout(resolve, gapMs));
	}
	return times;
}

/** Through a real pseudo-terminal: a keystroke to its frame (spawn to first frame is in startup.ts). */
export async function run(context: BenchContext): Promise<Measurement[]> {
	const post = join(context.tmpDir, '2024-01-01-big.md');
	writeFileSync(post, bigPost());
	// Places go to the bench's temp folder (removed at its end), not a folder per session left behind.
	const configDir = join(context.tmpDir, 'terminal-config');
	mkdirSync(configDir, {recursive: true});
	const session = startSession([cliPath, '--no-resume', post], {cols: 120, rows: 35, configDir});
	await session.waitFor(FIRST_FRAME, 30_000);
	// The first few keys warm the JIT up.
	const presses = (
		await keyToFrame(
			session,
			Array.from({length: 80}, () => 'j'),
		)
	).slice(5);
	session.write('q');
	await session.exited;

	// Bytes written per j at 120x35 on the bundled posts: the frame is redrawn from the first changed
	// column of each changed row, never cleared (Ink patched: patches/ink+6.8.0.patch).
	const bundled = startSession([cliPath, '--no-resume'], {cols: 120, rows: 35, configDir});
	await bundled.waitFor(FIRST_FRAME, 30_000);
	const bytes: number[] = [];
	for (let line = 2; line <= 41; line++) {
		const before = bundled.raw().length;
		bundled.write('j');
		// The status line shows the rows on screen: `2–35/105`.
		await bundled.waitFor((screen) => screen.includes(` ${line}–`), 30_000);
		bytes.push(Buffer.byteLength(bundled.raw().slice(before)));
	}
	bundled.write('q');
	await bundled.exited;

	// The session panel over 10,000 sessions: each typed character, its echo and the new results.
	const folder = join(context.tmpDir, 'sessions');
	sessionPosts(folder);
	const panel = startSession([cliPath, '--no-resume', folder], {cols: 120, rows: 35, configDir});
	await panel.waitFor(FIRST_FRAME, 30_000);
	panel.write('/');
	await panel.waitFor(/sessions/, 30_000);
	const typed: number[] = [];
	for (const query of ['scaling etcd', 'zieba', 'deep dive gitops', 'room full', 'observabilty', 'lukasz nowak']) {
		// Each query typed a character at a time, 50 ms apart (a fast typist, 240 words a minute),
		// then cleared with Ctrl-U (measured too).
		typed.push(...(await keyToFrame(panel, [...query.split(''), '\u0015'], 50)));
	}
	typed.splice(0, 5);
	// Ctrl-C: Esc and q written together would read as Alt-q.
	panel.write('\u0003');
	await panel.exited;

	// The same panel over 1,000 posts of 12 KB: every typed character also searches all their text
	// (in slices beside the keys), and its echo must not wait for that.
	const library = join(context.tmpDir, 'library');
	mkdirSync(library, {recursive: true});
	for (const [index, post] of generateTextPosts(1000, 12).entries()) {
		writeFileSync(
			join(library, `2020-01-${String((index % 28) + 1).padStart(2, '0')}-${post.id}`),
			`---\ntitle: ${post.title}\n---\n${post.body}`,
		);
	}
	const big = startSession([cliPath, '--no-resume', library], {cols: 120, rows: 35, configDir});
	await big.waitFor(FIRST_FRAME, 60_000);
	big.write('/');
	await big.waitFor(/sessions/, 60_000);
	const bigTyped: number[] = [];
	for (const query of ['gateway', 'zieba', 'admission webhook', 'korbes'])
		bigTyped.push(...(await keyToFrame(big, [...query.split(''), '\u0015'], 50)));
	bigTyped.splice(0, 5);
	big.write('\u0003');
	await big.exited;
	return [
		{
			name: 'reader: keystroke to frame, 1 MB post (j)',
			median: median(presses),
			p95: percentile(presses, 0.95),
			unit: 'ms',
			budget: {median: 10, p95: 20},
		},
		{
			name: 'reader: bytes written per j (pty, 120x35, bundled posts)',
			median: median(bytes),
			p95: percentile(bytes, 0.95),
			unit: 'B',
			budget: {median: 2600},
		},
		{
			name: 'search panel: typed character to its echo, 10,000 sessions',
			median: median(typed),
			p95: percentile(typed, 0.95),
			unit: 'ms',
			budget: {median: 16, p95: 16},
		},
		{
			name: 'search panel: typed character to its echo, text of 1,000 posts',
			median: median(bigTyped),
			p95: percentile(bigTyped, 0.95),
			unit: 'ms',
			budget: {median: 16, p95: 33},
		},
	];
}
