import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { progressOf } from "../../src/progress/completion";

const text = readFileSync(new URL("../fixtures/cs294-ai-sys-sp22.md", import.meta.url), "utf8");
const catalogue = parseCatalogue(text);
const progress = progressOf(catalogue);

describe("the CS294 AI-Systems example catalogue", () => {
	it("has 60 papers, 14 done, split 34/10 required and 26/4 optional", () => {
		expect(progress).toMatchObject({
			total: 60,
			done: 14,
			required: { total: 34, done: 10 },
			optional: { total: 26, done: 4 },
		});
	});

	it("splits into the eleven ## sections with the golden counts, in order", () => {
		expect(catalogue.sectionDepth).toBe(2);
		expect(progress.sections.map((s) => [s.title, s.total, s.done])).toEqual([
			["1. Introduction and Course Overview", 5, 5],
			["2. Big Data Systems", 6, 5],
			["3. Hardware for Machine Learning", 6, 4],
			["4. Distributed deep learning, Part I: Systems", 7, 0],
			["5. Distributed deep learning, Part II: Scaling Constraints", 7, 0],
			["6. Machine learning Applied to Systems", 3, 0],
			["7. Machine Learning Frameworks and Automatic Differentiation", 3, 0],
			["8. Efficient Machine Learning", 6, 0],
			["9. Fundamentals of Machine Learning in the Cloud, the Modern Data Stack", 4, 0],
			["10. Benchmarking Machine Learning Workloads", 3, 0],
			["11. Machine learning and Security", 10, 0],
		]);
	});

	it("reads the front matter as front matter, not as a heading", () => {
		expect(catalogue.headings[0]?.text).toBe("Course Description");
	});

	it("does not take the block-quoted course link for a paper", () => {
		expect(catalogue.papers.some((paper) => paper.url?.includes("ucbrise.github.io"))).toBe(false);
	});

	it("counts the TVM item, which has no checkbox, as a paper that is not done", () => {
		const tvm = catalogue.papers.find((paper) => paper.title.startsWith("TVM"));
		expect(tvm).toMatchObject({ title: "TVM: An Automated End-to-End Optimizing Compiler for Deep Learning", checked: false });
		expect(tvm?.checkboxOffset).toBeUndefined();
	});

	it.each([
		["Mixed precision training", { venue: "ICLR", year: 2018 }],
		["Eyeriss: A Spatial Architecture for Energy-Efficient Dataflow for Convolutional Neural Networks", { venue: "SIGRAPH", year: 2016 }],
		["Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration", { venue: "DAC", year: 2021, award: "Best Paper Award" }],
		["Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines", { venue: "SC", year: 2021, award: "Best Paper finalist" }],
		["Scaling Laws for Neural Language Models", { venue: "OpenAI", year: 2020 }],
		["DeepSpeed: Advancing MoE inference and training to power next-generation AI scale", { venue: "Blog post" }],
		["Roofline: An Insightful Visual Performance Model for Floating-Point Programs and Multicore Architectures", {}],
	])("reads the title and venue note of %s", (title, venue) => {
		const paper = catalogue.papers.find((p) => p.title === title);
		expect(paper).toBeDefined();
		expect({ venue: paper?.venue, year: paper?.year, award: paper?.award }).toEqual({ venue: undefined, year: undefined, award: undefined, ...venue });
	});

	it("keeps the annotation around a link", () => {
		const book = catalogue.papers.find((paper) => paper.title === "Principles of Computer System Design");
		expect(book?.annotation).toMatch(/^Read Chapter 1 of …/);
		const howTo = catalogue.papers.find((paper) => paper.title === "How to read a paper");
		expect(howTo?.annotation).toBe("… provides some pretty good advice on how to read papers effectively.");
		const reviews = catalogue.papers.find((paper) => paper.title === "writing reviews for systems conferences");
		expect(reviews?.annotation).toBe("Timothy Roscoe’s … will also help you in the reviewing process.");
	});

	it("gives every paper its heading path and group", () => {
		const first = catalogue.papers[0];
		expect(first?.headingPath).toEqual(["Paper List", "1. Introduction and Course Overview", "Require Reading"]);
		expect(first?.group).toBe("required");
		const optional = catalogue.papers.find((paper) => paper.title === "How to read a paper");
		expect(optional?.group).toBe("optional");
	});

	it("gives every paper a unique id and a source range that holds its own text", () => {
		expect(new Set(catalogue.papers.map((paper) => paper.id)).size).toBe(60);
		for (const paper of catalogue.papers) {
			const source = text.slice(paper.range.start.offset, paper.range.end.offset);
			expect(source.startsWith("- ")).toBe(true);
			if (paper.url) expect(source).toContain(paper.url);
			if (paper.checkboxOffset !== undefined) {
				expect(text[paper.checkboxOffset]).toBe(paper.checked ? "x" : " ");
				expect(text.slice(paper.checkboxOffset - 1, paper.checkboxOffset + 2)).toMatch(/^\[[ x]\]$/);
			}
			const lineText = text.split("\n")[paper.range.start.line - 1];
			expect(lineText).toContain(source.split("\n")[0]);
		}
	});
});
