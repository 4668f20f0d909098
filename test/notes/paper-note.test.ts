import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/catalogue/url";
import { isPaperNoteOf, type NoteIdentity, noteAbout, normalizedTitle } from "../../src/notes/paper-note";

const attention = { title: "Attention Is All You Need", canonicalUrl: canonicalUrl("https://arxiv.org/abs/1706.03762") };
const untitled = { title: "A paper with no link" };

describe("what a note's properties say about a paper", () => {
	it.each<[string, typeof attention | typeof untitled, NoteIdentity | null, ReturnType<typeof noteAbout>]>([
		["no properties", attention, null, "unknown"],
		["empty properties", attention, {}, "unknown"],
		["the same paper by URL", attention, { url: "https://arxiv.org/pdf/1706.03762v5.pdf" }, "this"],
		["another paper by URL", attention, { url: "https://arxiv.org/abs/1810.04805", title: "Attention Is All You Need" }, "other"],
		["the same title, no URL", attention, { title: "attention is all you need." }, "this"],
		["another title, no URL", attention, { title: "Transformers" }, "unknown"],
		["a concept note's tags only", attention, { tags: ["concept"] } as NoteIdentity, "unknown"],
		["a title for a paper without a link", untitled, { title: "A paper with no link" }, "this"],
		["a URL for a paper without a link", untitled, { url: "https://example.org/other" }, "other"],
		["a URL that is not a string", attention, { url: 42, title: "Attention Is All You Need" }, "this"],
	])("%s", (_name, paper, properties, expected) => {
		expect(noteAbout(paper, properties)).toBe(expected);
	});
});

describe("which linked note is the paper's note", () => {
	it.each<[string, NoteIdentity | null, boolean, boolean]>([
		["the link sync inserted, to a note without properties", null, true, true],
		["the link sync inserted, to the paper's note", { url: "https://arxiv.org/abs/1706.03762" }, true, true],
		["the link sync inserted, to another paper's note", { url: "https://arxiv.org/abs/1810.04805" }, true, false],
		["the user's link, to a concept note", { tags: ["concept"] } as NoteIdentity, false, false],
		["the user's link, to a note without properties", null, false, false],
		["the user's link, to the paper's own note", { url: "https://arxiv.org/abs/1706.03762", status: "unread" } as NoteIdentity, false, true],
		["the user's link, to a note whose title is the paper's", { title: "Attention Is All You Need" }, false, true],
	])("%s", (_name, properties, inserted, expected) => {
		expect(isPaperNoteOf(attention, properties, inserted)).toBe(expected);
	});
});

describe("titles as a reader compares them", () => {
	it.each([
		["Attention Is All You Need", "attention is all you need"],
		["  “Attention  Is All You Need.”  ", "attention is all you need"],
		["ＡＢＣ", "abc"],
	])("%s", (title, expected) => {
		expect(normalizedTitle(title)).toBe(expected);
	});
});
