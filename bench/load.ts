import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadLibrary} from '../src/posts/index.js';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile, sample} from './stats.js';

/** A 15 KB post in the shape of real notes: intro, session lists, bold topics, links. */
export function generatePost(index: number): string {
	const day = (index % 3) + 1;
	const sessions = Array.from(
		{length: 12},
		(_, i) =>
			`* [Talk ${index}-${i} about topic ${i % 7} - Speaker ${i}, Org ${i % 5}](https://sched.co/X${index}${i})${i % 4 === 0 ? ' _(room full)_' : ''}`,
	).join('\n');
	const paragraph = (topic: number) =>
		`Notes on topic ${topic} of post ${index}: the team talked about [operators](https://example.org/${topic}) and **scaling**, ` +
		'with a long explanation that wraps several times in a terminal and mentions etcd, kubeadm, gitops and policy engines. '.repeat(
			3,
		);
	const topics = Array.from(
		{length: 12},
		(_, t) => `__Topic ${t} of post ${index}__\n\n${paragraph(t)}\n\n${paragraph(t + 1)}\n`,
	).join('\n');
	const text = `---\nlayout: post\ntitle: "Notes ${index}: a conference"\ndate: 2023-0${(index % 9) + 1}-1${index % 10} 10:00 +0100\ntags: [kubecon, notes]\n---\n\nIntro of post ${index}.\n\n<!--more-->\n\nSessions I attended on day ${day}:\n\n${sessions}\n\n${topics}`;
	return text.length >= 15_000
		? text.slice(0, 15_000)
		: text + '\n' + 'Padding paragraph with words. '.repeat(Math.ceil((15_000 - text.length) / 30));
}

/** Loading 1,000 posts of 15 KB each (budget: well under a second), and its peak memory. */
export async function run(context: BenchContext): Promise<Measurement[]> {
	const dir = join(context.tmpDir, 'load-1000');
	mkdirSync(dir, {recursive: true});
	for (let index = 0; index < 1000; index++)
		writeFileSync(join(dir, `2023-01-01-post-${index}.md`), generatePost(index));
	const before = process.memoryUsage().rss;
	let peak = before;
	const times = await sample(
		() => {
			const library = loadLibrary([dir]);
			peak = Math.max(peak, process.memoryUsage().rss);
			if (library.posts.length !== 1000) throw new Error(`loaded ${library.posts.length} posts`);
		},
		7,
		1,
	);
	// What the session search pays once, on first use: every post's topics and sessions.
	const full = await sample(
		() => {
			for (const post of loadLibrary([dir]).posts) void [post.topics, post.sessions];
		},
		5,
		1,
	);
	return [
		{
			name: 'load 1,000 posts of 15 KB, topics and sessions too',
			median: median(full),
			p95: percentile(full, 0.95),
			unit: 'ms',
		},
		{
			name: 'load 1,000 posts of 15 KB',
			median: median(times),
			p95: percentile(times, 0.95),
			unit: 'ms',
			budget: {median: 1000},
		},
		{name: 'peak memory of the 1,000-post load (RSS)', median: peak / 1024 / 1024, unit: 'MB', budget: {median: 400}},
	];
}
