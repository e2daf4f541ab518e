/**
 * What the bundled CLI tells the launcher (launch/launch.ts): what a run reached, so that the code
 * V8 compiled for it is kept for the next start (launch/code-cache.ts). Not there when the CLI runs
 * from source, or was built without the launcher's code cache.
 */

/**
 * How much of the CLI a run compiled: a kept cache is replaced by one worth more. A reader's first
 * frame compiles the most, printed output less, --help or an error almost nothing.
 */
export const WORTH = {other: 0, printed: 1, reader: 2} as const;
export type Worth = (typeof WORTH)[keyof typeof WORTH];

/** Where the launcher listens. */
export const COMPILED_CODE = Symbol.for('kubecon-notes.compiled-code');
export type CompiledCodeSignal = (worth: Worth, soon?: boolean) => void;

/** This run reached the reader's first frame (its code is kept soon after) or printed its output (kept at exit). */
export function reachedForCompiledCode(what: 'printed' | 'reader'): void {
	const signal = (globalThis as Record<symbol, CompiledCodeSignal | undefined>)[COMPILED_CODE];
	signal?.(WORTH[what], what === 'reader');
}
