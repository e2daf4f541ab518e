import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {renderLiquid} from '../../src/posts/liquid.js';
import {lines, parse} from './helpers.js';

const page = {page: {title: 'My post', author: 'Ana'}};

describe('Liquid and Jekyll markup', () => {
	test('site.url resolves to nothing; page values resolve; other output is dropped', () => {
		assert.equal(renderLiquid('![logo]({{site.url}}/a.png) {{ site.baseurl }}/b', page), '![logo](/a.png) /b');
		assert.equal(
			renderLiquid('{{ page.title }} by {{page.author}}: {{ site.data.x | jsonify }}', page),
			'My post by Ana: ',
		);
		assert.equal(renderLiquid('{{ "/assets/x.png" | relative_url }}', page), '/assets/x.png');
	});

	test('highlight becomes a fenced block in its language', () => {
		assert.equal(
			renderLiquid(lines('{% highlight go linenos %}', 'x := 1', '{% endhighlight %}'), page),
			lines('```go', 'x := 1', '```'),
		);
	});

	test('raw keeps its content literally; include and unknown tags leave a placeholder; link and post_url give paths', () => {
		assert.equal(renderLiquid('{% raw %}{{ not.resolved }}{% endraw %}', page), '{{ not.resolved }}');
		assert.equal(renderLiquid('a{% include figure.html src="x" %}b', page), 'a▣ include figure.html b');
		assert.equal(
			renderLiquid('{% include figure.html image="k.png" caption="The *keynote* hall" %}', page),
			'▣ include figure.html: The \\*keynote\\* hall ',
		);
		assert.equal(renderLiquid('{% youtube dQw4w9WgXcQ %}', page), '▣ youtube dQw4w9WgXcQ ');
		assert.equal(renderLiquid('{% assign x = 1 %}{% for a in b %}{% endfor %}', page), '');
		assert.equal(
			renderLiquid('[x]({% link _posts/2020-01-01-a.md %}) [y]({% post_url 2010-07-21-name %})', page),
			'[x](_posts/2020-01-01-a.md) [y](2010-07-21-name)',
		);
		assert.equal(renderLiquid('{% if page.x %}shown{% endif %}', page), 'shown');
	});

	test('every replacement keeps the line count', () => {
		const text = lines(
			'{% comment %}',
			'gone',
			'{% endcomment %}',
			'{% include a.html',
			'   x="1" %}',
			'{% raw %}',
			'{{ y }}',
			'{% endraw %}',
			'end',
		);
		const out = renderLiquid(text, page);
		assert.equal(out.split('\n').length, text.split('\n').length);
		assert.equal(out.split('\n').at(-1), 'end');
		assert.ok(!out.includes('gone'));
		assert.ok(out.includes('{{ y }}'));
	});
});

describe('excerpt separator', () => {
	test('<!--more--> is never text; the part before it is the excerpt', () => {
		const post = parse(
			lines('---', 'title: T', '---', 'Intro **words** here.', '<!--more-->', 'More.', '', '## Topic'),
		);
		assert.equal(post.excerpt, 'Intro words here.');
		assert.ok(!post.body.includes('more-->'));
		assert.equal(post.topics[0]!.line, 5);
	});

	test('a custom excerpt_separator, and front matter excerpt first', () => {
		const custom = parse(lines('---', 'title: T', 'excerpt_separator: <!--cut-->', '---', 'Short.<!--cut-->Long.'));
		assert.equal(custom.excerpt, 'Short.');
		assert.ok(!custom.body.includes('cut'));
		const given = parse(lines('---', 'title: T', 'excerpt: Given.', '---', 'Text.<!--more-->'));
		assert.equal(given.excerpt, 'Given.');
	});

	test('without a separator the excerpt is the first paragraph that is not an image', () => {
		const post = parse(
			lines(
				'---',
				'title: T',
				'---',
				'![logo][logo]',
				'',
				'First words.',
				'',
				'Second.',
				'',
				'[logo]: {{site.url}}/l.png',
			),
		);
		assert.equal(post.excerpt, 'First words.');
		assert.ok(post.body.includes('[logo]: /l.png'));
	});
});

describe('control characters', () => {
	test('are neutralised in front matter (YAML \\e escapes too) and in the body', () => {
		const post = parse(
			lines(
				'---',
				'title: "Evil \\e]0;pwned\\a title"',
				'tags: ["a\\x9bb"]',
				'---',
				'Body \u001b[31mred\u0007 \u202Eevil',
			),
		);
		for (const text of [post.title, post.tags[0]!, post.body]) {
			assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/, JSON.stringify(text));
		}
		assert.match(post.title, /␛\]0;pwned␇ title/);
		assert.match(post.body, /Body ␛\[31mred␇ evil/);
	});
});
