/**
 * The reading-position file on disk: where it lives, reading it (telling a missing, an unreadable
 * and a corrupt file apart), and writing it atomically (a temp file, fsync, rename). No conf: its
 * schema validator (ajv, semver, fast-uri) cost about 75 ms of every start for a file we validate by
 * hand anyway (store-schema.ts). Every disk call goes through `StoreFs`, so tests can make any one
 * of them fail: CI runs as root, where file permissions stop nothing.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

/** The synchronous fs calls the store makes; node:fs by default. */
export type StoreFs = Pick<
	typeof nodeFs,
	'readFileSync' | 'writeFileSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'mkdirSync' | 'accessSync'
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
	/** The lock file that serialises read-merge-write between processes. */
	readonly lockPath: string;
	readonly fs: StoreFs;
	read(): FileRead;
	/** Writes atomically, creating the folder. Throws when it cannot. */
	write(data: object): void;
	/** Why the file could not be written, or null when it looks writable. Touches nothing. */
	writeProblem(): string | null;
	/** A cheap token that changes whenever the file is replaced or rewritten; null when absent. */
	version(): string | null;
	/** Renames the file to `<file>.corrupt-<timestamp>` and returns that path. Throws when it cannot. */
	moveAside(): string;
};

/** Environment variable naming the folder the store lives in, instead of the platform's default. */
export const configDirEnv = 'KUBECON_NOTES_CONFIG_DIR';

/** The store's file name, as conf named it (earlier versions wrote through conf: same place). */
const fileName = 'config.json';

/** The folder: `cwd`, else $KUBECON_NOTES_CONFIG_DIR, else the platform's config folder (conf's). */
export function storeFolder(cwd?: string): string {
	const folder = cwd ?? (process.env[configDirEnv] || undefined);
	// conf used env-paths with the `-nodejs` suffix: ~/.config/kubecon-notes-nodejs on Linux.
	return folder === undefined ? envPaths('kubecon-notes', {suffix: 'nodejs'}).config : path.resolve(folder);
}

/** Opens (without touching the disk) the store file in `storeFolder(cwd)`. */
export function openStoreFile(cwd?: string, fs: StoreFs = nodeFs): StoreFile {
	const filePath = path.join(storeFolder(cwd), fileName);
	return {
		path: filePath,
		lockPath: `${filePath}.lock`,
		fs,
		read() {
			let text: string;
			try {
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
		write(data) {
			const problem = writeProblem(fs, filePath);
			if (problem !== null) {
				throw new Error(problem);
			}
			fs.mkdirSync(path.dirname(filePath), {recursive: true});
			const temp = `${filePath}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
			try {
				const fd = fs.openSync(temp, 'wx', 0o600);
				try {
					fs.writeSync(fd, `${JSON.stringify(data, null, '\t')}\n`);
					// A crash after the rename must not leave an empty file behind.
					fs.fsyncSync(fd);
				} finally {
					fs.closeSync(fd);
				}
				fs.renameSync(temp, filePath);
			} catch (error) {
				try {
					fs.unlinkSync(temp);
				} catch {
					// Never created, or already renamed.
				}
				throw error;
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
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** The error's message, or a string form of whatever was thrown. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
