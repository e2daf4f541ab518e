import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {describe, test} from 'node:test';
import {createScreenKeeper, refreshSize} from '../../src/ui/screen-keeper.js';
import {waitFor} from '../helpers/wait-for.js';

/** A terminal that records what reaches it, with a size that can change under the program. */
function fakeTerminal(columns = 120, rows = 35) {
	const written: string[] = [];
	const emitter = new EventEmitter();
	const terminal = Object.assign(emitter, {
		columns,
		rows,
		/** What the terminal itself says (TIOCGWINSZ); Node reads it on SIGWINCH only. */
		actual: {columns, rows},
		write(chunk: string, callback?: () => void) {
			written.push(chunk);
			callback?.();
			return true;
		},
		_refreshSize() {
			if (terminal.columns === terminal.actual.columns && terminal.rows === terminal.actual.rows) return;
			terminal.columns = terminal.actual.columns;
			terminal.rows = terminal.actual.rows;
			terminal.emit('resize');
		},
	});
	return {terminal, written};
}

const keeperOn = (terminal: ReturnType<typeof fakeTerminal>['terminal']) =>
	createScreenKeeper(terminal as unknown as NodeJS.WriteStream, terminal as unknown as NodeJS.WriteStream);

describe('the screen keeper', () => {
	test('while the terminal holds the last frame, Ink writes pass as they are', () => {
		const {terminal, written} = fakeTerminal();
		const keeper = keeperOn(terminal);
		keeper.stream.write('row');
		assert.deepEqual(written, ['row']);
		keeper.dispose();
	});

	test("after the early frame, Ink's first write clears the screen inside its own synchronized update; later ones pass as they are", () => {
		const {terminal, written} = fakeTerminal();
		const keeper = keeperOn(terminal);
		keeper.clearBeforeFirstFrame();
		keeper.stream.write('');
		keeper.stream.write('\u001B[?2026hframe\u001B[?2026l');
		keeper.stream.write('\u001B[?2026hnext\u001B[?2026l');
		assert.deepEqual(written, [
			'',
			'\u001B[?2026h\u001B[2J\u001B[Hframe\u001B[?2026l',
			'\u001B[?2026hnext\u001B[?2026l',
		]);
		keeper.clearBeforeFirstFrame();
		keeper.stream.write('plain');
		assert.equal(written.at(-1), '\u001B[2J\u001B[Hplain');
		keeper.dispose();
	});

	test('after a resize, changes are held back until a frame at the new size is drawn whole on a cleared screen', async () => {
		const {terminal, written} = fakeTerminal();
		const keeper = keeperOn(terminal);
		const painted: string[] = [];
		keeper.setPainter((prefix) => painted.push(prefix));
		keeper.viewAt({width: 120, height: 35});
		keeper.frameDrawn();
		terminal.columns = 80;
		terminal.emit('resize');
		// Ink's changes against the old frame (its callbacks still run, in order).
		let called = false;
		keeper.stream.write('changes against the old frame', () => (called = true));
		assert.equal(called, true);
		assert.deepEqual(written, ['']);
		// A frame of the old view at the new size is no good: still held.
		keeper.frameDrawn();
		await new Promise((resolve) => setImmediate(resolve));
		assert.deepEqual(painted, []);
		keeper.viewAt({width: 80, height: 35});
		keeper.frameDrawn();
		await waitFor(() => painted.length === 1);
		assert.deepEqual(painted, ['\u001B[2J\u001B[H']);
		keeper.stream.write('next key');
		assert.deepEqual(written, ['', 'next key']);
		keeper.dispose();
	});

	test('a resize to the same size, or Ctrl-L, paints the frame there is at once', async () => {
		const {terminal} = fakeTerminal();
		const keeper = keeperOn(terminal);
		const painted: string[] = [];
		keeper.setPainter((prefix) => painted.push(prefix));
		keeper.viewAt({width: 120, height: 35});
		keeper.frameDrawn();
		terminal.emit('resize');
		await waitFor(() => painted.length === 1);
		keeper.redraw();
		await waitFor(() => painted.length === 2);
		keeper.dispose();
	});

	test('Ink is not told of resizes: its own handler would draw the old view at the new width', () => {
		const {terminal} = fakeTerminal();
		const keeper = keeperOn(terminal);
		const listener = () => {};
		keeper.stream.on('resize', listener);
		keeper.stream.on('drain', listener);
		assert.equal(terminal.listenerCount('resize'), 1, 'the keeper alone listens');
		assert.equal(terminal.listenerCount('drain'), 1);
		keeper.stream.off('resize', listener);
		keeper.dispose();
		assert.equal(terminal.listenerCount('resize'), 0);
	});

	test('redraw reads the size again: a resize while stopped (told to the shell) is seen after fg', async () => {
		const {terminal} = fakeTerminal();
		const keeper = keeperOn(terminal);
		const painted: string[] = [];
		keeper.setPainter((prefix) => painted.push(prefix));
		keeper.viewAt({width: 120, height: 35});
		keeper.frameDrawn();
		let resized = 0;
		terminal.on('resize', () => resized++);
		terminal.actual = {columns: 90, rows: 30};
		keeper.redraw();
		assert.equal(resized, 1);
		assert.equal(terminal.columns, 90);
		// Not painted before the view is drawn at 90x30.
		await new Promise((resolve) => setImmediate(resolve));
		assert.deepEqual(painted, []);
		keeper.viewAt({width: 90, height: 30});
		keeper.frameDrawn();
		await waitFor(() => painted.length === 1);
		keeper.dispose();
	});

	test('refreshSize leaves a terminal that cannot say its size alone', () => {
		const {terminal} = fakeTerminal();
		terminal._refreshSize = () => {
			throw new Error('EBADF');
		};
		refreshSize(terminal as unknown as NodeJS.WriteStream);
		assert.equal(terminal.columns, 120);
	});
});
