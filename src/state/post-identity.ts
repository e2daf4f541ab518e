/**
 * Where a post's place is kept: keyed by the post's identity, not by its file name alone, so that
 * a post renamed (a date fixed in its name) or moved to another folder keeps its place, and two
 * folders' copies of one post do not share one.
 *
 * A key is `place:<fingerprint>:<path>`: the fingerprint of the post's title (folded), and the
 * file's absolute path as the hint that tells copies apart. A post's place is read from, in order:
 * 1. its own key;
 * 2. a key with its fingerprint whose file is gone (the post was renamed or moved);
 * 3. a key with its path but another fingerprint (the title was edited);
 * 4. its id, the key of earlier versions (migration: places kept before keep working).
 * It is always written under its own key. Nothing is moved on its own: the old key is read until
 * the reader moves in the post and saves (a saved place is the user's data), and `forget` clears
 * every key a post's place may be under.
 */
import type {Post} from '../posts/types.js';
import type {PostPosition} from './reading-anchor.js';

const PREFIX = 'place:';

/** FNV-1a over the text, in base 36: short and stable. */
function hash(text: string): string {
	let value = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
	return (value >>> 0).toString(36);
}

/** Printable ASCII only: NFKD leaves it as it is and it holds no combining mark. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A title folded (case, accents, spacing). Printable ASCII skips the Unicode steps, which change
 * nothing there: over 5,000 posts at start they were most of resolvePlaceKeys (issue 25).
 */
export function foldTitle(title: string): string {
	if (PRINTABLE_ASCII.test(title)) {
		// Its only white space is the space: single ones stay as they are.
		const lower = title.toLowerCase();
		return (lower.includes('  ') ? lower.replace(/ +/g, ' ') : lower).trim();
	}
	return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The post's fingerprint: its title, folded (case, accents, spacing), else its id. */
export function postFingerprint(post: Pick<Post, 'title' | 'id'>): string {
	const title = foldTitle(post.title);
	return hash(title === '' ? post.id : title);
}

/** The key a post's place is written under; null for standard input (no file to follow). */
export function placeKey(post: Pick<Post, 'title' | 'id' | 'path'>, fingerprint?: string): string | null {
	return post.path === '-' ? null : `${PREFIX}${fingerprint ?? postFingerprint(post)}:${post.path}`;
}

/** The fingerprint and path of a place key, or null for another key (an id of earlier versions). */
function parseKey(key: string): {fingerprint: string; path: string} | null {
	if (!key.startsWith(PREFIX)) return null;
	const rest = key.slice(PREFIX.length);
	const colon = rest.indexOf(':');
	return colon <= 0 ? null : {fingerprint: rest.slice(0, colon), path: rest.slice(colon + 1)};
}

/** For each post id: the key its place is written under, and the key it is read from (the same, or an older one). */
export type PlaceKeys = Map<string, {write: string; read: string | null}>;

/**
 * The keys of each post's place, given the keys the store holds and whether a file exists (steps
 * 1–4 above). A key taken by one post is not given to another.
 */
export function resolvePlaceKeys(
	posts: ReadonlyArray<Pick<Post, 'title' | 'id' | 'path'>>,
	storedKeys: readonly string[],
	fileExists: (path: string) => boolean,
): PlaceKeys {
	const stored = new Set(storedKeys);
	const parsed = storedKeys.flatMap((key) => {
		const parts = parseKey(key);
		return parts ? [{key, ...parts}] : [];
	});
	const taken = new Set<string>();
	const keys: PlaceKeys = new Map();
	// Each post's fingerprint once (5,000 posts at every start).
	const fingerprints = posts.map((post) => postFingerprint(post));
	const own = posts.map((post, index) => placeKey(post, fingerprints[index]));
	for (const key of own) if (key !== null && stored.has(key)) taken.add(key);
	for (const [index, post] of posts.entries()) {
		const write = own[index]!;
		if (write === null) continue;
		let read: string | null = stored.has(write) ? write : null;
		if (read === null) {
			const fingerprint = fingerprints[index]!;
			const free = (candidate: {key: string}) => !taken.has(candidate.key);
			const moved = parsed.find(
				(candidate) => free(candidate) && candidate.fingerprint === fingerprint && !fileExists(candidate.path),
			);
			const retitled = moved ?? parsed.find((candidate) => free(candidate) && candidate.path === post.path);
			read = retitled?.key ?? (stored.has(post.id) && !taken.has(post.id) ? post.id : null);
			if (read !== null) taken.add(read);
		}
		keys.set(post.id, {write, read});
	}
	return keys;
}

/** The store as the reader uses it, keyed by post id; the same methods on the store's keys. */
type PlaceStore = {
	getPosition(postId: string): PostPosition | undefined;
	setPosition(postId: string, position: PostPosition): void;
	lastPostId(): string | undefined;
	setLastPostId(id: string): void;
};

/**
 * The store seen through post ids, its places kept under identity keys (`keys`, from
 * resolvePlaceKeys). An id it does not know (a post added while reading) is its own key, as before.
 */
export function placesByIdentity<S extends PlaceStore>(store: S, keys: PlaceKeys): S {
	const reverse = new Map<string, string>();
	for (const [id, {write, read}] of keys) {
		reverse.set(write, id);
		if (read !== null && !reverse.has(read)) reverse.set(read, id);
	}
	const view: PlaceStore = {
		getPosition: (postId: string): PostPosition | undefined => {
			const entry = keys.get(postId);
			if (!entry) return store.getPosition(postId);
			return (
				store.getPosition(entry.write) ??
				(entry.read === null || entry.read === entry.write ? undefined : store.getPosition(entry.read))
			);
		},
		setPosition: (postId: string, position: PostPosition): void =>
			store.setPosition(keys.get(postId)?.write ?? postId, position),
		lastPostId: (): string | undefined => {
			const key = store.lastPostId();
			return key === undefined ? undefined : (reverse.get(key) ?? key);
		},
		setLastPostId: (postId: string): void => store.setLastPostId(keys.get(postId)?.write ?? postId),
	};
	// The other methods (watched marks, warnings, path, settled…) are the store's own, called on the
	// store itself: a class keeps its private fields from a proxy.
	return new Proxy(store, {
		get: (target, name) => {
			if (name in view) return view[name as keyof PlaceStore];
			const value: unknown = Reflect.get(target, name, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

/** Every key a post's place may be kept under (its own, its id, and older ones of the same file or title whose file is gone): what `forget` clears. */
export function placeKeysToForget(
	post: Pick<Post, 'title' | 'id' | 'path'>,
	storedKeys: readonly string[],
	fileExists: (path: string) => boolean,
): string[] {
	const own = placeKey(post);
	const fingerprint = postFingerprint(post);
	const keys = storedKeys.filter((key) => {
		if (key === own || key === post.id) return true;
		const parts = parseKey(key);
		return (
			parts !== null && (parts.path === post.path || (parts.fingerprint === fingerprint && !fileExists(parts.path)))
		);
	});
	return keys;
}
