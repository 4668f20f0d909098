/**
 * A vault folder on disk, for Node-side tools (the CLI). Never bundled into the plugin.
 *
 * Paths come in two kinds and are named accordingly throughout:
 * - `vaultDir`: the vault folder on disk, as the user gave it (relative to the working directory or absolute);
 * - `vaultPath`: a note's path inside the vault, relative to `vaultDir`, the way Obsidian spells it (`/`-separated).
 *
 * The write side, for sync, is `FileSystemVault` in fs-note-vault.ts, built on `resolveInVault` and `VaultError`.
 */
import { readFile, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";

/** What went wrong, for callers that branch on it; `VaultError.message` is the user-facing text. */
export type VaultErrorCode =
	/** The vault folder does not exist. */
	| "vault-not-found"
	/** The vault folder exists but is not a folder. */
	| "vault-not-directory"
	/** The vault path is empty or holds characters no file name can (NUL). */
	| "invalid-path"
	/** The vault path is absolute, or leaves the vault once `..` segments are resolved. */
	| "outside-vault"
	/** Nothing exists at the vault path. */
	| "not-found"
	/** The vault path names a folder, not a file. */
	| "is-directory"
	/** The vault path names something other than a regular file (a device, a socket, a pipe). */
	| "not-a-file"
	/** The operating system refused access. */
	| "permission-denied"
	/** The file is not UTF-8 text: it holds NUL bytes or invalid UTF-8. */
	| "not-text"
	/** Something is already at the path a new note was to take. */
	| "already-exists";

/** A problem with the vault or a path in it that the user can fix; the message is meant to be shown as is. */
export class VaultError extends Error {
	override readonly name = "VaultError";

	constructor(
		readonly code: VaultErrorCode,
		message: string,
		/** The vault path involved, as given, when there is one. */
		readonly vaultPath?: string,
		options?: { cause?: unknown },
	) {
		super(message, options);
	}
}

function quote(text: string): string {
	return JSON.stringify(text);
}

function errnoCode(error: unknown): string | undefined {
	if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
	return typeof error.code === "string" ? error.code : undefined;
}

/**
 * The absolute path on disk of `vaultPath` inside the vault folder `vaultDir`.
 * Pure path arithmetic: the disk is not touched, and symbolic links are not followed.
 *
 * Throws `VaultError` for an empty path or one holding NUL (`invalid-path`), and for an absolute path
 * (POSIX or Windows style) or one that leaves the vault after normalising `..` segments (`outside-vault`).
 * `notes/../Catalogue.md` is fine; `../Catalogue.md` is not. A path that normalises to the vault folder
 * itself (`.`) resolves to the folder.
 */
export function resolveInVault(vaultDir: string, vaultPath: string): string {
	if (vaultPath === "") throw new VaultError("invalid-path", "the path inside the vault is empty", vaultPath);
	if (vaultPath.includes("\0")) {
		throw new VaultError("invalid-path", `${quote(vaultPath)} is not a valid path (it contains a NUL character)`, vaultPath);
	}
	if (path.posix.isAbsolute(vaultPath) || path.win32.isAbsolute(vaultPath) || /^[A-Za-z]:/.test(vaultPath)) {
		throw new VaultError(
			"outside-vault",
			`${quote(vaultPath)} is an absolute path; give the path relative to the vault folder`,
			vaultPath,
		);
	}
	const root = path.resolve(vaultDir);
	const resolved = path.resolve(root, vaultPath);
	const relative = path.relative(root, resolved);
	if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
		throw new VaultError("outside-vault", `${quote(vaultPath)} is outside the vault`, vaultPath);
	}
	return resolved;
}

/** Checks that `vaultDir` exists and is a folder; throws `VaultError` otherwise. */
export async function assertVaultDir(vaultDir: string): Promise<void> {
	if (vaultDir === "") throw new VaultError("vault-not-found", "the vault folder path is empty");
	let stats: Stats;
	try {
		stats = await stat(vaultDir);
	} catch (error) {
		const code = errnoCode(error);
		if (code === "ENOENT" || code === "ENOTDIR") {
			throw new VaultError("vault-not-found", `vault folder ${quote(vaultDir)} does not exist`, undefined, { cause: error });
		}
		if (code === "EACCES" || code === "EPERM") {
			throw new VaultError("permission-denied", `cannot open vault folder ${quote(vaultDir)}: permission denied`, undefined, {
				cause: error,
			});
		}
		throw error;
	}
	if (!stats.isDirectory()) throw new VaultError("vault-not-directory", `vault ${quote(vaultDir)} is not a folder`);
}

/** Maps a file-system error about `vaultPath` to a `VaultError`, or returns undefined when it is not the user's to fix. */
function fileError(error: unknown, vaultDir: string, vaultPath: string): VaultError | undefined {
	switch (errnoCode(error)) {
		case "ENOENT":
		case "ENOTDIR":
			return new VaultError("not-found", `${quote(vaultPath)} does not exist in vault ${quote(vaultDir)}`, vaultPath, {
				cause: error,
			});
		case "EISDIR":
			return new VaultError("is-directory", `${quote(vaultPath)} is a folder, not a note`, vaultPath, { cause: error });
		case "EACCES":
		case "EPERM":
			return new VaultError("permission-denied", `cannot read ${quote(vaultPath)}: permission denied`, vaultPath, {
				cause: error,
			});
		default:
			return undefined;
	}
}

/**
 * Decodes file content as UTF-8 text, without a leading byte order mark.
 * Throws `VaultError` (`not-text`) for content holding NUL bytes or invalid UTF-8.
 */
export function decodeVaultText(bytes: Uint8Array, vaultPath: string): string {
	if (bytes.includes(0)) {
		throw new VaultError("not-text", `${quote(vaultPath)} is not a text file (it contains NUL bytes)`, vaultPath);
	}
	try {
		// `ignoreBOM: false` (the default) is what strips a leading UTF-8 BOM.
		return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch (error) {
		throw new VaultError("not-text", `${quote(vaultPath)} is not a text file (it is not valid UTF-8)`, vaultPath, {
			cause: error,
		});
	}
}

/**
 * Reads the note at `vaultPath` inside the vault folder `vaultDir` as text (UTF-8, BOM stripped).
 *
 * Throws `VaultError` when the vault folder is missing or not a folder, the path is invalid or leaves the vault,
 * the file is missing, is a folder or not a regular file, cannot be read for lack of permission, or is not text.
 * Any other error (out of file handles, I/O failure) is rethrown unchanged.
 */
export async function readVaultText(vaultDir: string, vaultPath: string): Promise<string> {
	await assertVaultDir(vaultDir);
	const filePath = resolveInVault(vaultDir, vaultPath);
	let bytes: Uint8Array;
	try {
		// Check the kind of file first: opening a named pipe for reading would block.
		const stats = await stat(filePath);
		if (stats.isDirectory()) {
			throw new VaultError("is-directory", `${quote(vaultPath)} is a folder, not a note`, vaultPath);
		}
		if (!stats.isFile()) throw new VaultError("not-a-file", `${quote(vaultPath)} is not a regular file`, vaultPath);
		bytes = await readFile(filePath);
	} catch (error) {
		if (error instanceof VaultError) throw error;
		throw fileError(error, vaultDir, vaultPath) ?? error;
	}
	return decodeVaultText(bytes, vaultPath);
}
