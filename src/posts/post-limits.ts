/**
 * The sizes past which a file, a folder or a value is not read as notes. Each guards a run against
 * one hostile or accidental input: over a limit is a warning, never the end of the run.
 */

/** Posts larger than this are notes nobody wrote by hand; they are skipped with a warning. */
export const MAX_POST_BYTES = 8 * 1024 * 1024;

/** A folder walk reads at most this many folders (a home folder named by mistake, a tree of build output). */
export const MAX_WALK_FOLDERS = 20_000;
/** A folder walk reads at most this many names, files and folders together. */
export const MAX_WALK_ENTRIES = 1_000_000;
/** The most posts one run lists (the reader is measured with 100,000). */
export const MAX_POST_FILES = 200_000;
/** Folders nested deeper than this below the folder named are not read, nor watched. */
export const MAX_FOLDER_DEPTH = 64;
/**
 * The live reload watches at most this many folders: each is one inotify watch on Linux (some
 * systems allow 8,192 in all), and scanning 20,000 of them kept keys waiting seconds.
 */
export const MAX_WATCHED_FOLDERS = 2_000;
/** The live reload meets at most this many names (files and folders) in all. */
export const MAX_WATCHED_NAMES = 200_000;
