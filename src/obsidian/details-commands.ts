/**
 * The paper-details commands: look up details for the open paper note or for every note of a catalogue (only
 * missing or empty properties are filled, the body never touched), and export the catalogue's BibTeX file. A look-up
 * command asks the network because the user ran it, whether or not Create looks details up.
 */
import { Notice } from "obsidian";
import { bibtexPathFor, catalogueBibtex, catalogueNotes, type CatalogueNote, fillNotesWithDetails, type FillReport, writeCatalogueBibtex } from "../details/details-run";
import { PlanError } from "../sync/plan";
import { TemplateError } from "../notes/template";
import { ConfirmModal } from "./confirm-modal";
import { cacheSentence, missesSentence } from "../details/lookup-summary";
import { detailsSetupFor, LookupProgress } from "./details-runner";
import { inBackground } from "./failures";
import { activeMarkdownFile, type PluginHost } from "./host";
import { catalogueForCommand, displayName } from "./output-target";
import { ObsidianVault } from "./obsidian-vault";
import { syncRequestFor } from "./sync-runner";
import { plural } from "../text/plural";

export const DETAILS_COMMAND_IDS = {
	lookUpPaper: "look-up-paper-details",
	lookUpCatalogue: "look-up-catalogue-details",
	refreshCatalogue: "refresh-catalogue-details",
	exportBibtex: "export-catalogue-bibtex",
} as const;

/** What a look-up did, in a sentence or three. */
function fillSummary(report: FillReport, notes: number): string {
	const lines: string[] = [];
	if (report.filled.length === 1 && notes === 1) lines.push(`Filled ${report.filled[0]?.names.join(", ") ?? ""}.`);
	else if (report.filled.length > 0) lines.push(`Filled details in ${plural(report.filled.length, "note")}.`);
	if (report.unchanged > 0) lines.push(notes === 1 ? "Nothing new: every property found is already set." : `${plural(report.unchanged, "note")} had nothing new.`);
	const misses = missesSentence(report.lookup);
	if (misses !== null) lines.push(misses);
	const cache = cacheSentence(report.lookup);
	if (cache !== null) lines.push(cache);
	for (const failure of report.failed.slice(0, 5)) lines.push(`${failure.path}: ${failure.message}`);
	return lines.join(" ") || "Nothing to look up.";
}

/** Plans the catalogue (nothing is written) to find its notes: the same rules that decide which note is a paper's. */
async function notesOfCatalogue(host: PluginHost, path: string): Promise<CatalogueNote[] | null> {
	await host.index.refresh(path);
	try {
		return (await catalogueNotes(new ObsidianVault(host.app), syncRequestFor(host, path))).notes;
	} catch (error) {
		if (error instanceof PlanError || error instanceof TemplateError) {
			new Notice(error.message, 0);
			return null;
		}
		throw error;
	}
}

async function lookUp(host: PluginHost, notes: readonly CatalogueNote[], what: string, refresh = false): Promise<void> {
	const vault = new ObsidianVault(host.app);
	const progress = new LookupProgress(what);
	let report: FillReport;
	try {
		report = await fillNotesWithDetails(notes, vault, vault, detailsSetupFor(host, progress, { refresh }));
	} finally {
		progress.hide();
	}
	new Notice(fillSummary(report, notes.length), report.failed.length > 0 ? 0 : 10_000);
}

async function exportBibtex(host: PluginHost, cataloguePath: string): Promise<void> {
	const notes = await notesOfCatalogue(host, cataloguePath);
	if (!notes) return;
	const vault = new ObsidianVault(host.app);
	const bib = await catalogueBibtex(notes, bibtexPathFor(cataloguePath), vault, vault);
	if (bib.existing === "theirs") {
		const replace = await new ConfirmModal(host.app, "Replace BibTeX file", `${bib.path} was not written by Paper Catalogue. Replace it with the entries of ${displayName(cataloguePath)}?`, "Replace").ask();
		if (!replace) return;
	}
	await writeCatalogueBibtex(bib, vault);
	const skipped = bib.skipped.length > 0 ? ` ${plural(bib.skipped.length, "note")} left out: their properties are not valid YAML.` : "";
	new Notice(`Wrote ${plural(bib.entries, "entry", "entries")} to ${bib.path}.${skipped}`);
}

export function registerDetailsCommands(host: PluginHost): void {
	host.addCommand({
		id: DETAILS_COMMAND_IDS.lookUpPaper,
		name: "Look up details for this paper",
		checkCallback: (checking) => {
			const file = activeMarkdownFile(host);
			// Only a note that is provably a paper note: we write properties into nothing else.
			if (!file || !(host.notes.hasPaperProperties(file) || host.statusSync.isListedNote(file))) return false;
			if (!checking) {
				const title: unknown = host.app.metadataCache.getFileCache(file)?.frontmatter?.title;
				const note = { path: file.path, title: typeof title === "string" ? title : file.basename };
				inBackground(`Could not look up details for ${file.basename}`, host.runs.exclusive("Looking up paper details", () => lookUp(host, [note], `Looking up details for ${file.basename}`)));
			}
			return true;
		},
	});

	const catalogueLookUp = (refresh: boolean) => (checking: boolean): boolean => {
		const path = catalogueForCommand(host);
		if (!path) return false;
		if (!checking) {
			inBackground(
				"Could not look up the catalogue's details",
				host.runs.exclusive("Looking up paper details", async () => {
					const notes = await notesOfCatalogue(host, path);
					if (!notes) return;
					if (notes.length === 0) {
						new Notice(`No paper notes for ${displayName(path)} yet: create them first.`);
						return;
					}
					await lookUp(host, notes, `Looking up details for ${displayName(path)}`, refresh);
				}),
			);
		}
		return true;
	};
	host.addCommand({ id: DETAILS_COMMAND_IDS.lookUpCatalogue, name: "Look up details for this catalogue", checkCallback: catalogueLookUp(false) });
	// The cache answers a second look-up; this asks every source again (a paper's record may have improved).
	host.addCommand({ id: DETAILS_COMMAND_IDS.refreshCatalogue, name: "Look up details for this catalogue again, ignoring the cache", checkCallback: catalogueLookUp(true) });

	host.addCommand({
		id: DETAILS_COMMAND_IDS.exportBibtex,
		name: "Export BibTeX for this catalogue",
		checkCallback: (checking) => {
			const path = catalogueForCommand(host);
			if (!path) return false;
			if (!checking) inBackground("Could not export the BibTeX file", host.runs.exclusive("Exporting BibTeX", () => exportBibtex(host, path)));
			return true;
		},
	});
}
