import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parsePost} from '../../src/posts/parse-post.js';
import type {Library, Post} from '../../src/posts/types.js';
import {stripStyles} from '../../src/render/plain.js';
import {postHeader, withHeader} from '../../src/render/post-header.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import type {RenderOptions} from '../../src/render/types.js';
import {positionText} from '../../src/state/select-view.js';
import {App} from '../../src/ui/app.js';
import {sidebarPostRow} from '../../src/ui/sidebar-row.js';
import {statusText} from '../../src/ui/status-text.js';
import {textWidth} from '../../src/render/text-width.js';
import {keepInkStyles, keys, press, ready, render} from '../helpers/keys.js';

const post = (id: string, title: string, date: string, body: string): Post =>
	parsePost({
		text: `---\ntitle: ${title}\ndate: ${date}\ntags: [kubecon, notes]\n---\n${body}`,
		id,
		path: `/notes/${id}`,
		displayPath: id,
	});

const eu2024 = post(
	'2024-03-20-eu.md',
	'KubeCon + CloudNativeCon Europe 2024 notes',
	'2024-03-20',
	'## On etcd\n\nSome text about etcd.\n\n## Gateway API\n\nMore text.',
);
const eu2023 = post(
	'2023-04-18-eu.md',
	'KubeCon + CloudNativeCon Europe 2023 notes',
	'2023-04-18',
	'## Cilium\n\nText.',
);
const library: Library = {posts: [eu2024, eu2023], warnings: [], searched: ['/notes']};
const renderWithHeader = (p: Post, options: RenderOptions) =>
	withHeader(renderMarkdown(p.loadBody().body, options), postHeader(p, options));

describe('layout: header, sidebar and status line (issue 16.1)', () => {
	test('the reader text opens with the title, date and tags, and topics still land on their headings', async () => {
		const app = render(
			<App library={library} renderPost={renderWithHeader} color={false} hyperlinks={false} width={120} height={20} />,
		);
		await ready(app);
		const pane = app
			.lastFrame()!
			.split('\n')
			.map((line) => stripStyles(line.split(/[│┃]/)[1] ?? '').trim());
		assert.equal(pane[0], 'KubeCon + CloudNativeCon Europe 2024 notes');
		assert.equal(pane[1], '2024-03-20 · #kubecon #notes');
		await press(app, ']', ']');
		assert.match(app.lastFrame()!.split('\n')[0]!, /Gateway API/);
		app.unmount();
	});

	test('withHeader moves every block down by the header', () => {
		const doc = renderMarkdown('# A\n\ntext', {width: 40, color: false, hyperlinks: false});
		const header = postHeader(eu2024, {width: 40, color: false, hyperlinks: false});
		const joined = withHeader(doc, header);
		assert.deepEqual(joined.lines.slice(0, header.length), header);
		for (const [index, block] of joined.blocks.entries())
			assert.equal(joined.lines[block.startLine], doc.lines[doc.blocks[index]!.startLine]);
	});

	test('sidebar names: the title whole when it fits, else cut at its end, with the year; the cut does not move as the progress changes (issue 24)', () => {
		const rows = ['', '0%', '57%', 'done'].map((label) => sidebarPostRow(eu2024, {width: 30, isOpen: false, label}));
		for (const row of rows) {
			assert.equal(textWidth(row.name + row.facts), 30);
			assert.equal(row.name, rows[0]!.name);
		}
		assert.match(rows[0]!.name, /^▸ KubeCon \+ CloudNa.*…\s*$/);
		assert.match(rows[0]!.facts, /2024 {5}$/);
		assert.match(rows[1]!.facts, /2024 {3}0%$/);
		assert.notEqual(sidebarPostRow(eu2023, {width: 30, isOpen: false, label: 'done'}).facts, rows[3]!.facts);
		// Wider, the title shows whole (the date gives way first), then the year, then the whole date.
		const whole = sidebarPostRow(eu2024, {width: 52, isOpen: true, label: 'done'});
		assert.match(whole.name, /^▾ KubeCon \+ CloudNativeCon Europe 2024 notes\s*$/);
		assert.match(whole.facts, /^ +done$/);
		assert.match(sidebarPostRow(eu2024, {width: 56, isOpen: true, label: 'done'}).facts, / 2024 done$/);
		assert.match(sidebarPostRow(eu2024, {width: 60, isOpen: true, label: 'done'}).facts, / 2024-03-20 done$/);
		// Without places kept there is no progress column at all.
		assert.match(sidebarPostRow(eu2024, {width: 60, isOpen: true, label: null}).facts, / 2024-03-20$/);
	});

	test('two titles that would read the same once cut are cut in their middle instead (issue 24)', async () => {
		const a = post('2020-03-02-a.md', 'A better Toolforge: upgrading Kubernetes, part one', '2020-03-02', 'Text.');
		const b = post('2020-02-01-b.md', 'A better Toolforge: upgrading Kubernetes, part two', '2020-02-01', 'Text.');
		const app = render(
			<App
				library={{posts: [a, b], warnings: [], searched: []}}
				renderPost={renderWithHeader}
				color={false}
				hyperlinks={false}
				width={120}
				height={12}
			/>,
		);
		await ready(app);
		const rows = app
			.lastFrame()!
			.split('\n')
			.map((line) => stripStyles(line.split(/[│┃]/)[0]!))
			.filter((line) => /^[▸▾] /.test(line));
		assert.equal(rows.length, 2);
		assert.notEqual(rows[0]!.trim(), rows[1]!.trim());
		assert.match(rows[1]!, /^▸ A better Tool.*….*part two +2020/);
		app.unmount();
	});

	test('the sidebar cursor is inverse across the whole row and titles are not dim', async (t) => {
		keepInkStyles(t);
		const app = render(
			<App library={library} renderPost={renderWithHeader} color hyperlinks={false} width={100} height={12} />,
		);
		await ready(app);
		await press(app, keys.tab, 'k', 'k', 'k', 'k');
		const frame = app.lastFrame()!;
		const cursorRow = frame.split('\n')[0]!;
		// One inverse run from the first column to the sidebar's edge.
		assert.match(cursorRow, /^\u001B\[7m(\u001B\[1m)?[^\u001B]*2024(\u001B\[22m)?\u001B\[27m/);
		const otherRow = frame.split('\n').find((line) => line.includes('▸'))!;
		assert.doesNotMatch(otherRow.split('…')[0]!, /\u001B\[2m/);
		app.unmount();
	});

	test('the status line keeps the topic whole and cuts the title first, at 50 columns too', () => {
		const parts = {
			title: 'KubeCon + CloudNativeCon Europe 2023 notes',
			topic: 'On etcd, performance and reliability',
			message: null,
			right: '68–101/101 100%',
			hint: '?',
		};
		for (const width of [120, 80, 50]) {
			const line = statusText(parts, width);
			assert.equal(textWidth(line), width);
			assert.match(line, /On etcd, performance and reliability/, `${width}: ${line}`);
			assert.match(line, width > 50 ? /68–101\/101 100%/ : /68–101\/101/);
		}
		assert.match(statusText(parts, 120), /KubeCon \+ CloudNativeCon Europe 2023 notes › On etcd/);
		assert.match(statusText(parts, 80), /KubeCon \+ Cl.*… › On etcd/);
	});

	test('the position names the rows on screen', () => {
		assert.equal(positionText(67, 34, 101, 100), '68–101/101 100%');
		assert.equal(positionText(0, 34, 10, 100), '1–10/10 100%');
	});
});
