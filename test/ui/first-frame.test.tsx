import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../src/app.js';
import {loadLibrary} from '../../src/posts/load-library.js';
import {parseCount} from '../../src/posts/lazy-post.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {press, tick} from '../helpers/keys.js';

const dir = mkdtempSync(join(tmpdir(), 'kn-first-frame-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const body = (index: number) => `Sessions I attended:\n\n* [Talk ${index} - Ann Lee, Org](https://sched.co/T${index})\n\n${'Notes written at length. '.repeat(500)}\n`;
for (let index = 0; index < 40; index++) {
	writeFileSync(join(dir, `2024-01-${String((index % 28) + 1).padStart(2, '0')}-p${index}.md`), `---\ntitle: Post number ${index}\ndate: 2024-01-${String((index % 28) + 1).padStart(2, '0')}\n---\n\n## Topic of ${index}\n\n${body(index)}`);
}

let last = () => '';
async function waitFor(condition: () => boolean): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out; the frame:\n${last()}`);
		await tick();
	}
}

describe('the first frame', () => {
	test('parses the open post only; the session search parses the rest when first opened', async () => {
		const before = parseCount.value;
		const library = loadLibrary([dir]);
		assert.equal(library.posts.length, 40);
		const app = render(<App library={library} renderPost={(post, options) => renderMarkdown(post.body, options)} color={false} hyperlinks={false} width={120} height={30} />);
		last = () => app.lastFrame() ?? '';
		await waitFor(() => /Topic of/.test(app.lastFrame() ?? ''));
		const frame = app.lastFrame()!;
		assert.match(frame, /Post number 27/);
		assert.match(frame, /Post number 26/);
		assert.equal(parseCount.value - before, 1, 'one post parsed for the first frame');
		await press(app.stdin, '/');
		await waitFor(() => /40 sessions/.test(app.lastFrame() ?? ''));
		assert.equal(parseCount.value - before, 40, 'each post parsed once');
		app.unmount();
	});
});
