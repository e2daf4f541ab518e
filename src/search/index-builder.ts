/**
 * The session index built a slice at a time. Every post's sessions must be read and parsed first
 * (posts are parsed on first use), which over 100,000 posts takes seconds: done in one go inside a
 * frame, it froze the reader for 10–12 s. The reader's hook (ui/hooks/use-session-index.ts) calls
 * `step` between frames with a deadline, and keys are read in between. Pure but for what reading a
 * post's sessions does (`loadBody()` reads the file of a post not read yet).
 */
import type {Post} from '../posts/types.js';
import {searchableSessionsOf} from './searchable.js';
import {createSessionIndex, PreparedSessions, type SessionIndex} from './session-index.js';

export type SessionIndexBuilder = {
	/** Reads and prepares the sessions of further posts until `isDue()`; true once every post is in. */
	step(isDue: () => boolean): boolean;
	readonly isDone: boolean;
	/** Posts whose sessions are in, of `postCount`. */
	readonly postsRead: number;
	readonly postCount: number;
	/** Sessions read so far (all of them once `isDone`). */
	readonly sessionCount: number;
	/** The index over every session; null until `isDone`. */
	index(): SessionIndex | null;
	/** The days the sessions read so far name, in order. */
	days(): number[];
};

/** A builder over `posts`, in reading order (the index's order is the posts' and their sessions'). */
export function createIndexBuilder(posts: readonly Post[]): SessionIndexBuilder {
	const prepared = new PreparedSessions();
	const days = new Set<number>();
	let sortedDays: number[] | null = null;
	let next = 0;
	let index: SessionIndex | null = null;
	const builder: SessionIndexBuilder = {
		step(isDue) {
			while (next < posts.length) {
				const post = posts[next++]!;
				for (const session of searchableSessionsOf(post)) {
					prepared.add(session);
					if (session.dayNumber !== null) days.add(session.dayNumber);
				}
				sortedDays = null;
				// At least one post a step, so a slow post cannot stall the build.
				if (isDue()) break;
			}
			return builder.isDone;
		},
		get isDone() {
			return next >= posts.length;
		},
		get postsRead() {
			return next;
		},
		postCount: posts.length,
		get sessionCount() {
			return prepared.entries.length;
		},
		index() {
			if (!builder.isDone) return null;
			index ??= createSessionIndex(prepared);
			return index;
		},
		days() {
			sortedDays ??= [...days].sort((a, b) => a - b);
			return sortedDays;
		},
	};
	return builder;
}
