/**
 * The reading-position file on disk, and the one way it is read: where it lives (where conf puts
 * it), reading it (telling a missing, an unreadable, a corrupt and a too large file apart), whether
 * it could be written, moving a corrupt one aside. The store, the read-only snapshot and the writer's
 * merge under the lock all read through `read()`; conf only writes (writer.ts). Every disk call goes
 * through `StoreFs`, so tests can make any one of them fail: CI runs as root, where file
 * permissions stop nothing.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

/** The synchronous fs calls the store makes; node:fs by default. */
export type StoreFs = Pick<
	typeof nodeFs,
	| 'readFileSync'
	| 'writeFileSync'
	| 'renameSync'
	| 'unlinkSync'
	| 'statSync'
	| 'mkdirSync'
	| 'accessSync'
	| 'rmdirSync'
	| 'utimesSync'
>;

/** What reading the file found. */
export type FileRead =
	| {kind: 'missing'}
	| {kind: 'ok'; value: unknown}
	/** Read, but not JSON, or JSON that is not an object: the only kind that is moved aside. */
	| {kind: 'corrupt'; reason: string}
	/** There but not readable (permissions, a folder in its place, an I/O error): left alone. */
	| {kind: 'unreadable'; reason: string};

export type StoreFile = {
	readonly path: string;
	/** The folder given (option or $KUBECON_NOTES_CONFIG_DIR), or undefined for conf's default. */
	readonly folder: string | undefined;
	readonly fs: StoreFs;
	read(): FileRead;
	/** Why the file could not be written, or null when it looks writable. Touches nothing. */
	writeProblem(): string | null;
	/** A cheap token that changes whenever the file is replaced or rewritten; null when absent. */
	version(): string | null;
	/** Renames the file to `<file>.corrupt-<timestamp>` and returns that path. Throws when it cannot. */
	moveAside(): string;
};

/** Environment variable naming the folder the store lives in, instead of the platform's default. */
export const configDirEnv = 'KUBECON_NOTES_CONFIG_DIR';

/** The store's file name: conf's default. */
const fileName = 'config.json';

/**
 * The largest file the store reads. Its own content stays far below (500 positions and the
 * watched marks: a few hundred KB); a file of 160 MB took `forget` 47 s and 2.1 GB to parse.
 */
export const maxStoreBytes = 16 * 1024 * 1024;

/** The folder asked for: `cwd`, else $KUBECON_NOTES_CONFIG_DIR; undefined leaves it to conf. */
export function chosenFolder(cwd?: string): string | undefined {
	const folder = cwd ?? (process.env[configDirEnv] || undefined);
	return folder === undefined ? undefined : path.resolve(folder);
}

/**
 * The folder: the chosen one, else the one conf picks for `projectName: 'kubecon-notes'` (env-paths
 * with conf's `-nodejs` suffix: ~/.config/kubecon-notes-nodejs on Linux). A test checks that conf
 * and this agree.
 */
export function storeFolder(cwd?: string): string {
	return chosenFolder(cwd) ?? envPaths('kubecon-notes', {suffix: 'nodejs'}).config;
}

/** Opens (without touching the disk) the store file in `storeFolder(cwd)`. */
export function openStoreFile(cwd?: string, fs: StoreFs = nodeFs): StoreFile {
	const folder = chosenFolder(cwd);
	const filePath = path.join(folder ?? storeFolder(), fileName);
	return {
		path: filePath,
		folder,
		fs,
		read() {
			let text: string;
			try {
				const problem = sizeProblem(fs.statSync(filePath));
				if (problem !== null) return {kind: 'unreadable', reason: problem};
				text = fs.readFileSync(filePath, 'utf8');
			} catch (error) {
				const code = errorCode(error);
				// ENOTDIR: a file stands where a folder of the path should be; nothing to read there.
				if (code === 'ENOENT' || code === 'ENOTDIR') {
					return {kind: 'missing'};
				}
				return {kind: 'unreadable', reason: errorMessage(error)};
			}
			try {
				const value: unknown = JSON.parse(text);
				if (typeof value !== 'object' || value === null || Array.isArray(value)) {
					return {kind: 'corrupt', reason: 'not a JSON object'};
				}
				return {kind: 'ok', value};
			} catch (error) {
				return {kind: 'corrupt', reason: errorMessage(error)};
			}
		},
		writeProblem: () => writeProblem(fs, filePath),
		version() {
			try {
				const stats = fs.statSync(filePath, {bigint: true});
				return `${stats.ino}:${stats.mtimeNs}:${stats.size}`;
			} catch {
				return null;
			}
		},
		moveAside() {
			const stamp = new Date().toISOString().replaceAll(/[:.]/g, '-');
			let target = `${filePath}.corrupt-${stamp}`;
			for (let attempt = 1; exists(fs, target); attempt++) {
				target = `${filePath}.corrupt-${stamp}-${attempt}`;
			}
			fs.renameSync(filePath, target);
			return target;
		},
	};
}

/** Why a file of these stats is not read: not a regular file (a FIFO would hang the read), or too large. */
export function sizeProblem(stats: {isFile(): boolean; isDirectory(): boolean; size: number}): string | null {
	// A folder is left to the read, which says EISDIR.
	if (!stats.isFile() && !stats.isDirectory()) return 'it is not a regular file';
	if (stats.size > maxStoreBytes)
		return `it is ${megabytes(stats.size)}, more than the ${megabytes(maxStoreBytes)} a reading-position file may be; delete or move it to start afresh`;
	return null;
}

function megabytes(bytes: number): string {
	return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Asks instead of trying: a read-only file is honoured though a rename over it would succeed, and
 * the nearest folder that exists must be a folder that takes new entries (the rest is created).
 */
function writeProblem(fs: StoreFs, filePath: string): string | null {
	try {
		if (exists(fs, filePath)) {
			fs.accessSync(filePath, nodeFs.constants.W_OK);
		}
		let folder = path.dirname(filePath);
		while (!exists(fs, folder) && path.dirname(folder) !== folder) {
			folder = path.dirname(folder);
		}
		if (!fs.statSync(folder).isDirectory()) {
			return `${folder} is not a folder`;
		}
		fs.accessSync(folder, nodeFs.constants.W_OK);
		return null;
	} catch (error) {
		return errorMessage(error);
	}
}

function exists(fs: StoreFs, target: string): boolean {
	try {
		fs.statSync(target);
		return true;
	} catch (error) {
		// Anything but "not there" (EACCES on a parent, say) counts as there, so it gets reported.
		const code = errorCode(error);
		return code !== 'ENOENT' && code !== 'ENOTDIR';
	}
}

/** The error's `code` (ENOENT, EACCES...), when it has one. */
export function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
		? error.code
		: undefined;
}

/** The error's message, or a string form of whatever was thrown. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
