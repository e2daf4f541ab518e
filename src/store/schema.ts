/**
 * The shape of the reading-position file, and the pure steps that make any file content into it:
 * migration from older shapes, validation of every field, and the bound on how many posts it keeps.
 * `sanitizePosition` is the one check of a position, where it enters the store: from the file
 * (`migrateStoreData`) or from the reader (`Store.setPosition`). The reader's `PostPosition` type
 * is its own (state/reading-anchor.ts), and state/ imports nothing from here: a new version of the
 * file is migrated here into it, and the reader does not change.
 */
import {sanitizeAnchor, type PostPosition, type ReadingAnchor} from '../state/reading-anchor.js';

/** The file's content, version 1. Records have no prototype so any post id is a safe key. */
export type StoreData = {
	schemaVersion: 1;
	lastPostId?: string;
	positions: Record<string, PostPosition>;
	/** Session key -> watched (true) or explicitly not (false). */
	watched: Record<string, boolean>;
};

export const currentSchemaVersion = 1;

/** Positions kept at most; posts not opened for longest go first. */
export const maxPositions = 500;

/** Topic names kept per post at most: a guard against a runaway writer, not a real limit. */
const maxReadTopics = 1000;

/** What reading a file's parsed JSON gives. */
export type MigratedData = {
	data: StoreData;
	/** Written by a later version of the app: read what we understand, but do not write over it. */
	isNewer: boolean;
};

/** An empty store. */
export function emptyStoreData(): StoreData {
	return {schemaVersion: 1, positions: record(), watched: record()};
}

/**
 * Turns whatever a store file held into version 1, dropping what does not validate.
 *
 * Version 0 (no `schemaVersion`; the prototype's shape) kept `lastPost` instead of `lastPostId`,
 * positions as `{line, topic, updatedAt}` with `line` a source line, and watched sessions as an
 * array of keys. Entries that already look like version 1 are accepted from it too.
 */
export function migrateStoreData(raw: unknown): MigratedData {
	const data = emptyStoreData();
	if (!isRecord(raw)) {
		return {data, isNewer: false};
	}
	const version = typeof raw['schemaVersion'] === 'number' ? raw['schemaVersion'] : 0;
	const lastPostId = raw['lastPostId'] ?? (version === 0 ? raw['lastPost'] : undefined);
	if (typeof lastPostId === 'string' && lastPostId !== '') {
		data.lastPostId = lastPostId;
	}
	if (isRecord(raw['positions'])) {
		for (const [postId, value] of Object.entries(raw['positions'])) {
			const position = sanitizePosition(value) ?? (version === 0 ? positionFromVersion0(value) : undefined);
			if (postId !== '' && position) {
				data.positions[postId] = position;
			}
		}
	}
	const watched = raw['watched'];
	if (Array.isArray(watched)) {
		for (const key of watched) {
			if (typeof key === 'string' && key !== '') {
				data.watched[key] = true;
			}
		}
	} else if (isRecord(watched)) {
		for (const [key, value] of Object.entries(watched)) {
			if (typeof value === 'boolean' && key !== '') {
				data.watched[key] = value;
			}
		}
	}
	return {data: prunePositions(data), isNewer: version > currentSchemaVersion};
}

/**
 * A clean position from untrusted data, or undefined when it has no usable anchor. A time in the
 * future (a file synced from a machine whose clock runs ahead, a clock set back) would win over
 * every later move in that post: it is clamped to now, and to the moment this run started, so that
 * every move the user makes in this run wins over it (the writable store re-reads the file when it
 * writes a move, after the move was made).
 */
export function sanitizePosition(value: unknown, now = Date.now()): PostPosition | undefined {
	if (!isRecord(value)) {
		return undefined;
	}
	const anchor = sanitizeAnchor(value['anchor']);
	if (!anchor) {
		return undefined;
	}
	const readTopics = Array.isArray(value['readTopics'])
		? value['readTopics'].filter((topic): topic is string => typeof topic === 'string').slice(0, maxReadTopics)
		: [];
	const updatedAt = notAhead(
		typeof value['updatedAt'] === 'number' && Number.isFinite(value['updatedAt']) ? value['updatedAt'] : 0,
		now,
	);
	const position: PostPosition = {anchor, readTopics, updatedAt};
	if (value['done'] === true) {
		position.done = true;
	}
	return position;
}

/**
 * Puts a clean position in (in place), unless the stored one was moved later: a run that saves on
 * quit what its user did minutes ago must not undo what another run's user did since.
 */
export function applyPosition(data: StoreData, postId: string, position: PostPosition): void {
	const stored = data.positions[postId];
	if (stored === undefined || stored.updatedAt <= position.updatedAt) {
		data.positions[postId] = position;
	}
}

/** When this run started (epoch ms). */
const runStartedAt = Math.floor(performance.timeOrigin);

/** A stored time, or when it lies ahead of `now`, the earlier of now and this run's start. */
function notAhead(time: number, now: number): number {
	return time > now ? Math.min(now, runStartedAt) : time;
}

/** Keeps the `maxPositions` most recently updated positions (in place), and returns the data. */
export function prunePositions(data: StoreData, limit = maxPositions): StoreData {
	const ids = Object.keys(data.positions);
	if (ids.length <= limit) {
		return data;
	}
	const byAge = ids.sort((a, b) => data.positions[b]!.updatedAt - data.positions[a]!.updatedAt);
	for (const id of byAge.slice(limit)) {
		delete data.positions[id];
	}
	return data;
}

/** The top-level keys this version does not know, as found: written back untouched, so a later version's additions survive. */
export function unknownTopLevelKeys(raw: unknown): Record<string, unknown> {
	const extra: Record<string, unknown> = {};
	if (!isRecord(raw)) return extra;
	for (const [key, value] of Object.entries(raw)) {
		if (!knownKeys.has(key))
			Object.defineProperty(extra, key, {value, enumerable: true, writable: true, configurable: true});
	}
	return extra;
}

/** Every top-level key this version reads (`lastPost`: version 0's `lastPostId`, migrated). */
const knownKeys = new Set(['schemaVersion', 'lastPostId', 'lastPost', 'positions', 'watched']);

function positionFromVersion0(value: unknown): PostPosition | undefined {
	if (!isRecord(value) || typeof value['line'] !== 'number' || !Number.isInteger(value['line']) || value['line'] < 1) {
		return undefined;
	}
	// No block key was kept then: restoring uses the source line, then the topic.
	const anchor: ReadingAnchor = {
		sourceLine: value['line'],
		blockKey: '',
		blockFraction: 0,
		topic: typeof value['topic'] === 'string' ? value['topic'] : null,
		progress: 0,
	};
	const updatedAt = notAhead(
		typeof value['updatedAt'] === 'number' && Number.isFinite(value['updatedAt']) ? value['updatedAt'] : 0,
		Date.now(),
	);
	return {anchor, readTopics: [], updatedAt};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}
