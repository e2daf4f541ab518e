import {useStdout} from 'ink';
import {useEffect, useRef} from 'react';
import type {Library} from '../../posts/types.js';
import type {LibraryUpdate} from '../../posts/update-library.js';
import type {Effect, ReaderEnv} from '../../state/reader-state.js';
import {editorCommand, fileLineAtTop} from '../editor-command.js';
import {runEditor} from '../run-editor.js';
import {secureMessage} from '../secure-mode.js';
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
	/** Secure mode: no editor is started (secure-mode.ts). */
	isSecure?: boolean;
};

/**
 * Why a file is not for editing: it is inside an installed package (a `node_modules` folder: the
 * bundled posts under npx or a global install), where an edit is lost on the next install or
 * update. One line that says where to copy it instead; null for any other file. Refusing, not
 * copying: where the user keeps notes is theirs to choose, and the line gives the command.
 */
export function installedPackageFile(path: string): string | null {
	if (!path.split(/[\\/]/).includes('node_modules')) return null;
	const quoted = `'${path.replaceAll("'", "'\\''")}'`;
	return `This post is part of the installed package: an edit would be lost on the next install. Copy it to a folder of yours (mkdir -p ~/notes && cp ${quoted} ~/notes/) and read that with --posts ~/notes`;
}

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
		const {library, env, terminal, drafts, flush, apply, say, isSecure} = latest.current;
		if (isSecure) return say(secureMessage.edit);
		const postIndex = env.postIndexOf(effect.postId);
		const post = library.posts[postIndex];
		if (!post) return;
		if (post.path === '-') return say('Standard input has no file to edit');
		const kept = installedPackageFile(post.path);
		if (kept !== null) return say(kept);
		if (!terminal) return say('No terminal to run an editor in');
		const line = fileLineAtTop(post.loadBody(), env.doc(postIndex, effect.width), effect.top);
		flush();
		// The library updater brings the watcher (chokidar) with it: loaded when an edit needs it,
		// not on the way to the first frame.
		const updater = import('../../posts/update-library.js');
		void Promise.all([runEditor(editorCommand(post.path, line), terminal), updater]).then(
			([{message}, {changeForPost, updateLibrary}]) => {
				// The editor may have been resized: the size is read again with the redraw.
				if (terminal.redraw) terminal.redraw();
				else write('');
				apply((current) => {
					const now = current.posts.find((candidate) => candidate.id === post.id) ?? post;
					return updateLibrary(current, [changeForPost(current, now)], {drafts});
				}, message);
			},
		);
	}, [effect, write]);
}
