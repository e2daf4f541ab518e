import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {LINES_PER_POST, plainLine, searchText, type TextPost} from '../../src/search/text-search.js';

const post = (id: string, body: string): TextPost => ({id, title: id, body});
const run = (posts: TextPost[], query: string, first = 0) => {
	const job = searchText(posts, query, first);
	while (!job.step(() => false));
	return job.result();
};
/** The matched parts of each hit's text, as shown. */
const marked = (hit: {text: string; ranges: Array<[number, number]>}) =>
	hit.ranges.map(([start, end]) => hit.text.slice(start, end + 1));

describe('a line as the reader shows it', () => {
	test('markdown marks, link targets, tags and attribute lists are not text; entities are', () => {
		assert.deepEqual(plainLine('## On *netfilter*, `nft` and [iptables](https://x.org/ipt) ##'), {
			text: 'On netfilter, nft and iptables',
			kind: 3,
		});
		assert.equal(plainLine('* [Talk - Ann Lee](https://sched.co/a) _(missed)_').text, 'Talk - Ann Lee (missed)');
		assert.equal(
			plainLine('> quoted <b>bold</b> &amp; <https://example.org> ![alt text](a.png){: .wide}').text,
			'quoted bold & https://example.org alt text',
		);
		assert.equal(plainLine('snake_case stays, _emphasis_ goes').text, 'snake_case stays, emphasis goes');
		assert.equal(plainLine('[ref]: https://example.org').text, '');
		assert.equal(plainLine('| a | b |').text, 'a b');
		assert.equal(plainLine('escape \\*stars\\*').text, 'escape *stars*');
	});

	test('hostile text comes out safe, and a scan stays linear on long runs', () => {
		assert.equal(plainLine('bell \u0007 and esc \u001B[31m').text.includes('\u001B'), false);
		// Each opening mark looks for its closing one once per stretch, not once per mark.
		for (const long of [
			'](x'.repeat(1400),
			'<a'.repeat(2000),
			'{:'.repeat(2000),
			`${'['.repeat(5000)}${'<'.repeat(5000)}`,
		]) {
			const text = plainLine(long).text;
			assert.ok(text.length <= 4000);
		}
	});
});

describe('text search', () => {
	const posts = [
		post(
			'open',
			'## Networking\n\nWe moved from iptables to **Netfilter** tables.\nnetfilter again, and NETFILTER.\n\n* a netfilter talk\n',
		),
		post('other', 'Nothing here.\n\nBut the word netfiltering is inside another word.\n'),
		post('third', '# Netfilter notes\n\nnetfilter\n'),
		post('accents', 'Marcel Zięba spoke about etcd.\n'),
	];

	test('folded like the talk search; the open post first; other posts ranked by their best line', () => {
		const result = run(posts, 'NetFilter', 0);
		assert.equal(result.isDone, true);
		assert.deepEqual(
			result.hits.map((hit) => `${hit.postId}:${hit.line}`),
			['open:3', 'open:4', 'open:6', 'third:1', 'third:3', 'other:3'],
		);
		assert.deepEqual(marked(result.hits[0]!), ['Netfilter']);
		assert.deepEqual(marked(result.hits[1]!), ['netfilter', 'NETFILTER']);
		assert.deepEqual(marked(result.hits.at(-1)!), ['netfilter']);
		assert.deepEqual(
			run(posts, 'zieba').hits.map((hit) => hit.text),
			['Marcel Zięba spoke about etcd.'],
		);
	});

	test('a phrase is matched across spaces as written; each hit knows the occurrences before it in its paragraph', () => {
		const result = run(posts, 'netfilter   again', 0);
		assert.deepEqual(
			result.hits.map((hit) => hit.line),
			[4],
		);
		const again = run(posts, 'netfilter', 0).hits.filter((hit) => hit.postId === 'open');
		assert.deepEqual(
			again.map((hit) => [hit.line, hit.before]),
			[
				[3, 0],
				[4, 1],
				[6, 0],
			],
		);
	});

	test('a query of one letter searches no text; lines past the few per post are counted', () => {
		assert.equal(run(posts, 'n').hits.length, 0);
		const many = post('many', Array.from({length: 12}, (_, index) => `line ${index} about gitops`).join('\n'));
		const result = run([posts[0]!, many], 'gitops', 0);
		assert.equal(result.hits.length, LINES_PER_POST);
		assert.equal(result.more['many'], 12 - LINES_PER_POST);
	});

	test('stepped with a clock that always says stop, it still gets through every post, a slice at a time', () => {
		const big = post(
			'big',
			Array.from({length: 3000}, (_, index) => (index === 2999 ? 'the last line says kubeadm' : `line ${index}`)).join(
				'\n',
			),
		);
		const job = searchText([posts[0]!, big], 'kubeadm', 0);
		let steps = 0;
		while (!job.step(() => true)) steps++;
		assert.ok(steps > 5, `${steps} steps`);
		assert.deepEqual(
			job.result().hits.map((hit) => hit.line),
			[3000],
		);
		// A second search finds the big post prepared already.
		const again = searchText([posts[0]!, big], 'last line', 0);
		let againSteps = 0;
		while (!again.step(() => true)) againSteps++;
		assert.ok(againSteps <= 2);
	});

	test('typing on narrows to the posts the shorter query was found in, with the same result', async () => {
		const {generateTextPosts} = await import('./text-fixtures.js');
		const library = generateTextPosts(60, 4);
		let last = null;
		for (let end = 1; end <= 'admission webhook'.length; end++) {
			const query = 'admission webhook'.slice(0, end);
			const narrowed = searchText(library, query, 3, last);
			while (!narrowed.step(() => false));
			const whole = searchText(library, query, 3);
			while (!whole.step(() => false));
			const {found: _narrowedFound, scanned: _scanned, total: _total, ...same} = narrowed.result();
			const {found: _wholeFound, scanned: _wholeScanned, total: _wholeTotal, ...expected} = whole.result();
			assert.deepEqual(same, expected, query);
			last = narrowed.result();
		}
		assert.ok(last!.total < 60, 'the last searches looked at fewer posts');
	});
});
