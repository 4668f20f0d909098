/**
 * One paper at a time: opening its note, or marking it read, from a command or the progress view. A paper with no
 * note yet gets one first, planned and written by the same sync as "Create paper notes", cut down to that paper.
 */
import { Notice, type TFile } from "obsidian";
import type { Paper } from "../catalogue/model";
import { TemplateError } from "../notes/template";
import { applyPlan } from "../sync/apply";
import { PlanError, type SyncPlan } from "../sync/plan";
import { planSync } from "../sync/sync";
import type { PluginHost } from "./host";
import { ObsidianVault } from "./obsidian-vault";
import { applyOptionsFor, syncRequestFor } from "./sync-runner";

/** A plan cut down to one paper: its note and the links to it. */
export function planForPaper(plan: SyncPlan, paperId: string): SyncPlan {
	const create = plan.create.filter((note) => note.paperIds.includes(paperId));
	const notePaths = new Set([...create.map((note) => note.path), ...plan.link.filter((link) => link.paperId === paperId).map((link) => link.notePath)]);
	const folders = plan.folders.filter((folder) => [...notePaths].some((path) => path.startsWith(`${folder}/`)));
	return { ...plan, folders, create, link: plan.link.filter((link) => notePaths.has(link.notePath)), unchanged: [], conflicts: plan.conflicts.filter((c) => c.paperId === paperId) };
}

/**
 * The paper's note, made (and its item linked) first when it has none; null, with a notice saying why, when it
 * cannot be made. Waits for a run under way, so that two plans never race to create one note.
 */
export function ensurePaperNote(host: PluginHost, cataloguePath: string, paper: Paper): Promise<TFile | null> {
	const existing = host.notes.noteOf(paper, cataloguePath);
	if (existing) return Promise.resolve(existing);
	return host.runs.queued(`Creating the note for ${paper.title}`, async () => {
		// A run that ended meanwhile may have made it.
		const catalogue = await host.index.refresh(cataloguePath);
		const current = catalogue?.papers.find((candidate) => candidate.id === paper.id) ?? paper;
		const made = host.notes.noteOf(current, cataloguePath);
		if (made) return made;
		const vault = new ObsidianVault(host.app);
		let plan: SyncPlan;
		try {
			plan = await planSync(vault, syncRequestFor(host, cataloguePath));
		} catch (error) {
			// An unusable template or notes folder: say so, as "Create paper notes" does, rather than fail silently.
			if (error instanceof PlanError || error instanceof TemplateError) {
				new Notice(error.message, 0);
				return null;
			}
			throw error;
		}
		const own = planForPaper(plan, current.id);
		const conflict = own.conflicts[0];
		if (conflict) {
			new Notice(`${conflict.title}: ${conflict.reason}`);
			return null;
		}
		const report = await applyPlan(own, vault, applyOptionsFor(host, cataloguePath));
		const failure = report.errors[0];
		if (failure) {
			new Notice(`Could not create the note for ${current.title}: ${failure.message}`);
			return null;
		}
		const path = own.create[0]?.path ?? own.link.find((link) => link.paperId === current.id)?.notePath ?? plan.unchanged.find((item) => item.paperId === current.id)?.notePath;
		return path ? host.app.vault.getFileByPath(path) : null;
	});
}

/** Opens a paper's note, creating it (and linking its item) first when it has none. */
export async function openPaperNote(host: PluginHost, cataloguePath: string, paper: Paper): Promise<void> {
	const file = await ensurePaperNote(host, cataloguePath, paper);
	// Active, so that it is the note the user sees and types into, also when asked from the sidebar or with no tab open.
	if (file) await host.app.workspace.getLeaf(false).openFile(file, { active: true });
}

/**
 * Marks a paper read or unread. An item with a checkbox is ticked (its note and other listings follow); an item
 * without one is done by its note's status, so the note is set (and made first if need be). The catalogue never
 * gains a checkbox it did not have.
 */
export async function markPaper(host: PluginHost, cataloguePath: string, paper: Paper, read: boolean): Promise<void> {
	if (paper.checkboxOffset !== undefined) {
		await host.statusSync.setCheckboxes(cataloguePath, [paper.id], read);
		return;
	}
	const file = await ensurePaperNote(host, cataloguePath, paper);
	if (file) await host.statusSync.setPaperStatus(file, read);
}
