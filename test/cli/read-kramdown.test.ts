import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {ANY_ESCAPE, isBuilt, runCli} from '../helpers/run-cli.js';

const skip = isBuilt ? false : 'dist/cli.js is not built (npm run build)';
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

[logo]:\t\t{{site.url}}/assets/2024-logo.png
[company]:\thttps://company.example
`;

describe('read prints kramdown shapes as Jekyll shows them', {skip}, () => {
	const folder = mkdtempSync(join(tmpdir(), 'kubecon-notes-kramdown-'));
	after(() => rmSync(folder, {recursive: true, force: true}));
	const file = join(folder, '2024-05-02-kramdown.md');
	writeFileSync(file, post);

	test('printed output drops no character and shows no markup', async () => {
		const result = await runCli(['read', file, '--width', '60']);
		assert.equal(result.code, 0, result.stderr);
		assert.ok(!ANY_ESCAPE.test(result.stdout));
		const lines = result.stdout.split('\n');
		assert.ok(lines.every(line => line.length <= 60), result.stdout);
		// TABs after `]:`: both are definitions.
		assert.ok(lines.includes('▣ image: Post logo (/assets/2024-logo.png)'), result.stdout);
		assert.ok(lines.includes('by Company (https://company.example).'), result.stdout);
		assert.ok(!result.stdout.includes(']:'), result.stdout);
		// Task lists.
		assert.ok(lines.includes('• ☑ went to the keynote') && lines.includes('• ☐ watch the replay'), result.stdout);
		// A long URL and a long code line whole, never cut with `…`.
		assert.ok(!result.stdout.includes('…'), result.stdout);
		assert.ok(lines.join('').includes(longUrl), result.stdout);
		const codeRows = lines.filter(line => /^ {4}(?:kubectl|↪ )/.test(line)).map(line => line.slice(4).replace(/^↪ /, ''));
		assert.equal(codeRows.join(''), longCode);
	});
});
