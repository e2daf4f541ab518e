import type {Library} from '../posts/types.js';
import {initialState, layoutOf, withSidebarFit, type ReaderEnv, type ReaderState} from '../state/reader-state.js';
import type {PostPosition} from '../state/reading-anchor.js';
import {currentTopic, storedTop} from '../state/viewport/places.js';
import {percentRead} from '../state/viewport/viewport.js';
import type {ReaderStore} from './hooks/use-save-place.js';

type Options = {
	library: Library;
	env: ReaderEnv;
	width: number;
	height: number;
	measure: number | undefined;
	store: ReaderStore | undefined;
	resume: boolean;
	message: string | null;
};

/**
 * The first state: every post's place read once from the store (the sidebar's progress and where
 * each post opens), then the last post read at its place, or the newest post at its top.
 */
export function startState({library, env, width, height, measure, store, resume, message}: Options): ReaderState {
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
	const top = storedTop(fresh, env, postIndex);
	const opened = {...fresh, postIndex, top, topWidth: layout.paneWidth};
	const topic = env.sectionNames(postIndex)[currentTopic(opened, env)];
	const doc = env.doc(postIndex, layout.paneWidth);
	return {
		...opened,
		message:
			message ??
			(top > 0 ? `Resumed at ${topic ?? `${percentRead(top, doc.lines.length, layout.paneHeight)}%`}` : null),
	};
}
