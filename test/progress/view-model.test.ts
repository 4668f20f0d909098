import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogueParser } from "../../src/catalogue/parse";
import { buildProgressViewModel, naturalCompare, type NoteInfo, type PaperFilter } from "../../src/progress/view-model";

const EXAMPLE = new CatalogueParser().parse(readFileSync(join(import.meta.dirname, "../fixtures/cs294-ai-sys-sp22.md"), "utf8"));
const TODAY = new Date(2026, 2, 20, 12);

const SMALL = new CatalogueParser().parse(`# Reading

## 10. Later

- [ ] [Zeta paper](https://example.org/zeta)

## 2. Earlier

### Required reading

- [x] [Attention Is All You Need [NeurIPS’17\\]](https://arxiv.org/abs/1706.03762)
- [ ] [Spark SQL: Relational Data Processing in Spark](javascript:alert(1))

### Optional reading

- [ ] [Sparse attention, Best Paper Award [ICML’21, Best Paper Award\\]](data:text/html,x)
- [x] [Local paper](papers/local.pdf)

## Notes

## 2. Earlier

- [ ] Unchecked item with no link
- [Plain link item](https://example.org/plain)
`);

function model(filter: PaperFilter = "all", query = "", notes = new Map<string, NoteInfo>(), wants?: (key: string) => boolean) {
	return buildProgressViewModel(SMALL, { filter, query }, notes, TODAY, wants);
}

function titles(m: ReturnType<typeof model>): string[][] {
	return m.sections.map((section) => section.papers.map((paper) => paper.title));
}

describe("sections", () => {
	it("keeps document order, never sorting 10 before 2, and keys repeated titles apart", () => {
		const m = model();
		expect(m.sections.map((section) => section.title)).toEqual(["10. Later", "2. Earlier", "2. Earlier"]);
		expect(m.sections.map((section) => section.key)).toEqual(["10. Later#1", "2. Earlier#1", "2. Earlier#2"]);
		expect(m.sections.map((section) => [section.completion.done, section.completion.total])).toEqual([
			[0, 1],
			[2, 4],
			[0, 2],
		]);
		expect(m.sections[1]?.completion.required).toEqual({ done: 1, total: 2 });
		expect(m.sections[1]?.completion.optional).toEqual({ done: 1, total: 2 });
	});

	it("gives the example's eleven sections with their counts", () => {
		const m = buildProgressViewModel(EXAMPLE, { filter: "all", query: "" }, new Map(), TODAY);
		expect(m.sections).toHaveLength(11);
		expect(m.completion).toMatchObject({ done: 14, total: 60, required: { done: 10, total: 34 }, optional: { done: 4, total: 26 } });
		expect(m.sections.reduce((sum, section) => sum + section.completion.total, 0)).toBe(60);
		expect(m.matching).toBe(60);
	});

	it("builds paper rows only for the sections asked for, but counts every match", () => {
		const m = model("all", "", new Map(), (key) => key === "2. Earlier#1");
		expect(m.sections.map((section) => section.papers.length)).toEqual([0, 4, 0]);
		expect(m.sections.map((section) => section.matching)).toEqual([1, 4, 2]);
	});
});

describe("filters and search", () => {
	const cases: { filter: PaperFilter; query: string; expected: string[][]; hidden: number }[] = [
		{ filter: "all", query: "", expected: [["Zeta paper"], ["Attention Is All You Need", "Spark SQL: Relational Data Processing in Spark", "Sparse attention, Best Paper Award", "Local paper"], ["Unchecked item with no link", "Plain link item"]], hidden: 0 },
		{ filter: "unread", query: "", expected: [["Zeta paper"], ["Spark SQL: Relational Data Processing in Spark", "Sparse attention, Best Paper Award"], ["Unchecked item with no link", "Plain link item"]], hidden: 0 },
		{ filter: "required", query: "", expected: [["Zeta paper"], ["Attention Is All You Need", "Spark SQL: Relational Data Processing in Spark"], ["Unchecked item with no link", "Plain link item"]], hidden: 0 },
		{ filter: "all", query: "ATTENTION", expected: [["Attention Is All You Need", "Sparse attention, Best Paper Award"]], hidden: 2 },
		{ filter: "all", query: "  spar   att ", expected: [["Sparse attention, Best Paper Award"]], hidden: 2 },
		{ filter: "required", query: "attention", expected: [["Attention Is All You Need"]], hidden: 2 },
		{ filter: "unread", query: "attention is all", expected: [], hidden: 3 },
		{ filter: "all", query: "   ", expected: [["Zeta paper"], ["Attention Is All You Need", "Spark SQL: Relational Data Processing in Spark", "Sparse attention, Best Paper Award", "Local paper"], ["Unchecked item with no link", "Plain link item"]], hidden: 0 },
	];
	it.each(cases)("$filter, “$query”", ({ filter, query, expected, hidden }) => {
		const m = model(filter, query);
		expect(titles(m)).toEqual(expected);
		expect(m.hiddenSections).toBe(hidden);
		expect(m.matching).toBe(expected.flat().length);
		expect(m.filtering).toBe(filter !== "all" || query.trim() !== "");
		// Filters choose rows, never change the counts.
		for (const section of m.sections) expect(section.completion.total).toBeGreaterThanOrEqual(section.papers.length);
		expect(m.completion.total).toBe(7);
	});
});

