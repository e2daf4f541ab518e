import {useEffect} from 'react';

/** A jump marks its line for a moment, then the mark goes. */
export function useFlash(flashLine: number | null, clear: () => void, ms = 1200): void {
	useEffect(() => {
		if (flashLine === null) return;
		const timer = setTimeout(clear, ms);
		return () => clearTimeout(timer);
	}, [flashLine, clear, ms]);
}
