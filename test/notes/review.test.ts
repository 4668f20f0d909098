import { describe, expect, it } from "vitest";
import { isReviewed } from "../../src/notes/review";
import { DEFAULT_TEMPLATE, renderTemplate, type TemplateValues } from "../../src/notes/template";

const VALUES: TemplateValues = {
	title: "Attention Is All You Need",
	url: "https://arxiv.org/abs/1706.03762",
	section: "1. Basics",
	group: "required",
	venue: "NeurIPS",
	year: 2017,
	award: "",
	annotation: "Read sections 1 to 3.",
	catalogue: "[[Reading]]",
	listed: "[[Reading#1. Basics|1. Basics]]",
	date: new Date(2026, 2, 20),
	checked: false,
};

/** A fresh note from the built-in template, as sync writes it. */
const FRESH = renderTemplate(DEFAULT_TEMPLATE, VALUES, "yyyy-MM-dd");

function edit(note: string, after: string, text: string): string {
	if (!note.includes(after)) throw new Error(`no ${after} in the note`);
	return note.replace(after, `${after}${text}`);
}

describe("isReviewed with the built-in template", () => {
	const cases: { name: string; note: string; reviewed: boolean }[] = [
		{ name: "a fresh note", note: FRESH, reviewed: false },
		{ name: "a fresh note with Windows line ends", note: FRESH.replace(/\n/g, "\r\n"), reviewed: false },
		{ name: "a sentence under Summary", note: edit(FRESH, "## Summary\n", "Replaces recurrence with attention.\n"), reviewed: true },
		{ name: "a score after a review prompt", note: FRESH.replace(/(- \*\*Overall merit\*\* \(1–5[^\n]*\):)/, "$1 4"), reviewed: true },
		{ name: "a bullet under Strengths", note: edit(FRESH, "## Strengths\n", "- Simple and parallel.\n"), reviewed: true },
		{ name: "a number alone", note: edit(FRESH, "## Weaknesses\n", "3\n"), reviewed: true },
		{ name: "empty bullets and boxes", note: edit(FRESH, "## Strengths\n", "- \n- [ ] \n* \n---\n"), reviewed: false },
		{ name: "a comment of the user's own", note: edit(FRESH, "## Strengths\n", "<!-- later -->\n%% todo %%\n"), reviewed: false },
		{ name: "a comment left open hides the rest", note: edit(FRESH, "## Strengths\n", "<!-- draft\nnot ready yet\n"), reviewed: false },
		{ name: "a heading of the user's own, empty", note: edit(FRESH, "## Connections\n", "### Follow-up work\n"), reviewed: false },
		{ name: "text above the review sections only", note: edit(FRESH, "Read sections 1 to 3.\n", "My own words before any section.\n"), reviewed: false },
		{ name: "a template prompt moved to another section", note: edit(FRESH, "## Strengths\n", "- **Novelty**:\n"), reviewed: false },
		{ name: "properties only", note: "---\ntitle: X\nstatus: read\n---\n", reviewed: false },
		{ name: "no sections at all", note: "Just a thought.", reviewed: false },
		{ name: "a note written freely, without the template", note: "# Attention\n\n## Thoughts\nGreat paper.\n", reviewed: true },
		{ name: "a heading level one does not open a review section", note: "# Thoughts\nGreat paper.\n", reviewed: false },
		{ name: "text in another script", note: edit(FRESH, "## Summary\n", "注意力机制取代了循环。\n"), reviewed: true },
	];
	it.each(cases)("$name → $reviewed", ({ note, reviewed }) => {
		expect(isReviewed(note, DEFAULT_TEMPLATE)).toBe(reviewed);
	});
});

describe("isReviewed with a custom template", () => {
	const TEMPLATE = `---
title: "{{title}}"
---
## About
- Venue: {{venue}} {{year}}
- Link: {{url}}

## Notes
{{annotation}}

## Verdict
`;
	const fresh = renderTemplate(TEMPLATE, VALUES, "yyyy-MM-dd");

	const cases: { name: string; note: string; templates: string | string[]; reviewed: boolean }[] = [
		{ name: "a fresh note: filled placeholders are the template's", note: fresh, templates: TEMPLATE, reviewed: false },
		{ name: "an empty placeholder line goes, and nothing stands in", note: renderTemplate(TEMPLATE, { ...VALUES, annotation: "" }, "yyyy-MM-dd"), templates: TEMPLATE, reviewed: false },
		{ name: "one line more than the placeholder stands for", note: edit(fresh, "## Verdict\n", "Accept.\n"), templates: TEMPLATE, reviewed: true },
		{ name: "a line with placeholders, edited beyond their values", note: fresh.replace("- Venue: NeurIPS 2017", "Venue: oral at NeurIPS"), templates: TEMPLATE, reviewed: true },
		{ name: "a note from the built-in template, checked against both", note: FRESH, templates: [TEMPLATE, DEFAULT_TEMPLATE], reviewed: false },
		{ name: "a note from the custom template, checked against both", note: fresh, templates: [TEMPLATE, DEFAULT_TEMPLATE], reviewed: false },
		{ name: "a review in a note from the built-in template, checked against both", note: edit(FRESH, "## Summary\n", "Worth it.\n"), templates: [TEMPLATE, DEFAULT_TEMPLATE], reviewed: true },
		{ name: "the built-in template's prompts seen against the custom one alone", note: FRESH, templates: TEMPLATE, reviewed: true },
	];
	it.each(cases)("$name → $reviewed", ({ note, templates, reviewed }) => {
		expect(isReviewed(note, templates)).toBe(reviewed);
	});

	it("fills the annotation into the note, where it stands for the placeholder", () => {
		expect(fresh).toContain("## Notes\nRead sections 1 to 3.\n");
	});
});
