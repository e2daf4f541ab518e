import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import fc from 'fast-check';
import {openableUrl} from '../../src/markdown/sanitize.js';
import {hyperlinkTarget, textMisleads} from '../../src/render/links.js';
import {renderMarkdown} from '../../src/render/render-markdown.js';
import {stripStyles} from '../../src/render/plain.js';
import {killAllSessions, startSession} from '../helpers/pseudo-terminal.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {FIRST_FRAME} from '../helpers/screen.js';

const styled = (markdown: string) => renderMarkdown(markdown, {width: 100, color: true, hyperlinks: true}).lines;
/** Every OSC 8 target opened in the text. */
const targets = (text: string) =>
	[...text.matchAll(/\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u001B\\|\u0007)/g)]
		.map((match) => match[1]!)
		.filter((target) => target !== '');
const shown = (lines: string[]) => lines.map(stripStyles).join('\n');

/** The three ways a post can carry a link: markdown, inline HTML, a block of HTML. */
const carriers = (text: string, url: string) => [
	`A [${text}](${url}) b.`,
	`A <a href="${url}">${text}</a> b.`,
	`<p><a href="${url}">${text}</a></p>`,
];

describe('a click goes where o goes', () => {
	test('a mailto link is clickable without its query, in every carrier', () => {
		for (const markdown of carriers('write', 'mailto:x@y.example?attach=/etc/passwd&body=hi')) {
			const lines = styled(markdown);
			assert.deepEqual(targets(lines.join('\n')), ['mailto:x@y.example'], markdown);
		}
	});

	test('every OSC 8 target is the one o would open, or there is no link (generated targets)', () => {
		const piece = fc.constantFrom(
			'https://a.example/p',
			'http://b.example',
			'mailto:x@y.example',
			'mailto:',
			'javascript:alert(1)',
			'data:text/html,x',
			'?attach=/etc/passwd',
			'#frag',
			'&body=x',
			' ',
			'%20',
			'\t',
			'\u0085',
			'\u202E',
			'é',
			';',
			'\\',
			'"',
			"'",
		);
		const url = fc.array(piece, {minLength: 1, maxLength: 4}).map((parts) => parts.join(''));
		fc.assert(
			fc.property(url, (target) => {
				// The href as the post writes it; markdown needs <…> around a target with spaces.
				for (const markdown of carriers('the talk', target.includes(' ') ? `<${target}>` : target)) {
					for (const found of targets(styled(markdown).join('\n'))) {
						// What o opens, as OSC 8 carries it: a safe scheme, nothing an opener misreads, no mail query.
						assert.match(found, /^(?:https?:\/\/|mailto:)[\u0021-\u007E]+$/, found);
						assert.equal(found, hyperlinkTarget(openableUrl(found) ?? ''), found);
						if (/^mailto:/i.test(found)) assert.doesNotMatch(found, /[?#]/, found);
					}
				}
			}),
			{numRuns: 300, seed: 23},
		);
	});
});

describe('link text that names another place shows the target', () => {
	const misleading: Array<[string, string]> = [
		['Visit https://bank.example now', 'https://evil.example'],
		['Log in at bank.example today', 'https://evil.example/login'],
		['the www.bank.example portal', 'https://evil.example'],
		['bank.example/login', 'https://evil.example/login'],
		['(see https://bank.example/help).', 'https://evil.example'],
		['write to ceo@bank.example', 'mailto:ceo@evil.example'],
		// Look-alikes: Cyrillic а, an ideographic full stop, fullwidth letters.
		['b\u0430nk.example', 'https://bank.example'],
		['bank\u3002example', 'https://evil.example'],
		['https://bank.example/login', 'https://bank.example/phish'],
		['Sign in to PayPal.com', 'https://paypal.com.evil.example'],
	];
	const honest: Array<[string, string]> = [
		['the talk', 'https://evil.example'],
		['kubernetes.io docs', 'https://kubernetes.io/docs'],
		['Ancestry.com', 'http://www.ancestry.com/'],
		['TheNanfang.com', 'http://thenanfang.com'],
		['Knockout.js and values.yaml', 'https://github.com/x'],
		['https://sched.co/X', 'https://sched.co/X'],
		['e.g. this, i.e. that', 'https://a.example'],
		['mail me', 'mailto:me@a.example?subject=hi'],
	];

	test('textMisleads: another host among the words, a look-alike, another URL', () => {
		for (const [text, target] of misleading) assert.equal(textMisleads(text, target), true, `${text} -> ${target}`);
		for (const [text, target] of honest) assert.equal(textMisleads(text, target), false, `${text} -> ${target}`);
	});

	test('in every carrier, with hyperlinks on, the target is printed beside such text only', () => {
		for (const [text, target] of misleading.filter(([, url]) => url.startsWith('http'))) {
			for (const markdown of carriers(text, target))
				assert.ok(shown(styled(markdown)).includes(`(${target})`), `${markdown}\n${shown(styled(markdown))}`);
		}
		for (const [text, target] of honest.filter(([, url]) => url.startsWith('http'))) {
			for (const markdown of carriers(text, target))
				assert.ok(!shown(styled(markdown)).includes(`(${target})`), markdown);
		}
	});

	test('linear: a 100 KB word of dots and letters, and 20,000 words', () => {
		assert.equal(textMisleads(`${'a.'.repeat(50_000)}com`, 'https://a.example'), false);
		assert.equal(textMisleads(`${'go to a.bc '.repeat(20_000)}`, 'https://a.example'), true);
	});
});

const folders: string[] = [];
after(() => {
	for (const folder of folders) fs.rmSync(folder, {recursive: true, force: true});
});
function hostilePosts(): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-links-'));
	folders.push(folder);
	fs.writeFileSync(
		path.join(folder, '2024-01-01-links.md'),
		'---\ntitle: Links\n---\n\nMail [the organisers](mailto:x@y.example?attach=/etc/passwd) or [Visit https://bank.example now](https://evil.example).\n',
	);
	return folder;
}

describe('links in the printed text and the reader', () => {
	afterEach(killAllSessions);

	test('--color=always with hyperlinks: no mailto query in a target, the misleading link shows where it goes', async () => {
		const result = await runCli(['--posts', hostilePosts(), '--color=always'], {env: {FORCE_HYPERLINK: '1'}});
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(targets(result.stdout).sort(), ['https://evil.example', 'mailto:x@y.example']);
		assert.match(stripStyles(result.stdout), /Visit https:\/\/bank\.example now \(https:\/\/evil\.example\)/);
	});

	test('the reader: the same targets', async () => {
		const session = startSession([cliPath, '--posts', hostilePosts(), '--no-resume'], {
			env: {NO_COLOR: undefined, FORCE_COLOR: '1', FORCE_HYPERLINK: '1'},
		});
		await session.waitFor(FIRST_FRAME);
		await session.waitFor(/Visit https:\/\/bank\.example now \(https:\/\/evil\.example\)/);
		assert.deepEqual([...new Set(targets(session.raw()))].sort(), ['https://evil.example', 'mailto:x@y.example']);
		session.write('q');
		await session.exited;
	});
});
