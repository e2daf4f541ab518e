import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Marked, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {createInlineRenderer} from '../../src/render/inline.js';
import {stripStyles} from '../../src/render/plain.js';
import {createTheme} from '../../src/render/theme.js';

const bullet = '* [Title - Speaker](https://sched.co/X) _(note)_';

test('upstream marked-terminal 7.3.1 on marked 18 prints a list item raw (why inline.ts overrides `text`)', () => {
	const output = new Marked(markedTerminal({emoji: false})).parse(bullet) as string;
	// If this starts failing, upstream fixed the bug and the override may be dropped.
	assert.match(output, /\[Title - Speaker\]\(https:\/\/sched\.co\/X\) _\(note\)_/);
});

test('with our overrides, marked-terminal renders the item inline tokens', () => {
	const {render} = createInlineRenderer({theme: createTheme(false), color: false, hyperlinks: false});
	const item = (new Marked().lexer(bullet)[0] as Tokens.List).items[0]!;
	const output = stripStyles(render(item.tokens));
	assert.match(output, /Title - Speaker \(https:\/\/sched\.co\/X\) \(note\)/);
	assert.doesNotMatch(output, /\]\(|_\(/);
});
