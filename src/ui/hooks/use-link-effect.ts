import {useEffect} from 'react';
import type {Effect} from '../../state/reader-state.js';
import {secureMessage} from '../secure-mode.js';
import {recordingSearchUrl} from '../watch-actions.js';

/**
 * Opens or copies a session's link when the reducer asks, or opens the search for a talk's
 * recording, and shows what came of it (a bad URL template, no opener here).
 */
export function useLinkEffect(
	effect: Effect | null,
	onLink: ((kind: 'open' | 'copy', url: string) => Promise<string | null>) | undefined,
	say: (text: string) => void,
	isSecure = false,
): void {
	useEffect(() => {
		if (!effect) return;
		if (effect.kind === 'edit') return;
		if (isSecure) {
			// Nothing is started or copied; the status line says so.
			say(
				effect.kind === 'recording'
					? secureMessage.recording
					: effect.kind === 'open'
						? secureMessage.open(effect.url)
						: secureMessage.copy,
			);
			return;
		}
		if (!onLink) return;
		if (effect.kind === 'recording') {
			const {url, warning} = recordingSearchUrl({title: effect.title});
			void onLink('open', url).then((failure) => say(failure ?? warning ?? `Opened ${url}`));
			return;
		}
		void onLink(effect.kind, effect.url).then((message) => {
			if (message) say(message);
		});
	}, [effect, onLink, say, isSecure]);
}
