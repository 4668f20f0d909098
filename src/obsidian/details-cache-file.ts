/**
 * The look-up cache as a file in the plugin's folder (`.obsidian/plugins/paper-catalogue/details-cache.json`),
 * beside data.json rather than in it: it grows with every paper, and settings synced to other devices should not
 * carry it. The command line reads and writes the same file.
 */
import { type App, normalizePath } from "obsidian";
import { type DetailsCacheData, emptyDetailsCache, readDetailsCache } from "../details/cache";
import type { DetailsCacheStore } from "../details/details-run";

export const DETAILS_CACHE_FILE = "details-cache.json";

export function detailsCacheFile(app: App, pluginDir: string): DetailsCacheStore {
	const path = normalizePath(`${pluginDir}/${DETAILS_CACHE_FILE}`);
	const adapter = app.vault.adapter;
	return {
		async load(): Promise<DetailsCacheData> {
			if (!(await adapter.exists(path))) return emptyDetailsCache();
			try {
				return readDetailsCache(JSON.parse(await adapter.read(path)));
			} catch {
				// A damaged cache only costs asking again.
				return emptyDetailsCache();
			}
		},
		async save(cache: DetailsCacheData): Promise<void> {
			await adapter.write(path, JSON.stringify(cache));
		},
	};
}
