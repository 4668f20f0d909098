import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE, renderTemplate, type TemplateValues } from "../../src/notes/template";
import { hasWords, headingKey, QUESTIONS_HEADING, sectionText, SUMMARY_HEADING } from "../../src/reports/note-sections";

function note(...lines: string[]): string {
	return lines.join("\n");
}

describe("sectionText", () => {
	const cases: { name: string; text: string; heading?: string; expected: string | null }[] = [
		{ name: "the text under the heading", text: note("## Summary", "It does X.", "", "## Key ideas", "Y"), expected: "It does X." },
		{ name: "several paragraphs, inner blank lines kept", text: note("## Summary", "One.", "", "Two.", "## Next"), expected: "One.\n\nTwo." },
		{ name: "up to the end of the note", text: note("# Paper", "## Summary", "Last words."), expected: "Last words." },
		{ name: "deeper headings belong to the section", text: note("## Summary", "A", "### Detail", "B", "## Next", "C"), expected: "A\n### Detail\nB" },
		{ name: "a higher heading ends it", text: note("### Summary", "A", "# Top", "B"), expected: "A" },
		{ name: "a same-level heading ends it", text: note("### Summary", "A", "### Other", "B"), expected: "A" },
		{ name: "a deeper heading of the same name under it stays text", text: note("## Summary", "A", "#### Summary", "B"), expected: "A\n#### Summary\nB" },
		{ name: "leading and trailing blank lines dropped", text: note("## Summary", "", "   ", "Text", "", "", "## Next"), expected: "Text" },
		{ name: "indentation of the text kept", text: note("## Summary", "- point", "  - sub", "## Next"), expected: "- point\n  - sub" },
		{ name: "the heading there with nothing under it", text: note("## Summary", "", "## Next"), expected: "" },
		{ name: "no such heading", text: note("## Abstract", "Text"), expected: null },
		{ name: "an empty note", text: "", expected: null },
		{ name: "the first of two headings of that name", text: note("## Summary", "First", "## Summary", "Second"), expected: "First" },
		// Heading names.
		{ name: "any case", text: note("## SUMMARY", "Text"), expected: "Text" },
		{ name: "a trailing colon", text: note("## Summary:", "Text"), expected: "Text" },
		{ name: "a trailing colon after a space", text: note("## Summary :", "Text"), expected: "Text" },
		{ name: "spaces around and inside", text: note("##   Questions   for  discussion  ", "Q?"), heading: QUESTIONS_HEADING, expected: "Q?" },
		{ name: "a closing hash sequence", text: note("## Summary ##", "Text"), expected: "Text" },
		{ name: "a bold heading", text: note("## **Summary**", "Text"), expected: "Text" },
		{ name: "the asked name trimmed and with a colon", text: note("## Summary", "Text"), heading: " summary: ", expected: "Text" },
		{ name: "a different heading that starts the same", text: note("## Summary of results", "No"), expected: null },
		{ name: "a tag is not a heading", text: note("#Summary", "No"), expected: null },
		{ name: "a heading indented four spaces is code", text: note("    ## Summary", "No"), expected: null },
		// Comments.
		{ name: "a template prompt comment goes", text: note("## Summary", "<!-- In three sentences -->", "Mine.", "## Next"), expected: "Mine." },
		{ name: "a comment over several lines goes", text: note("## Summary", "<!-- one", "two -->", "Mine."), expected: "Mine." },
		{ name: "a comment inside a line goes, the line stays", text: note("## Summary", "Before <!-- x --> after"), expected: "Before  after" },
		{ name: "an Obsidian %% comment goes", text: note("## Summary", "%% private %%", "Mine."), expected: "Mine." },
		{ name: "a %% comment over lines goes", text: note("## Summary", "%%", "## Next", "%%", "Mine.", "## After"), expected: "Mine." },
		{ name: "a commented-out heading does not end the section", text: note("## Summary", "A", "<!--", "## Old", "-->", "B", "## Next"), expected: "A\nB" },
		{ name: "a commented-out heading does not start one", text: note("<!-- ## Summary -->", "No"), expected: null },
		{ name: "an unclosed comment hides the rest", text: note("## Summary", "Mine.", "<!-- draft", "more"), expected: "Mine." },
		{ name: "only a comment: empty", text: note("## Summary", "<!-- prompt -->", "", "## Next"), expected: "" },
		{ name: "a comment in a heading line", text: note("## Summary <!-- why -->", "Text"), expected: "Text" },
		{ name: "%% in inline code is text", text: note("## Summary", "Use `%%` for comments.", "## Next"), expected: "Use `%%` for comments." },
		{ name: "<!-- in double-backtick code is text", text: note("## Summary", "Write ``<!--`` to start one.", "## Next"), expected: "Write ``<!--`` to start one." },
		// Code.
		{ name: "a heading in fenced code is text", text: note("## Summary", "```md", "## Not a heading", "```", "After", "## Next"), expected: "```md\n## Not a heading\n```\nAfter" },
		{ name: "a comment in fenced code is kept", text: note("## Summary", "~~~", "<!-- code -->", "~~~"), expected: "~~~\n<!-- code -->\n~~~" },
		{ name: "a longer fence needs a long closer", text: note("## Summary", "````", "```", "## In code", "````", "## Next"), expected: "````\n```\n## In code\n````" },
		{ name: "a heading in fenced code does not start one", text: note("```", "## Summary", "```", "No"), expected: null },
		// Note shapes.
		{ name: "front matter is not the note's text", text: note("---", "title: x", "---", "## Summary", "Text"), expected: "Text" },
		{ name: "CRLF line ends become LF", text: "## Summary\r\nOne.\r\nTwo.\r\n## Next\r\n", expected: "One.\nTwo." },
		{ name: "CR line ends", text: "## Summary\rOne.\r## Next", expected: "One." },
		{ name: "non-ASCII headings", text: note("## Résumé", "Texte"), heading: "résumé", expected: "Texte" },
	];
	it.each(cases)("$name", ({ text, heading, expected }) => {
		expect(sectionText(text, heading ?? SUMMARY_HEADING)).toBe(expected);
	});

	const values: TemplateValues = {
		title: "Chimera",
		url: "https://arxiv.org/abs/2107.06925",
		section: "4. Distributed deep learning, Part I: Systems",
		group: "required",
		venue: "SC",
		year: 2021,
		award: "",
		annotation: "",
		catalogue: "[[CS294 AI-Systems]]",
		listed: "[[CS294 AI-Systems#4|4]]",
		date: new Date(2026, 2, 1),
		checked: false,
	};

	it("finds nothing of the user's in a note fresh from the default template", () => {
		const fresh = renderTemplate(DEFAULT_TEMPLATE, values, "yyyy-MM-dd");
		expect(sectionText(fresh, SUMMARY_HEADING)).toBe("");
		expect(sectionText(fresh, QUESTIONS_HEADING)).toBe("");
	});

	it("finds what the user wrote into a note from the default template", () => {
		const fresh = renderTemplate(DEFAULT_TEMPLATE, values, "yyyy-MM-dd");
		const written = fresh
			.replace("## Summary\n", "## Summary\nBidirectional pipelines halve the bubble.\n")
			.replace("## Questions for discussion\n", "## Questions for discussion\n- Does it hold at 1,000 GPUs?\n");
		expect(sectionText(written, SUMMARY_HEADING)).toBe("Bidirectional pipelines halve the bubble.");
		expect(sectionText(written, QUESTIONS_HEADING)).toBe("- Does it hold at 1,000 GPUs?");
	});

	// Long hostile lines, as a pasted note may hold. Nothing is timed: at these sizes a scan that is super-linear in the
	// line's length takes from seconds to hours, and runs into the test timeout; the linear one takes milliseconds.
	const backticks = Array.from({ length: 1_400 }, (_, n) => `${"`".repeat(n + 1)} x`).join(" ");
	it.each([
		{ name: "comment openers", line: "<!-- %% ``` ".repeat(100_000), expected: "" },
		{ name: "backtick runs of every length, none closed", line: backticks, expected: backticks },
		// A level-1 heading: it ends the Summary.
		{ name: "a heading of spaces", line: `#${" ".repeat(1_000_000)}x`, expected: "" },
		{ name: "a heading of stars", line: `### ${"*".repeat(1_000_000)}Summary${"*".repeat(1_000_000)}`, expected: `### ${"*".repeat(1_000_000)}Summary${"*".repeat(1_000_000)}` },
	])("stays linear on a long line of $name", ({ line, expected }) => {
		expect(sectionText(`## Summary\n${line}\n## Next`, SUMMARY_HEADING)).toBe(expected);
	});

	it("does not take a heading longer than any it looks for", () => {
		expect(sectionText(`## ${"*".repeat(1_000)}Summary${"*".repeat(1_000)}\nText`, SUMMARY_HEADING)).toBeNull();
	});
});

describe("headingKey", () => {
	it.each([
		["Summary", "summary"],
		["  Questions   for discussion : ", "questions for discussion"],
		["__Summary:__", "summary"],
		["*Summary*:", "summary"],
		["Summary::", "summary"],
	])("%j → %j", (text, key) => {
		expect(headingKey(text)).toBe(key);
	});
});

describe("hasWords", () => {
	it.each([
		[null, false],
		["", false],
		["- ", false],
		["---", false],
		["- [ ]", false],
		["Yes", true],
		["42", true],
		["中文", true],
	])("%j → %s", (text, expected) => {
		expect(hasWords(text)).toBe(expected);
	});
});
