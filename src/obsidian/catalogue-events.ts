/**
 * Keeps the catalogue index in step with the vault and the editor, and the
 * settings in step with renamed or deleted catalogues.
 */
import { MarkdownView, TFile } from "obsidian";
import { markdownLinkPath } from "../sync/plan";
import { isTracked, type PluginHost } from "./host";
import { ObsidianVault } from "./obsidian-vault";

/** Rewrites links to a renamed note in a catalogue, when Obsidian has not already. */
export function relinkRenamedNote(text: string, oldPath: string, newPath: string): string {
	const oldTarget = oldPath.replace(/\.md$/i, "");
	const newTarget = newPath.replace(/\.md$/i, "");
	return text
		.split(`[[${oldTarget}|`).join(`[[${newTarget}|`)
		.split(`[[${oldTarget}\\|`).join(`[[${newTarget}\\|`)
		.split(`[[${oldTarget}]]`).join(`[[${newTarget}]]`)
		.split(`](${markdownLinkPath(oldPath)})`).join(`](${markdownLinkPath(newPath)})`);
}

export function registerCatalogueEvents(host: PluginHost): void {
	const { app } = host;

	// Every note the index has parsed is kept current, not only tracked ones: the commands read the active note's
	// parse (which paper is under the cursor), and a note tracked later must not start from a stale parse.
	const indexed = (path: string): boolean => isTracked(host, path) || host.index.get(path) !== null;

	host.registerEvent(
		app.vault.on("modify", (file) => {
			if (!(file instanceof TFile) || !indexed(file.path)) return;
			void app.vault.cachedRead(file).then((text) => host.index.updateInSlices(file.path, text));
		}),
	);

	// Typing in the editor reaches the view and the notes at once, before Obsidian saves the file.
	host.registerEvent(
		app.workspace.on("editor-change", (editor, info) => {
			const path = info.file?.path;
			if (path && indexed(path)) host.index.update(path, editor.getValue());
		}),
	);

	// The active note is parsed ahead of time, so commands know whether it holds papers.
	host.registerEvent(
		app.workspace.on("file-open", (file) => {
			if (file && file.extension === "md") void host.index.load(file.path);
		}),
	);

	host.registerEvent(
		app.vault.on("rename", (file, oldPath) => {
			if (!(file instanceof TFile)) return;
			if (isTracked(host, oldPath)) {
				host.settings.catalogues = host.settings.catalogues.map((path) => (path === oldPath ? file.path : path));
				host.index.rename(oldPath, file.path);
				void host.saveSettings();
				return;
			}
			if (file.extension !== "md") return;
			// A paper note moved: Obsidian updates links when its "Automatically update internal links" option is on;
			// when it is off, we update our own links so the catalogue keeps pointing at the note.
			for (const path of host.settings.catalogues) {
				const catalogue = app.vault.getFileByPath(path);
				if (!catalogue) continue;
				void app.vault.cachedRead(catalogue).then(async (text) => {
					if (relinkRenamedNote(text, oldPath, file.path) === text) return;
					// Through the editor when the catalogue is open in one, so that unsaved typing is kept.
					await new ObsidianVault(app).process(path, (current) => relinkRenamedNote(current, oldPath, file.path));
				});
			}
		}),
	);

	host.registerEvent(
		app.vault.on("delete", (file) => {
			if (isTracked(host, file.path)) host.index.forget(file.path);
		}),
	);
}

/** Parses the tracked catalogues once the workspace is ready, and any open in an editor from its live text. */
export async function loadTrackedCatalogues(host: PluginHost): Promise<void> {
	for (const path of host.settings.catalogues) await host.index.load(path);
	host.app.workspace.iterateAllLeaves((leaf) => {
		if (leaf.view instanceof MarkdownView && leaf.view.file && isTracked(host, leaf.view.file.path)) {
			host.index.update(leaf.view.file.path, leaf.view.editor.getValue());
		}
	});
}

