/** `kubecon-notes forget [POST]`: what was forgotten, or plainly that nothing was (or that there was nothing to). */
import {readStoreSnapshot} from '../state/store-snapshot.js';
import {createStore, type StoreOptions} from '../state/store.js';

export type ForgetResult = {
	/** False when the file could not be changed: nothing was forgotten. */
	ok: boolean;
	/** The one line to print: on stdout when ok, else as the error. */
	message: string;
	/** Other problems met on the way (a corrupt file moved aside), for stderr. */
	warnings: string[];
};

/** Forgets one post's reading position (`postId`), or every one (null). */
export function forgetPositions(postId: string | null, options: Pick<StoreOptions, 'cwd' | 'fs'> = {}): ForgetResult {
	if (postId === null) {
		const snapshot = readStoreSnapshot(options);
		if (snapshot.problem === null && !snapshot.hasPositions) return {ok: true, message: `Nothing to forget: no reading positions are kept (${snapshot.path}).`, warnings: []};
	}
	const store = createStore(options);
	// Nothing kept: said so, and the file is left as it is.
	if (postId !== null && store.getPosition(postId) === undefined && store.lastPostId() !== postId) {
		return {ok: true, message: `Nothing to forget: no reading position of ${postId} is kept (${store.path}).`, warnings: store.warnings};
	}
	const isForgotten = postId === null ? store.forget() : store.forget(postId);
	if (!isForgotten) {
		// The store's own warning would say "kept until you quit": wrong for a command that just ends.
		const warnings = store.warnings.filter(warning => !warning.startsWith('Reading positions are not saved'));
		return {ok: false, message: `nothing was forgotten: ${store.saveProblem ?? `${store.path} could not be changed`}`, warnings};
	}
	return {
		ok: true,
		message: postId === null ? `Forgot every reading position (${store.path}).` : `Forgot the reading position of ${postId}.`,
		warnings: store.warnings,
	};
}
