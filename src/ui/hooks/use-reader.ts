import {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import {sanitizeText} from '../../posts/sanitize.js';
import type {Library, Post} from '../../posts/types.js';
import type {LibraryUpdate} from '../../posts/update-library.js';
import type {RenderedDoc, RenderNeed, RenderOptions} from '../../render/types.js';
import {readerReducer, type ReaderAction} from '../../state/reader-reducer.js';
import type {ReaderEnv, ReaderState} from '../../state/reader-state.js';
import {isWatchedIn, talkOf} from '../../state/search/search.js';
import {itemsOf} from '../../state/widget-inputs.js';
import {keyToAction, mouseToAction} from '../key-dispatch.js';
import type {MouseEvent} from '../mouse.js';
import {createReaderEnv, type DocCache, type FirstFrameDocs} from '../reader-env.js';
import {watchedMessage} from '../watch-actions.js';
import type {ReaderStore} from './use-save-place.js';

/** The reader's state with the library it reads and the env over that library: they change together. */
export type ReaderWorld = {state: ReaderState; env: ReaderEnv & Partial<FirstFrameDocs>; library: Library};

/** A key press, resolved inside the reducer against the current state. */
export type KeyPress = {type: 'key'; name: string; input: string; isModified: boolean};
/** A mouse event, resolved inside the reducer against the current state (what the pane shows). */
export type MousePress = {type: 'mouse'; event: MouseEvent};
/** A new library (live reload, the editor closed) with its env: swapped in one step with the state. */
type Reloaded = {type: 'reloaded'; library: Library; env: ReaderEnv; update: LibraryUpdate; message: string | null};
/** The docs the first frame drew in part are whole now: the view draws them again. */
type DocsRendered = {type: 'docsRendered'};

type Options = {
	library: Library;
	renderPost: (post: Post, options: RenderOptions, until?: RenderNeed) => RenderedDoc;
	style: {color: boolean; hyperlinks: boolean};
	store: ReaderStore | undefined;
	start: (library: Library, env: ReaderEnv & FirstFrameDocs) => ReaderState;
	/** Settles once the first frame is on screen (else the first frame is taken as drawn after mounting). */
	firstFrameDrawn?: Promise<void> | undefined;
	/** The world the early frame was drawn from (prepare-reader.ts): started from, not computed again. */
	early?: {library: Library; env: ReaderEnv & FirstFrameDocs; state: ReaderState; docs: DocCache} | undefined;
};

/**
 * The reader's one reducer over its world. The library is part of it, not a prop: a reload swaps
 * the library, its env and the state's indexes in the same step, so no frame pairs a new library
 * with an index into the old one.
 */
export function useReader({library, renderPost, style, store, start, firstFrameDrawn, early}: Options) {
	const isEarly = early?.library === library;
	// The docs rendered for the early frame are kept: the reader starts from them.
	const [docs] = useState<DocCache>(() => (isEarly ? early.docs : new WeakMap()));
	const {color, hyperlinks} = style;
	const makeEnv = useCallback(
		(next: Library) => createReaderEnv(next, renderPost, {color, hyperlinks}, (key) => store?.isWatched(key), docs),
		[renderPost, color, hyperlinks, store, docs],
	);
	const [world, dispatch] = useReducer(worldReducer, undefined, () => {
		if (isEarly) return {library, env: early.env, state: early.state};
		const env = makeEnv(library);
		const state = start(library, env);
		return {library, env, state};
	});
	// A long post's first frame may be drawn from its first rows (start-state.ts): the rest is
	// rendered once that frame is on screen, at once, and the view drawn again. Any action before
	// then renders what it needs whole first (worldReducer).
	const firstEnv = useRef(world.env).current;
	useEffect(() => {
		let isLive = true;
		void (firstFrameDrawn ?? Promise.resolve()).then(() =>
			setImmediate(() => {
				if (isLive && firstEnv.finishDocs?.()) dispatch({type: 'docsRendered'});
			}),
		);
		return () => {
			isLive = false;
		};
	}, [firstEnv, firstFrameDrawn]);
	// The newest library, also between a reload and its frame: the next batch applies to it.
	const latest = useRef(world.library);
	latest.current = world.library;
	/** Applies a library update made from the newest library; `message` wins over its warnings. */
	const applyUpdate = useCallback(
		(make: (current: Library) => LibraryUpdate, message: string | null = null) => {
			const update = make(latest.current);
			latest.current = update.library;
			dispatch({type: 'reloaded', library: update.library, env: makeEnv(update.library), update, message});
		},
		[makeEnv],
	);
	return {
		...world,
		dispatch: dispatch as (action: ReaderAction | KeyPress | MousePress) => void,
		applyUpdate,
		currentLibrary: useCallback(() => latest.current, []),
	};
}

function worldReducer(
	world: ReaderWorld,
	action: ReaderAction | KeyPress | MousePress | Reloaded | DocsRendered,
): ReaderWorld {
	const {state, env} = world;
	if (action.type === 'docsRendered') return {...world};
	// Keys, a resize, a reload: each acts on whole docs, never on the first frame's rows.
	env.endFirstFrame?.();
	if (action.type === 'reloaded') {
		const warning = action.update.warnings[0];
		const message =
			action.message ??
			(warning ? sanitizeText(`${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`) : null);
		const {changed, removed} = action.update;
		return {
			library: action.library,
			env: action.env,
			state: readerReducer(state, {type: 'libraryReloaded', before: env, changed, removed, message}, action.env),
		};
	}
	if (action.type === 'mouse') {
		const resolved = mouseToAction(state, env, action.event);
		const next = resolved ? readerReducer(state, resolved, env) : state;
		return next === state ? world : {...world, state: next};
	}
	if (action.type !== 'key') return {...world, state: readerReducer(state, action, env)};
	const resolved = keyToAction(state, action.name, action.input, action.isModified);
	if (!resolved) return world;
	const next = readerReducer(state, resolved, env);
	if (resolved.type === 'searchToggleWatched' && next.watched !== state.watched)
		return {...world, state: {...next, message: toggledMessage(state, next, world)}};
	return next === state ? world : {...world, state: next};
}

/** What `w` did to the selected talk, and how many talks are left to watch. */
function toggledMessage(before: ReaderState, after: ReaderState, {env, library}: ReaderWorld): string | null {
	if (before.mode.kind !== 'search') return null;
	const hit = talkOf(itemsOf(before.mode.panel, env)[before.mode.panel.selected]);
	if (!hit) return null;
	const left = library.posts
		.flatMap((post) => post.loadBody().sessions)
		.filter((session) => !isWatchedIn(after.watched, session, env.storedWatched)).length;
	return watchedMessage(hit.session.title, isWatchedIn(after.watched, hit.session, env.storedWatched), left);
}
