import type {Library} from '../posts/types.js';
import {estimatedPercent} from '../render/partial.js';
import {anchorKey} from '../state/reading-anchor.js';
import {initialState, layoutOf, withSidebarFit, type ReaderEnv, type ReaderState} from '../state/reader-state.js';
import type {PostPosition} from '../state/reading-anchor.js';
import {currentTopic, storedTop} from '../state/viewport/places.js';
import {percentRead} from '../state/viewport/viewport.js';
import type {ReaderStore} from './hooks/use-save-place.js';
import type {FirstFrameDocs} from './reader-env.js';

type Options = {
	library: Library;
	env: ReaderEnv & Partial<FirstFrameDocs>;
	width: number;
	height: number;
	measure: number | undefined;
	store: ReaderStore | undefined;
	resume: boolean;
	message: string | null;
};

/**
 * The first state: every post's place read once from the store (the sidebar's progress and where
 * each post opens), then the last post read at its place, or the newest post at its top. A long
 * post is rendered for it only as far as the screen shows (from the place), the rest after the
 * first frame; the place found in those rows is where the whole doc has it, or the whole is rendered.
 */
export function startState({library, env, width, height, measure, store, resume, message}: Options): ReaderState {
	// Rows enough for any pane of this terminal: the first frame's docs are rendered that far.
	env.firstFrame?.({rows: height});
	const places: Record<string, PostPosition> = {};
	if (store)
		for (const post of library.posts) {
			const place = store.getPosition(post.id);
			if (place) places[post.id] = place;
		}
	const fresh = withSidebarFit(
		{...initialState(width, height, {places, ...(measure === undefined ? {} : {measure})}), message},
		env,
	);
	const lastId = resume ? store?.lastPostId() : undefined;
	const postIndex = lastId === undefined ? -1 : library.posts.findIndex((post) => post.id === lastId);
	if (postIndex === -1 || !places[lastId!]) return fresh;
	const layout = layoutOf(fresh);
	if (layout.isTooSmall) return {...fresh, postIndex};
	const {anchor} = places[lastId!]!;
	// A place kept by its block is found in the rows through that block; one at the end, or kept
	// by its progress only, needs them all.
	if (anchor.sourceLine > 0 && anchor.progress < 1)
		env.firstFrame?.({rows: height, postIndex, throughSourceLine: anchor.sourceLine});
	else env.endFirstFrame?.();
	let top = storedTop(fresh, env, postIndex);
	const partial = env.doc(postIndex, layout.paneWidth);
	if (
		partial.partial &&
		!partial.blocks.some((block) => block.sourceLine === anchor.sourceLine && anchorKey(block.key) === anchor.blockKey)
	) {
		// Not that block (the post was edited): the place is looked for in the whole doc.
		env.endFirstFrame?.();
		top = storedTop(fresh, env, postIndex);
	}
	const opened = {...fresh, postIndex, top, topWidth: layout.paneWidth};
	const topic = env.sectionNames(postIndex)[currentTopic(opened, env)];
	const doc = env.doc(postIndex, layout.paneWidth);
	return {
		...opened,
		message:
			message ??
			(top > 0
				? `Resumed at ${topic ?? `${doc.partial ? estimatedPercent(doc, top) : percentRead(top, doc.lines.length, layout.paneHeight)}%`}`
				: null),
	};
}
