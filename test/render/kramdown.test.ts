import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {stripStyles} from '../../src/render/plain.js';

const plain = (markdown: string, width = 80) =>
	renderMarkdown(markdown, {width, color: false, hyperlinks: false}).lines;
const linked = (markdown: string, width = 80) =>
	renderMarkdown(markdown, {width, color: true, hyperlinks: true}).lines.map(stripStyles);

describe('markdown as kramdown reads it', () => {
	test('reference definitions with TABs after `]:` are definitions, and so are the ones below', () => {
		const markdown =
			'![Logo][logo] by [Company][company]\n\n[logo]:\t\t/assets/x.png\n[company]:\thttps://company.example\t"Co"\n[other]: https://other.example';
		assert.deepEqual(plain(markdown), ['▣ image: Logo (/assets/x.png)', 'by Company (https://company.example)']);
	});
});

describe('task lists', () => {
	test('`- [x]` and `- [ ]` are check boxes', () => {
		assert.deepEqual(plain('- [x] done\n- [ ] todo\n\n1. [x] first'), ['• ☑ done', '• ☐ todo', '', '1. ☑ first']);
	});
});

const longUrl = `https://example.sched.com/event/${'a'.repeat(150)}/the-end`;

describe('no characters dropped', () => {
	test('a link target over 120 characters is shown whole, wrapped, never ending in …', () => {
		for (const render of [plain, linked]) {
			const lines = render(`See [https://example.sched.com/x](${longUrl}) and <${longUrl}>.`, 60);
			assert.ok(
				lines.every((line) => line.length <= 60 && !line.includes('…')),
				lines.join('\n'),
			);
			const joined = lines.join('');
			assert.equal(joined.split(longUrl).length - 1, 2, joined);
		}
	});

	test('an image placeholder with a long target wraps instead of being cut', () => {
		const lines = plain(`![Slides](${longUrl})`, 60);
		assert.ok(!lines.join('').includes('…'), lines.join('\n'));
		assert.ok(lines.join('').includes(longUrl), lines.join('\n'));
	});

	test('a long code line is shown whole, its continuation marked', () => {
		const code = `kubectl apply -f ${'x'.repeat(100)} --server-side`;
		for (const render of [plain, linked]) {
			const lines = render('```sh\n' + code + '\nls\n```', 50);
			assert.ok(
				lines.every((line) => line.length <= 50),
				lines.join('\n'),
			);
			assert.ok(!lines.join('').includes('…'), lines.join('\n'));
			assert.ok(lines.length === 4, lines.join('\n'));
			assert.ok(lines[1]!.trimStart().startsWith('↪ ') && lines[2]!.trimStart().startsWith('↪ '), lines.join('\n'));
			assert.equal(
				lines
					.slice(0, 3)
					.map((line, index) => line.trimStart().replace(index > 0 ? /^↪ / : /^/, ''))
					.join(''),
				code,
			);
		}
	});
});

describe('footnotes', () => {
	const markdown =
		'Kubernetes is great[^k] and so is etcd[^1]. [^nothing] stays text.\n\n[^1]: The etcd note,\n    lazy second line.\n\n    A second paragraph with **bold**.\n\n[^k]: First note.\n\nAfter the notes.';
	test('numbered in the order referenced, the notes at the end as numbered lines', () => {
		assert.deepEqual(plain(markdown), [
			'Kubernetes is great[1] and so is etcd[2]. [^nothing] stays text.',
			'',
			'After the notes.',
			'',
			'─'.repeat(20),
			'[1] First note.',
			'[2] The etcd note, lazy second line.',
			'',
			'    A second paragraph with bold.',
		]);
	});

	test('a note nothing refers to is not shown, as kramdown; a label defined twice shows its first note', () => {
		assert.deepEqual(plain('Text[^a].\n\n[^a]: First.\n\n[^a]: Second.\n\n[^b]: Unused.'), [
			'Text[1].',
			'',
			'─'.repeat(20),
			'[1] First.',
		]);
	});

	test('a note is hostile text like any other', () => {
		const lines = renderMarkdown(
			'x[^1]\n\n[^1]: \u001B]52;c;aGk=\u0007 &#27;[31m <a href="javascript:alert(1)">y</a>',
			{width: 80, color: true, hyperlinks: true},
		).lines;
		assert.ok(
			lines.every((line) => !/\u001B\]52|\u0007|\u001B\[31m|\u001B\]8;;javascript/.test(line)),
			JSON.stringify(lines),
		);
		assert.equal(stripStyles(lines.at(-1)!), '[1] ␛]52;c;aGk=␇ ␛[31m y (javascript:alert(1))');
	});

	test('the blocks stay in source order and cover every line', () => {
		const doc = renderMarkdown(markdown, {width: 80, color: false, hyperlinks: false});
		assert.deepEqual(
			doc.blocks.map((block) => block.sourceLine),
			[1, 10, 10],
		);
		assert.equal(
			doc.blocks.reduce((sum, block) => sum + block.lineCount, 0),
			doc.lines.length,
		);
	});
});

