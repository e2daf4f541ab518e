import {renderMarkdown} from '../src/render/index.js';
import type {BenchContext, Measurement} from './types.js';
import {median, percentile, sample} from './stats.js';

/** One section of notes: a heading or bold topic, paragraphs, a session list, code, a table, a quote, an image. */
function section(index: number): string {
	const paragraph = (n: number) =>
		`Notes on part ${n} of section ${index}: the team talked about [operators](https://example.org/${index}/${n}) and **scaling**, ` +
		'with a long explanation that wraps several times in a terminal and mentions `etcd`, kubeadm, _gitops_ and policy engines. '.repeat(
			3,
		) +
		'Some 中文 text and emoji 🚀 too.';
	const sessions = Array.from(
		{length: 8},
		(_, i) =>
			`* [Talk ${index}-${i} about topic ${i % 7} - Speaker ${i}, Org ${i % 5}](https://sched.co/X${index}${i})${i % 3 === 0 ? ' _(room full)_' : ''}`,
	).join('\n');
	const code = `\`\`\`${index % 2 === 0 ? 'go' : 'yaml'}\n${Array.from({length: 12}, (_, i) => (index % 2 === 0 ? `\tfmt.Println("line ${i} of section ${index}", x${i}) // a comment that makes the line long enough to be clipped` : `key${i}: value ${i} # section ${index}`)).join('\n')}\n\`\`\``;
	const table = `| Project | Stage | Notes |\n|---|---|---|\n${Array.from({length: 5}, (_, i) => `| proj-${i} | ${['sandbox', 'incubating', 'graduated'][i % 3]} | notes about project ${i} in section ${index}, long enough to wrap |`).join('\n')}`;
	const title = index % 2 === 0 ? `## Section ${index}` : `__Topic ${index}__`;
	return [
		title,
		paragraph(1),
		`Sessions I attended on day ${(index % 3) + 1}:`,
		sessions,
		paragraph(2),
		code,
		table,
		`> A quote from section ${index} that is long enough to wrap in a narrow pane, said by someone.`,
		`![Diagram ${index}](/assets/diagram-${index}.png)`,
		paragraph(3),
	].join('\n\n');
}

/** A markdown document of at least `bytes` bytes, in the shape of real notes. */
export function generateLargeMarkdown(bytes: number): string {
	const parts: string[] = ['# A very long post', ''];
	let size = 0;
	for (let index = 0; size < bytes; index++) {
		const next = section(index);
		parts.push(next, '');
		size += Buffer.byteLength(next) + 2;
	}
	return parts.join('\n');
}

/** Rendering a 1 MB post at width 100, in colour with hyperlinks (what the reader does) and plain (what printing does). */
export async function run(_context: BenchContext): Promise<Measurement[]> {
	const markdown = generateLargeMarkdown(1024 * 1024);
	const color = await sample(() => renderMarkdown(markdown, {width: 100, color: true, hyperlinks: true}), 15, 3);
	const plain = await sample(() => renderMarkdown(markdown, {width: 100, color: false, hyperlinks: false}), 15, 3);
	return [
		{
			name: 'render a 1 MB post at width 100 (colour, hyperlinks)',
			median: median(color),
			p95: percentile(color, 0.95),
			unit: 'ms',
			budget: {median: 300},
		},
		{
			name: 'render a 1 MB post at width 100 (plain)',
			median: median(plain),
			p95: percentile(plain, 0.95),
			unit: 'ms',
			budget: {median: 300},
		},
	];
}
