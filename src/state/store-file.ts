/**
 * The reading-position file on disk. conf finds the folder (the platform's config folder for
 * `kubecon-notes`) and writes atomically (the `atomically` package: a temp file, fsync, rename);
 * reading is done here so that a missing, corrupt and unreadable file can be told apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';

/** What reading the file found. */
export type FileRead =
	| {kind: 'missing'}
	| {kind: 'ok'; value: unknown}
	/** Not JSON, or JSON that is not an object. */
	| {kind: 'corrupt'; reason: string}
	/** There but not readable (permissions, a folder in its place). */
	| {kind: 'unreadable'; reason: string};

export type StoreFile = {
	readonly path: string;
	read(): FileRead;
	/** Writes atomically. Throws when it cannot, including when the file or folder is read-only. */
	write(data: object): void;
	/** A cheap token that changes whenever the file is replaced or rewritten; null when absent. */
	version(): string | null;
	/** Renames the file to `<file>.corrupt-<timestamp>` and returns that path. Throws when it cannot. */
	moveAside(): string;
};

/** Environment variable naming the folder the store lives in, instead of the platform's default. */
export const configDirEnv = 'KUBECON_NOTES_CONFIG_DIR';

/**
 * conf, used only to write: its constructor and `get store` read the file and throw on one that
 * cannot be read, which would leave no instance (and no path) to recover with.
 */
class WriteOnlyConf extends Conf<Record<string, unknown>> {
	override get store(): Record<string, unknown> {
		return Object.create(null) as Record<string, unknown>;
	}

	override set store(value: Record<string, unknown>) {
		super.store = value;
	}
}

/** Opens (without touching the disk) the store file: `cwd`, else $KUBECON_NOTES_CONFIG_DIR, else conf's default. */
export function openStoreFile(cwd?: string): StoreFile {
	const folder = cwd ?? (process.env[configDirEnv] || undefined);
	const conf = new WriteOnlyConf({
		projectName: 'kubecon-notes',
		...(folder === undefined ? {} : {cwd: folder}),
		// Post ids hold dots (`2023-04-27-kubecon.md`); they are keys, not paths.
		accessPropertiesByDotNotation: false,
	});
	const filePath = conf.path;
	let isWritableChecked = false;
	return {
		path: filePath,
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
			if (!isWritableChecked) {
				// atomically retries EACCES/EPERM for a second, synchronously; ask first instead. A
				// read-only file is honoured too, though a rename over it would succeed.
				assertWritable(filePath);
				isWritableChecked = true;
			}
			conf.store = data as Record<string, unknown>;
		},
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
			for (let attempt = 1; fs.existsSync(target); attempt++) {
				target = `${filePath}.corrupt-${stamp}-${attempt}`;
			}
			fs.renameSync(filePath, target);
			return target;
		},
	};
}

function assertWritable(filePath: string): void {
	if (fs.existsSync(filePath)) {
		fs.accessSync(filePath, fs.constants.W_OK);
	}
	// The nearest folder that exists must take new entries (conf creates the rest).
	let folder = path.dirname(filePath);
	while (!fs.existsSync(folder) && path.dirname(folder) !== folder) {
		folder = path.dirname(folder);
	}
	fs.accessSync(folder, fs.constants.W_OK);
}

function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** The error's message, or a string form of whatever was thrown. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
