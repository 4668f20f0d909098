/**
 * Title reading from a paper's inline runs: a reader's comment glued to a plain-text title,
 * brackets emptied by links that are not the title, and which link texts are titles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Run } from "../../src/catalogue/inline-runs";
import { coreWords, GENERIC_LINK_TEXT, isTitleText, readTitle, splitGluedComment } from "../../src/catalogue/title";

describe("splitGluedComment", () => {
	it.each([
		["How Good Are Query Optimizers, Really?(some experiment, good)", { title: "How Good Are Query Optimizers, Really?", comment: "some experiment, good" }],
		["MapReduce(great intro)", { title: "MapReduce", comment: "great intro" }],
		["Paxos Made Simple.(skim)", { title: "Paxos Made Simple.", comment: "skim" }],
		["ResNet(CVPR’16)", { title: "ResNet", comment: "CVPR’16" }],
		["Spanner(OSDI 2012)", { title: "Spanner", comment: "OSDI 2012" }],
		["Raft?(  lots   of   space  )", { title: "Raft?", comment: "lots of space" }],
		// Not glued, or not a comment: the title stays whole.
		["Orca: A Modular Query Optimizer (Extended Version)", null],
		["The Case for O(1)", null],
		["f(x)", null],
		["Title?()", null],
		["Title?(—)", null],
		["(only a comment)", null],
		["?(a b)", null],
		["A [link](https://example.org/x)", null],
		["Title(see https://example.org)", { title: "Title", comment: "see https://example.org" }],
		["Title?(example.org/x)", null],
		["Nested (a (b) c)", null],
		["", null],
	])("%j", (title, expected) => {
		expect(splitGluedComment(title)).toEqual(expected);
	});
});

const text = (value: string): Run => ({ kind: "text", text: value });
const link = (value: string, url: string): Run => ({ kind: "link", text: value, url });

describe("readTitle on plain text", () => {
	it.each([
		[[text("How Good Are Query Optimizers, Really?(some experiment, good)")], "How Good Are Query Optimizers, Really?", "some experiment, good"],
		// The comment is split off after the trailing venue note.
		[[text("Bigtable?(read twice) [OSDI’06]")], "Bigtable?", "read twice"],
		[[text("Lecture 1: Introduction ("), link("notes", "https://example.org/n"), text(", "), link("video", "https://example.org/v"), text(")")], "Lecture 1: Introduction", ""],
		[[text("Lab 2 ["), link("pdf", "https://example.org/p"), text(" | "), link("code", "https://example.org/c"), text("]")], "Lab 2", ""],
	])("%j", (runs, title, annotation) => {
		const reading = readTitle(runs);
		expect(reading.title).toBe(title);
		expect(reading.annotation).toBe(annotation);
	});

	it("reads the venue of a glued comment that is a venue note", () => {
		expect(readTitle([text("Spanner(OSDI 2012)")])).toMatchObject({ title: "Spanner", venue: "OSDI", year: 2012 });
	});
});

describe("isTitleText", () => {
	it.each([
		["Attention Is All You Need", true],
		["pdf", false],
		["PDF", false],
		["[pdf]", false],
		["Semantic Scholar", false],
		["semantic  scholar", false],
		["lecture notes", false],
		["12345678901234567890", false],
		["1234567890 1234567890", true],
		["🚀", false],
		["🚀 🦙", false],
		["x", false],
		["Ray", true],
		["https://example.org/a-long-path-name", false],
		["www.example.org/long-page-name-here", false],
		["Paper", false],
		["A paper", true],
		["Семантический анализ", true],
		["深度学习", true],
	])("%j → %s", (text, expected) => {
		expect(isTitleText(text, "https://example.org/a-long-path-name")).toBe(expected);
	});

	it("answers as the definition does (core words of at least two characters, not generic), shortcut or not", () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom("a", "Z", "1", " ", "-", ".", "é", "🚀", "\u0010", "_", "[", "]"), maxLength: 40 }), (text) => {
				const core = coreWords(text.trim());
				expect(isTitleText(text)).toBe(core.length >= 2 && !GENERIC_LINK_TEXT.test(core));
			}),
			{ numRuns: 2000 },
		);
	});
});
