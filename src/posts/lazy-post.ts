/**
 * A post known by its head until something asks for more: the sidebar reads title, date and tags;
 * `loadBody()` reads and parses the file (once, then kept). So the first frame parses one post, and
 * memory holds heads, not bodies, for the posts nobody has opened. The body's topics and sessions
 * are found on first use from what was read (no disk), sessions apart from topics.
 */
import type {FoundPost} from './find-posts.js';
import {readPostText} from './read-post-text.js';
import {parsePost} from './parse-post.js';
import type {PostHead} from './post-head.js';
import type {ParsedPost, Post, PostBody, PostWarning, Session, Topic} from './types.js';

type Body = {
	frontMatter: Record<string, unknown>;
	body: string;
	bodyLineOffset: number;
	parsed: ParsedPost | null;
};
type Structure = {excerpt: string; intro: Topic | null; topics: Topic[]};

const NO_WARNINGS: PostWarning[] = Object.freeze([]) as unknown as PostWarning[];

const sameWarning = (a: PostWarning, b: PostWarning) => a.message === b.message && a.line === b.line;

/** How many posts have been parsed whole in this process (tests check the first frame parses one). */
export const parseCount = {value: 0};

/**
 * The post of `found`, from its `head`. Warnings met only when the whole file is read (the body's
 * encoding, markdown nested too deeply) are added to the post's warnings and to `lateWarnings` (the
 * library's list), once each.
 */
export function lazyPost(found: FoundPost, head: PostHead, lateWarnings: PostWarning[]): Post {
	return new LazyPost(found, head, lateWarnings);
}

/** A post's date in milliseconds (-Infinity without one), without making a Date for a lazy post. */
export function postTime(post: Post): number {
	return post instanceof LazyPost ? post.time : (post.date?.getTime() ?? Number.NEGATIVE_INFINITY);
}

/**
 * A class, not an object literal with getters: one object per post instead of one plus a closure
 * per getter, which over thousands of posts was a tenth of the start (and its garbage).
 */
class LazyPost implements Post {
	readonly id: string;
	readonly path: string;
	readonly slug: string;
	readonly title: string;
	readonly tags: string[];
	readonly categories: string[];
	readonly author: string | null;
	readonly published: boolean;
	/** Shared and empty until a warning comes (most posts have none): one array less per post. */
	warnings: PostWarning[];
	/** The date as a number: a Date is made only for a post whose date is shown (5,000 took 10 ms at start). */
	readonly #time: number | null;
	#date: Date | null | undefined;
	readonly #found: FoundPost;
	readonly #lateWarnings: PostWarning[];
	#whole: Body | undefined;
	#structure: Structure | undefined;
	#sessions: Session[] | undefined;
	#loaded: PostBody | undefined;

	constructor(found: FoundPost, head: PostHead, lateWarnings: PostWarning[]) {
		this.id = found.id;
		this.path = found.path;
		this.slug = head.slug;
		this.title = head.title;
		this.#time = head.date;
		this.tags = head.tags;
		this.categories = head.categories;
		this.author = head.author;
		this.published = head.published;
		this.warnings =
			head.warnings.length === 0
				? NO_WARNINGS
				: head.warnings.map((warning) => ({...warning, file: found.displayPath}));
		this.#found = found;
		this.#lateWarnings = lateWarnings;
	}

