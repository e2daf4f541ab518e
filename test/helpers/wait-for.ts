/**
 * Waiting on conditions, never on time: the one way tests synchronise with what they drive.
 * A busy machine makes every step slower but never changes the order of events, so a test that
 * waits for what it expects (with a generous ceiling that only guards against a hang) passes on
 * an idle laptop and on a 2-core runner with CPU burners beside it alike.
 */

/** How long a condition may take before the test fails: far above any budget, only a hang guard. */
export const GENEROUS_TIMEOUT_MS = 30_000;

/** Resolves on the next timer turn of the event loop (after pending immediates and due 0 ms timers). */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Polls `check` until it returns a truthy value (which is returned) or stops throwing. On timeout
 * it throws with the last assertion's message and `describe()`'s picture of the state (a screen).
 */
export async function waitFor<T>(
	check: () => T,
	options: {timeoutMs?: number; describe?: () => string} = {},
): Promise<Exclude<T, false | null | undefined | void>> {
	const deadline = Date.now() + (options.timeoutMs ?? GENEROUS_TIMEOUT_MS);
	let lastError: unknown;
	for (;;) {
		try {
			const value = check();
			if (value !== false && value !== null && value !== undefined)
				return value as Exclude<T, false | null | undefined | void>;
			lastError = undefined;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = lastError instanceof Error ? lastError.message : 'the condition never held';
			throw new Error(`timed out waiting: ${reason}${options.describe ? `\n${options.describe()}` : ''}`);
		}
		// The interval only paces the polling; the condition decides when to go on.
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
