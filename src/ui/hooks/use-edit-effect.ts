import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {Library} from '../../posts/types.js';
import type {LibraryUpdate} from '../../posts/update-library.js';
import type {Effect, ReaderEnv} from '../../state/reader-state.js';
import {editorCommand, fileLineAtTop} from '../editor-command.js';
import {runEditor} from '../run-editor.js';
import type {TerminalSetup} from '../terminal-modes.js';

type EditOptions = {
	library: Library;
	env: ReaderEnv;
	/** The reader's terminal; without one (tests of the view alone) `e` says it cannot. */
	terminal: TerminalSetup | undefined;
	drafts: boolean;
	/** Writes the pending place first: the editor may take long, and the run may end meanwhile. */
	flush: () => void;
	apply: (make: (current: Library) => LibraryUpdate, message: string | null) => void;
	say: (text: string) => void;
};

/**
 * `e`: the editor on the open post at the source line of the text at the top. A terminal editor
 * gets the terminal (runEditor leaves and re-enters the screen); then the frame is drawn whole
 * again and the post re-read, whether or not a watcher runs.
 */
export function useEditEffect(effect: Effect | null, options: EditOptions): void {
	const {write} = useStdout();
	const latest = useRef(options);
	latest.current = options;
	useEffect(() => {
		if (effect?.kind !== 'edit') return;
		const {library, env, terminal, drafts, flush, apply, say} = latest.current;
		const postIndex = env.postIndexOf(effect.postId);
		const post = library.posts[postIndex];
		if (!post) return;
		if (post.path === '-') return say('Standard input has no file to edit');
		if (!terminal) return say('No terminal to run an editor in');
		const line = fileLineAtTop(post, env.doc(postIndex, effect.width), effect.top);
		flush();
		// The library updater brings the watcher (chokidar) with it: loaded when an edit needs it,
		// not on the way to the first frame.
		const updater = import('../../posts/update-library.js');
		void Promise.all([runEditor(editorCommand(post.path, line), terminal), updater]).then(([{message}, {changeForPost, updateLibrary}]) => {
			// The editor may have been resized: the size is read again with the redraw.
			if (terminal.redraw) terminal.redraw();
			else write('');
			apply(current => {
				const now = current.posts.find(candidate => candidate.id === post.id) ?? post;
				return updateLibrary(current, [changeForPost(current, now)], {drafts});
			}, message);
		});
	}, [effect, write]);
}
