/**
 * Keys for ink-testing-library that wait for their frame instead of a fixed pause: on a loaded
 * machine a frame can take longer than any fixed pause, and the next key would land too early.
 */
type App = {stdin: {write: (data: string) => void}; frames: string[]};

/** Writes each key, then waits for a new frame (or, for a key that changes nothing, a short quiet spell). */
export async function press(app: App, ...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		const before = app.frames.length;
		app.stdin.write(key);
		const deadline = Date.now() + 250;
		while (app.frames.length === before && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 5));
		// A frame may be followed by another (results that settle a macrotask later): let them land.
		let count = app.frames.length;
		for (;;) {
			await new Promise(resolve => setTimeout(resolve, 15));
			if (app.frames.length === count) break;
			count = app.frames.length;
		}
	}
}

/** Polls until `test` holds for the last frame; fails with the frame after `timeoutMs`. */
export async function waitForFrame(app: {lastFrame: () => string | undefined}, test: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = app.lastFrame() ?? '';
		if (test(frame)) return frame;
		if (Date.now() > deadline) throw new Error(`timed out waiting for a frame; the last one:\n${frame}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}
