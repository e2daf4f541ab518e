import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import fc from 'fast-check';
import {
	capNesting,
	decodeEntities,
	escapeJsonText,
	filterTypedText,
	inlineText,
	inlineTokens,
	lexBlocks,
	openableUrl,
	sanitizeName,
	sanitizeText,
	terminalSafe,
} from '../../src/markdown/index.js';
import {OWN_SEQUENCE, SCREEN_SEQUENCE, screenSafe} from '../../src/markdown/terminal-text.js';
import {keyPresses} from '../../src/ui/key-name.js';
import {formatLink} from '../../src/render/links.js';
import {createTheme} from '../../src/render/theme.js';
import {createSessionIndex, MAX_QUERY_CHARS} from '../../src/search/session-index.js';
import type {Key} from 'ink';
import {generateSessions} from '../search/fixtures.js';

const ESC = '\u001B';
const noKey = {} as Key;

describe('the markdown layer hands out only terminal-safe strings', () => {
	test('names from inline tokens: references marked decodes (&#27; &#x1b; &#155; &#8238;) are neutralised', () => {
		const [block] = lexBlocks('## Mouse &#27;[?1000h &#x1b;]52;c;cm0= &#155;2J &#8238;evil &mdash; done');
		const name = inlineText(inlineTokens(block!.token));
		assert.doesNotMatch(name, /[\u001B\u009B\u202E]/);
		assert.match(name, /␛\[\?1000h/);
		assert.match(name, /\\x9b2J/);
		assert.match(name, /— done$/);
	});

	test('one entity decoder: named references decode, controls, bidi and invisible ones stay as written', () => {
		assert.equal(decodeEntities('Q&amp;A &mdash; wrap'), 'Q&A — wrap');
		assert.equal(
			decodeEntities('&#27; &#x9B; &#8238; &#173; &#917505; &#10;'),
			'&#27; &#x9B; &#8238; &#173; &#917505; &#10;',
		);
	});

	test('characters counted zero-wide but drawn are stripped: soft hyphen, Hangul fillers, tag characters', () => {
		assert.equal(sanitizeText('a\u00ADb\u115Fc\u1160d\u3164e\u{E0041}\u{E007F}f'), 'abcdef');
		assert.equal(sanitizeName('a\tb\nc'), 'a␉b␊c');
	});

	test('the writer lets through our SGR and OSC 8 only', () => {
		const ours = `${ESC}[1mbold${ESC}[22m ${ESC}]8;;https://x.example${ESC}\\link${ESC}]8;;${ESC}\\`;
		assert.equal(terminalSafe(ours), ours);
		const foreign = `${ESC}]0;title\u0007 ${ESC}[?1000h ${ESC}[6n \u009B2J ${ESC}]52;c;eA==\u0007 \u202E`;
		assert.doesNotMatch(terminalSafe(foreign), /[\u001B\u0007\u009B\u202E]/);
		// A frame: Ink's cursor moves pass, mouse tracking and titles do not.
		assert.equal(screenSafe(`${ESC}[2K${ESC}[1A${ESC}[G${ESC}[?25l`), `${ESC}[2K${ESC}[1A${ESC}[G${ESC}[?25l`);
		assert.doesNotMatch(screenSafe(`${ESC}[?1000h${ESC}]0;x\u0007`), /\u001B/);
	});

	test("the writers' shortcut for lines holding only allowed sequences agrees with sanitising between them", () => {
		// The walk the writers did on every line before the shortcut: allowed sequences kept, the text between sanitised.
		const between = (allowed: RegExp, text: string): string => {
			let out = '';
			let from = 0;
			for (const match of text.matchAll(allowed)) {
				out += sanitizeText(text.slice(from, match.index)) + match[0];
				from = match.index + match[0].length;
			}
			return out + sanitizeText(text.slice(from));
		};
		const piece = fc.constantFrom(
			`${ESC}[1m`,
			`${ESC}[22m`,
			`${ESC}[38;5;12m`,
			`${ESC}]8;;https://x.example/a${ESC}\\`,
			`${ESC}]8;;${ESC}\\`,
			`${ESC}]8;;https://y.example\u0007`,
			ESC,
			`${ESC}[`,
			`${ESC}]8;;`,
			`${ESC}]0;t\u0007`,
			`${ESC}[6n`,
			'\u0007',
			'\u009B',
			'\u202E',
			'\u200B',
			'\u00AD',
			'\u2028',
			'\u{E0041}',
			'\uDB40',
			'\t',
			'\n',
			'\r',
			'word',
			' ',
			'[1m',
			'm',
			';',
			'日本',
			'\u00E9',
			`${ESC}[2K`,
			`${ESC}[1A`,
			`${ESC}[?25l`,
			`${ESC}[?2026h`,
			`${ESC}7`,
			`${ESC}[?1000h`,
		);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
				const text = pieces.join('');
				assert.equal(terminalSafe(text), between(OWN_SEQUENCE, text));
				assert.equal(screenSafe(text), between(SCREEN_SEQUENCE, text));
			}),
			{numRuns: 3000},
		);
	});

	test('JSON escapes DEL, C1, bidi and invisible formatting as \\uXXXX, and stays the same value', () => {
		const value = {title: 'a\u007F\u0085\u009B\u202E\u2066\u200B\u00AD\u{E0041}z'};
		const json = escapeJsonText(JSON.stringify(value));
		assert.doesNotMatch(json, /[\u007F-\u009F\u202E\u2066\u200B\u00AD]|\uDB40/);
		assert.deepEqual(JSON.parse(json), value);
	});

	test('an attribute list or a footnote line ends the paragraph above it, whichever kramdown shapes a document has', () => {
		// Each document lexes with only the kramdown tokenizers its characters allow: these cover the four sets.
		const shapes = (markdown: string) => lexBlocks(markdown).map(({token, line}) => [token.type, line]);
		assert.deepEqual(shapes('A lead paragraph.\n{: .lead}\n\nmore'), [
			['paragraph', 1],
			['blockAttributes', 2],
			['paragraph', 4],
		]);
		assert.deepEqual(shapes('Text[^1] and more.\n[^1]: note'), [
			['paragraph', 1],
			['footnote', 2],
		]);
		assert.deepEqual(shapes('Text[^1]\n{: .x}\n[^1]: note'), [
			['paragraph', 1],
			['blockAttributes', 2],
			['footnote', 3],
		]);
		assert.deepEqual(shapes('Plain text\n\n## Heading {#id}'), [
			['paragraph', 1],
			['space', 1],
			['heading', 3],
		]);
		assert.equal(inlineText(inlineTokens(lexBlocks('## Heading {#id}')[0]!.token)), 'Heading ');
	});

	test('nesting is capped before lexing, keeping every line', () => {
		const deep = Array.from({length: 3000}, (_, index) => '>'.repeat(index + 1) + ' q').join('\n');
		const capped = capNesting(deep);
		assert.equal(capped.text.split('\n').length, 3000);
		assert.match(capped.capped!, /quotes nested/);
		assert.equal(capNesting('plain *text*').capped, null);
		assert.equal(capNesting(`# ${'***'.repeat(13_000)}x${'***'.repeat(13_000)}`).text.length < 200, true);
	});

	test('containers opened on one line are found wherever the line is, and only past 16', () => {
		const markers = ['> ', '>', '- ', '* ', '+ ', '1. ', '12) ', '\t> '];
		const line = (count: number) =>
			Array.from({length: count}, (_, index) => markers[index % markers.length]).join('') + 'x';
		const prose = 'A paragraph of prose.\n'.repeat(500);
		for (const [count, isCapped] of [
			[16, false],
			[17, true],
			[40, true],
		] as const) {
			const text = `${prose}\n${line(count)}\n${prose}`;
			assert.equal(capNesting(text).capped !== null, isCapped, `${count} on one line`);
		}
		// Seventeen on as many lines is no deep line; ten digits make no list marker.
		assert.equal(capNesting(Array.from({length: 17}, () => '> a').join('\n')).capped, null);
		assert.equal(capNesting(`${'1234567890. '.repeat(17)}x`).capped, null);
	});
});