	get date(): Date | null {
		if (this.#date === undefined) this.#date = this.#time === null ? null : new Date(this.#time);
		return this.#date;
	}

	/** The date in milliseconds, or -Infinity without one: the library's sort key, no Date made. */
	get time(): number {
		return this.#time ?? Number.NEGATIVE_INFINITY;
	}

	/** The body: reads and parses the file the first time (a disk read), then returns what it kept. */
	loadBody(): PostBody {
		if (this.#loaded) return this.#loaded;
		this.#loaded = new LoadedBody(
			this.#read(),
			() => this.#structured(),
			() => this.#sessionsOf(),
		);
		return this.#loaded;
	}

	/**
	 * Found apart from the topics (the first frame needs the open post's topics only), from the
	 * same lexed blocks: asking for sessions first takes the topics too, so the blocks can go.
	 */
	#sessionsOf(): Session[] {
		if (this.#sessions) return this.#sessions;
		this.#structured();
		const body = this.#read();
		try {
			this.#sessions = body.parsed ? body.parsed.sessions : [];
			if (body.parsed) this.#addWarnings(body.parsed.warnings);
		} catch (error) {
			this.#addWarnings([
				{
					file: this.#found.displayPath,
					message: `cannot be read as a post (${error instanceof Error ? error.message : String(error)})`,
				},
			]);
			this.#sessions = [];
		}
		// The lexed blocks behind them (several times the file's size) can go now.
		body.parsed = null;
		return this.#sessions;
	}

	#addWarnings(more: PostWarning[]): void {
		for (const warning of more) {
			if (this.warnings.some((known) => sameWarning(known, warning))) continue;
			if (this.warnings === NO_WARNINGS) this.warnings = [];
			this.warnings.push(warning);
			this.#lateWarnings.push(warning);
		}
	}

	#read(): Body {
		if (this.#whole) return this.#whole;
		parseCount.value++;
		const found = this.#found;
		const readWarnings: PostWarning[] = [];
		try {
			const text = readPostText(found.path, found.displayPath, readWarnings);
			const parsed =
				text === null ? null : parsePost({text, id: found.id, path: found.path, displayPath: found.displayPath});
			this.#addWarnings([...readWarnings, ...(parsed?.warnings ?? [])]);
			this.#whole = parsed
				? {frontMatter: parsed.frontMatter, body: parsed.body, bodyLineOffset: parsed.bodyLineOffset, parsed}
				: {frontMatter: {}, body: '', bodyLineOffset: 0, parsed: null};
		} catch (error) {
			// One post that cannot be parsed is a warning and an empty page, never the end of the run.
			this.#addWarnings([
				...readWarnings,
				{
					file: found.displayPath,
					message: `cannot be read as a post (${error instanceof Error ? error.message : String(error)})`,
				},
			]);
			this.#whole = {frontMatter: {}, body: '', bodyLineOffset: 0, parsed: null};
		}
		return this.#whole;
	}

	#structured(): Structure {
		if (this.#structure) return this.#structure;
		const body = this.#read();
		const {parsed} = body;
		try {
			const lean = (topic: Topic) => leanTopic(topic, () => this.#read().body);
			this.#structure = parsed
				? {excerpt: parsed.excerpt, intro: parsed.intro && lean(parsed.intro), topics: parsed.topics.map(lean)}
				: {excerpt: '', intro: null, topics: []};
			if (parsed) this.#addWarnings(parsed.warnings);
		} catch (error) {
			this.#addWarnings([
				{
					file: this.#found.displayPath,
					message: `cannot be read as a post (${error instanceof Error ? error.message : String(error)})`,
				},
			]);
			this.#structure = {excerpt: '', intro: null, topics: []};
		}
		// The lexed blocks stay until the sessions are taken from them too (see sessions).
		return this.#structure;
	}
}

/** A lazy post's body, read: its topics and sessions found when first asked, from memory. */
class LoadedBody implements PostBody {
	readonly frontMatter: Record<string, unknown>;
	readonly body: string;
	readonly bodyLineOffset: number;

	constructor(
		private readonly whole: Body,
		private readonly structure: () => Structure,
		private readonly sessionsOf: () => Session[],
	) {
		this.frontMatter = whole.frontMatter;
		this.body = whole.body;
		this.bodyLineOffset = whole.bodyLineOffset;
	}

	get excerpt() {
		return this.structure().excerpt;
	}

	get intro() {
		return this.structure().intro;
	}

	get topics() {
		return this.structure().topics;
	}

	firstSections(throughLine?: number) {
		return this.whole.parsed?.firstSections?.(throughLine) ?? null;
	}

	get sessions() {
		return this.sessionsOf();
	}
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
