import {spawn} from 'node:child_process';
import {isSafeUrl} from '../posts/sanitize.js';

/** The system's opener: `open` on macOS, `xdg-open` elsewhere (Windows' `start` needs a shell, so no). */
function opener(): string {
	return process.platform === 'darwin' ? 'open' : 'xdg-open';
}

/**
 * Opens an http(s)/mailto link with the system opener, never through a shell. Resolves with a
 * message for the status line when it cannot (no opener: the link is shown instead).
 */
export function openUrl(url: string, command = opener()): Promise<string | null> {
	if (!isSafeUrl(url)) return Promise.resolve(`Not opened: only http, https and mailto links are (${url})`);
	return new Promise(resolve => {
		const child = spawn(command, [url], {stdio: 'ignore', detached: true});
		child.once('error', () => resolve(`No ${command} here to open links; the link is ${url}`));
		child.once('spawn', () => {
			child.unref();
			resolve(null);
		});
	});
}

/** OSC 52: asks the terminal to put the link on the clipboard (works over ssh and in tmux with set-clipboard). */
export function copySequence(url: string): string | null {
	if (!isSafeUrl(url)) return null;
	return `\u001B]52;c;${Buffer.from(url, 'utf8').toString('base64')}\u0007`;
}
