/** `kubecon-notes forget [POST]`: what was forgotten, or plainly that nothing was (or that there was nothing to). */
import {existsSync} from 'node:fs';
import type {Post} from '../posts/types.js';
import {placeKey, placeKeysToForget} from '../state/post-identity.js';
import {readStoreSnapshot, type StoreOptions} from '../store/index.js';
import {createStore} from '../store/writer.js';

export type ForgetResult = {
	/** False when the file could not be changed: nothing was forgotten. */
	ok: boolean;
	/** The one line to print: on stdout when ok, else as the error. */
	message: string;
	/** Other problems met on the way (a corrupt file moved aside), for stderr. */
	warnings: string[];
};

/** Forgets one post's reading position (under every key it may be kept: post-identity.ts), or every one (null). */
export function forgetPositions(
	post: Pick<Post, 'id' | 'title' | 'path'> | null,
	options: Pick<StoreOptions, 'cwd' | 'fs'> = {},
): ForgetResult {
	const snapshot = readStoreSnapshot(options);
	if (post === null && snapshot.problem === null && !snapshot.hasPositions)
		return {ok: true, message: `Nothing to forget: no reading positions are kept (${snapshot.path}).`, warnings: []};
	const store = createStore(options);
	const keys = post === null ? [] : placeKeysToForget(post, snapshot.positionKeys, existsSync);
	const last = store.lastPostId();
	if (post !== null && last !== undefined && !keys.includes(last) && (last === post.id || last === placeKey(post)))
		keys.push(last);
	// Nothing kept: said so, and the file is left as it is.
	if (post !== null && keys.every((key) => store.getPosition(key) === undefined && last !== key)) {
		return {
			ok: true,
			message: `Nothing to forget: no reading position of ${post.id} is kept (${store.path}).`,
			warnings: store.warnings,
		};
	}
	const isForgotten = post === null ? store.forget() : keys.map((key) => store.forget(key)).every(Boolean);
	if (!isForgotten) {
		// The store's own warning would say "kept until you quit": wrong for a command that just ends.
		const warnings = store.warnings.filter((warning) => !warning.startsWith('Reading positions are not saved'));
		return {
			ok: false,
			message: `nothing was forgotten: ${store.saveProblem ?? `${store.path} could not be changed`}`,
			warnings,
		};
	}
	return {
		ok: true,
		message:
			post === null ? `Forgot every reading position (${store.path}).` : `Forgot the reading position of ${post.id}.`,
		warnings: store.warnings,
	};
}
