import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCatalogue } from "../../bench/generate";
import { parseCatalogue } from "../../src/catalogue/parse";
import { catalogueAfterToggles } from "../../src/catalogue/toggle";
import { EXAMPLE_TEXT } from "../support/example";

const before = parseCatalogue(EXAMPLE_TEXT);

function setChar(text: string, offset: number, char: string): string {
	return `${text.slice(0, offset)}${char}${text.slice(offset + 1)}`;
}

describe("catalogueAfterToggles", () => {
	it("equals a full parse after ticking and unticking boxes", () => {
		const [a, b, c] = before.papers.filter((paper) => paper.checkboxOffset !== undefined);
		let text = setChar(EXAMPLE_TEXT, a?.checkboxOffset ?? 0, a?.checked ? " " : "x");
		text = setChar(text, b?.checkboxOffset ?? 0, b?.checked ? " " : "X");
		text = setChar(text, c?.checkboxOffset ?? 0, c?.checked ? " " : "x");
		expect(catalogueAfterToggles(EXAMPLE_TEXT, before, text)).toEqual(parseCatalogue(text));
	});

	it.each([
		["an edit elsewhere", (text: string) => text.replace("Big Data Systems", "Big Data Sistems")],
		["a changed length", (text: string) => text.replace("- - [ ] [Chimera", "- - [x]  [Chimera")],
		["an x typed outside a checkbox", (text: string) => text.replace("Course Description", "Course Descriptiox")],
		["no change at all", (text: string) => text],
	])("declines %s", (_name, edit) => {
		expect(catalogueAfterToggles(EXAMPLE_TEXT, before, edit(EXAMPLE_TEXT))).toBeNull();
	});

	it("declines a box-like character that is not a paper's checkbox", () => {
		const text = "- [ ] [A](https://a)\n\n`[ ]`\n";
		const offset = text.lastIndexOf("[ ]") + 1;
		expect(catalogueAfterToggles(text, parseCatalogue(text), setChar(text, offset, "x"))).toBeNull();
	});

	it("finds every toggled box of a long catalogue, wherever it is, and declines more than 32 or any other edit", () => {
		const text = generateCatalogue({ papers: 600, seed: 5 });
		const catalogue = parseCatalogue(text);
		const boxes = catalogue.papers.filter((paper) => paper.checkboxOffset !== undefined);
		fc.assert(
			fc.property(fc.uniqueArray(fc.nat(boxes.length - 1), { minLength: 1, maxLength: 40 }), fc.option(fc.nat(text.length - 1), { nil: undefined }), (picked, other) => {
				let next = text;
				for (const index of picked) {
					const paper = boxes[index];
					if (paper?.checkboxOffset !== undefined) next = setChar(next, paper.checkboxOffset, paper.checked ? " " : "x");
				}
				// Now and then one more change that is no toggle: the result must be null then.
				const elsewhere = other !== undefined && !boxes.some((paper) => paper.checkboxOffset === other) && next[other] !== "\u0001";
				if (elsewhere) next = setChar(next, other, "\u0001");
				const toggled = catalogueAfterToggles(text, catalogue, next);
				if (picked.length > 32 || elsewhere) expect(toggled).toBeNull();
				else expect(toggled).toEqual(parseCatalogue(next));
			}),
			{ numRuns: 60 },
		);
	});
});
