/**
 * The command palette. No default hotkeys: users choose their own.
 */
import { type Editor, MarkdownView, Notice, TFile } from "obsidian";
import { paperAtLine } from "../catalogue/edits";
import type { Catalogue, Paper } from "../catalogue/model";
import { nextUnread } from "../progress/next-unread";
import { readingStatus } from "../progress/reading-status";
import { inBackground } from "./failures";
import { activeMarkdownFile, catalogueToShow, isTracked, type PluginHost, trackCatalogue } from "./host";
import { registerOutputCommands } from "./output-commands";
import { markPaper, openPaperNote } from "./paper-note-runner";
import { createPaperNotes } from "./sync-runner";
import { DETAILS_COMMAND_IDS, registerDetailsCommands } from "./details-commands";

export const COMMAND_IDS = {
	createNotes: "create-paper-notes",
	track: "track-catalogue",
	untrack: "untrack-catalogue",
	openProgress: "open-reading-progress",
	markRead: "mark-paper-read",
	markUnread: "mark-paper-unread",
	openNextUnread: "open-next-unread-paper",
	...DETAILS_COMMAND_IDS,
} as const;

/** The paper on the editor's cursor line in a parsed catalogue. */
function paperUnderCursor(host: PluginHost, file: TFile, editor: Editor): { catalogue: Catalogue; paper: Paper } | null {
	const catalogue = host.index.get(file.path);
	if (!catalogue) return null;
	const cursor = editor.getCursor();
	const paper = paperAtLine(catalogue, cursor.line, cursor.ch);
	return paper ? { catalogue, paper } : null;
}

/** Marks the active paper note, or the catalogue item under the cursor, as read or unread. */
function markCommand(host: PluginHost, read: boolean) {
	return (checking: boolean): boolean => {
		const file = activeMarkdownFile(host);
		if (!file) return false;
		// Only a provable paper note: one with the properties sync writes, or one a tracked catalogue lists.
		if (host.notes.hasPaperProperties(file) || host.statusSync.isListedNote(file)) {
			const status = readingStatus(host.app.metadataCache.getFileCache(file)?.frontmatter?.status);
			if ((status === "read") === read) return false;
			// Not setNoteStatus alone: it records the status it writes, so its items would never follow.
			if (!checking) inBackground(`Could not mark ${file.path} as ${read ? "read" : "unread"}`, host.statusSync.setPaperStatus(file, read));
			return true;
		}
		const view = host.app.workspace.getActiveViewOfType(MarkdownView);
		if (!view || view.file?.path !== file.path) return false;
		const found = paperUnderCursor(host, file, view.editor);
		if (!found || host.notes.isDoneIn(file.path)(found.paper) === read) return false;
		if (!checking) inBackground(`Could not mark ${found.paper.title} as ${read ? "read" : "unread"}`, markPaper(host, file.path, found.paper, read));
		return true;
	};
}

export function registerCommands(host: PluginHost): void {
	host.addCommand({
		id: COMMAND_IDS.createNotes,
		name: "Create paper notes from this catalogue",
		checkCallback: (checking) => {
			const file = activeMarkdownFile(host);
			if (!file) return false;
			// Known to hold no papers only when the last parse is of the text as it is now (typing may be pending).
			const catalogue = host.index.get(file.path);
			if (catalogue && catalogue.papers.length === 0 && !host.index.isPending(file.path)) return false;
			if (!checking) {
				inBackground(
					"Could not create the paper notes",
					(async () => {
						// The text as the editor shows it: a list pasted a moment ago is not saved yet.
						const parsed = await host.index.refresh(file.path);
						if (!parsed || parsed.papers.length === 0) {
							new Notice("No papers found in this note: papers are task items and list items with a link.");
							return;
						}
						await createPaperNotes(host, file.path);
					})(),
				);
			}
			return true;
		},
	});

	host.addCommand({
		id: COMMAND_IDS.track,
		name: "Track this note as a catalogue",
		checkCallback: (checking) => {
			const file = activeMarkdownFile(host);
			if (!file || isTracked(host, file.path)) return false;
			if (!checking) {
				inBackground(
					"Could not track the note",
					trackCatalogue(host, file.path).then(() => new Notice(`Tracking ${file.basename} as a catalogue.`)),
				);
			}
			return true;
		},
	});

	host.addCommand({
		id: COMMAND_IDS.untrack,
		name: "Stop tracking this catalogue",
		checkCallback: (checking) => {
			const file = activeMarkdownFile(host);
			if (!file || !isTracked(host, file.path)) return false;
			if (!checking) {
				host.settings.catalogues = host.settings.catalogues.filter((path) => path !== file.path);
				inBackground(
					"Could not save the settings",
					host.saveSettings().then(() => new Notice(`Stopped tracking ${file.basename}.`)),
				);
			}
			return true;
		},
	});

	host.addCommand({
		id: COMMAND_IDS.openProgress,
		name: "Open reading progress",
		callback: () => inBackground("Could not open the reading progress", host.activateView()),
	});

	host.addCommand({ id: COMMAND_IDS.markRead, name: "Mark paper as read", checkCallback: markCommand(host, true) });
	host.addCommand({ id: COMMAND_IDS.markUnread, name: "Mark paper as unread", checkCallback: markCommand(host, false) });

	host.addCommand({
		id: COMMAND_IDS.openNextUnread,
		name: "Open next unread paper",
		checkCallback: (checking) => {
			const path = catalogueToShow(host);
			if (!path) return false;
			if (!checking) {
				inBackground(
					"Could not open the next unread paper",
					(async () => {
						const catalogue = await host.index.load(path);
						const paper = catalogue ? nextUnread(catalogue, host.notes.isDoneIn(path)) : undefined;
						if (!paper) {
							new Notice("Every paper in this catalogue is read.");
							return;
						}
						await openPaperNote(host, path, paper);
					})(),
				);
			}
			return true;
		},
	});

	registerDetailsCommands(host);
	registerOutputCommands(host);
}
