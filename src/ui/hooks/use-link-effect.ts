import {useEffect} from 'react';
import type {Effect} from '../../state/reader-state.js';

/** Opens or copies a session's link when the reducer asks, and shows what came of it. */
export function useLinkEffect(effect: Effect | null, onLink: ((kind: 'open' | 'copy', url: string) => Promise<string | null>) | undefined, say: (text: string) => void): void {
	useEffect(() => {
		if (!effect || !onLink) return;
		void onLink(effect.kind, effect.url).then(message => {
			if (message) say(message);
		});
	}, [effect, onLink, say]);
}
