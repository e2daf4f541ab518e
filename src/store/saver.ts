/**
 * Saving reading positions while the reader scrolls: at most one write per `delayMs`, and never
 * more than `delayMs` late, so a kill -9 loses at most that much. `flush()` on exit writes the rest.
 */
import type {PostPosition} from '../state/reading-anchor.js';

export type DebouncedSaver = {
	/** Remembers the position; it is written within `delayMs`. */
	save(postId: string, position: PostPosition): void;
	/** Writes whatever is pending now. */
	flush(): void;
	/** Drops what is pending without writing it. */
	cancel(): void;
};

/**
 * Wraps `store.setPosition`. Unlike a plain trailing debounce, continuous scrolling does not
 * postpone the write: the first unsaved change starts the clock and later ones ride along.
 */
export function createDebouncedSaver(
	store: {setPosition(postId: string, position: PostPosition): void},
	delayMs = 300,
): DebouncedSaver {
	// One entry per post, so switching posts mid-delay keeps the last position of each.
	const pending = new Map<string, PostPosition>();
	let timer: ReturnType<typeof setTimeout> | undefined;

	const stopTimer = (): void => {
		if (timer !== undefined) {
			clearTimeout(timer);
			timer = undefined;
		}
	};

	const flush = (): void => {
		stopTimer();
		const entries = [...pending];
		pending.clear();
		for (const [postId, position] of entries) {
			try {
				store.setPosition(postId, position);
			} catch {
				// The store does not throw; a stand-in might, and the other posts still deserve saving.
			}
		}
	};

	return {
		save(postId, position) {
			pending.set(postId, position);
			if (timer === undefined) {
				timer = setTimeout(flush, Math.max(0, delayMs));
				// A pending save must not keep the process alive; the app flushes on exit.
				timer.unref?.();
			}
		},
		flush,
		cancel() {
			stopTimer();
			pending.clear();
		},
	};
}
