import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { MAX_FILE_NAME_BYTES } from "../../src/notes/file-name";
import { type DiscussionPaper, discussionBlock, discussionNoteName, discussionNotePath, discussionPapersOf, discussionTitle } from "../../src/reports/discussion";
import { BLOCK_END, BLOCK_START, updateGeneratedBlock } from "../../src/reports/generated-block";
import { EXAMPLE_TEXT, readFixture } from "../support/example";
import { exampleNotes } from "./example-notes";

const catalogue = parseCatalogue(EXAMPLE_TEXT);
const BIG_DATA = 1;
const notes = exampleNotes(catalogue);

function paper(overrides: Partial<DiscussionPaper>): DiscussionPaper {
	return { title: "Chimera", notePath: "Papers/Chimera.md", status: "read", rating: null, noteText: "## Summary\nIt works.\n\n## Questions for discussion\nWhy?\n", ...overrides };
}

function blockFor(papers: DiscussionPaper[]): string {
	return discussionBlock({ catalogueName: "CS294 AI-Systems", sectionTitle: "S", papers });
}

describe("discussion note names", () => {
	it.each([
		["CS294 AI-Systems", "2. Big Data Systems", "CS294 AI-Systems – 2. Big Data Systems discussion.md"],
		["CS294 AI-Systems", "4. Distributed deep learning, Part I: Systems", "CS294 AI-Systems – 4. Distributed deep learning, Part I - Systems discussion.md"],
		["Reading", 'Week 3: "Caches" / [draft] #1?', "Reading – Week 3 - Caches draft 1 discussion.md"],
		["Lecturas", "Año 2024 – 読書", "Lecturas – Año 2024 – 読書 discussion.md"],
		["CON", "", "CON – discussion.md"],
	])("%s, %s → %s", (catalogueName, section, name) => {
		expect(discussionNoteName(catalogueName, section)).toBe(name);
	});

	it("cuts a long section title, never the word discussion, to fit a file name", () => {
		const name = discussionNoteName("CS294", "é".repeat(300));
		expect(name.endsWith(" discussion.md")).toBe(true);
		expect(new TextEncoder().encode(name.replace(/\.md$/, "")).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
	});

	it("puts the note beside its catalogue", () => {
		expect(discussionNotePath("Courses/CS294 AI-Systems.md", "2. Big Data Systems")).toBe("Courses/CS294 AI-Systems – 2. Big Data Systems discussion.md");
		expect(discussionNotePath("CS294 AI-Systems.md", "2. Big Data Systems")).toBe("CS294 AI-Systems – 2. Big Data Systems discussion.md");
	});

	it("titles the note as it names it", () => {
		expect(discussionTitle("CS294 AI-Systems", "2. Big Data Systems")).toBe("CS294 AI-Systems – 2. Big Data Systems discussion");
	});
});

describe("discussionPapersOf", () => {
	it("lists the section's papers in catalogue order with what their notes say", () => {
		expect(discussionPapersOf(catalogue, BIG_DATA, notes).map((p) => [p.title.slice(0, 20), p.notePath !== null, p.status, p.rating])).toEqual([
			["Towards a Unified Ar", true, "read", 4],
			["Resilient Distribute", true, "read", 5],
			["Lakehouse: A New Gen", true, "read", null],
			["Delta Lake: High-Per", true, "read", 4],
			["Spark SQL: Relationa", false, "read", null],
			["The MADlib Analytics", true, "reading", null],
		]);
	});

	it("takes the status from the checkbox when the note cannot be read or has no status", () => {
		const [first] = catalogue.sections[BIG_DATA]?.paperIndexes ?? [];
		const id = catalogue.papers[first ?? 0]?.id ?? "";
		const papers = discussionPapersOf(catalogue, BIG_DATA, new Map([[id, { path: "Papers/x.md", text: null }]]));
		expect(papers[0]).toMatchObject({ notePath: "Papers/x.md", status: "read", noteText: null });
	});

	it("gives nothing for a section that is not there", () => {
		expect(discussionPapersOf(catalogue, 99, notes)).toEqual([]);
	});
});

describe("discussionBlock", () => {
	const cases: { name: string; paper: DiscussionPaper; contains: string[]; lacks?: string[] }[] = [
		{ name: "a link, status, rating and both texts", paper: paper({ rating: 4 }), contains: ["## [[Papers/Chimera|Chimera]]", "Status: read · rating 4/5", "### Summary\n\nIt works.", "### Questions for discussion\n\nWhy?"] },
		{ name: "a paper without a note: its title as text, said so", paper: paper({ title: "A *bold* [title]", notePath: null, noteText: null, status: "unread" }), contains: ["## A \\*bold\\* \\[title\\]", "Status: unread · no rating · no note yet: run **Create paper notes from this catalogue** to make one."], lacks: ["### Summary"] },
		{ name: "a note without the headings", paper: paper({ noteText: "# Notes\nI liked it." }), contains: ["*No summary yet (the note has no “Summary” heading).*", "*No questions yet (the note has no “Questions for discussion” heading).*"] },
		{ name: "a note with empty sections", paper: paper({ noteText: "## Summary\n<!-- prompt -->\n\n## Questions for discussion\n- \n" }), contains: ["### Summary\n\n*No summary yet.*", "### Questions for discussion\n\n*No questions yet.*"] },
		{ name: "a note that could not be read", paper: paper({ noteText: null }), contains: ["*The note could not be read.*"], lacks: ["### Summary"] },
		{ name: "a half rating", paper: paper({ rating: 4.5 }), contains: ["rating 4.5/5"] },
		{ name: "an untitled paper", paper: paper({ title: " ", notePath: null }), contains: ["## Untitled paper"] },
		{ name: "an open code block in a summary is closed", paper: paper({ noteText: "## Summary\n```\ncode" }), contains: ["```\ncode\n```\n\n### Questions"] },
		{ name: "a marker in a summary's code is made harmless", paper: paper({ noteText: `## Summary\n\`\`\`\n${BLOCK_END}\n\`\`\`` }), contains: ["<!-- paper-catalogue\\:generated:end -->"] },
	];
	it.each(cases)("$name", ({ paper: p, contains, lacks }) => {
		const block = blockFor([p]);
		for (const text of contains) expect(block).toContain(text);
		for (const text of lacks ?? []) expect(block).not.toContain(text);
		expect(block.split("\n").filter((line) => line === BLOCK_START || line === BLOCK_END)).toEqual([BLOCK_START, BLOCK_END]);
	});

	it("says so for a section without papers", () => {
		expect(blockFor([])).toContain("*No papers in this section.*");
	});

	it("links in the Markdown style when asked", () => {
		expect(discussionBlock({ catalogueName: "C", sectionTitle: "S", papers: [paper({})], linkStyle: "markdown" })).toContain("## [Chimera](Papers/Chimera.md)");
	});
});

describe("the discussion note of the example's Big Data Systems section", () => {
	const title = discussionTitle("CS294 AI-Systems", "2. Big Data Systems");
	const input = { catalogueName: "CS294 AI-Systems", sectionTitle: "2. Big Data Systems", papers: discussionPapersOf(catalogue, BIG_DATA, notes) };

	it("is the expected note when made", () => {
		const result = updateGeneratedBlock(null, discussionBlock(input), title);
		expect(result).toEqual({ ok: true, action: "created", text: readFixture("reports/CS294 AI-Systems – 2. Big Data Systems discussion.md") });
	});

	it("keeps the user's text outside the block byte for byte when made again", () => {
		const made = readFixture("reports/CS294 AI-Systems – 2. Big Data Systems discussion.md");
		const edited = made
			.replace(`${BLOCK_START}\n`, `Seminar on **Tuesday**, room 405.\r\n\n- [ ] bring the RDD slides\n\n${BLOCK_START}\n`)
			.concat("\n## My notes after the seminar\n\nLineage won the vote. 🗳️\n");
		// Since then: the user wrote questions for Lakehouse and rated it.
		const later = new Map(notes);
		const lakehouse = catalogue.papers.find((p) => p.title.startsWith("Lakehouse"));
		const note = lakehouse && later.get(lakehouse.id);
		if (!lakehouse || !note) throw new Error("no Lakehouse note");
		later.set(lakehouse.id, { path: note.path, text: note.text.replace(/^rating:.*$/m, "rating: 3").replace("## Questions for discussion\n", "## Questions for discussion\nIs a lakehouse just a warehouse on S3?\n") });
		const block = discussionBlock({ ...input, papers: discussionPapersOf(catalogue, BIG_DATA, later) });
		const result = updateGeneratedBlock(edited, block, title);
		expect(result).toEqual({ ok: true, action: "replaced", text: readFixture("reports/CS294 AI-Systems – 2. Big Data Systems discussion (updated).md") });
		if (!result.ok) return;
		const [before] = edited.split(BLOCK_START);
		const after = edited.slice(edited.indexOf(BLOCK_END) + BLOCK_END.length);
		expect(result.text.startsWith(`${before ?? ""}${BLOCK_START}`)).toBe(true);
		expect(result.text.endsWith(`${BLOCK_END}${after}`)).toBe(true);
		expect(result.text).toContain("Is a lakehouse just a warehouse on S3?");
	});
});
