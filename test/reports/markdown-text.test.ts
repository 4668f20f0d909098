import { describe, expect, it } from "vitest";
import { closeOpenFence, escapeMarkdownInline } from "../../src/reports/markdown-text";

describe("escapeMarkdownInline", () => {
	it.each([
		["Plain title", "Plain title"],
		["Chimera: Efficiently Training", "Chimera: Efficiently Training"],
		["A *bold* _claim_", "A \\*bold\\* \\_claim\\_"],
		["[[Wikilink]] and [link](x)", "\\[\\[Wikilink\\]\\] and \\[link\\](x)"],
		["#tag and ^block", "\\#tag and \\^block"],
		["a | b", "a \\| b"],
		["`code` ~~gone~~ ==mark==", "\\`code\\` \\~\\~gone\\~\\~ \\=\\=mark\\=\\="],
		["<b>html</b> &amp;", "\\<b\\>html\\</b\\> \\&amp;"],
		["$x$ and %%comment%%", "\\$x\\$ and \\%\\%comment\\%\\%"],
		["back\\slash", "back\\\\slash"],
		["two\nlines  and\tspaces ", "two lines and spaces"],
		["Año 2024 – 読書 📚", "Año 2024 – 読書 📚"],
	])("%j → %j", (text, expected) => {
		expect(escapeMarkdownInline(text)).toBe(expected);
	});
});

describe("closeOpenFence", () => {
	it.each([
		["no code", "text", "text"],
		["a closed fence", "```\ncode\n```", "```\ncode\n```"],
		["an open fence", "```py\ncode", "```py\ncode\n```"],
		["an open tilde fence", "~~~~\ncode", "~~~~\ncode\n~~~~"],
		["a shorter closer does not close", "````\n```\ncode", "````\n```\ncode\n````"],
		["the other fence char does not close", "```\n~~~", "```\n~~~\n```"],
		["a closer with an info string does not close", "```\n``` x", "```\n``` x\n```"],
		["inline code is no fence", "``` a ` b", "``` a ` b"],
		["two blocks, the second open", "```\na\n```\n~~~\nb", "```\na\n```\n~~~\nb\n~~~"],
		["indented four spaces is no fence", "    ```\ncode", "    ```\ncode"],
	])("%s", (_name, text, expected) => {
		expect(closeOpenFence(text)).toBe(expected);
	});
});
