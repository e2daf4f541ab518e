/**
 * Every mark the reader draws, one meaning each, with the words the help's legend gives it: the
 * components take their marks from here, so the legend cannot drift from the screen.
 */
export const SYMBOLS = {
	openPost: {mark: '▾', meaning: 'the open post (its topics listed under it)'},
	closedPost: {mark: '▸', meaning: 'another post (Enter in the sidebar opens it)'},
	currentTopic: {mark: '●', meaning: 'the topic being read'},
	readTopic: {mark: '▪', meaning: 'a topic already read'},
	unreadTopic: {mark: '·', meaning: 'a topic not read yet'},
	watched: {mark: '✓', meaning: 'a talk attended or watched (w toggles it)'},
	toWatch: {mark: '◌', meaning: 'a talk missed and not watched yet'},
	selected: {mark: '›', meaning: 'the selected search result'},
	image: {mark: '▣', meaning: 'an image or an include the terminal cannot show'},
	focusedList: {
		mark: '┃',
		meaning: 'the rule beside the sidebar when keys go to the list (Tab, Esc: back to the text)',
	},
	rule: {mark: '│', meaning: 'the rule beside the sidebar when keys go to the text'},
} as const;

/** Words that stand where a symbol would: the sidebar's progress labels and the status line's range. */
export const LABELS: Array<{mark: string; meaning: string}> = [
	{mark: '42%', meaning: 'how far a post has been read (a post not opened yet shows nothing)'},
	{mark: 'done', meaning: 'a post read to its end'},
	{mark: '68–101/101', meaning: 'the rows on screen, of the rows in the post'},
];
