import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";

/** The one paper of a one-item catalogue. */
function only(text: string) {
	const [paper, ...rest] = parseCatalogue(text).papers;
	if (!paper || rest.length > 0) throw new Error(`expected one paper in ${text}`);
	return paper;
}

describe("note links an item holds", () => {
	it.each([
		["a wikilink sync inserted", "- [ ] [Paper](https://arxiv.org/abs/1706.03762) [[Papers/Paper|notes]]", ["Papers/Paper"], ["Papers/Paper"]],
		["a markdown link sync inserted", "- [ ] [Paper](https://arxiv.org/abs/1706.03762) [notes](Papers/Paper.md)", ["Papers/Paper"], ["Papers/Paper"]],
		["an escaped pipe in a table", "| Title | Notes |\n| --- | --- |\n| [Paper](https://x.org/p) [[Papers/Paper\\|notes]] | |", ["Papers/Paper"], ["Papers/Paper"]],
		["the label in any case", "- [ ] [Paper](https://x.org/p) [[Papers/Paper|Notes]]", ["Papers/Paper"], ["Papers/Paper"]],
		["the user's wikilink", "- [ ] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) background: [[Transformers]]", ["Transformers"], []],
		["the user's aliased wikilink", "- [ ] [Paper](https://x.org/p) see [[Concepts/Attention|attention]]", ["Concepts/Attention"], []],
		["a wikilink to a heading", "- [ ] [Paper](https://x.org/p) [[Papers/Paper#Summary|notes]]", ["Papers/Paper"], ["Papers/Paper"]],
	])("%s", (_name, text, noteLinks, insertedLinks) => {
		const paper = only(text);
		expect(paper.noteLinks).toEqual(noteLinks);
		expect(paper.insertedLinks).toEqual(insertedLinks);
	});
});
