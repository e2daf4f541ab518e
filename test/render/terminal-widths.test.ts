/**
 * Rows as a terminal draws them: every row the layout makes, in many scripts and at many widths,
 * is written into an xterm-compatible emulator (@xterm/headless) as wide as the pane. No row may
 * wrap there (a row one column too wide wraps, and at the last row the whole frame scrolls), and
 * where the terminal measures the same way for certain, it ends exactly where the layout said.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import type {Terminal as TerminalType} from '@xterm/headless';
import {breakToWidth, truncateToWidth, visibleWidth, wrapToWidth} from '../../src/render/text-width.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath} from '../helpers/run-cli.js';
import {FIRST_FRAME, statusLine} from '../helpers/screen.js';

const {Terminal} = createRequire(import.meta.url)('@xterm/headless') as {Terminal: typeof TerminalType};

/** Words of each script; `exact`: xterm counts them as wcwidth does, so the row ends where the layout says. */
const scripts: Array<{name: string; words: string[]; exact: boolean}> = [
	{name: 'Devanagari', words: ['क्षत्रिय', 'नमस्ते', 'हिन्दी', 'स्त्री', 'द्वार'], exact: true},
	{name: 'Bengali', words: ['ক্ষত্রিয়', 'বাংলা', 'স্বাগতম'], exact: true},
	{name: 'Tamil', words: ['தமிழ்', 'ஸ்ரீ', 'க்ஷ'], exact: true},
	{name: 'Gujarati and Telugu', words: ['ગુજરાતી', 'తెలుగు', 'ಕನ್ನಡ'], exact: true},
	{name: 'Thai', words: ['ภาษาไทย', 'น้ำ', 'ที่นี่'], exact: true},
	{name: 'Khmer', words: ['ខ្មែរ', 'ភាសា'], exact: true},
	{name: 'CJK and Hangul', words: ['漢字かな', '中文字符', '한국어', 'ｱｲｳ'], exact: true},
	{name: 'emoji ZWJ sequences', words: ['👨‍👩‍👧', '👩🏽‍💻', '🏳️‍🌈', 'ok👍🏽'], exact: false},
	{name: 'flags and keycaps', words: ['🇫🇷', '🇯🇵🇧🇷', '1️⃣', '❤️'], exact: false},
	{name: 'mixed', words: ['abc', 'क्ष', '中', '👨‍👩‍👧', 'e\u0301', 'ที่'], exact: false},
];

/** Where the emulator's cursor stands after writing `row` at the top left of a blank screen `columns` wide. */
async function drawn(terminal: TerminalType, row: string): Promise<{x: number; y: number}> {
	await new Promise<void>((resolve) => terminal.write(`\u001B[H\u001B[2J${row}`, resolve));
	return {x: terminal.buffer.active.cursorX, y: terminal.buffer.active.cursorY};
}

/** Text of `count` words from `words`, in turn. */
const paragraph = (words: string[], count: number) =>
	Array.from({length: count}, (_, index) => words[index % words.length]).join(' ');

describe('rows agree with what an xterm-compatible terminal draws', () => {
	for (const script of scripts) {
		test(script.name, async () => {
			for (const width of [7, 13, 20, 37, 61, 80]) {
				const terminal = new Terminal({cols: width, rows: 4, allowProposedApi: true});
				const text = paragraph(script.words, 60);
				const rows = [
					...wrapToWidth(text, width),
					...breakToWidth(script.words.join(''), width),
					truncateToWidth(text, width),
					// As the reader draws them: rendered, styled.
					...renderMarkdown(`**${text}** [${script.words[0]}](https://x.example)`, {
						width,
						color: true,
						hyperlinks: true,
					}).lines,
				];
				for (const row of rows) {
					const measured = visibleWidth(row);
					assert.ok(measured <= width, `${script.name} at ${width}: measured ${measured}: ${row}`);
					const {x, y} = await drawn(terminal, row);
					// A full row leaves the cursor at the last column (pending wrap), not on the next row.
					assert.equal(y, 0, `${script.name} at ${width}: the row wrapped in the terminal: ${JSON.stringify(row)}`);
					if (script.exact)
						assert.equal(
							Math.min(x, width),
							measured,
							`${script.name} at ${width}: drawn ${x}, measured ${measured}: ${row}`,
						);
					else assert.ok(x <= measured, `${script.name} at ${width}: drawn ${x} > measured ${measured}: ${row}`);
				}
				terminal.dispose();
			}
		});
	}
});

const folders: string[] = [];
after(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});

describe('a post in many scripts keeps the frame whole', () => {
	afterEach(killAllSessions);

	test('at 120x35, 50x15 and 200x60: the sidebar title on the first row, the status line on the last, after every move', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-scripts-'));
		folders.push(folder);
		const sections = scripts
			.map((script) => `## ${script.name} ${script.words[0]}\n\n${paragraph(script.words, 80)}\n`)
			.join('\n');
		fs.writeFileSync(path.join(folder, '2024-05-01-scripts.md'), `---\ntitle: Scripts क्षत्रिय 👨‍👩‍👧\n---\n\n${sections}`);
		for (const [cols, rows] of [
			[120, 35],
			[50, 15],
			[200, 60],
		] as const) {
			const session = startSession([cliPath, '--posts', folder, '--no-resume'], {cols, rows});
			await session.waitFor(FIRST_FRAME);
			// No row wrapped in the terminal, the status line is the last row, and with a sidebar its first entry is the first row.
			const whole = () => {
				const screen = session.screen().split('\n');
				return (
					session.wrappedRows().length === 0 &&
					FIRST_FRAME.test(screen.at(-1)!) &&
					(cols < 80 || /^▾ Scripts/.test(screen[0]!))
				);
			};
			assert.ok(whole(), `first frame at ${cols}x${rows}:\n${session.screen()}`);
			for (const key of [']', ']', 'j', ']', 'G', 'g']) {
				const before = statusLine(session);
				session.write(key);
				await session.waitFor(() => statusLine(session) !== before || key === 'g');
				await session.waitFor(whole);
			}
			session.write('q');
			await session.exited;
		}
	});
});