describe("paper rows", () => {
	it("carry what the row shows, and only http(s) links", () => {
		const rows = model().sections.flatMap((section) => section.papers);
		const byTitle = new Map(rows.map((row) => [row.title, row]));
		expect(byTitle.get("Attention Is All You Need")).toMatchObject({ meta: "NeurIPS 2017", checked: true, hasCheckbox: true, group: "required", externalUrl: "https://arxiv.org/abs/1706.03762", hasNote: false, reviewed: false });
		expect(byTitle.get("Sparse attention, Best Paper Award")?.meta).toBe("ICML 2021 · Best Paper Award");
		const links = [
			["Spark SQL: Relational Data Processing in Spark", null], // javascript:
			["Sparse attention, Best Paper Award", null], // data:
			["Local paper", null], // relative: a vault path, not the web
			["Plain link item", "https://example.org/plain"],
			["Unchecked item with no link", null],
		] as const;
		for (const [title, url] of links) expect(byTitle.get(title)?.externalUrl).toBe(url);
		expect(byTitle.get("Plain link item")).toMatchObject({ hasCheckbox: false, checked: false });
	});
});

describe("notes", () => {
	const attention = SMALL.papers.find((paper) => paper.title.startsWith("Attention"));
	const zeta = SMALL.papers.find((paper) => paper.title === "Zeta paper");
	const spark = SMALL.papers.find((paper) => paper.title.startsWith("Spark"));
	if (!attention || !zeta || !spark) throw new Error("fixture");

	const cases: { name: string; notes: [string, NoteInfo][]; reviewed: number; count: number; perWeek: number; dated: number }[] = [
		{ name: "no notes", notes: [], reviewed: 0, count: 0, perWeek: 0, dated: 0 },
		{ name: "one note, reviewed and read this week", notes: [[attention.id, { path: "A.md", reviewed: true, readDate: new Date(2026, 2, 18) }]], reviewed: 1, count: 1, perWeek: 0.25, dated: 1 },
		{
			name: "two papers sharing one note count it once",
			notes: [
				[attention.id, { path: "A.md", reviewed: true, readDate: new Date(2026, 2, 18) }],
				[spark.id, { path: "A.md", reviewed: true, readDate: new Date(2026, 2, 18) }],
			],
			reviewed: 1,
			count: 1,
			perWeek: 0.25,
			dated: 1,
		},
		{
			name: "an old read date counts as dated but not for the pace",
			notes: [
				[attention.id, { path: "A.md", reviewed: false, readDate: new Date(2025, 0, 1) }],
				[zeta.id, { path: "Z.md", reviewed: false, readDate: null }],
			],
			reviewed: 0,
			count: 2,
			perWeek: 0,
			dated: 1,
		},
	];
	it.each(cases)("$name", ({ notes, reviewed, count, perWeek, dated }) => {
		const m = model("all", "", new Map(notes));
		expect([m.reviewed, m.notes, m.pace.perWeek, m.pace.datedPapers]).toEqual([reviewed, count, perWeek, dated]);
		// The required papers left: Zeta, Spark, the two unlinked ones in the second "2. Earlier" section.
		expect(m.pace.remainingRequired).toBe(4);
	});

	it("mark the paper's row", () => {
		const m = model("all", "", new Map([[attention.id, { path: "A.md", reviewed: true, readDate: null }]]));
		const row = m.sections.flatMap((section) => section.papers).find((paper) => paper.id === attention.id);
		expect(row).toMatchObject({ hasNote: true, reviewed: true });
	});
});

describe("naturalCompare", () => {
	it.each([
		["Week 2", "Week 10", -1],
		["week 2", "Week 2", 0],
		["2. Big data", "10. Benchmarks", -1],
		["Week 10", "Week 9", 1],
		["a", "b", -1],
	] as const)("%s vs %s", (a, b, sign) => {
		expect(Math.sign(naturalCompare(a, b))).toBe(sign);
	});
});

describe("ratings", () => {
	const paper = (title: string) => {
		const found = SMALL.papers.find((candidate) => candidate.title.startsWith(title));
		if (!found) throw new Error(`no paper ${title}`);
		return found;
	};
	const note = (path: string, rating: number | null, status?: NoteInfo["status"]): NoteInfo => ({ path, reviewed: false, readDate: null, rating, ...(status ? { status } : {}) });

	it.each<[string, NoteInfo | undefined, number | null]>([
		["a read paper with a rating shows it", note("a.md", 4), 4],
		["a read paper without a note shows none", undefined, null],
		["a read paper whose note has no rating shows none", note("a.md", null), null],
	])("%s", (_name, info, expected) => {
		const notes = new Map<string, NoteInfo>(info ? [[paper("Attention").id, info]] : []);
		const row = model("all", "", notes).sections[1]?.papers.find((candidate) => candidate.title.startsWith("Attention"));
		expect(row?.rating).toBe(expected);
	});

	it("shows no rating beside an unread paper, though its note holds one", () => {
		const notes = new Map([[paper("Zeta").id, note("z.md", 5)]]);
		expect(model("all", "", notes).sections[0]?.papers[0]?.rating).toBeNull();
	});

	it("gives each section the mean of its rated papers, null where none is rated, whatever the filters", () => {
		const notes = new Map([
			[paper("Attention").id, note("a.md", 4)],
			[paper("Local").id, note("l.md", 4.5)],
			[paper("Spark SQL").id, note("s.md", null)],
			[paper("Zeta").id, note("z.md", 2)],
		]);
		expect(model("all", "", notes).sections.map((section) => section.meanRating)).toEqual([2, 4.25, null]);
		// The unread filter hides the read papers; the mean is still the section's.
		expect(model("unread", "", notes).sections.find((section) => section.title === "2. Earlier")?.meanRating).toBe(4.25);
	});
});
