/**
 * A post known by its head until something needs more: the sidebar reads title, date and tags; the
 * first read of the body, topics or sessions reads and parses the file (once). So the first frame
 * parses one post, and memory holds heads, not bodies, for the posts nobody has opened.
 */
import type {FoundPost} from './find-posts.js';
import {readPostText} from './load-library.js';
import {parsePost} from './parse-post.js';
import type {PostHead} from './post-head.js';
import type {Post, PostWarning, Session, Topic} from './types.js';

type Body = {frontMatter: Record<string, unknown>; body: string; bodyLineOffset: number; parsed: Post | null};
type Structure = {excerpt: string; intro: Topic | null; topics: Topic[]; sessions: Session[]};

const sameWarning = (a: PostWarning, b: PostWarning) => a.message === b.message && a.line === b.line;

/** How many posts have been parsed whole in this process (tests check the first frame parses one). */
export const parseCount = {value: 0};

/**
 * The post of `found`, from its `head`. Warnings met only when the whole file is read (the body's
 * encoding, markdown nested too deeply) are added to the post's warnings and to `lateWarnings` (the
 * library's list), once each.
 */
export function lazyPost(found: FoundPost, head: PostHead, lateWarnings: PostWarning[]): Post {
	const warnings = head.warnings.map(warning => ({...warning, file: found.displayPath}));
	let whole: Body | undefined;
	let structure: Structure | undefined;
	const addWarnings = (more: PostWarning[]) => {
		for (const warning of more) {
			if (warnings.some(known => sameWarning(known, warning))) continue;
			warnings.push(warning);
			lateWarnings.push(warning);
		}
	};
	const read = (): Body => {
		if (whole) return whole;
		parseCount.value++;
		const readWarnings: PostWarning[] = [];
		try {
			const text = readPostText(found.path, found.displayPath, readWarnings);
			const parsed = text === null ? null : parsePost({text, id: found.id, path: found.path, displayPath: found.displayPath});
			addWarnings([...readWarnings, ...(parsed?.warnings ?? [])]);
			whole = parsed ? {frontMatter: parsed.frontMatter, body: parsed.body, bodyLineOffset: parsed.bodyLineOffset, parsed} : {frontMatter: {}, body: '', bodyLineOffset: 0, parsed: null};
		} catch (error) {
			// One post that cannot be parsed is a warning and an empty page, never the end of the run.
			addWarnings([...readWarnings, {file: found.displayPath, message: `cannot be read as a post (${error instanceof Error ? error.message : String(error)})`}]);
			whole = {frontMatter: {}, body: '', bodyLineOffset: 0, parsed: null};
		}
		return whole;
	};
	const structured = (): Structure => {
		if (structure) return structure;
		const body = read();
		const parsed = body.parsed;
		try {
			const lean = (topic: Topic) => leanTopic(topic, () => read().body);
			structure = parsed
				? {excerpt: parsed.excerpt, intro: parsed.intro && lean(parsed.intro), topics: parsed.topics.map(lean), sessions: parsed.sessions}
				: {excerpt: '', intro: null, topics: [], sessions: []};
			if (parsed) addWarnings(parsed.warnings);
		} catch (error) {
			addWarnings([{file: found.displayPath, message: `cannot be read as a post (${error instanceof Error ? error.message : String(error)})`}]);
			structure = {excerpt: '', intro: null, topics: [], sessions: []};
		}
		// The lexed blocks behind them (several times the file's size) can go now.
		body.parsed = null;
		return structure;
	};
	const date = head.date === null ? null : new Date(head.date);
	return {
		id: found.id,
		path: found.path,
		slug: head.slug,
		title: head.title,
		date,
		tags: head.tags,
		categories: head.categories,
		author: head.author,
		published: head.published,
		warnings,
		get frontMatter() {
			return read().frontMatter;
		},
		get body() {
			return read().body;
		},
		get bodyLineOffset() {
			return read().bodyLineOffset;
		},
		get excerpt() {
			return structured().excerpt;
		},
		get intro() {
			return structured().intro;
		},
		get topics() {
			return structured().topics;
		},
		get sessions() {
			return structured().sessions;
		},
	};
}

/**
 * The topic with its `text` cut from the body when asked, not kept: a post's topics together hold
 * its whole text, a second copy of the body for every post the session search has parsed.
 */
function leanTopic(topic: Topic, body: () => string): Topic {
	// Only the numbers are captured: the parsed topic, text and all, can go.
	const {text: _text, ...rest} = topic;
	const {line, endLine} = topic;
	return Object.defineProperty(rest, 'text', {enumerable: true, get: () => bodyLines(body(), line, endLine)}) as Topic;
}

/** Lines `first` to `last` (1-based, inclusive) of `text`, as `text.split('\n').slice(first - 1, last).join('\n')`. */
export function bodyLines(text: string, first: number, last: number): string {
	if (last < first) return '';
	let start = 0;
	for (let line = 1; line < first; line++) {
		const next = text.indexOf('\n', start);
		if (next === -1) return '';
		start = next + 1;
	}
	let end = start;
	for (let line = first; line <= last; line++) {
		const next = text.indexOf('\n', end);
		if (next === -1) return text.slice(start);
		end = next + 1;
	}
	return text.slice(start, end - 1);
}
