import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {parse} from './helpers.js';

/** Control characters that must never survive parsing: C0 but \n and \t, DEL, C1, bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Markdown-shaped text: lines drawn from the constructs posts use, with hostile bytes mixed in. */
const markdownLine = fc.oneof(
	fc.string({unit: 'binary', maxLength: 40}),
	fc.constantFrom(
		'---',
		'',
		'## Heading',
		'__Bold topic__',
		'* [T - A, B](https://sched.co/x) _(room full)_',
		'* Keynote',
		'<!--more-->',
		'{% highlight go %}',
		'{% endhighlight %}',
		'{{ site.url }}',
		'```',
		'> quote',
		'| a | b |',
		'|---|---|',
		'<details><summary>x</summary>',
		'title: "\\e]0;x\\a"',
		'Sessions I attended on day 1:',
	),
	fc.string({
		unit: fc.constantFrom(
			'*',
			'_',
			'[',
			']',
			'(',
			')',
			'-',
			' ',
			'\u001b',
			'\u009b',
			'#',
			'>',
			'\t',
			'\u202e',
			'é',
			'界',
		),
		maxLength: 30,
	}),
);
const markdown = fc.array(markdownLine, {maxLength: 40}).map((lines) => lines.join('\n'));

function strings(value: unknown, into: string[] = []): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) for (const item of value) strings(item, into);
	else if (value && typeof value === 'object' && !(value instanceof Date))
		for (const [key, inner] of Object.entries(value)) strings(inner, into.concat(key));
	return into;
}

describe('parsing arbitrary text (property-based)', () => {
	test('never throws, and no field carries a control character', () => {
		fc.assert(
			fc.property(markdown, (text) => {
				const post = parse(text);
				const fields = strings({
					...post,
					topics: post.topics,
					sessions: post.sessions,
					intro: post.intro,
					excerpt: post.excerpt,
				});
				for (const field of fields) assert.doesNotMatch(field, UNSAFE, JSON.stringify(field));
				for (const session of post.sessions)
					assert.ok(session.line >= 1 && session.line <= post.body.split('\n').length);
				for (const topic of post.topics) assert.ok(topic.line <= topic.endLine || topic.kind === 'whole');
			}),
			{numRuns: 300},
		);
	});

	test('the body keeps the line count of the text after the front matter', () => {
		fc.assert(
			fc.property(fc.oneof(markdown, fc.constant('---\n---'), fc.constant('---\na: 1\n---\n')), (text) => {
				const post = parse(text.replace(/\r/g, ''));
				const fileLines = text.replace(/\r/g, '').split('\n').length;
				// A file that ends on its closing fence, with no newline, has an empty body of no lines.
				const bodyLines = post.body === '' && post.bodyLineOffset === fileLines ? 0 : post.body.split('\n').length;
				assert.equal(bodyLines + post.bodyLineOffset, fileLines);
			}),
			{numRuns: 300},
		);
	});
});
