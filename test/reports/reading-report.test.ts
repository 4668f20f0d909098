import { describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/model";
import { parseCatalogue } from "../../src/catalogue/parse";
import { type PaperNoteFacts, paperNoteFacts } from "../../src/reports/note-facts";
import { readingReport, reportFileName } from "../../src/reports/reading-report";
import { REPORT_CSV_HEADER, readingReportCsv } from "../../src/reports/report-csv";
import { readingReportMarkdown } from "../../src/reports/report-markdown";
import { EXAMPLE_TEXT, readFixture } from "../support/example";
import { readCsv } from "./csv-reader";
import { exampleNotes, TODAY } from "./example-notes";

const catalogue = parseCatalogue(EXAMPLE_TEXT);

function exampleFacts(): Map<string, PaperNoteFacts> {
	return new Map([...exampleNotes(catalogue)].map(([id, note]) => [id, paperNoteFacts(note.path, note.text, "yyyy-MM-dd", TODAY)]));
}

const report = readingReport(catalogue, "CS294 AI-Systems", exampleFacts(), TODAY);

describe("the reading report of the example, a few papers read and rated", () => {
	it("is the expected note", () => {
		expect(readingReportMarkdown(report)).toBe(readFixture("reports/CS294 AI-Systems – reading report 2026-03-20.md"));
	});

	it("is the expected CSV", () => {
		expect(readingReportCsv(report)).toBe(readFixture("reports/CS294 AI-Systems – reading report 2026-03-20.csv"));
	});

	it("counts as the progress view does: 14 of 60 read, 10/34 required, 4/26 optional", () => {
		expect(report.completion).toEqual({ total: 60, done: 14, required: { total: 34, done: 10 }, optional: { total: 26, done: 4 } });
		expect(report.sections.map((section) => section.read.length)).toEqual([5, 5, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it("counts a paper listed without a checkbox as read when its note says so, as the progress view does", () => {
		const list = parseCatalogue("# Week 1\n\n- [TVM: An Automated End-to-End Optimizing Compiler](https://arxiv.org/abs/1802.04799)\n- [ ] [Other](https://example.org/other)\n");
		const [tvm, other] = list.papers;
		if (!tvm || !other) throw new Error("two papers expected");
		const note = (path: string, status: string): PaperNoteFacts => paperNoteFacts(path, `---\nstatus: ${status}\nread: 2026-03-01\n---\n`, "yyyy-MM-dd", TODAY);
		const checkboxless = readingReport(list, "List", new Map([[tvm.id, note("TVM.md", "read")], [other.id, note("Other.md", "read")]]), TODAY);
		// TVM has no checkbox: its note decides. "Other" has an unticked box: the box decides, as everywhere else.
		expect(checkboxless.sections[0]?.read.map((paper) => paper.title)).toEqual([tvm.title]);
		expect(checkboxless.completion.done).toBe(1);
	});

	it("takes the pace from the read dates of the last four weeks", () => {
		// 2 March to 20 March: seven papers read in the window (SysML and the rest of section 1 were read in February).
		expect(report.pace).toMatchObject({ recent: 7, perWeek: 1.75, remainingRequired: 24, finish: new Date(2026, 5, 24) });
	});

	it("rates sections by their rated papers only", () => {
		expect(report.sections.map((section) => section.meanRating)).toEqual([4, 13 / 3, 3.75, null, null, null, null, null, null, null, null]);
		expect(report.meanRating).toBe(32.5 / 8);
		expect(report.rated).toBe(8);
	});

	it("writes a CSV that an RFC 4180 reader reads back: a header, one row per paper read, formulas guarded", () => {
		const records = readCsv(readingReportCsv(report, { byteOrderMark: false }));
		expect(records[0]).toEqual([...REPORT_CSV_HEADER]);
		expect(records).toHaveLength(1 + 14);
		expect(records.every((record) => record.length === REPORT_CSV_HEADER.length)).toBe(true);
		const fewUseful = records.find((record) => record[1]?.startsWith("A Few Useful Things"));
		expect(fewUseful?.[7]).toBe("'+20% from more data beats a cleverer algorithm.");
		const gemmini = records.find((record) => record[1]?.startsWith("Gemmini"));
		expect(gemmini?.slice(2)).toEqual(["required", "DAC", "2021", "2026-03-20", "", 'A generator of "systolic-array" accelerators, evaluated with the full software stack.']);
	});
});

describe("readingReport", () => {
	function tiny(text: string): Catalogue {
		return parseCatalogue(text);
	}

	it("lists a paper listed twice under each of its sections, and counts its note once for pace and rating", () => {
		const twice = tiny("## A\n\n- [x] [P](https://arxiv.org/abs/1)\n\n## B\n\n- [x] [P](https://arxiv.org/abs/1)\n- [ ] [Q](https://arxiv.org/abs/2)\n");
		const facts: PaperNoteFacts = { notePath: "Papers/P.md", readDate: new Date(2026, 2, 19), rating: 5, summary: "It works. Really." };
		const notes = new Map(twice.papers.filter((paper) => paper.title === "P").map((paper) => [paper.id, facts]));
		const result = readingReport(twice, "T", notes, TODAY);
		expect(result.sections.map((section) => section.read.map((paper) => paper.title))).toEqual([["P"], ["P"]]);
		expect(result.pace.recent).toBe(1);
		expect(result.rated).toBe(1);
		expect(result.sections[0]?.read[0]?.summary).toBe("It works.");
	});

	it("reports a catalogue with nothing read and no notes", () => {
		const none = readingReport(tiny("## A\n\n- [ ] [P](https://x.org/p)\n"), "Empty", new Map(), TODAY);
		const markdown = readingReportMarkdown(none);
		expect(markdown).toContain("- **Read:** 0 of 1 papers (required 0/1, optional 0/0)");
		expect(markdown).toContain("- **Pace:** no paper read over the last 4 weeks");
		expect(markdown).toContain("- **Mean rating:** no paper rated yet");
		expect(markdown).toContain("Nothing read yet.");
		expect(readingReportCsv(none)).toBe(`\uFEFF${REPORT_CSV_HEADER.join(",")}\r\n`);
	});

	it("says so when every required paper is read", () => {
		const done = tiny("## A\n\n- [x] [P](https://x.org/p)\n");
		const notes = new Map(done.papers.map((paper) => [paper.id, { notePath: "P.md", readDate: new Date(2026, 2, 18), rating: null, summary: null }]));
		expect(readingReportMarkdown(readingReport(done, "Done", notes, TODAY))).toContain("- **Pace:** 0.25 papers a week over the last 4 weeks; every required paper is read");
	});

	it("writes titles and summaries as text in the note", () => {
		const odd = tiny("## A | B\n\n- [x] [P | *Q* [[x]]](https://x.org/p)\n");
		const notes = new Map(odd.papers.map((paper) => [paper.id, { notePath: "P.md", readDate: null, rating: null, summary: "<b>bold</b> #tag" }]));
		const markdown = readingReportMarkdown(readingReport(odd, "C", notes, TODAY));
		expect(markdown).toContain("## A \\| B");
		expect(markdown).toContain("| P \\| Q \\[\\[x\\]\\] | — | — | — | — | \\<b\\>bold\\</b\\> \\#tag |");
	});

	it("writes dates in the date format setting in the note, and as ISO dates in the CSV", () => {
		const one = tiny("## A\n\n- [x] [P](https://x.org/p)\n");
		const notes = new Map(one.papers.map((paper) => [paper.id, { notePath: "P.md", readDate: new Date(2026, 2, 5), rating: 2, summary: null }]));
		const result = readingReport(one, "C", notes, TODAY);
		expect(readingReportMarkdown(result, { dateFormat: "dd/MM/yyyy" })).toContain("| P | — | — | 05/03/2026 | 2/5 | — |");
		expect(readingReportCsv(result)).toContain(",2026-03-05,2,");
	});
});

describe("reportFileName", () => {
	it.each([
		["CS294 AI-Systems", "md", "CS294 AI-Systems – reading report 2026-03-20.md"],
		["CS294 AI-Systems", "csv", "CS294 AI-Systems – reading report 2026-03-20.csv"],
		["Week 3: caches?", "md", "Week 3 - caches – reading report 2026-03-20.md"],
	] as const)("%s, %s → %s", (name, extension, expected) => {
		expect(reportFileName(name, TODAY, extension)).toBe(expected);
	});
});
