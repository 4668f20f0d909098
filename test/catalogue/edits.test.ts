import { describe, expect, it } from "vitest";
import { checkboxChanges, paperAtLine, withCheckboxes } from "../../src/catalogue/edits";
import { parseCatalogue } from "../../src/catalogue/parse";
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
	it("lists exactly the papers whose checkbox changed", () => {
		const chimera = byTitle("Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines");
		const after = parseCatalogue(withCheckboxes(EXAMPLE_TEXT, catalogue, [chimera.id], true));
		expect(checkboxChanges(catalogue, after).map((paper) => paper.id)).toEqual([chimera.id]);
		expect(checkboxChanges(catalogue, catalogue)).toEqual([]);
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
