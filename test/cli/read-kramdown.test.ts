import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {ANY_ESCAPE, runCli} from '../helpers/run-cli.js';

const longUrl = `https://example.sched.com/event/${'a'.repeat(150)}/the-end`;
const longCode = `kubectl apply --server-side -f ${'x'.repeat(120)}.yaml`;

const post = `---
title: Kramdown shapes
date: 2024-05-02
---
![Post logo][logo] by [Company][company].

- [x] went to the keynote
- [ ] watch the replay

Schedule: [the talk](${longUrl})

\`\`\`sh
${longCode}
\`\`\`

Kubernetes is great[^k8s] and so is etcd[^1].
{: .lead}

**On storage**
{:.alert}

See [the docs](https://k8s.io/docs){:target="_blank"} and <a href="https://k8s.io/blog">https://k8s.io/blog</a>.

<iframe src="https://www.youtube.com/embed/abc" title="The keynote"></iframe>

<br/>
**Ann**, [Acme](https://acme.example)

[^1]: The etcd note.

    Its second paragraph.

[^k8s]: The Kubernetes note.

[logo]:\t\t{{site.url}}/assets/2024-logo.png
[company]:\thttps://company.example
`;

describe('read prints kramdown shapes as Jekyll shows them', () => {
	const folder = mkdtempSync(join(tmpdir(), 'kubecon-notes-kramdown-'));
	after(() => rmSync(folder, {recursive: true, force: true}));
	const file = join(folder, '2024-05-02-kramdown.md');
	writeFileSync(file, post);

	test('a topic printed alone keeps its footnotes whole', async () => {
		const result = await runCli(['read', file, '--topic', 'Introduction', '--width', '60']);
		assert.equal(result.code, 0, result.stderr);
		const lines = result.stdout.split('\n');
		assert.deepEqual(
			lines.slice(-5),
			['[1] The Kubernetes note.', '[2] The etcd note.', '', '    Its second paragraph.', ''],
			result.stdout,
		);
	});

	test('printed output drops no character and shows no markup', async () => {
		const result = await runCli(['read', file, '--width', '60']);
		assert.equal(result.code, 0, result.stderr);
		assert.ok(!ANY_ESCAPE.test(result.stdout));
		const lines = result.stdout.split('\n');
		// Every line keeps to the width but the one that holds a long URL whole (grep finds it).
		assert.ok(
			lines.every((line) => line.length <= 60 || line.includes(longUrl)),
			result.stdout,
		);
		// TABs after `]:`: both are definitions.
		assert.ok(lines.includes('▣ image: Post logo (/assets/2024-logo.png)'), result.stdout);
		assert.ok(lines.includes('by Company (https://company.example).'), result.stdout);
		assert.ok(!result.stdout.includes(']:'), result.stdout);
		// Task lists.
		assert.ok(lines.includes('• ☑ went to the keynote') && lines.includes('• ☐ watch the replay'), result.stdout);
		// A long URL and a long code line whole, never cut with `…`.
		assert.ok(!result.stdout.includes('…'), result.stdout);
		assert.ok(
			lines.some((line) => line.includes(longUrl)),
			result.stdout,
		);
		// Footnotes: numbered markers, the notes at the end as numbered lines.
		assert.ok(lines.includes('Kubernetes is great[1] and so is etcd[2].'), result.stdout);
		assert.deepEqual(
			lines.slice(-5),
			['[1] The Kubernetes note.', '[2] The etcd note.', '', '    Its second paragraph.', ''],
			result.stdout,
		);
		// Attribute lists dropped; the bold paragraph before one stays a paragraph of its own.
		assert.ok(!result.stdout.includes('{:'), result.stdout);
		assert.ok(lines.includes('On storage'), result.stdout);
		// Raw HTML: the iframe a placeholder, a link whose text is its URL once, markdown after <br/> rendered.
		assert.ok(lines.includes('▣ video: The keynote (https://www.youtube.com/embed/abc)'), result.stdout);
		assert.ok(lines.includes('See the docs (https://k8s.io/docs) and https://k8s.io/blog.'), result.stdout);
		assert.ok(lines.includes('Ann, Acme (https://acme.example)'), result.stdout);
		const codeRows = lines
			.filter((line) => /^ {4}(?:kubectl|↪ )/.test(line))
			.map((line) => line.slice(4).replace(/^↪ /, ''));
		assert.equal(codeRows.join(''), longCode);
	});
});
