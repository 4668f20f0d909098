/**
 * The command line's look-up cache: the plugin's own file (`.obsidian/plugins/paper-catalogue/details-cache.json`)
 * when the vault has the plugin installed, so both ask the network once; none otherwise (the command line never
 * creates the plugin's folder).
 */
import { mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type DetailsCacheData, emptyDetailsCache, readDetailsCache } from "../details/cache";
import type { DetailsCacheStore } from "../details/details-run";

// The command line cannot ask Obsidian for Vault#configDir: it uses Obsidian's default config folder.
export const PLUGIN_FOLDER = ".obsidian/plugins/paper-catalogue";

async function isFolder(diskPath: string): Promise<boolean> {
	try {
		return (await stat(diskPath)).isDirectory();
	} catch {
		return false;
	}
}

export function vaultDetailsCache(vaultDir: string): DetailsCacheStore {
	const folder = path.join(vaultDir, ...PLUGIN_FOLDER.split("/"));
	const file = path.join(folder, "details-cache.json");
	let kept = emptyDetailsCache();
	return {
		async load(): Promise<DetailsCacheData> {
			if (!(await isFolder(folder))) return kept;
			try {
				kept = readDetailsCache(JSON.parse(await readFile(file, "utf8")));
			} catch {
				// Missing or damaged: it only costs asking again.
				kept = emptyDetailsCache();
			}
			return kept;
		},
		async save(cache: DetailsCacheData): Promise<void> {
			kept = cache;
			if (!(await isFolder(folder))) return;
			// Written beside and renamed over, so that the plugin never reads half a file.
			const temporary = await mkdtemp(path.join(folder, ".details-cache-"));
			try {
				const staged = path.join(temporary, "details-cache.json");
				await writeFile(staged, JSON.stringify(cache));
				await rename(staged, file);
			} finally {
				await rm(temporary, { recursive: true, force: true });
			}
		},
	};
}
