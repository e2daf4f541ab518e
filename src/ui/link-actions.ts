import {spawn} from 'node:child_process';
import {openableUrl, sanitizeName} from '../markdown/sanitize.js';

/** The system's opener: `open` on macOS, `xdg-open` elsewhere (Windows' `start` needs a shell, so no). */
function opener(): string {
	return process.platform === 'darwin' ? 'open' : 'xdg-open';
}

/**
 * Opens an http(s)/mailto link with the system opener, never through a shell. A URL holding
 * whitespace or a control is refused (an opener may split it or obey it), and a mailto link loses
 * its query (`?attach=~/.ssh/id_rsa`). Resolves with a message for the status line when it cannot.
 */
export function openUrl(url: string, command = opener()): Promise<string | null> {
	const target = openableUrl(url);
	if (target === null)
		return Promise.resolve(
			`Not opened: only http, https and mailto links without spaces or controls are (${sanitizeName(url)})`,
		);
	return new Promise((resolve) => {
		const child = spawn(command, [target], {stdio: 'ignore', detached: true});
		child.once('error', () => resolve(`No ${command} here to open links; the link is ${target}`));
		child.once('spawn', () => {
			child.unref();
			resolve(null);
		});
	});
}

/** OSC 52: asks the terminal to put the link on the clipboard (works over ssh and in tmux with set-clipboard). */
export function copySequence(url: string): string | null {
	const target = openableUrl(url);
	if (target === null) return null;
	return `\u001B]52;c;${Buffer.from(target, 'utf8').toString('base64')}\u0007`;
}
