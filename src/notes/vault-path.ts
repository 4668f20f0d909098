/**
 * Vault paths as Obsidian writes them: forward slashes, no leading or trailing
 * slash, NFC. Mirrors Obsidian's `normalizePath` so that the pure core and the
 * CLI build the same paths the plugin does (the plugin also runs every built
 * path through the real `normalizePath`).
 */

export function normalizeVaultPath(path: string): string {
	const normalized = path
		.replace(/[\\/]+/g, "/")
		.replace(/\u00A0|\u202F/g, " ")
		.replace(/^\/+|\/+$/g, "")
		.normalize("NFC");
	return normalized === "" ? "/" : normalized;
}

export function joinVaultPath(...parts: string[]): string {
	return normalizeVaultPath(parts.filter((part) => part !== "" && part !== "/").join("/"));
}

/** The folder that holds a vault path ("" for the vault root). */
export function parentFolder(path: string): string {
	const normalized = normalizeVaultPath(path);
	const slash = normalized.lastIndexOf("/");
	return slash === -1 ? "" : normalized.slice(0, slash);
}

export function baseName(path: string): string {
	const normalized = normalizeVaultPath(path);
	const name = normalized.slice(normalized.lastIndexOf("/") + 1);
	return name.replace(/\.md$/i, "");
}

/** Why a folder setting cannot be used, or null when it can. */
export function folderProblem(folder: string): string | null {
	const segments = normalizeVaultPath(folder).split("/");
	if (/^[A-Za-z]:/.test(folder) || folder.startsWith("/") || folder.startsWith("\\")) return `"${folder}" is not a path inside the vault`;
	if (segments.some((segment) => segment === ".." || segment === ".")) return `"${folder}" may not contain "." or ".." segments`;
	// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject here
	if (/[\u0000-\u001F<>:"|?*]/.test(folder)) return `"${folder}" contains characters that are not allowed in folder names`;
	return null;
}

/** Whether `path` lies inside `folder` (the vault root holds everything). */
export function isInsideFolder(path: string, folder: string): boolean {
	const normalizedFolder = normalizeVaultPath(folder);
	if (normalizedFolder === "/") return true;
	return normalizeVaultPath(path).startsWith(`${normalizedFolder}/`);
}

/**
 * A path as a user types it on a command line (`./Reading/CS294.md`, `Reading\\CS294.md`, `notes/../CS294.md`),
 * the way Obsidian spells it: `.` and `..` segments resolved, forward slashes. Needed before the path goes into
 * links: `[[./CS294]]` resolves relative to the note that holds it, not to the vault. A path that is absolute or
 * leaves the vault is returned as given, for the caller's checks to refuse with their own message.
 */
export function tidyVaultPath(path: string): string {
	if (path.startsWith("/") || path.startsWith("\\") || /^[A-Za-z]:/.test(path)) return path;
	const segments: string[] = [];
	for (const segment of path.replace(/\\/g, "/").split("/")) {
		if (segment === "" || segment === ".") continue;
		if (segment === "..") {
			if (segments.length === 0) return path;
			segments.pop();
		} else {
			segments.push(segment);
		}
	}
	return segments.length === 0 ? path : normalizeVaultPath(segments.join("/"));
}
