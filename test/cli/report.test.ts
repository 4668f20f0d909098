/**
 * `paper-catalogue report` on the example vault after `sync`, its notes written in as the core's report tests
 * have them: the report in both formats is the expected file, and --out never writes over a file of the user's.
 */
import { copyFile, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { safeFileName } from "../../src/notes/file-name";
import { isUnchangedReport } from "../../src/reports/report-file";
import { EXAMPLE_READING, exampleNotes, TODAY } from "../reports/example-notes";
import { captureCli, expectBadInput } from "../support/cli";
import { EXAMPLE_TEXT } from "../support/example";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const CATALOGUE = "CS294 AI-Systems.md";
const EXPECTED_MD = "reports/CS294 AI-Systems – reading report 2026-03-20.md";
const EXPECTED_CSV = "reports/CS294 AI-Systems – reading report 2026-03-20.csv";

let vault: string;

function expected(name: string): Promise<string> {
	return readFile(path.join(fixtures, name), "utf8");
}

function onDisk(vaultPath: string): Promise<string> {
	return readFile(path.join(vault, vaultPath), "utf8");
}

function report(...options: string[]) {
	return captureCli(["report", vault, "--catalogue", CATALOGUE, ...options]);
}

beforeEach(async () => {
	vault = await mkdtemp(path.join(os.tmpdir(), "paper-catalogue-report-"));
	await copyFile(path.join(fixtures, "cs294-ai-sys-sp22.md"), path.join(vault, CATALOGUE));
	expect((await captureCli(["sync", vault, "--catalogue", CATALOGUE])).code).toBe(0);
	// What the reader wrote into the notes since.
	const catalogue = parseCatalogue(EXAMPLE_TEXT);
	for (const note of exampleNotes(catalogue).values()) await writeFile(path.join(vault, note.path), note.text);
	for (const [prefix, spec] of Object.entries(EXAMPLE_READING)) {
		const paper = catalogue.papers.find((candidate) => candidate.title.startsWith(prefix));
		if (spec === "no note" && paper) await unlink(path.join(vault, `Papers/${safeFileName(paper.title)}.md`));
	}
	// Only Date: the file system's timers keep running.
	vi.useFakeTimers({ now: TODAY, toFake: ["Date"] });
});

afterEach(async () => {
	vi.useRealTimers();
	await rm(vault, { recursive: true, force: true });
});

describe("paper-catalogue report", () => {
	it("prints the markdown report, as the expected file", async () => {
		const result = await report();
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(await expected(EXPECTED_MD));
	});

	it("prints the CSV with line feeds and no byte order mark, for a pipe", async () => {
		const result = await report("--format", "csv");
		expect(result.code).toBe(0);
		expect(result.stdout).toBe((await expected(EXPECTED_CSV)).replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"));
	});

	it("--out writes the CSV file byte for byte as expected (BOM, CRLF), tidying the path", async () => {
		const result = await report("--format", "csv", "--out", "./Reports/../report.csv");
		expect(result.stdout).toBe("Wrote the reading report to report.csv.\n");
		expect(await onDisk("report.csv")).toBe(await expected(EXPECTED_CSV));
		// A second run: the same text, nothing written; a CSV that differs is never replaced.
		expect((await report("--format", "csv", "--out", "report.csv")).stdout).toBe("report.csv already holds this reading report; nothing was written.\n");
		await writeFile(path.join(vault, "report.csv"), "my own,sheet\r\n");
		expectBadInput(await report("--format", "csv", "--out", "report.csv"), /report\.csv exists; a CSV file is never replaced/);
		expect(await onDisk("report.csv")).toBe("my own,sheet\r\n");
	});

	it("--out writes the markdown note with its stamp, replaces it while untouched, and never once the user edited it", async () => {
		const out = "Reading report.md";
		expect((await report("--out", out)).stdout).toBe("Wrote the reading report to Reading report.md.\n");
		const first = await onDisk(out);
		const fixture = await expected(EXPECTED_MD);
		expect(first.startsWith(fixture)).toBe(true);
		expect(first.slice(fixture.length)).toMatch(/^<!-- paper-catalogue:report [0-9a-f]{8}: .* -->\n$/);
		expect(isUnchangedReport(first)).toBe(true);

		// A paper rated since: the untouched earlier report is replaced.
		const chimera = "Papers/Chimera - Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines.md";
		await writeFile(path.join(vault, chimera), (await onDisk(chimera)).replace(/^rating:.*$/m, "rating: 2"));
		expect((await report("--out", out)).stdout).toBe("Replaced the earlier reading report in Reading report.md.\n");
		expect(await onDisk(out)).not.toBe(first);

		// The user writes in it: left alone from then on.
		const edited = (await onDisk(out)).replace("# CS294 AI-Systems: reading report", "# CS294 AI-Systems: reading report\n\nFor the seminar on Tuesday.");
		await writeFile(path.join(vault, out), edited);
		expectBadInput(await report("--out", out), /Reading report\.md exists and is not an earlier report left as it was written/);
		expect(await onDisk(out)).toBe(edited);
	});

	it.each([
		[["--out", "../outside.md"], /outside the vault|leaves the vault/],
		[["--out", "/tmp/elsewhere.md"], /absolute|outside the vault/],
		[["--out", "Papers"], /--out Papers is a folder/],
		[["--out", "Missing/report.md"], /there is no folder Missing in the vault/],
		[["--format", "csv", "--out", "report.md"], /--out report\.md does not end in \.csv, the --format written/],
		[["--format", "pdf"], /option --format must be md or csv, not "pdf"/],
		[["--date-format", "YYYY"], /option --date-format: invalid date format "YYYY"/],
	])("refuses %j with one line and exit 2", async (options, message) => {
		expectBadInput(await report(...options), message);
	});

	it("is in the help, with its options", async () => {
		const help = await captureCli(["--help"]);
		expect(help.stdout).toContain("paper-catalogue report <vault-dir> --catalogue <path> [--format <md|csv>] [--out <path>] [--date-format <tokens>]");
		const own = await captureCli(["report", "--help"]);
		expect(own.stdout).toContain("--out <path>");
		expect(own.stdout).toContain("markdown for a note, or CSV for a spreadsheet");
	});
});
