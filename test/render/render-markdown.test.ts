import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {renderLines, renderMarkdown} from '../../src/render/render-markdown.js';
import {stripStyles} from '../../src/render/plain.js';

const plain = (markdown: string, width = 80) =>
	renderMarkdown(markdown, {width, color: false, hyperlinks: false}).lines;
const colored = (markdown: string, width = 80) =>
	renderMarkdown(markdown, {width, color: true, hyperlinks: true}).lines;
const anyControl = /[\u0000-\u001F\u007F-\u009F]/;

const sessions = `## Day 1

Sessions I attended on the first day:

* [Title - Speaker](https://sched.co/X) _(note)_
* Keynote
`;

describe('plain text at 40, 80 and 200 columns', () => {
	test('a heading, a lead-in and a session list', () => {
		assert.deepEqual(plain(sessions, 40), [
			'## Day 1',
			'',
			'Sessions I attended on the first day:',
			'',
			'• Title - Speaker (https://sched.co/X)',
			'  (note)',
			'• Keynote',
		]);
		const wide = [
			'## Day 1',
			'',
			'Sessions I attended on the first day:',
			'',
			'• Title - Speaker (https://sched.co/X) (note)',
			'• Keynote',
		];
		assert.deepEqual(plain(sessions, 80), wide);
		assert.deepEqual(plain(sessions, 200), wide);
	});

	test('paragraphs reflow to the width, soft line breaks fold', () => {
		const markdown = 'The quick brown fox jumps over the lazy dog\nand keeps running far away.';
		assert.deepEqual(plain(markdown, 40), [
			'The quick brown fox jumps over the lazy',
			'dog and keeps running far away.',
		]);
		assert.deepEqual(plain(markdown, 80), ['The quick brown fox jumps over the lazy dog and keeps running far away.']);
		assert.deepEqual(plain(markdown, 200), ['The quick brown fox jumps over the lazy dog and keeps running far away.']);
	});

	test('headings keep their markers; bold topic titles, quotes, rules, ordered and task lists', () => {
		const markdown =
			'# Title\n\nSetext\n------\n\n__On storage__\n\n> quoted\n> text\n\n---\n\n3. three\n4. four\n\n- [x] done\n- [ ] todo';
		assert.deepEqual(plain(markdown, 40), [
			'# Title',
			'',
			'## Setext',
			'',
			'On storage',
			'',
			'│ quoted text',
			'',
			'─'.repeat(40),
			'',
			'3. three',
			'4. four',
			'',
			'• ☑ done',
			'• ☐ todo',
		]);
	});

	test('nested lists indent under their item text', () => {
		assert.deepEqual(plain('* one\n  * inner one\n  * inner two\n* two', 40), [
			'• one',
			'  ◦ inner one',
			'  ◦ inner two',
			'• two',
		]);
	});

	test('a code block is indented and its long lines continue on marked rows', () => {
		assert.deepEqual(plain('```\nshort\n' + 'x'.repeat(100) + '\n```', 40), [
			'    short',
			`    ${'x'.repeat(34)}`,
			`    ↪ ${'x'.repeat(34)}`,
			`    ↪ ${'x'.repeat(32)}`,
		]);
		assert.deepEqual(plain('```\n\tindented\n```', 40), ['        indented']);
	});
});

