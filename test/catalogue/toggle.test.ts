import { describe, expect, it } from "vitest";
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
});
