/**
 * The command palette. No default hotkeys: users choose their own.
 */
import { type Editor, MarkdownView, Notice, TFile } from "obsidian";
import { paperAtLine } from "../catalogue/edits";
import type { Catalogue, Paper } from "../catalogue/model";
import { readingStatus } from "../progress/reading-status";
import { applyPlan } from "../sync/apply";
import { PlanError, type SyncPlan } from "../sync/plan";
import { TemplateError } from "../notes/template";
import { planSync } from "../sync/sync";
import { currentCatalogue, isTracked, type PluginHost } from "./host";
import { ObsidianVault } from "./obsidian-vault";
import { createPaperNotes, syncRequestFor } from "./sync-runner";

export const COMMAND_IDS = {
	createNotes: "create-paper-notes",
	track: "track-catalogue",
	untrack: "untrack-catalogue",
	openProgress: "open-reading-progress",
	markRead: "mark-paper-read",
	markUnread: "mark-paper-unread",
	openNextUnread: "open-next-unread-paper",
} as const;

function activeMarkdownFile(host: PluginHost): TFile | null {
	const file = host.app.workspace.getActiveFile();
	return file instanceof TFile && file.extension === "md" ? file : null;
}

/** Whether a note is a paper note: it has the properties sync writes. */
function isPaperNote(host: PluginHost, file: TFile): boolean {
	const frontmatter = host.app.metadataCache.getFileCache(file)?.frontmatter;
	return !!frontmatter && "status" in frontmatter && ("url" in frontmatter || "catalogue" in frontmatter);
}

/** The paper on the editor's cursor line in a parsed catalogue, when it has a checkbox to set. */
function paperUnderCursor(host: PluginHost, file: TFile, editor: Editor): { catalogue: Catalogue; paper: Paper } | null {
	const catalogue = host.index.get(file.path);
	if (!catalogue) return null;
	const paper = paperAtLine(catalogue, editor.getCursor().line);
	return paper && paper.checkboxOffset !== undefined ? { catalogue, paper } : null;
}

/** Marks the active paper note, or the catalogue item under the cursor, as read or unread. */
function markCommand(host: PluginHost, read: boolean) {
	return (checking: boolean): boolean => {
		const file = activeMarkdownFile(host);
		if (!file) return false;
		if (isPaperNote(host, file)) {
			const status = readingStatus(host.app.metadataCache.getFileCache(file)?.frontmatter?.status);
			if ((status === "read") === read) return false;
			// Not setNoteStatus alone: it records the status it writes, so its items would never follow.
			if (!checking) void host.statusSync.setPaperStatus(file, read);
			return true;
		}
		const view = host.app.workspace.getActiveViewOfType(MarkdownView);
		if (!view || view.file?.path !== file.path) return false;
		const found = paperUnderCursor(host, file, view.editor);
		if (!found || found.paper.checked === read) return false;
		if (!checking) void host.statusSync.setCheckboxes(file.path, [found.paper.id], read);
		return true;
	};
}

/** The next paper to read: the first unticked required one in catalogue order, then the first optional one. */
export function nextUnread(catalogue: Catalogue): Paper | undefined {
	const unread = catalogue.papers.filter((paper) => !paper.checked);
	return unread.find((paper) => paper.group === "required") ?? unread[0];
}

/** A plan cut down to one paper: its note and the links to it. */
function planForPaper(plan: SyncPlan, paperId: string): SyncPlan {
	const create = plan.create.filter((note) => note.paperIds.includes(paperId));
	const notePaths = new Set([...create.map((note) => note.path), ...plan.link.filter((link) => link.paperId === paperId).map((link) => link.notePath)]);
	const folders = plan.folders.filter((folder) => [...notePaths].some((path) => path.startsWith(`${folder}/`)));
	return { ...plan, folders, create, link: plan.link.filter((link) => notePaths.has(link.notePath)), unchanged: [], conflicts: plan.conflicts.filter((c) => c.paperId === paperId) };
}

/** Opens a paper's note, creating it (and linking its item) first when it has none. */
export async function openPaperNote(host: PluginHost, cataloguePath: string, paper: Paper): Promise<void> {
	let file = host.statusSync.noteFilesOf(paper, cataloguePath)[0] ?? null;
	if (!file) {
		const vault = new ObsidianVault(host.app);
		let plan: SyncPlan;
		try {
			plan = await planSync(vault, syncRequestFor(host.app, host.settings, cataloguePath));
		} catch (error) {
			// An unusable template or notes folder: say so, as "Create paper notes" does, rather than fail silently.
			if (error instanceof PlanError || error instanceof TemplateError) {
				new Notice(error.message, 0);
				return;
			}
			throw error;
		}
		const own = planForPaper(plan, paper.id);
		const conflict = own.conflicts[0];
		if (conflict) {
			new Notice(`${conflict.title}: ${conflict.reason}`);
			return;
		}
		const report = await applyPlan(own, vault);
		const failure = report.errors[0];
		if (failure) {
			new Notice(`Could not create the note for ${paper.title}: ${failure.message}`);
			return;
		}
		const path = own.create[0]?.path ?? own.link.find((link) => link.paperId === paper.id)?.notePath;
		file = path ? host.app.vault.getFileByPath(path) : null;
	}
	// Active, so that it is the note the user sees and types into, also when asked from the sidebar or with no tab open.
	if (file) await host.app.workspace.getLeaf(false).openFile(file, { active: true });
}

export function registerCommands(host: PluginHost): void {
	host.addCommand({
		id: COMMAND_IDS.createNotes,
		name: "Create paper notes from this catalogue",
		checkCallback: (checking) => {
			const file = activeMarkdownFile(host);
			if (!file) return false;
			// Before the first parse we cannot know yet; offer it and let the run say so if there are no papers.
			const catalogue = host.index.get(file.path);
			if (catalogue && catalogue.papers.length === 0) return false;
			if (!checking) {
				void (async () => {
					const parsed = await host.index.load(file.path);
					if (!parsed || parsed.papers.length === 0) {
						new Notice("No papers found in this note: papers are task items and list items with a link.");
						return;
					}
					await createPaperNotes(host, file.path);
				})();
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
				host.settings.catalogues.push(file.path);
				void host.saveSettings().then(async () => {
					await host.index.load(file.path);
					new Notice(`Tracking ${file.basename} as a catalogue.`);
				});
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
				void host.saveSettings().then(() => new Notice(`Stopped tracking ${file.basename}.`));
			}
			return true;
		},
	});

	host.addCommand({
		id: COMMAND_IDS.openProgress,
		name: "Open reading progress",
		callback: () => void host.activateView(),
	});

	host.addCommand({ id: COMMAND_IDS.markRead, name: "Mark paper as read", checkCallback: markCommand(host, true) });
	host.addCommand({ id: COMMAND_IDS.markUnread, name: "Mark paper as unread", checkCallback: markCommand(host, false) });

	host.addCommand({
		id: COMMAND_IDS.openNextUnread,
		name: "Open next unread paper",
		checkCallback: (checking) => {
			const path = currentCatalogue(host);
			if (!path) return false;
			if (!checking) {
				void (async () => {
					const catalogue = await host.index.load(path);
					const paper = catalogue ? nextUnread(catalogue) : undefined;
					if (!paper) {
						new Notice("Every paper in this catalogue is read.");
						return;
					}
					await openPaperNote(host, path, paper);
				})();
			}
			return true;
		},
	});
}
