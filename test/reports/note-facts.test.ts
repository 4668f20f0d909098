import { describe, expect, it } from "vitest";
import { paperNoteFacts } from "../../src/reports/note-facts";

const TODAY = new Date(2026, 2, 20);

describe("paperNoteFacts", () => {
	const cases: { name: string; text: string; format?: string; expected: { readDate: Date | null; rating: number | null; summary: string | null; status: string } }[] = [
		{ name: "a read, rated, summarised note", text: '---\nstatus: read\nread: "2026-03-05"\nrating: 4\n---\n## Summary\nIt works.\n', expected: { readDate: new Date(2026, 2, 5), rating: 4, summary: "It works.", status: "read" } },
		{ name: "a rating as text", text: '---\nrating: "4/5"\n---\n', expected: { readDate: null, rating: 4, summary: null, status: "unread" } },
		{ name: "nothing set", text: "---\nread:\nrating:\n---\n## Summary\n<!-- prompt -->\n", expected: { readDate: null, rating: null, summary: null, status: "unread" } },
		{ name: "another date format", text: "---\nread: 05/03/2026\n---\n", format: "dd/MM/yyyy", expected: { readDate: new Date(2026, 2, 5), rating: null, summary: null, status: "unread" } },
		{ name: "a bad date and rating", text: "---\nread: soon\nrating: 11\n---\n", expected: { readDate: null, rating: null, summary: null, status: "unread" } },
		{ name: "no properties at all", text: "## Summary\nShort.", expected: { readDate: null, rating: null, summary: "Short.", status: "unread" } },
		{ name: "broken properties", text: "---\nread: [\n---\n## Summary\nStill read.", expected: { readDate: null, rating: null, summary: "Still read.", status: "unread" } },
		{ name: "an empty bullet is no summary", text: "## Summary\n- \n", expected: { readDate: null, rating: null, summary: null, status: "unread" } },
	];
	it.each(cases)("$name", ({ text, format, expected }) => {
		expect(paperNoteFacts("Papers/P.md", text, format ?? "yyyy-MM-dd", TODAY)).toEqual({ notePath: "Papers/P.md", ...expected });
	});
});
