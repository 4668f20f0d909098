/**
 * Settings that name vault paths follow the vault: a renamed or moved template note, notes folder (or a folder
 * above it) and tracked catalogue keep working under their new names, and a deleted catalogue stops being tracked.
 */
import { Notice, TFolder } from "obsidian";
import { inBackground } from "./failures";
import type { PluginHost } from "./host";

/** `path` with its `oldPrefix` folder (or the path itself) renamed to `newPrefix`; null when it is not under it. */
export function movedPath(path: string, oldPrefix: string, newPrefix: string): string | null {
	if (path === oldPrefix) return newPrefix;
	if (path.startsWith(`${oldPrefix}/`)) return newPrefix + path.slice(oldPrefix.length);
	return null;
}

export function registerSettingsFollow(host: PluginHost): void {
	const { app } = host;

	host.registerEvent(
		app.vault.on("rename", (file, oldPath) => {
			const settings = host.settings;
			let changed = false;
			const template = settings.templatePath === "" ? null : movedPath(settings.templatePath, oldPath, file.path);
			if (template !== null) {
				settings.templatePath = template;
				changed = true;
			}
			// Only a folder can carry the notes folder with it (a note renamed to the folder's name does not).
			const folder = file instanceof TFolder && settings.notesFolder !== "" ? movedPath(settings.notesFolder, oldPath, file.path) : null;
			if (folder !== null) {
				settings.notesFolder = folder;
				changed = true;
			}
			if (changed) inBackground("Could not save the settings", host.saveSettings());
		}),
	);

	host.registerEvent(
		app.vault.on("delete", (file) => {
			if (!host.settings.catalogues.includes(file.path)) return;
			host.settings.catalogues = host.settings.catalogues.filter((path) => path !== file.path);
			new Notice(`Stopped tracking ${file.name}: the note was deleted.`);
			inBackground("Could not save the settings", host.saveSettings());
		}),
	);
}