describe('attribute lists', () => {
	test('block and span IALs are dropped, never shown', () => {
		const markdown =
			'A lead paragraph.\n{: .lead}\n\n**On storage**\n{:.alert}\n\nA [link](https://x.example){:target="_blank"} and `{: code}`.\n\n{: #some-id}\n\n```\n{:a => 1}\n```';
		assert.deepEqual(plain(markdown), [
			'A lead paragraph.',
			'',
			'On storage',
			'',
			'A link (https://x.example) and {: code}.',
			'',
			'    {:a => 1}',
		]);
		assert.deepEqual(plain('## Day 3 {#day-3}\n\nText {#not-an-id} stays.'), [
			'## Day 3',
			'',
			'Text {#not-an-id} stays.',
		]);
	});
});

describe('raw HTML as kramdown shows it', () => {
	test('iframes, videos, audio, embeds and objects are placeholder lines with their URL', () => {
		const markdown = [
			'Before.',
			'',
			'<iframe src="https://www.youtube.com/embed/abc" title="The keynote" allowfullscreen></iframe>',
			'',
			'<iframe src="https://speakerdeck.com/player/x"></iframe>',
			'',
			'<video controls>',
			'  <source src="https://cdn.example/b.webm" type="video/webm">',
			'  <source src="https://cdn.example/b.mp4" type="video/mp4">',
			'</video>',
			'',
			'<audio src="javascript:alert(1)" title="Pod&#27;cast"></audio>',
			'',
			'<embed src="https://slides.example/deck.pdf"> and <object data="/files/deck.pdf"></object>',
			'',
			'After.',
		].join('\n');
		assert.deepEqual(plain(markdown), [
			'Before.',
			'',
			'▣ video: The keynote (https://www.youtube.com/embed/abc)',
			'',
			'▣ slides (https://speakerdeck.com/player/x)',
			'',
			'▣ video (https://cdn.example/b.webm)',
			'',
			'▣ audio: Pod&#27;cast',
			'',
			'▣ embed (https://slides.example/deck.pdf)',
			'and',
			'▣ embed (/files/deck.pdf)',
			'',
			'After.',
		]);
	});

	test('an embed is hostile data: title and URL sanitised, other schemes never shown', () => {
		const markdown =
			'<iframe title="a\u202Eb &#x1b;[31m" src="https://x.example/\u001B]8;;evil\u0007"></iframe>\n\n<embed src="data:text/html,&lt;script&gt;">';
		const lines = renderMarkdown(markdown, {width: 80, color: true, hyperlinks: true}).lines;
		assert.ok(
			lines.every((line) => !/\u202E|\u0007|\u001B\[31m|\u001B\]8;;evil/.test(line)),
			JSON.stringify(lines),
		);
		assert.deepEqual(lines.map(stripStyles), ['▣ embed: ab &#x1b;[31m (https://x.example/␛]8;;evil␇)', '', '▣ embed']);
	});

	test('<details><summary> reads as text', () => {
		assert.deepEqual(plain('<details>\n<summary>The demo</summary>\n\nInside, **bold**.\n\n</details>'), [
			'▸ The demo',
			'',
			'Inside, bold.',
		]);
	});

	test('an <a> whose text is its URL shows it once; one whose text is another URL shows its target, hyperlinks on too', () => {
		const inline =
			'See <a href="https://k8s.io/docs">https://k8s.io/docs</a> and <a href="https://evil.example">https://bank.example</a>.';
		const block =
			'<div><a href="https://k8s.io/docs">https://k8s.io/docs</a> or <a href="https://evil.example">https://bank.example</a></div>';
		assert.deepEqual(plain(inline), ['See https://k8s.io/docs and https://bank.example (https://evil.example).']);
		assert.deepEqual(linked(inline), ['See https://k8s.io/docs and https://bank.example (https://evil.example).']);
		assert.deepEqual(plain(block), ['https://k8s.io/docs or https://bank.example (https://evil.example)']);
		assert.deepEqual(linked(block), ['https://k8s.io/docs or https://bank.example (https://evil.example)']);
		assert.deepEqual(plain('A <a href="https://x.example">site</a>.'), ['A site (https://x.example).']);
	});

	test('markdown after a <br/> line is rendered, not left raw', () => {
		const markdown =
			'**[Talk](https://x.sched.com/event/A)**<br/>\nby **Ann**, [Acme](https://acme.example)\n\n<br/>\n**bold** and [a link](https://l.example)';
		assert.deepEqual(plain(markdown), [
			'Talk (https://x.sched.com/event/A)',
			'by Ann, Acme (https://acme.example)',
			'',
			'bold and a link (https://l.example)',
		]);
	});
});
