/**
 * Applies a sync plan through a `NoteVault`: folders first, then each note,
 * then every catalogue link in one atomic edit. A note that fails to be
 * written is reported and its items are not linked; the rest goes on.
 */
import { CatalogueParser } from "../catalogue/parse";
import { insertLinks, parseMaybeInSlices, type PlanConflict, type PlannedLink, type SyncPlan } from "./plan";
import { normalizeVaultPath } from "../notes/vault-path";
import type { NoteVault } from "./vault";

export interface SyncError {
	/** The papers concerned; empty for an error about the whole run. */
	paperIds: string[];
	title: string;
	path: string;
	message: string;
}

export interface SyncReport {
	created: string[];
	linked: number;
	unchanged: number;
	conflicts: PlanConflict[];
	errors: SyncError[];
}

export interface ApplyOptions {
	/** Called after each step with how many of `total` are done; long runs show it. */
	onProgress?: (done: number, total: number) => void;
	/** Lets the UI breathe between writes (the plugin yields to the event loop here). */
	pause?: () => Promise<void>;
	/**
	 * Re-reads the catalogue when the user edited it during the run: pass the parser that planned (or the plugin's
	 * warm one), so that only the chunks they changed are parsed again, never the whole catalogue inside the edit.
	 */
	parser?: CatalogueParser;
	/** Given, that re-read yields through it between slices before the edit (the plugin passes one). */
	parsePause?: () => Promise<void>;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Re-reads where each planned link goes in the catalogue as it is now. The
 * user may have edited it since the plan was made: we keep their edit, find
 * each paper again by its id, and link it where it now stands.
 */
function relocateLinks(current: string, links: readonly PlannedLink[], parser: CatalogueParser): { links: PlannedLink[]; lost: PlannedLink[] } {
	const papers = new Map(parser.parse(current).papers.map((paper) => [paper.id, paper]));
	const relocated: PlannedLink[] = [];
	const lost: PlannedLink[] = [];
	for (const link of links) {
		const paper = papers.get(link.paperId);
		if (!paper) lost.push(link);
		else if (!paper.insertedLinks.some((target) => normalizeVaultPath(target) === link.notePath.replace(/\.md$/i, ""))) relocated.push({ ...link, offset: paper.linkOffset });
	}
	return { links: relocated, lost };
}

export async function applyPlan(plan: SyncPlan, vault: NoteVault, options: ApplyOptions = {}): Promise<SyncReport> {
	const report: SyncReport = { created: [], linked: 0, unchanged: plan.unchanged.length, conflicts: plan.conflicts, errors: [] };
	const total = plan.folders.length + plan.create.length + (plan.link.length > 0 ? 1 : 0);
	let done = 0;
	const step = async (): Promise<void> => {
		done += 1;
		options.onProgress?.(done, total);
		if (options.pause) await options.pause();
	};

	const failedFolders = new Set<string>();
	for (const folder of plan.folders) {
		try {
			if ((await vault.kind(folder)) === null) await vault.createFolder(folder);
		} catch (error) {
			failedFolders.add(folder);
			report.errors.push({ paperIds: [], title: "", path: folder, message: `could not create the folder: ${messageOf(error)}` });
		}
		await step();
	}

	const failedNotes = new Set<string>();
	for (const note of plan.create) {
		const blocked = [...failedFolders].find((folder) => note.path.startsWith(`${folder}/`));
		try {
			if (blocked) throw new Error(`its folder ${blocked} could not be created`);
			await vault.create(note.path, note.content);
			report.created.push(note.path);
		} catch (error) {
			failedNotes.add(note.path);
			report.errors.push({ paperIds: note.paperIds, title: note.title, path: note.path, message: `could not create the note: ${messageOf(error)}` });
		}
		await step();
	}

	// Link only notes that exist, so the catalogue never points at a note that failed.
	const links = plan.link.filter((link) => !failedNotes.has(link.notePath));
	if (links.length > 0) {
		// The vault may call the edit more than once (the plugin's editor applies thousands of links in steps, and
		// works out the rest again if the user types in between): count each paper linked once.
		const written = new Set<string>();
		const parser = options.parser ?? new CatalogueParser();
		try {
			// Edited meanwhile: parse the text as it is now before the atomic edit (in slices when we may yield), so
			// that inside it only what changed in the last instant is parsed again.
			const now = await vault.read(plan.cataloguePath);
			if (now !== plan.catalogueText) await parseMaybeInSlices(parser, now, options.parsePause);
			// Each call decides afresh from the text it is given; what was lost is what the last call could not place.
			let lost: PlannedLink[] = [];
			await vault.process(plan.cataloguePath, (current) => {
				let toWrite = links;
				lost = [];
				if (current !== plan.catalogueText) {
					const relocation = relocateLinks(current, links, parser);
					lost = relocation.lost;
					toWrite = relocation.links;
				}
				for (const link of toWrite) written.add(link.paperId);
				return insertLinks(current, toWrite);
			});
			for (const link of lost) {
				report.errors.push({ paperIds: [link.paperId], title: link.title, path: plan.cataloguePath, message: "its catalogue item changed before it could be linked; run again to link it" });
			}
			report.linked = written.size;
		} catch (error) {
			report.errors.push({
				paperIds: links.map((link) => link.paperId),
				title: "",
				path: plan.cataloguePath,
				message: `could not link the catalogue items: ${messageOf(error)}`,
			});
		}
		await step();
	}
	return report;
}
