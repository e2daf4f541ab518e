/**
 * The sizes past which a file, a folder or a value is not read as notes. Each guards a run against
 * one hostile or accidental input: over a limit is a warning, never the end of the run.
 */

/** Posts larger than this are notes nobody wrote by hand; they are skipped with a warning. */
export const MAX_POST_BYTES = 8 * 1024 * 1024;
