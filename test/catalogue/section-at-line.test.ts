import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { sectionAtLine } from "../../src/catalogue/section-at-line";

const TEXT = [
	"# Reading list", // 0
	"", // 1
	"Some words about the course.", // 2
	"", // 3
	"## 1. Basics", // 4
	"", // 5
	"### Required reading", // 6
	"", // 7
	"- [ ] [A](https://example.org/a)", // 8
	"  - a detail", // 9
	"", // 10
	"## 2. Systems", // 11
	"", // 12
	"- [ ] [B](https://example.org/b)", // 13
	"- [ ] [C](https://example.org/c)", // 14
	"", // 15
].join("\n");

const catalogue = parseCatalogue(TEXT);

describe("sectionAtLine", () => {
	it.each<[string, number, string | null]>([
		["the title above every section", 0, null],
		["an introduction above every section", 2, null],
		["a section's heading", 4, "1. Basics"],
		["a group heading inside a section", 6, "1. Basics"],
		["a paper's line", 8, "1. Basics"],
		["a paper's detail line", 9, "1. Basics"],
		["a blank line before the next section", 10, "1. Basics"],
		["the next section's heading", 11, "2. Systems"],
		["its last paper", 14, "2. Systems"],
		["past the end", 40, "2. Systems"],
	])("%s (line %i) → %s", (_name, line, title) => {
		const index = sectionAtLine(catalogue, line);
		expect(index === null ? null : (catalogue.sections[index]?.title ?? "?")).toBe(title);
	});

	it("puts any line of a catalogue without headings in its one section", () => {
		const flat = parseCatalogue("Intro\n\n- [ ] [A](https://example.org/a)\n- [ ] [B](https://example.org/b)\n");
		expect(flat.sections).toHaveLength(1);
		expect([0, 2, 3].map((line) => sectionAtLine(flat, line))).toEqual([0, 0, 0]);
	});

	it("finds nothing in a note without papers", () => {
		expect(sectionAtLine(parseCatalogue("# Nothing\n\nat all\n"), 1)).toBeNull();
	});
});