describe('typed text, links and queries', () => {
	test('typed and pasted text loses C1, bidi and invisible characters where key presses are made', () => {
		assert.deepEqual(keyPresses('\u009B', noKey), []);
		assert.deepEqual(keyPresses('\u202E', noKey), []);
		assert.deepEqual(
			keyPresses('a\u0085b\u2066c\u200B', noKey).map((press) => press.input),
			['a', 'b', 'c'],
		);
		assert.equal(keyPresses('x'.repeat(20_000), noKey).length, 512);
		assert.equal(filterTypedText('ok\u009B\u202E\u0007!'), 'ok!');
	});

	test('the opener gets no URL with whitespace or controls, and mailto without its query', () => {
		assert.equal(openableUrl('https://x.example/a b'), null);
		assert.equal(openableUrl('https://x.example/\u001B[2J'), null);
		assert.equal(openableUrl('https://x.example/a\u0085'), null);
		assert.equal(openableUrl('mailto:me@x.example?attach=~/.ssh/id_rsa&body=hi'), 'mailto:me@x.example');
		assert.equal(openableUrl('javascript:alert(1)'), null);
		assert.equal(openableUrl(' https://sched.co/x '), 'https://sched.co/x');
	});

	test('a link whose text is a different URL shows its target, hyperlinks on or off', () => {
		const theme = createTheme(false);
		for (const hyperlinks of [true, false]) {
			const shown = formatLink('https://bank.example', 'https://evil.example/login', {theme, color: true, hyperlinks});
			assert.match(shown, /\(.*https:\/\/evil\.example\/login/);
			const same = formatLink('https://bank.example', 'https://bank.example', {theme, color: true, hyperlinks});
			assert.doesNotMatch(same, /\(/);
		}
		assert.doesNotMatch(formatLink('the talk', 'https://sched.co/x', {theme, color: true, hyperlinks: true}), /\(/);
	});

	test('a 20,000-character query is capped before fuzzy matching', () => {
		const index = createSessionIndex(generateSessions(2000));
		// Uncapped, each of these typo words goes to fuse.js whole: minutes. Capped, the test ends.
		const paste = Array.from({length: 2000}, (_, word) => `zq${word}xkcdwv`).join(' ') + 'y'.repeat(5000);
		assert.ok(Array.isArray(index.search(paste)));
		assert.deepEqual(
			index.search(`kubernetes ${'z'.repeat(MAX_QUERY_CHARS * 10)}`).length,
			index.search(`kubernetes ${'z'.repeat(MAX_QUERY_CHARS)}`).length,
		);
	});
});
