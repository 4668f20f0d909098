/**
 * Keeps the catalogue index in step with the vault and the editor: which notes it holds (the tracked catalogues and
 * the active note), and their text as it changes.
 */
import { MarkdownView, TFile } from "obsidian";
import { inBackground } from "./failures";
import { isTracked, type PluginHost } from "./host";
import { openInSourceEditor } from "./live-text";

/** How long after a change on disk an open editor has surely reloaded it. */
const RELOAD_GRACE_MS = 250;

/** The notes the index holds: every tracked catalogue, and the active note (it may be a reading list to offer). */
function wanted(host: PluginHost): Set<string> {
	const keep = new Set(host.settings.catalogues);
	const active = host.app.workspace.getActiveFile();
	if (active && active.extension === "md") keep.add(active.path);
	return keep;
}

function isWanted(host: PluginHost, path: string): boolean {
	return isTracked(host, path) || host.app.workspace.getActiveFile()?.path === path;
}

/** Drops the notes the index no longer needs, and reads the active note if it is new. */
export function followActiveNote(host: PluginHost): void {
	host.index.keepOnly(wanted(host));
	const active = host.app.workspace.getActiveFile();
	if (active && active.extension === "md" && !host.index.has(active.path)) inBackground(`Could not read ${active.path}`, host.index.load(active.path));
}

export function registerCatalogueEvents(host: PluginHost): void {
	const { app } = host;

	host.registerEvent(
		app.vault.on("modify", (file) => {
			if (!(file instanceof TFile) || !isWanted(host, file.path) || !host.index.has(file.path)) return;
			if (openInSourceEditor(app, file.path)) {
				// Open in an editor, the editor is the truth: this is its own save (maybe of a text older than what it
				// shows now, if the user typed on), or a change from outside that Obsidian reloads into it. Read the
				// editor once that reload is done — after reading the file, and once more a moment later in case the
				// reload took longer —, never the file itself, which would roll a newer tick back.
				const fromEditor = (): void => {
					const view = openInSourceEditor(app, file.path);
					if (view) host.index.edited(file.path, view.editor.getValue());
				};
				inBackground(`Could not read ${file.path}`, app.vault.cachedRead(file).then(fromEditor));
				window.setTimeout(fromEditor, RELOAD_GRACE_MS);
				return;
			}
			inBackground(
				`Could not read ${file.path}`,
				app.vault.cachedRead(file).then((text) => host.index.updateInSlices(file.path, text)),
			);
		}),
	);

	// Typing in the editor reaches the view and the notes at once (a tick) or once typing pauses, before Obsidian saves.
	host.registerEvent(
		app.workspace.on("editor-change", (editor, info) => {
			const path = info.file?.path;
			if (path && host.index.has(path)) host.index.edited(path, editor.getValue());
		}),
	);

	// The active note is parsed ahead of time, so commands and the view know whether it holds papers; the one before
	// it is dropped unless it is tracked.
	host.registerEvent(app.workspace.on("file-open", () => followActiveNote(host)));
	host.registerEvent(app.workspace.on("active-leaf-change", () => followActiveNote(host)));

	host.registerEvent(
		app.vault.on("rename", (file, oldPath) => {
			if (!(file instanceof TFile)) return;
			if (isTracked(host, oldPath)) {
				host.settings.catalogues = host.settings.catalogues.map((path) => (path === oldPath ? file.path : path));
				host.index.rename(oldPath, file.path);
				inBackground("Could not save the settings", host.saveSettings());
				return;
			}
			if (host.index.has(oldPath)) {
				// The active note moved: read it again under its new name.
				host.index.forget(oldPath);
				followActiveNote(host);
			}
		}),
	);

	host.registerEvent(app.vault.on("delete", (file) => host.index.forget(file.path)));
}

/** Parses the tracked catalogues once the workspace is ready, and any open in an editor from its live text. */
export async function loadTrackedCatalogues(host: PluginHost): Promise<void> {
	for (const path of host.settings.catalogues) await host.index.load(path);
	host.app.workspace.iterateAllLeaves((leaf) => {
		if (leaf.view instanceof MarkdownView && leaf.view.file && isTracked(host, leaf.view.file.path)) {
			host.index.update(leaf.view.file.path, leaf.view.editor.getValue());
		}
	});
	followActiveNote(host);
}
