/**
 * A note's text as the user sees it. While a note is open in an editor, the editor is the truth: Obsidian saves
 * about two seconds after the last change, so until then the file (`vault.read`) holds an older text.
 */
import { type App, MarkdownView, TFile } from "obsidian";

/** The Markdown view editing `path` in source mode (live preview included), if any. */
export function openInSourceEditor(app: App, path: string): MarkdownView | null {
	let found: MarkdownView | null = null;
	app.workspace.iterateAllLeaves((leaf) => {
		if (!found && leaf.view instanceof MarkdownView && leaf.view.file?.path === path && leaf.view.getMode() === "source") found = leaf.view;
	});
	return found;
}

/** The editor's text when the note is open in one, else the file's; null when there is no such note. */
export async function liveText(app: App, path: string): Promise<string | null> {
	const view = openInSourceEditor(app, path);
	if (view) return view.editor.getValue();
	const file = app.vault.getFileByPath(path);
	return file instanceof TFile ? app.vault.cachedRead(file) : null;
}