describe('list items render their inline markdown (marked-terminal 7.3.1 prints it raw)', () => {
	test('links, emphasis, bold and code inside a bullet', () => {
		const [line] = plain('* [Title - Speaker](https://sched.co/X) _(note)_ **bold** `code`', 200);
		assert.equal(line, '• Title - Speaker (https://sched.co/X) (note) bold code');
	});

	test('in colour, the item is styled, not markdown', () => {
		const [line] = colored('* [Title](https://sched.co/X) _(note)_ **bold**', 200);
		assert.ok(line !== undefined);
		assert.doesNotMatch(stripStyles(line), /\]\(|_\(|\*\*/);
		assert.match(line, /\u001B\[3m\(note\)\u001B\[23m/);
		assert.match(line, /\u001B\[1mbold\u001B\[22m/);
	});
});

describe('links', () => {
	test('plain: the text, then the target when it says more', () => {
		assert.deepEqual(
			plain('[Title](https://x.org/a) <https://x.org> <me@x.org> www.example.com [r](/assets/x.png) [#](#top)', 200),
			['Title (https://x.org/a) https://x.org me@x.org www.example.com r (/assets/x.png) #'],
		);
	});

	test('colour with hyperlinks: OSC 8 around the styled text, exactly', () => {
		assert.deepEqual(colored('[Title](https://x.org/a)'), [
			'\u001B]8;;https://x.org/a\u001B\\\u001B[94m\u001B[4mTitle\u001B[24m\u001B[39m\u001B]8;;\u001B\\',
		]);
		assert.deepEqual(colored('<me@x.org>'), [
			'\u001B]8;;mailto:me@x.org\u001B\\\u001B[94m\u001B[4mme@x.org\u001B[24m\u001B[39m\u001B]8;;\u001B\\',
		]);
	});

	test('only http, https and mailto become hyperlinks; other targets are plain text', () => {
		for (const target of [
			'javascript:alert(1)',
			'file:///etc/passwd',
			'data:text/html,x',
			'/assets/x.png',
			'ftp://x.org/f',
		]) {
			const lines = colored(`[click](${target})`, 200);
			assert.ok(!lines.join('').includes('\u001B]8'), target);
			assert.equal(stripStyles(lines.join('')), `click (${target})`);
		}
	});

	test('colour without hyperlinks shows the target beside the text', () => {
		const [line] = renderMarkdown('[Title](https://x.org/a)', {width: 80, color: true, hyperlinks: false}).lines;
		assert.ok(line !== undefined && !line.includes('\u001B]8'));
		assert.equal(stripStyles(line), 'Title (https://x.org/a)');
	});

	test('a hyperlink cut by wrapping is closed at the line end and reopened on the next line', () => {
		const lines = colored('[one two three four five six](https://x.org/a)', 12);
		assert.ok(lines.length > 1);
		for (const line of lines) {
			// Every line opens the link before its text and closes it after: no sequence is split. The
			// rows carry one id, so a terminal takes them for one link.
			const open = line.indexOf('\u001B]8;id=');
			assert.ok(line.includes(';https://x.org/a\u001B\\'), JSON.stringify(line));
			const close = line.lastIndexOf('\u001B]8;;\u001B\\');
			assert.ok(open !== -1 && close > open, JSON.stringify(line));
			assert.ok(stripStyles(line.slice(0, open)) === '' && stripStyles(line.slice(close)) === '', JSON.stringify(line));
			assert.ok(stringWidth(line) <= 12);
		}
		assert.equal(lines.map(stripStyles).join(' '), 'one two three four five six');
	});
});

describe('images', () => {
	test('inline and reference images become one placeholder line', () => {
		assert.deepEqual(plain('![Diagram](https://x.org/d.png)\n\n![Post logo][logo]\n\n[logo]: /assets/2023-logo.png'), [
			'▣ image: Diagram (https://x.org/d.png)',
			'',
			'▣ image: Post logo (/assets/2023-logo.png)',
		]);
	});

	test('an image inside text gets its own line; a narrow pane wraps it, dropping nothing', () => {
		assert.deepEqual(plain('Before ![a](b.png) after'), ['Before', '▣ image: a (b.png)', 'after']);
		assert.deepEqual(plain('![A very long alternative text](https://x.org/a/long/path.png)', 20), [
			'▣ image: A very long',
			'alternative text',
			'(https://x.org/a/lon',
			'g/path.png)',
		]);
	});
});

describe('raw HTML', () => {
	test('tags dropped, entities decoded, <br> and block elements break lines, <img> a placeholder', () => {
		assert.deepEqual(
			plain(
				'<p>Hello<br>World &amp; &lt;you&gt; &#39;q&#39; &#x263A;</p>\n\n<img src="/a.png" alt="pic">\n\n<!-- a comment -->\n\nInline <a href="https://x.org">site</a> and <b>bold</b><br>after',
			),
			[
				'Hello',
				"World & <you> 'q' ☺",
				'',
				'▣ image: pic (/a.png)',
				'',
				'Inline site (https://x.org) and bold',
				'after',
			],
		);
	});

	test('<details><summary> reads as a disclosure line', () => {
		assert.deepEqual(plain('<details><summary>Slides</summary>\n\nBody\n\n</details>'), ['▸ Slides', '', 'Body']);
	});

	test('script and style contents never show', () => {
		assert.deepEqual(plain('<div>\n<script>alert(1)</script><style>p{}</style>visible\n</div>'), ['visible']);
	});
});

describe('tables', () => {
	const table = `| Project | Stage | Notes |
|---|:-:|--:|
| [kubernetes](https://k8s.io) | graduated | the container orchestrator everyone talks about |
| 中文项目 | sandbox 🚀 | short |
`;

	/** Each column's text read down the grid, rows apart: what a reader pieces together. */
	const columnTexts = (lines: string[]) => {
		const columns: string[] = [];
		for (const line of lines.filter((row) => row.startsWith('│'))) {
			line
				.split('│')
				.slice(1, -1)
				.forEach((cell, index) => (columns[index] = (columns[index] ?? '') + cell.trim()));
		}
		return columns;
	};

	test("at 40 columns no line is wider and every cell's text is still there, in order", () => {
		const lines = plain(table, 40);
		for (const line of lines) assert.ok(stringWidth(line) <= 40, line);
		assert.deepEqual(
			columnTexts(lines).map((column) => column.replace(/\s/g, '')),
			[
				'Projectkubernetes(https://k8s.io)中文项目',
				'Stagegraduatedsandbox🚀',
				'Notesthecontainerorchestratoreveryonetalksaboutshort',
			],
		);
	});

	test('columns shrink between words while every longest word fits', () => {
		const lines = plain('| Name | Notes |\n|---|---|\n| etcd | a key value store with a raft log underneath |', 30);
		assert.deepEqual(lines, [
			'┌──────┬─────────────────────┐',
			'│ Name │ Notes               │',
			'├──────┼─────────────────────┤',
			'│ etcd │ a key value store   │',
			'│      │ with a raft log     │',
			'│      │ underneath          │',
			'└──────┴─────────────────────┘',
		]);
	});

	test('a wide pane keeps the grid on one line per row', () => {
		assert.deepEqual(plain('| a | b |\n|---|--:|\n| 1 | 22 |', 80), [
			'┌───┬────┐',
			'│ a │  b │',
			'├───┼────┤',
			'│ 1 │ 22 │',
			'└───┴────┘',
		]);
	});

	test('too narrow for a grid: one "Header: value" line per cell', () => {
		const lines = plain(table, 20);
		for (const line of lines) assert.ok(stringWidth(line) <= 20, line);
		assert.ok(lines.includes('Stage: graduated'));
	});

	test('without colour, no escape sequence at all', () => {
		for (const line of plain(table, 40)) assert.doesNotMatch(line, anyControl);
	});
});

describe('widths as a terminal counts them', () => {
	const cjk = `# 見出し 🚀

日本語の文章はスペースを含まないので、どこでも折り返せる必要があります。絵文字 👩‍👩‍👧 や 🇫🇷 も二桁です。

* 中文列表项，带有[链接](https://example.cn/路径)和**粗体**文字，还有很多很多很多的内容
`;
	for (const width of [40, 80, 200]) {
		test(`CJK and emoji stay within ${width} columns`, () => {
			for (const color of [false, true]) {
				const {lines} = renderMarkdown(cjk, {width, color, hyperlinks: color});
				for (const line of lines) assert.ok(stringWidth(line) <= width, `${stringWidth(line)}: ${line}`);
				const text = lines.map(stripStyles).join('').replace(/\s/g, '');
				assert.ok(text.includes('折り返せる'.slice(0, 2)));
			}
		});
	}

	test('a CJK paragraph breaks between characters, filling each line', () => {
		assert.deepEqual(plain('一二三四五六七八九十', 8), ['一二三四', '五六七八', '九十']);
	});
});

describe('control characters never reach the output raw', () => {
	test('ESC, BEL, C1 and bidi overrides are shown as pictures or removed', () => {
		assert.deepEqual(plain('a\u001B[31mred\u0007 \u009B c\u202E'), ['a␛[31mred␇ \\x9b c']);
	});

	test('numeric references to control characters (which marked decodes) are neutralised too', () => {
		for (const color of [false, true]) {
			const lines = renderMarkdown('x &#27;[2J y\n\n* &#27;]8;;http://evil&#7;', {
				width: 80,
				color,
				hyperlinks: color,
			}).lines;
			assert.ok(
				lines.every((line) => !stripStyles(line).includes('\u001B') && !line.includes('\u0007')),
				JSON.stringify(lines),
			);
		}
	});

	test('plain mode output of a rich post holds no control character at all', () => {
		const markdown = `# T\n\n**b** _i_ \`c\` ~~d~~ [l](https://x.org)\n\n\`\`\`go\nfunc main() {}\n\`\`\`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> q\n\n<br>\n\n![i](x.png)`;
		for (const line of plain(markdown, 60)) assert.doesNotMatch(line, anyControl);
	});

	test('colour output contains only SGR and OSC 8 sequences', () => {
		const markdown = `# T\n\n**b** [l](https://x.org) \u001B[2J\n\n\`\`\`go\nfunc main() {}\n\`\`\`\n\n\`\`\`nonexistentlang\nfoo\n\`\`\``;
		const lines = colored(markdown, 60);
		for (const line of lines) assert.doesNotMatch(stripStyles(line), anyControl);
		assert.ok(
			lines.some((line) => line.includes('\u001B[34mfunc')),
			'go is highlighted',
		);
	});
});

describe('each document starts afresh (the renderer is reused between documents)', () => {
	test('footnote numbers, an unclosed <a> and the highlighting budget belong to one document', () => {
		assert.deepEqual(plain('A[^b] B[^a]\n\n[^a]: Note a.\n\n[^b]: Note b.').at(-1), '[2] Note a.');
		assert.deepEqual(plain('C[^a]\n\n[^a]: Note a.'), ['C[1]', '', '─'.repeat(20), '[1] Note a.']);
		assert.deepEqual(colored('<a href="https://x.example">open').map(stripStyles), ['open']);
		assert.deepEqual(colored('after'), ['after']);
		// 11,000 of the 12,000 characters a document may highlight: the next document has its own budget.
		const code = (length: number) => '```js\n' + 'let x = 1;\n'.repeat(length / 11) + '```';
		assert.match(colored(code(11_000)).join('\n'), /\u001B\[34mlet/);
		assert.match(colored(code(2_200)).join('\n'), /\u001B\[34mlet/);
	});
});

describe('printing takes the lines without the blocks', () => {
	test('renderLines gives exactly the lines of renderMarkdown, plain and in colour, at any width (where no URL is wider than the width)', () => {
		const markdown = `${sessions.replaceAll('https://sched.co/', 'https://s.co/')}\n\nText[^1] with **bold**, _em_, \`code\`, [a link](https://x.example) and 日本語.\n\n> quoted\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n\`\`\`js\nlet x = 1;\n\`\`\`\n\n[^1]: The note.`;
		for (const options of [
			{color: false, hyperlinks: false},
			{color: true, hyperlinks: false},
			{color: true, hyperlinks: true},
		]) {
			for (const width of [22, 33, 80])
				assert.deepEqual(
					renderLines(markdown, {width, ...options}),
					renderMarkdown(markdown, {width, ...options}).lines,
				);
		}
	});
});
