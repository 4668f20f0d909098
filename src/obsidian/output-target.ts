/**
 * Which catalogue a command for a catalogue's outputs (its base, a discussion, the report) acts on, and opening
 * what it wrote.
 */
import { type App, FileView, TFile, type WorkspaceLeaf } from "obsidian";
import { catalogueToShow, isTracked, type PluginHost } from "./host";

/**
 * The active note when it is a catalogue (tracked, or listing papers as the editor shows it), else the catalogue the
 * progress view would show: from a paper note or the base, the command still means the catalogue being read.
 */
export function catalogueForCommand(host: PluginHost): string | null {
	const active = host.app.workspace.getActiveFile();
	if (active instanceof TFile && active.extension === "md") {
		if (isTracked(host, active.path) || (host.index.get(active.path)?.papers.length ?? 0) > 0) return active.path;
	}
	return catalogueToShow(host);
}

/** The file's name without its folders and extension: how notices name a catalogue. */
export function displayName(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.[^.]+$/, "");
}

/** Opens a file the command wrote (or found) in a new tab beside the note the user is in, and shows it. */
export async function openInNewTab(app: App, path: string): Promise<void> {
	const file = app.vault.getFileByPath(path);
	if (file) await app.workspace.getLeaf("tab").openFile(file, { active: true });
}

/** Shows a file: its tab when it is open already, else a new tab. */
export async function showFile(app: App, path: string): Promise<void> {
	const leaves: WorkspaceLeaf[] = [];
	app.workspace.iterateAllLeaves((leaf) => {
		if (leaf.view instanceof FileView && leaf.view.file?.path === path) leaves.push(leaf);
	});
	const [leaf] = leaves;
	if (!leaf) {
		await openInNewTab(app, path);
		return;
	}
	app.workspace.setActiveLeaf(leaf, { focus: true });
	await app.workspace.revealLeaf(leaf);
}
