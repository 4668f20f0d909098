import { describe, expect, it } from "vitest";
import { noteLink } from "../../src/reports/note-link";

describe("noteLink", () => {
	it.each([
		["a wikilink", "Papers/Chimera.md", "Chimera: Efficiently Training", "wikilink", "[[Papers/Chimera|Chimera: Efficiently Training]]"],
		["a title with wikilink breakers", "Papers/A.md", "A [b] | c", "wikilink", "[[Papers/A|A b c]]"],
		["an empty title", "Papers/A.md", " ", "wikilink", "[[Papers/A]]"],
		["the Markdown style", "Papers/Big data (2).md", "Big *data*", "markdown", "[Big \\*data\\*](Papers/Big%20data%20%282%29.md)"],
		["a path a wikilink cannot hold", "Papers/C# and [x].md", "C#", "wikilink", "[C\\#](Papers/C%23%20and%20%5Bx%5D.md)"],
		["a path with a question mark", "Papers/Why?.md", "Why?", "markdown", "[Why?](Papers/Why%3F.md)"],
		["non-ASCII", "Papiere/Über 📚.md", "Über", "markdown", "[Über](Papiere/%C3%9Cber%20%F0%9F%93%9A.md)"],
	] as const)("%s", (_name, path, title, style, expected) => {
		expect(noteLink(path, title, style)).toBe(expected);
	});
});
