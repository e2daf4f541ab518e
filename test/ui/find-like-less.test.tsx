import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {findMatches} from '../../src/state/find/find-matches.js';
import {App} from '../../src/ui/app.js';
import {keys, press, ready, render} from '../helpers/keys.js';

const filler = (topic: string) =>
	Array.from({length: 30}, (_, index) => `${topic} filler paragraph ${index}.`).join('\n\n');
const body = [
	'## Start',
	'',
	'A long paragraph that talks about the reading measure of a terminal reader, so that the phrase wraps somewhere.',
	'',
	filler('first'),
	'',
	'## End',
	'',
	'Here the reading measure comes back once more.',
	'',
	filler('second'),
].join('\n');
const post = parsePost({
	text: `---\ntitle: Notes\ndate: 2024-01-01\n---\n${body}`,
	id: 'n.md',
	path: '/n/n.md',
	displayPath: 'n.md',
});
const library: Library = {posts: [post], warnings: [], searched: ['/n']};
const statusLine = (frame: string) => stripStyles(frame.split('\n').at(-1)!);

describe('find like less (issue 16.5)', () => {
	test('a phrase the wrap splits over two rows is found at every width, each part marked', () => {
		let splitSeen = false;
		for (const width of [20, 31, 47, 60, 67, 100]) {
			const doc = renderMarkdown(body, {width, color: false, hyperlinks: false});
			const matches = findMatches(doc, 'reading  MEASURE');
			assert.equal(matches.length, 2, `width ${width}`);
			const marked = matches[0]!.segments
				.map((segment) => doc.lines[segment.line]!.slice(segment.from, segment.to))
				.join(' ');
			assert.equal(marked, 'reading measure');
			splitSeen ||= matches[0]!.segments.length === 2;
		}
		assert.ok(splitSeen, 'some width splits the phrase over two rows');
	});

	test('folds case and accents as the search does: zieba finds Zięba, korbes KÖRBES, the marks exact (issue 24)', () => {
		const doc = renderMarkdown('Talks by Marcel Zięba and by Mauricio KÖRBES, then Zieba again.', {
			width: 30,
			color: false,
			hyperlinks: false,
		});
		const marked = (query: string) =>
			findMatches(doc, query).map((match) =>
				match.segments.map((segment) => doc.lines[segment.line]!.slice(segment.from, segment.to)).join(' '),
			);
		assert.deepEqual(marked('zieba'), ['Zięba', 'Zieba']);
		assert.deepEqual(marked('Körbes'), ['KÖRBES']);
		assert.deepEqual(marked('korbes'), ['KÖRBES']);
	});

	test('the current match stands out; n scrolls only off screen; a wrap is said; Ctrl-F offers the last query', async () => {
		const renderPost = (
			p: Pick<typeof post, 'loadBody'>,
			options: {width: number; color: boolean; hyperlinks: boolean},
		) => renderMarkdown(p.loadBody().body, options);
		const app = render(
			<App library={library} renderPost={renderPost} color={false} hyperlinks={false} width={70} height={20} />,
		);
		await ready(app);
		await press(app, keys.ctrlF, ...'reading measure', keys.enter);
		let frame = app.lastFrame()!;
		assert.match(statusLine(frame), /1 of 2/);
		const firstRow = frame.split('\n')[0];
		// The first match is on screen: nothing moved; it is marked as current (bold inverse).
		assert.match(firstRow!, /Start/);
		assert.match(frame, /\u001B\[1m\u001B\[7mreading/);
		await press(app, 'n');
		frame = app.lastFrame()!;
		assert.match(statusLine(frame), /2 of 2/);
		// Scrolled: the match sits a few rows under the top, not on it.
		const rows = frame.split('\n').map(stripStyles);
		const at = rows.findIndex((row) => row.includes('Here the reading measure'));
		assert.ok(at >= 2 && at <= 4, `the match row is ${at}`);
		// The first match is still marked, as an other match (underlined), the current one differently.
		assert.match(frame, /Here the \u001B\[1m\u001B\[7mreading measure\u001B\[27m\u001B\[22m/);
		await press(app, 'n');
		assert.match(statusLine(app.lastFrame()!), /1 of 2 · wrapped to the first/);
		await press(app, keys.escape, keys.ctrlF);
		// The last query is offered, selected; Enter runs it again.
		assert.match(statusLine(app.lastFrame()!), /Find: reading measure/);
		assert.match(app.lastFrame()!.split('\n').at(-1)!, /reading measure\u001B\[7m▏/);
		await press(app, keys.enter);
		assert.match(statusLine(app.lastFrame()!), /of 2/);
		// Typing replaces the offered query.
		await press(app, keys.ctrlF, 'x');
		assert.match(statusLine(app.lastFrame()!), /Find: x▏/);
		app.unmount();
	});
});
