import { describe, expect, it } from "vitest";
import { checkboxChanges, paperAtLine, withCheckboxes } from "../../src/catalogue/edits";
import { CatalogueParser, parseCatalogue } from "../../src/catalogue/parse";
import { EXAMPLE_TEXT } from "../support/example";

const catalogue = parseCatalogue(EXAMPLE_TEXT);
const byTitle = (title: string) => {
	const paper = catalogue.papers.find((candidate) => candidate.title === title);
	if (!paper) throw new Error(title);
	return paper;
};

describe("withCheckboxes", () => {
	it("ticks and unticks by changing one character each", () => {
		const chimera = byTitle("Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines");
		const sysml = byTitle("SysML: The New Frontier of Machine Learning Systems");
		const ticked = withCheckboxes(EXAMPLE_TEXT, catalogue, [chimera.id], true);
		expect(ticked.length).toBe(EXAMPLE_TEXT.length);
		expect([...ticked].filter((char, i) => char !== EXAMPLE_TEXT[i])).toEqual(["x"]);
		expect(parseCatalogue(ticked).papers.find((paper) => paper.id === chimera.id)?.checked).toBe(true);
		const unticked = withCheckboxes(EXAMPLE_TEXT, catalogue, [sysml.id], false);
		expect(parseCatalogue(unticked).papers.find((paper) => paper.id === sysml.id)?.checked).toBe(false);
	});

	it("leaves the text alone for papers already so, without a checkbox, or unknown", () => {
		const tvm = byTitle("TVM: An Automated End-to-End Optimizing Compiler for Deep Learning");
		const sysml = byTitle("SysML: The New Frontier of Machine Learning Systems");
		expect(withCheckboxes(EXAMPLE_TEXT, catalogue, [tvm.id, sysml.id, "no such paper"], true)).toBe(EXAMPLE_TEXT);
	});

	it("keeps CRLF line endings", () => {
		const crlf = EXAMPLE_TEXT.replace(/\n/g, "\r\n");
		const parsed = parseCatalogue(crlf);
		const id = parsed.papers.find((paper) => !paper.checked && paper.checkboxOffset !== undefined)?.id ?? "";
		const ticked = withCheckboxes(crlf, parsed, [id], true);
		expect(ticked.replace(/\r\n/g, "\n")).toBe(withCheckboxes(EXAMPLE_TEXT, catalogue, [id], true));
	});
});

describe("checkboxChanges", () => {
	const revision = (text: string) => ({ catalogue: parseCatalogue(text), text });

	it("lists exactly the papers whose checkbox changed", () => {
		const chimera = byTitle("Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines");
		const ticked = withCheckboxes(EXAMPLE_TEXT, catalogue, [chimera.id], true);
		const before = { catalogue, text: EXAMPLE_TEXT };
		expect(checkboxChanges(before, revision(ticked)).map((paper) => paper.id)).toEqual([chimera.id]);
		expect(checkboxChanges(before, before)).toEqual([]);
	});

	it("reads a run of ticks the parser took without parsing, by the papers that changed", () => {
		const parser = new CatalogueParser();
		parser.parse(EXAMPLE_TEXT);
		const chimera = byTitle("Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines");
		const ticked = withCheckboxes(EXAMPLE_TEXT, catalogue, [chimera.id], true);
		const quick = parser.parseIfQuick(ticked);
		expect(quick).not.toBeNull();
		expect(checkboxChanges({ catalogue: parser.parse(EXAMPLE_TEXT), text: EXAMPLE_TEXT }, { catalogue: quick ?? catalogue, text: ticked }).map((paper) => paper.id)).toEqual([chimera.id]);
	});

	const A = "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)";
	const B = "[BERT](https://arxiv.org/abs/1810.04805)";
	it.each<[string, string, string, string[]]>([
		["a tick", `- [ ] ${A}\n- [ ] ${B}\n`, `- [ ] ${A}\n- [x] ${B}\n`, ["B ✓"]],
		["deleting the first of three listings, positions shift", `- [ ] ${A}\n- [x] ${A} again\n- [ ] ${A} once more\n`, `- [x] ${A} again\n- [ ] ${A} once more\n`, []],
		["deleting an unticked listing of a read paper", `- [ ] ${A}\n- [x] ${A} (week 2)\n`, `- [x] ${A} (week 2)\n`, []],
		["adding a listing, ticked", `- [ ] ${A}\n`, `- [x] ${A} (again)\n- [ ] ${A}\n`, []],
		["ticking while editing the item's text", `- [ ] ${A}\n- [ ] ${B}\n`, `- [x] ${A} (read twice)\n- [ ] ${B}\n`, ["A ✓"]],
		["moving a ticked listing below another", `- [x] ${A}\n- [ ] ${B}\n`, `- [ ] ${B}\n- [x] ${A}\n`, []],
		["an item without a checkbox", `- ${A}\n`, `- ${A} (read)\n`, []],
	])("%s", (_name, before, after, expected) => {
		const changes = checkboxChanges(revision(before), revision(after));
		expect(changes.map((paper) => `${paper.title.slice(0, 1)} ${paper.checked ? "✓" : "○"}`)).toEqual(expected);
	});
});

describe("paperAtLine", () => {
	it("finds the paper on an editor line (0-based), and nothing on a heading", () => {
		const lines = EXAMPLE_TEXT.split("\n");
		const line = lines.findIndex((text) => text.includes("[Scaling Vision Transformers]"));
		expect(paperAtLine(catalogue, line)?.title).toBe("Scaling Vision Transformers");
		expect(paperAtLine(catalogue, lines.indexOf("## 2. Big Data Systems"))).toBeUndefined();
	});
});

describe("paperAtLine on a schedule line with several readings", () => {
	const text = "Reading: [Implementing Remote Procedure Calls](https://example.org/rpc.pdf), [The Go Memory Model](https://example.org/go)\n";
	const schedule = parseCatalogue(text);

	it.each<[number | undefined, string]>([
		[undefined, "The Go Memory Model"],
		[0, "Implementing Remote Procedure Calls"],
		[12, "Implementing Remote Procedure Calls"],
		[text.indexOf("[The Go"), "The Go Memory Model"],
		[text.length - 2, "The Go Memory Model"],
	])("cursor at %s: %s", (ch, title) => {
		expect(schedule.papers.map((paper) => paper.title)).toEqual(["Implementing Remote Procedure Calls", "The Go Memory Model"]);
		expect(paperAtLine(schedule, 0, ch)?.title).toBe(title);
	});
});
