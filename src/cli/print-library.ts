/**
 * Printing every post (`kubecon-notes > notes.txt`, `| less`): each file is read, parsed and
 * printed through the one writer's encoding, or its output is taken from the printed memo when it
 * has not changed since. The posts are then ordered, and their warnings told, as loadLibrary
 * orders them: the output is the bytes the reader's library would print.
 */
import {statSync, type Stats} from 'node:fs';
import {fsPath} from '../posts/file-names.js';
import {resolve} from 'node:path';
import {usableCacheDirectory} from '../cache-directory.js';
import {sanitizeName} from '../markdown/sanitize.js';
import {findPosts} from '../posts/find-posts.js';
import {openFrontMatterMemo, type FrontMatterMemo} from '../posts/front-matter-memo.js';
import {newestFirst, readPostText} from '../posts/load-library.js';
import {parsePost, type PostSource} from '../posts/parse-post.js';
import type {FileStamp} from '../posts/post-head.js';
import type {Post, PostWarning} from '../posts/types.js';
import type {RenderOptions} from '../render/types.js';
import {lineEncoder} from './output.js';
import {openPrintedMemo, type PrintedPost} from './printed-memo.js';
import {printPost} from './print-posts.js';

export type PrintedLibrary = {
	/** Every shown post's output (terminal-safe UTF-8), two blank lines between posts: for writeBytes. */
	bytes: Iterable<Buffer>;
	warnings: PostWarning[];
	/** What was searched, for "no posts found in …". */
	searched: string[];
	/** How many posts are printed. */
	count: number;
};

/** Every post under `paths` printed (`-` is `stdinText`, first, as loadLibrary reads it); drafts only with `drafts`. */
export function printLibrary(
	paths: string[],
	options: {drafts: boolean; render: RenderOptions; stdinText?: string},
): PrintedLibrary {
	const {drafts, render} = options;
	const warnings: PostWarning[] = [];
	const filePaths = paths.filter((path) => path !== '-');
	const files = findPosts(filePaths, warnings, {drafts});
	const cacheFolder = usableCacheDirectory(warnings);
	const memo = openPrintedMemo(filePaths, {...render, drafts}, cacheFolder);
	const frontMatter = openFrontMatterMemo(
		filePaths.map((path) => resolve(path)),
		cacheFolder,
	);
	// Every post is parsed before any is printed, as loadLibrary does: a thousand posts printed
	// between parses went about a tenth slower (the parser's and the printer's code taking turns).
	const posts: Array<PrintedPost | Parsed> = [];
	if (paths.includes('-'))
		posts.push(
			parse({text: options.stdinText ?? '', id: '-', path: '-', displayPath: 'standard input'}, [], frontMatter),
		);
	for (const file of files) {
		// One stat per file: the memo's key, and what reading checks (a file that cannot be stat'ed is read to say why).
		const stats = statOf(file.path);
		const known = stats && memo.get(file.path, stats);
		if (known) {
			posts.push(known);
			continue;
		}
		const readWarnings: PostWarning[] = [];
		const text = readPostText(file.path, file.displayPath, readWarnings, stats);
		// Not a post (empty, binary, too large…): its warning is told, and it is read again next time.
		if (text === null)
			posts.push({
				id: file.id,
				time: Number.NEGATIVE_INFINITY,
				published: false,
				readWarnings,
				warnings: [],
				bytes: null,
			});
		else
			posts.push({
				...parse({text, id: file.id, path: file.path, displayPath: file.displayPath}, readWarnings, frontMatter),
				...(stats ? {stamp: {size: stats.size, mtimeMs: stats.mtimeMs}} : {}),
			});
	}
	frontMatter.save();
	const encode = lineEncoder();
	const printed = posts.map((post) => {
		if (!('post' in post)) return post;
		const done: PrintedPost = {
			...post.facts,
			bytes: drafts || post.facts.published ? encode(printPost(post.post, render)) : null,
		};
		if (post.stamp && post.post.path !== '-') memo.set(post.post.path, post.stamp, done);
		return done;
	});
	memo.save();
	// As loadLibrary: the warnings of reading every file, then each post's, in the order of the files.
	for (const post of printed) warnings.push(...post.readWarnings);
	for (const post of printed) warnings.push(...post.warnings);
	const shown = newestFirst(
		printed.filter((post) => post.bytes !== null),
		(post) => post.time,
	);
	const searched = [...(paths.includes('-') ? ['standard input'] : []), ...filePaths.map(sanitizeName)];
	return {bytes: joined(shown.map((post) => post.bytes!)), warnings, searched, count: shown.length};
}

/** A post read and parsed, not printed yet. */
type Parsed = {post: Post; facts: Omit<PrintedPost, 'bytes'>; stamp?: FileStamp};

function parse(source: PostSource, readWarnings: PostWarning[], frontMatter: FrontMatterMemo): Parsed {
	const post = parsePost(source, {frontMatter});
	// Taken before printing, as loadLibrary takes them before anything is rendered.
	return {
		post,
		facts: {
			id: post.id,
			time: post.date?.getTime() ?? Number.NEGATIVE_INFINITY,
			published: post.published,
			readWarnings,
			warnings: [...post.warnings],
		},
	};
}

function statOf(path: string): Stats | undefined {
	try {
		return statSync(fsPath(path));
	} catch {
		return undefined;
	}
}

/** Two blank lines, as the writer writes them. */
const BETWEEN_POSTS = Buffer.from('\n\n');

/** The posts' output, two blank lines between posts. */
function* joined(posts: Buffer[]): Generator<Buffer> {
	for (const [index, bytes] of posts.entries()) {
		if (index > 0) yield BETWEEN_POSTS;
		yield bytes;
	}
}
