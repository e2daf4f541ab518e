import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	isMouseInput,
	MOUSE_OFF,
	MOUSE_ON,
	mouseIntent,
	parseMouse,
	parseMouseChunk,
	screenAreaAt,
} from '../../src/ui/mouse.js';

const plain = {shift: false, meta: false, ctrl: false};

describe('SGR mouse reports', () => {
	test('wheel up and down at a place, 0-based', () => {
		assert.deepEqual(parseMouse('\u001B[<64;10;5M'), {kind: 'wheel', direction: 'up', x: 9, y: 4, ...plain});
		assert.deepEqual(parseMouse('\u001B[<65;1;1M'), {kind: 'wheel', direction: 'down', x: 0, y: 0, ...plain});
	});
	test('as Ink hands them to useInput, without the ESC', () => {
		assert.deepEqual(parseMouse('[<65;300;80M'), {kind: 'wheel', direction: 'down', x: 299, y: 79, ...plain});
		assert.equal(isMouseInput('[<64;3;4M'), true);
		assert.equal(isMouseInput('['), false);
		assert.equal(isMouseInput('[<64;3;4'), false);
	});
	test('a left click is a press and a release; other buttons and modifiers are told apart', () => {
		assert.deepEqual(parseMouse('\u001B[<0;5;7M'), {kind: 'press', button: 'left', x: 4, y: 6, ...plain});
		assert.deepEqual(parseMouse('\u001B[<0;5;7m'), {kind: 'release', button: 'left', x: 4, y: 6, ...plain});
		assert.equal((parseMouse('\u001B[<2;5;7M') as {button: string}).button, 'right');
		assert.deepEqual(parseMouse('\u001B[<16;1;1M'), {
			kind: 'press',
			button: 'left',
			x: 0,
			y: 0,
			shift: false,
			meta: false,
			ctrl: true,
		});
		assert.deepEqual(parseMouse('\u001B[<69;2;2M'), {
			kind: 'wheel',
			direction: 'down',
			x: 1,
			y: 1,
			shift: true,
			meta: false,
			ctrl: false,
		});
		assert.equal(parseMouse('\u001B[<35;2;2M')?.kind, 'move');
	});
	test('not a report: keys, other sequences, a place off the screen, a wheel release', () => {
		for (const input of [
			'j',
			'\u001B[A',
			'\u001B[<64;0;5M',
			'\u001B[<64;1;1',
			'\u001B[M !!',
			'[<a;1;1M',
			'\u001B[<64;1;1Mj',
		])
			assert.equal(parseMouse(input), null, JSON.stringify(input));
		assert.equal(parseMouse('\u001B[<64;1;1m'), null);
	});
	test('a chunk holding several reports and keys between them', () => {
		const {events, rest} = parseMouseChunk('\u001B[<65;3;3M\u001B[<65;3;3Mj\u001B[<0;1;2M');
		assert.deepEqual(
			events.map((event) => event.kind),
			['wheel', 'wheel', 'press'],
		);
		assert.equal(rest, 'j');
	});
	test('the modes to turn on and off', () => {
		assert.equal(MOUSE_ON, '\u001B[?1000h\u001B[?1006h');
		assert.equal(MOUSE_OFF, '\u001B[?1006l\u001B[?1000l');
	});
});

describe('where a point is on the reader screen', () => {
	const layout = {width: 120, height: 35, sidebarWidth: 33, paneHeight: 34};
	test('sidebar rows, the rule between, text rows, the status line', () => {
		assert.deepEqual(screenAreaAt(layout, 0, 3), {area: 'sidebar', row: 3});
		assert.deepEqual(screenAreaAt(layout, 33, 3), {area: 'none'});
		assert.deepEqual(screenAreaAt(layout, 35, 3), {area: 'text', row: 3, column: 0});
		assert.deepEqual(screenAreaAt(layout, 50, 34), {area: 'status'});
		assert.deepEqual(screenAreaAt(layout, 120, 3), {area: 'none'});
	});
	test('without a sidebar the text starts at the first column', () => {
		assert.deepEqual(screenAreaAt({...layout, sidebarWidth: 0}, 0, 0), {area: 'text', row: 0, column: 0});
	});
});

describe('what a mouse event asks for', () => {
	const layout = {width: 120, height: 35, sidebarWidth: 33, paneHeight: 34};
	test('the wheel scrolls the pane under the pointer, three lines a step', () => {
		assert.deepEqual(mouseIntent(parseMouse('\u001B[<65;60;10M')!, layout), {kind: 'scroll', area: 'text', lines: 3});
		assert.deepEqual(mouseIntent(parseMouse('\u001B[<64;5;10M')!, layout), {
			kind: 'scroll',
			area: 'sidebar',
			lines: -3,
		});
	});
	test('a left press on a sidebar row picks that row; on the status line, or another button, nothing', () => {
		assert.deepEqual(mouseIntent(parseMouse('\u001B[<0;5;8M')!, layout), {kind: 'click', area: 'sidebar', row: 7});
		assert.equal(mouseIntent(parseMouse('\u001B[<0;5;35M')!, layout), null);
		assert.equal(mouseIntent(parseMouse('\u001B[<2;5;8M')!, layout), null);
		assert.equal(mouseIntent(parseMouse('\u001B[<0;5;8m')!, layout), null);
		assert.equal(mouseIntent(parseMouse('\u001B[<66;60;10M')!, layout), null);
	});
});
