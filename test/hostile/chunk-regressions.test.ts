import { expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";

it("reads a heading hidden in an HTML block that began inside a comment's lines as HTML, like one parse would", () => {
	// Found by fast-check: `</div>` opens an HTML block that runs to the next blank line, swallowing the heading.
	expect(parseCatalogue("- <!--\n- \n\n</div>\n- -->\n###### ").headings).toEqual([]);
	expect(parseCatalogue("```\ncode\n```\n</div>\n## Not a heading\n\n## A heading\n").headings.map((heading) => heading.text)).toEqual(["A heading"]);
	// A doctype ends at its ">"; the fence that follows runs to the end, and the "#" is code.
	expect(parseCatalogue("<!DOCTYPE x\n- -->\n```\n\n\n# ").headings).toEqual([]);
});
