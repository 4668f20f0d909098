// @vitest-environment happy-dom
/**
 * "Export reading report" and "Export reading report as CSV", end to end on the example with some papers read,
 * rated and summarised: both are the expected files; an untouched earlier export is replaced, an edited one never.
 */
import type { App } from "obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXPORT_REPORT_COMMAND_ID, EXPORT_REPORT_CSV_COMMAND_ID } from "../../src/obsidian/report-command";
import { isUnchangedReport } from "../../src/reports/report-file";
import { clearNotices, isCommandAvailable, noticeMessages, openInMarkdownView, readVaultFile, runCommand, settled } from "../fakes/harness";
import { TODAY } from "../reports/example-notes";
import { disposeApps, EXAMPLE_PATH, file, start, waitFor } from "./plugin-support";
import { activeFilePath, exampleVaultWithReading, fixture, outputCommand } from "./output-support";

const NOTE = "CS294 AI-Systems – reading report 2026-03-20.md";
const SECOND = "CS294 AI-Systems – reading report 2026-03-20 (2).md";
const CSV = "CS294 AI-Systems – reading report 2026-03-20.csv";
const CHIMERA = "Papers/Chimera - Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines.md";

beforeEach(() => {
	clearNotices();
	// Only Date: the report's day and pace; every timer keeps running.
	vi.useFakeTimers({ now: TODAY, toFake: ["Date"] });
});
afterEach(async () => {
	vi.useRealTimers();
	await disposeApps();
});

async function exportFrom(app: App, id: string): Promise<void> {
	await openInMarkdownView(app, EXAMPLE_PATH);
	await settled(app);
	expect(await runCommand(app, outputCommand(id))).toBe(true);
}

/** The report note's text without its stamp line. */
function withoutStamp(text: string | null): string {
	return (text ?? "").replace(/<!-- paper-catalogue:report [^\n]*-->\n$/, "");
}

describe("Export reading report", () => {
	it("writes the report as a note beside the catalogue, as the expected file with its stamp, and opens it", async () => {
		const { app } = await start({ files: await exampleVaultWithReading(), track: true });
		await exportFrom(app, EXPORT_REPORT_COMMAND_ID);
		await waitFor(app, () => activeFilePath(app) === NOTE, "the report to open");
		const text = readVaultFile(app, NOTE);
		expect(withoutStamp(text)).toBe(fixture("reports/CS294 AI-Systems – reading report 2026-03-20.md"));
		expect(isUnchangedReport(text ?? "")).toBe(true);
	});

	it("replaces its untouched earlier export, and writes beside one the user edited, never over it", async () => {
		const { app } = await start({ files: await exampleVaultWithReading(), track: true });
		await exportFrom(app, EXPORT_REPORT_COMMAND_ID);
		await waitFor(app, () => readVaultFile(app, NOTE) !== null, "the report");
		const first = readVaultFile(app, NOTE);

		// Chimera read and rated since: the same note is replaced.
		await app.fileManager.processFrontMatter(file(app, CHIMERA), (frontmatter: Record<string, unknown>) => {
			frontmatter.rating = 2;
		});
		await settled(app);
		await exportFrom(app, EXPORT_REPORT_COMMAND_ID);
		await waitFor(app, () => readVaultFile(app, NOTE) !== first, "the replaced report");
		expect(readVaultFile(app, NOTE)).toContain("(9 papers rated)");
		expect(readVaultFile(app, SECOND)).toBeNull();

		// The user writes in it: the next export is a new note, and theirs stays as it is.
		const edited = `${readVaultFile(app, NOTE) ?? ""}\nDiscussed with Ana on Friday.\n`;
		await app.vault.modify(file(app, NOTE), edited);
		await exportFrom(app, EXPORT_REPORT_COMMAND_ID);
		await waitFor(app, () => activeFilePath(app) === SECOND, "the new report to open");
		expect(readVaultFile(app, NOTE)).toBe(edited);
		expect(isUnchangedReport(readVaultFile(app, SECOND) ?? "")).toBe(true);
	});

	it("is not offered without a catalogue to report on", async () => {
		const { app } = await start({ files: { "Diary.md": "Nothing to read.\n" } });
		await openInMarkdownView(app, "Diary.md");
		await settled(app);
		expect(isCommandAvailable(app, outputCommand(EXPORT_REPORT_COMMAND_ID))).toBe(false);
		expect(isCommandAvailable(app, outputCommand(EXPORT_REPORT_CSV_COMMAND_ID))).toBe(false);
	});
});

describe("Export reading report as CSV", () => {
	it("writes the CSV beside the catalogue, byte for byte the expected file; a CSV that differs is never replaced", async () => {
		const { app } = await start({ files: await exampleVaultWithReading(), track: true });
		await exportFrom(app, EXPORT_REPORT_CSV_COMMAND_ID);
		await waitFor(app, () => readVaultFile(app, CSV) !== null, "the CSV");
		expect(readVaultFile(app, CSV)).toBe(fixture("reports/CS294 AI-Systems – reading report 2026-03-20.csv"));
		expect(noticeMessages()).toContain(`Wrote ${CSV} beside CS294 AI-Systems: open it in a spreadsheet.`);

		await exportFrom(app, EXPORT_REPORT_CSV_COMMAND_ID);
		await waitFor(app, () => noticeMessages().includes(`${CSV} already holds this report.`), "the notice");

		await app.vault.modify(file(app, CSV), "my,own\r\n");
		await exportFrom(app, EXPORT_REPORT_CSV_COMMAND_ID);
		const second = "CS294 AI-Systems – reading report 2026-03-20 (2).csv";
		await waitFor(app, () => readVaultFile(app, second) !== null, "the second CSV");
		expect(readVaultFile(app, CSV)).toBe("my,own\r\n");
		expect(readVaultFile(app, second)).toBe(fixture("reports/CS294 AI-Systems – reading report 2026-03-20.csv"));
	});
});
