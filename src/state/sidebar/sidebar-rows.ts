import type {SidebarRow, SidebarRows} from '../reader-state.js';

/**
 * The sidebar's rows (every post, the open one followed by its `topicCount` sections) worked out
 * from their index instead of kept as one object per post: a frame reads the rows on screen, so
 * its cost does not grow with the library.
 */
export function sidebarRows(postCount: number, openPost: number, topicCount: number): SidebarRows {
	const isOpen = openPost >= 0 && openPost < postCount;
	const topics = isOpen ? topicCount : 0;
	const length = postCount + topics;
	const at = (index: number): SidebarRow | undefined => {
		if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
		if (index <= openPost) return {kind: 'post', postIndex: index};
		if (index <= openPost + topics) return {kind: 'topic', postIndex: openPost, topicIndex: index - openPost - 1};
		return {kind: 'post', postIndex: index - topics};
	};
	return {
		length,
		at,
		indexOf(row) {
			if (row.kind === 'topic') return row.postIndex === openPost && row.topicIndex >= 0 && row.topicIndex < topics ? openPost + 1 + row.topicIndex : -1;
			if (row.postIndex < 0 || row.postIndex >= postCount) return -1;
			return row.postIndex <= openPost ? row.postIndex : row.postIndex + topics;
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

/** The open post's row, or its topic's when one is being read (`topic` -1: before the first). */
export function currentRow(postIndex: number, topic: number): SidebarRow {
	return topic === -1 ? {kind: 'post', postIndex} : {kind: 'topic', postIndex, topicIndex: topic};
}
