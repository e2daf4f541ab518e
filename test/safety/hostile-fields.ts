/** Generated hostile posts for the property tests: control payloads in every field, in every spelling. */
import fc from 'fast-check';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** What a hostile post tries to make the terminal do, as the characters themselves. */
const PAYLOADS = [
	'\u001B]0;pwned\u0007',
	'\u001B[?1000h\u001B[?1006h',
	'\u001B]52;c;cm0gLXJmIH4vKg==\u0007',
	'\u001B[6n\u001B[c',
	'\u001B[2J',
	'\u009B31m',
	'\u0085',
	'\u009D0;x\u009C',
	'\u0007',
	'\u007F',
	'\r',
	'\u0008',
	'\u202E',
	'\u2066',
	'\u200B',
	'\uFEFF',
	'\u00AD',
	'\u115F',
	'\u3164',
	'\u{E0041}\u{E007F}',
	'\u001BP1;2|x\u001B\\',
	'\u001B]8;;https://evil.example\u001B\\',
];

/** How a payload is spelled in a post: raw, as character references, or as YAML escapes (in front matter). */
export type Spelling = 'raw' | 'decimal' | 'hex';

function spell(payload: string, spelling: Spelling): string {
	if (spelling === 'raw') return payload;
	return [...payload]
		.map((char) => {
			const code = char.codePointAt(0)!;
			return /[\w\s;,.:?|[\]/=-]/.test(char)
				? char
				: spelling === 'decimal'
					? `&#${code};`
					: `&#x${code.toString(16)};`;
		})
		.join('');
}

/** A YAML double-quoted scalar holding the payload as escapes (`\e`, `\x9b`, `\u202E`). */
function yamlQuoted(text: string): string {
	return `"${[...text]
		.map((char) => {
			const code = char.codePointAt(0)!;
			if (char === '"' || char === '\\') return `\\${char}`;
			if (code === 0x1b) return '\\e';
			if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `\\x${code.toString(16).padStart(2, '0')}`;
			if (code > 0xffff) return `\\U${code.toString(16).padStart(8, '0')}`;
			if (code > 0x7e) return `\\u${code.toString(16).padStart(4, '0')}`;
			return char;
		})
		.join('')}"`;
}

export type HostilePost = {payloads: string[]; spelling: Spelling; yamlRaw: boolean};

export const hostilePost: fc.Arbitrary<HostilePost> = fc.record({
	payloads: fc.array(fc.constantFrom(...PAYLOADS), {minLength: 12, maxLength: 12}),
	spelling: fc.constantFrom<Spelling>('raw', 'decimal', 'hex'),
	yamlRaw: fc.boolean(),
});

/** The post's text: a payload in the title, tags, author, headings, bold topic, day, session fields, links and text. */
export function postText(post: HostilePost, withTitle: boolean): string {
	const p = post.payloads.map((payload) => spell(payload, post.spelling));
	const yaml = (index: number) =>
		post.yamlRaw
			? JSON.stringify(post.payloads[index]).replace(/\\u001b/g, '\u001B')
			: yamlQuoted(post.payloads[index]!);
	return [
		'---',
		...(withTitle ? [`title: ${yaml(0)}`] : []),
		`tags: [${yaml(1)}, plain]`,
		`author: ${yaml(2)}`,
		// A value that contains itself, with a payload beside the loop.
		`related: &loop [*loop, ${yaml(3)}]`,
		'---',
		'',
		`# First heading ${p[0]} title`,
		'',
		`Intro ${p[3]} text with [https://bank.example](https://evil.example/${p[4]}) and \`code ${p[5]}\`.`,
		'',
		`## Topic ${p[6]} name`,
		'',
		`Sessions I attended on Day 1 ${p[7]}:`,
		'',
		`* [Talk ${p[8]} title - Ann ${p[9]} Lee, Org](https://sched.co/a${p[10]}) _(missed it ${p[11]})_`,
		`* [Second talk - Bo Li, Org](https://sched.co/b)`,
		'',
		`**Bold ${p[1]} topic**`,
		'',
		`<a href="https://x.example/${p[2]}">html ${p[3]}</a> <img alt="alt ${p[4]}" src="https://i.example/${p[5]}">`,
		'',
		// Liquid: the title (and its payload) put in the text, a placeholder's caption, an opener that never closes.
		`Liquid {{ page.title }} and {% include figure.html caption="cap ${p[6]}" %} then {% never ${p[7]} closed`,
		'',
		`## Heading <!-- ${p[8]} never closed`,
		'',
	].join('\n');
}

/** File and folder names may hold anything but `/` and NUL. */
const NAME_PAYLOADS = PAYLOADS.filter((payload) => !payload.includes('/'));
const nameSafe = (payload: string) => payload.replaceAll('/', '∕');

/** Writes posts into `dir`, in a folder and under file names that carry payloads too. Returns the folder of posts. */
export function writeHostileLibrary(dir: string, posts: HostilePost[]): string {
	const folder = join(dir, `notes ${NAME_PAYLOADS[posts.length % NAME_PAYLOADS.length]}`);
	mkdirSync(folder, {recursive: true});
	for (const [index, post] of posts.entries()) {
		const name = `2024-03-0${index + 1}-alpha${index} ${nameSafe(post.payloads[11]!)} ${nameSafe(post.payloads[0]!)}.md`;
		writeFileSync(join(folder, name), postText(post, index % 2 === 0));
	}
	// A name that is not UTF-8 (a Latin-1 byte) beside a payload: read by its bytes, shown as \xNN.
	const bytesName = Buffer.concat([
		Buffer.from(`${folder}/2024-02-0${posts.length}-bytes-`),
		Buffer.from([0xe9, 0xff]),
		Buffer.from(` ${nameSafe(posts[0]!.payloads[1]!)}.md`),
	]);
	writeFileSync(bytesName, postText(posts[0]!, true));
	return folder;
}

/**
 * The first character in `output` outside what may reach a terminal: our SGR and OSC 8 sequences
 * (and, with `screen`, the reader's own cursor, screen, mouse and background-query sequences) removed, then no C0 but tab and newline,
 * no DEL or C1, no bidi, invisible or falsely zero-width character. Null when clean.
 */
export function foreignCharacter(output: string, screen = false): string | null {
	let rest = output
		.replace(/\u001B\[[0-9;:]*m/g, '')
		.replace(/\u001B\]8;[\u0020-\u003A\u003C-\u007E]*;[\u0021-\u007E]*(?:\u001B\\|\u0007)/g, '');
	// The reader's own: Ink's cursor and screen moves, mouse modes on and off, and the one question
	// it asks the terminal (OSC 11, its background, for the theme; then DA1, which says it is done).
	if (screen)
		rest = rest.replace(
			/\u001B\[[0-9;]*[A-HJKSTfsu]|\u001B\[\?(?:25|1049|2026|2004|1000|1006)[hl]|\u001B\]11;\?\u0007(?:\u001B\[c)?|\u001B[78]|\r/g,
			'',
		);
	const match =
		/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/.exec(
			rest,
		);
	return match ? JSON.stringify(rest.slice(Math.max(0, match.index - 30), match.index + 30)) : null;
}
