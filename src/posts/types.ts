/** The post model: what the loader makes of a Jekyll post, and what everything else reads. */
import type {PostChange} from './watch-posts.js';

/** A problem with one input file; the run goes on without (or despite) it. */
export type PostWarning = {
	/** The file as the user named it or as found under a folder. */
	file: string;
	/** 1-based line in the file, where known. */
	line?: number;
	message: string;
};

/** A section of a post: a markdown heading or a bold-only paragraph, or the text before the first one. */
export type Topic = {
	/** Plain text, markup removed. */
	name: string;
	/** `intro`: text before the first topic; `whole`: a post without topics is one topic. */
	kind: 'heading' | 'bold' | 'intro' | 'whole';
	/** Heading depth (1-6); bold paragraphs count as 7 so any heading outranks them. */
	depth: number;
	/** 1-based line in `Post.body` where the topic starts. */
	line: number;
	/** 1-based line in `Post.body` of the topic's last line. */
	endLine: number;
	/** The topic's markdown source, heading included. */
	text: string;
};

/** A talk the author attended (or meant to): one bullet of a session list. */
export type Session = {
	title: string;
	/** The speakers as written (`Name, Org; Name & Name, Org`), or null when the bullet names none. */
	speakers: string | null;
	people: string[];
	organizations: string[];
	/** The talk's page; only http(s) and mailto are kept. */
	url: string | null;
	/** The grouping the bullet sits under: `Day 1` when a day can be read, else the lead-in's words. */
	day: string | null;
	/** The day as a number when the grouping names one (`first day`, `Day 2`, `Wednesday` is null). */
	dayNumber: number | null;
	/** A trailing italic or parenthesised remark. */
	note: string | null;
	/** The note says the author could not attend: left to watch later. */
	missed: boolean;
	/** The id of the post it belongs to. */
	postId: string;
	/** 1-based line of the bullet in `Post.body`. */
	line: number;
	/** 1-based line of the bullet in the file (what `sessions --json` reports). */
	fileLine: number;
};

/**
 * A post as the library holds it: its head, plain data known without reading the body (from the
 * front matter, or the index cache), and `loadBody()`, the one way to the rest. Nothing here reads
 * the disk unseen: whoever calls `loadBody()` may read and parse the file (the first time; the body
 * is kept after), so render and the reducer never call it; the reader's env (documents, topics)
 * and the session index do, each in its place.
 */
export type Post = {
	/** Stable id: the path relative to the folder it was found in (`-` for standard input). */
	id: string;
	/** Where it was read from: an absolute path, or `-`. */
	path: string;
	/** From the file name (`2023-04-27-kubecon-eu-2023` -> `kubecon-eu-2023`). */
	slug: string;
	title: string;
	/** Front matter date, else the file name's date, else null. */
	date: Date | null;
	tags: string[];
	categories: string[];
	author: string | null;
	/** False for drafts (`published: false`). */
	published: boolean;
	/** What was wrong with this file but did not stop it loading; loading the body may add to it. */
	warnings: PostWarning[];
	/** Reads and parses the file the first time (a disk read), then returns what it kept. */
	loadBody(): PostBody;
};

/** What a post's file holds beyond its head. Bodies are kept raw so rendering can happen later, per width. */
export type PostBody = {
	/** Front matter `excerpt`, else the text before the excerpt separator, else the first paragraph. */
	excerpt: string;
	/** Every front matter key, sanitised; unknown keys are kept and ignored. */
	frontMatter: Record<string, unknown>;
	/**
	 * The markdown to render: Liquid resolved, the excerpt separator removed, control characters
	 * neutralised. It has exactly as many lines as the file's body, so body line N is file line
	 * `N + bodyLineOffset`.
	 */
	body: string;
	/** Lines before the body in the file (the front matter block). */
	bodyLineOffset: number;
	/** Text before the first topic, if any. */
	intro: Topic | null;
	/** The sections, in order; never empty for a post with text. */
	topics: Topic[];
	/**
	 * A long post's sections among its first blocks only (those through body line `throughLine` at
	 * least: the introduction, then topics, names and lines as `intro` and `topics` give them), for
	 * a first frame drawn before it is lexed whole; null when the post is short or lexed whole
	 * already (ask `topics`).
	 */
	firstSections?(throughLine?: number): Array<{name: string; line: number}> | null;
	sessions: Session[];
};

/** A post parsed whole from its text (parsePost): head and body at once; `loadBody()` reads nothing. */
export type ParsedPost = Post & PostBody;

/** What loading a set of paths gives: the posts, newest first, and every problem met. */
export type Library = {
	posts: Post[];
	warnings: PostWarning[];
	/** Folders and files that were searched, for the "no posts found" message. */
	searched: string[];
	/**
	 * Loaded with `checkLater`: stats the files whose heads were taken from the index cache unseen,
	 * and returns the ones changed since (read again, for updateLibrary). Once; then it returns none.
	 */
	checkCachedHeads?: () => PostChange[];
};
