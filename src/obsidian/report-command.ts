/**
 * "Export reading report" (a note beside the catalogue, opened) and "Export reading report as CSV" (a file beside
 * it, for a spreadsheet). A report is dated; an earlier export of the day that nobody touched is replaced, and a
 * file the user edited is never written over: the export then takes the next free name, `… (2)`.
 */
import { Notice, normalizePath, TFile } from "obsidian";
import type { Catalogue } from "../catalogue/model";
import { baseName, joinVaultPath, parentFolder } from "../notes/vault-path";
import type { PaperNoteFacts } from "../reports/note-facts";
import { paperNoteFacts } from "../reports/note-facts";
import { readingReport, reportFileName } from "../reports/reading-report";
import { readingReportCsv } from "../reports/report-csv";
import { type ReportFormat, reportWrite, stampedReport } from "../reports/report-file";
import { readingReportMarkdown } from "../reports/report-markdown";
import { inBackground } from "./failures";
import type { PluginHost } from "./host";
import { liveText } from "./live-text";
import { ObsidianVault } from "./obsidian-vault";
import { catalogueForCommand, displayName, showFile } from "./output-target";
import { yieldToUi } from "./yield-to-ui";

export const EXPORT_REPORT_COMMAND_ID = "export-reading-report";
export const EXPORT_REPORT_CSV_COMMAND_ID = "export-reading-report-csv";

/** How long reading the notes runs before it lets the UI paint. */
const READ_SLICE_MS = 8;
/** Names tried before giving up: far more than anyone keeps reports of one day. */
const MAX_NAMES = 100;

async function noteFacts(host: PluginHost, catalogue: Catalogue, cataloguePath: string, today: Date): Promise<Map<string, PaperNoteFacts>> {
	const facts = new Map<string, PaperNoteFacts>();
	const byPath = new Map<string, PaperNoteFacts | null>();
	let sliceStart = performance.now();
	for (const paper of catalogue.papers) {
		if (performance.now() - sliceStart >= READ_SLICE_MS) {
			await yieldToUi();
			sliceStart = performance.now();
		}
		const file = host.notes.noteOf(paper, cataloguePath);
		if (!file) continue;
		if (!byPath.has(file.path)) {
			let read: PaperNoteFacts | null = null;
			try {
				const text = await liveText(host.app, file.path);
				if (text !== null) read = paperNoteFacts(file.path, text, host.settings.dateFormat, today);
			} catch {
				// A note that cannot be read: its paper is reported from the catalogue alone.
			}
			byPath.set(file.path, read);
		}
		const found = byPath.get(file.path);
		if (found) facts.set(paper.id, found);
	}
	return facts;
}

/** `name.md`, `name (2).md`, … beside the catalogue. */
function candidatePath(cataloguePath: string, fileName: string, n: number): string {
	const dot = fileName.lastIndexOf(".");
	const name = n === 1 ? fileName : `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}`;
	return normalizePath(joinVaultPath(parentFolder(cataloguePath), name));
}

/** Writes the report at the first name where it may go; its path and what was done, or null when every name is taken. */
async function place(host: PluginHost, cataloguePath: string, fileName: string, text: string, format: ReportFormat): Promise<{ path: string; action: "create" | "replace" | "unchanged" } | null> {
	const { vault } = host.app;
	for (let n = 1; n <= MAX_NAMES; n++) {
		const path = candidatePath(cataloguePath, fileName, n);
		const existing = vault.getAbstractFileByPath(path);
		if (existing && !(existing instanceof TFile)) continue;
		// A byte order mark may or may not survive reading: compared without one.
		const current = existing ? ((format === "md" ? await liveText(host.app, path) : await vault.read(existing)) ?? "").replace(/^\uFEFF/, "") : null;
		const action = reportWrite(current, text.replace(/^\uFEFF/, ""), format);
		if (action === "keep") continue;
		if (action === "create") await vault.create(path, text);
		// Through the editor when the report is open in one.
		else if (action === "replace") {
			// Decided again on the text as it is when written: anything typed into the report meanwhile makes it the user's.
			let stillOurs = true;
			await new ObsidianVault(host.app).process(path, (now) => {
				stillOurs = reportWrite(now.replace(/^\uFEFF/, ""), text.replace(/^\uFEFF/, ""), format) !== "keep";
				return stillOurs ? text : now;
			});
			if (!stillOurs) continue;
		}
		return { path, action };
	}
	return null;
}

async function exportReport(host: PluginHost, cataloguePath: string, format: ReportFormat): Promise<void> {
	const catalogue = await host.index.refresh(cataloguePath);
	if (!catalogue) {
		new Notice(`${displayName(cataloguePath)} could not be found. Was it moved or deleted?`);
		return;
	}
	const today = new Date();
	const name = baseName(cataloguePath);
	const report = readingReport(catalogue, name, await noteFacts(host, catalogue, cataloguePath, today), today);
	const text = format === "md" ? stampedReport(readingReportMarkdown(report, { dateFormat: host.settings.dateFormat })) : readingReportCsv(report);
	const placed = await place(host, cataloguePath, reportFileName(name, today, format), text, format);
	if (!placed) {
		new Notice(`Could not export the reading report: ${MAX_NAMES} files beside ${name} already have its name.`);
		return;
	}
	const file = placed.path.split("/").pop() ?? placed.path;
	if (format === "md") {
		await showFile(host.app, placed.path);
		return;
	}
	new Notice(placed.action === "unchanged" ? `${file} already holds this report.` : `Wrote ${file} beside ${name}: open it in a spreadsheet.`);
}

function exportCommand(host: PluginHost, format: ReportFormat) {
	return (checking: boolean): boolean => {
		const path = catalogueForCommand(host);
		if (!path) return false;
		if (!checking) {
			inBackground("Could not export the reading report", host.runs.exclusive("Exporting the reading report", () => exportReport(host, path, format)));
		}
		return true;
	};
}

export function registerReportCommands(host: PluginHost): void {
	host.addCommand({ id: EXPORT_REPORT_COMMAND_ID, name: "Export reading report", checkCallback: exportCommand(host, "md") });
	host.addCommand({ id: EXPORT_REPORT_CSV_COMMAND_ID, name: "Export reading report as CSV", checkCallback: exportCommand(host, "csv") });
}
