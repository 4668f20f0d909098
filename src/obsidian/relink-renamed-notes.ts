/**
 * A paper note renamed or moved keeps its catalogue item linked. Obsidian updates links itself when its
 * "Automatically update internal links" option is on; when it is off, the links sync inserted (and only those,
 * labelled `notes`) would point at nothing, so the plugin follows the note with them. It waits until Obsidian has
 * had its turn (the metadata cache resolving links again), and rewrites a link only if it still names nothing.
 */
import { type App, TFile } from "obsidian";
import { INSERTED_LINK_LABEL } from "../catalogue/title";
import { markdownLinkPath } from "../sync/plan";
import { inBackground } from "./failures";
import type { PluginHost } from "./host";
import { liveText } from "./live-text";
import { ObsidianVault } from "./obsidian-vault";

/** How long to wait for Obsidian's own link update before looking, when the metadata cache says nothing. */
const RELINK_WAIT_MS = 2000;

/** The links sync inserts to a note, in the forms it writes them (a table escapes the pipe). */
function insertedForms(path: string): string[] {
	const target = path.replace(/\.md$/i, "");
	return [`[[${target}|${INSERTED_LINK_LABEL}]]`, `[[${target}\\|${INSERTED_LINK_LABEL}]]`, `[${INSERTED_LINK_LABEL}](${markdownLinkPath(path)})`];
}

/** The text with sync's links to `oldPath` pointing at `newPath`; every other link, the user's own, as it was. */
export function relinkRenamedNote(text: string, oldPath: string, newPath: string): string {
	const before = insertedForms(oldPath);
	const after = insertedForms(newPath);
	return before.reduce((current, form, i) => current.split(form).join(after[i] ?? form), text);
}

async function relink(app: App, cataloguePath: string, oldPath: string, newPath: string): Promise<void> {
	// Obsidian updated the links, or another note took the old name: nothing of ours points at nothing.
	if (app.metadataCache.getFirstLinkpathDest(oldPath.replace(/\.md$/i, ""), cataloguePath)) return;
	const text = await liveText(app, cataloguePath);
	if (text === null || relinkRenamedNote(text, oldPath, newPath) === text) return;
	// Through the editor when the catalogue is open in one, so that unsaved typing is kept.
	await new ObsidianVault(app).process(cataloguePath, (current) => relinkRenamedNote(current, oldPath, newPath));
}

export function registerRelinkRenamedNotes(host: PluginHost): void {
	const { app } = host;
	let waiting: { oldPath: string; newPath: string }[] = [];
	let timer: number | null = null;

	const flush = (): void => {
		if (timer !== null) window.clearTimeout(timer);
		timer = null;
		const renames = waiting;
		waiting = [];
		for (const { oldPath, newPath } of renames) {
			for (const cataloguePath of host.settings.catalogues) {
				inBackground(`Could not update the links in ${cataloguePath}`, relink(app, cataloguePath, oldPath, newPath));
			}
		}
	};

	host.registerEvent(
		app.vault.on("rename", (file, oldPath) => {
			if (!(file instanceof TFile) || file.extension !== "md" || host.settings.catalogues.includes(file.path)) return;
			waiting.push({ oldPath, newPath: file.path });
			timer ??= window.setTimeout(flush, RELINK_WAIT_MS);
		}),
	);
	// Links are resolved again once Obsidian has had its turn with the rename, updating them or not.
	host.registerEvent(app.metadataCache.on("resolved", () => waiting.length > 0 && flush()));
	host.register(() => {
		if (timer !== null) window.clearTimeout(timer);
	});
}
