import type {Post} from '../posts/types.js';
import type {SearchableSession} from './session-index.js';

/** Every session of the posts in reading order (posts as given, bullets in order), searchable. */
export function searchableSessions(posts: Post[]): SearchableSession[] {
	return posts.flatMap(searchableSessionsOf);
}

/** One post's sessions, in order, searchable: reads the post's body (the index builder, a slice at a time). */
export function searchableSessionsOf(post: Post): SearchableSession[] {
	return post.loadBody().sessions.map((session) => ({...session, postTitle: post.title, tags: post.tags}));
}
