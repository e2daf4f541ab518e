/** A row of the sidebar: a post, or one of the open post's topics (the introduction included). */
export type SidebarRow = {kind: 'post'; postIndex: number} | {kind: 'topic'; postIndex: number; topicIndex: number};

/** The sidebar's rows, read by index (sidebar/sidebar-rows.ts): no object per post is kept. */
export type SidebarRows = {
	readonly length: number;
	/** The row at `index`, or undefined past either end. */
	at(index: number): SidebarRow | undefined;
	/** Where `row` is, or -1 (a topic of a post that is not open, a post not in the library). */
	indexOf(row: SidebarRow): number;
	/** Rows `start` to `end` (exclusive; a bound below 0 counts as 0): what a frame draws. */
	slice(start: number, end: number): SidebarRow[];
	/** The first row passing `test`, or -1: walks every row, for rare uses (a reload). */
	findIndex(test: (row: SidebarRow) => boolean): number;
};

/**
 * The sidebar's rows (the posts shown, the open one followed by its `topicCount` sections) worked
 * out from their index instead of kept as one object per post: a frame reads the rows on screen,
 * so its cost does not grow with the library. `shown` lists the posts a filter keeps (library
 * order, ascending), with `positionOf` mapping a post to its place in it (-1 when filtered out);
 * without them, every post is shown.
 */
export function sidebarRows(postCount: number, openPost: number, topicCount: number, shown?: ShownPosts): SidebarRows {
	const count = shown ? shown.posts.length : postCount;
	const postAt = (position: number) => (shown ? shown.posts[position]! : position);
	const positionOf = (postIndex: number) =>
		postIndex < 0 || postIndex >= postCount ? -1 : shown ? shown.positionOf(postIndex) : postIndex;
	const openAt = positionOf(openPost);
	const topics = openAt === -1 ? 0 : topicCount;
	const length = count + topics;
	const at = (index: number): SidebarRow | undefined => {
		if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
		if (openAt === -1 || index <= openAt) return {kind: 'post', postIndex: postAt(index)};
		if (index <= openAt + topics) return {kind: 'topic', postIndex: openPost, topicIndex: index - openAt - 1};
		return {kind: 'post', postIndex: postAt(index - topics)};
	};
	return {
		length,
		at,
		indexOf(row) {
			if (row.kind === 'topic')
				return openAt !== -1 && row.postIndex === openPost && row.topicIndex >= 0 && row.topicIndex < topics
					? openAt + 1 + row.topicIndex
					: -1;
			const position = positionOf(row.postIndex);
			if (position === -1) return -1;
			return openAt === -1 || position <= openAt ? position : position + topics;
		},
		slice(start, end) {
			const rows: SidebarRow[] = [];
			for (let index = Math.max(0, start); index < Math.min(length, end); index++) rows.push(at(index)!);
			return rows;
		},
		findIndex(test) {
			for (let index = 0; index < length; index++) if (test(at(index)!)) return index;
			return -1;
		},
	};
}

/** The posts a sidebar filter keeps, in library order, and where each post is among them. */
export type ShownPosts = {readonly posts: readonly number[]; positionOf(postIndex: number): number};

/** The shown posts of a list of post indices (ascending), with a lookup made once. */
export function shownPosts(posts: readonly number[], postCount: number): ShownPosts {
	const positions = new Int32Array(postCount).fill(-1);
	for (const [position, postIndex] of posts.entries()) positions[postIndex] = position;
	return {posts, positionOf: (postIndex) => positions[postIndex] ?? -1};
}

/** The open post's row, or its topic's when one is being read (`topic` -1: before the first). */
export function currentRow(postIndex: number, topic: number): SidebarRow {
	return topic === -1 ? {kind: 'post', postIndex} : {kind: 'topic', postIndex, topicIndex: topic};
}

/** Whether two rows are the same row of their post (the post's own, or the same topic): a reload finds the cursor's row by it. */
export function isSameRowOfPost(row: SidebarRow, other: SidebarRow): boolean {
	return row.kind === 'post' ? other.kind === 'post' : other.kind === 'topic' && row.topicIndex === other.topicIndex;
}
