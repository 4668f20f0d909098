import { describe, expect, it } from "vitest";
import { readProperties, splitFrontMatter } from "../../src/notes/front-matter";
import { DEFAULT_TEMPLATE, dateFormatProblem, renderTemplate, templateProblems, type TemplateValues } from "../../src/notes/template";

const values: TemplateValues = {
	title: 'Attention: "is" all #you - need',
	url: "https://arxiv.org/abs/1706.03762",
	section: "2. Transformers",
	group: "required",
	venue: "NeurIPS",
	year: 2017,
	award: "",
	annotation: "Read sections 1–3.",
	catalogue: "[[Reading list]]",
	listed: "[[Reading list#2. Transformers|2. Transformers]]",
	date: new Date(2026, 10, 26, 9, 30),
	checked: false,
};

describe("templateProblems", () => {
	it.each([
		["the default template", DEFAULT_TEMPLATE, "yyyy-MM-dd", []],
		["every placeholder", "{{title}}{{url}}{{section}}{{group}}{{venue}}{{year}}{{award}}{{annotation}}{{catalogue}}{{listed}}{{date}}{{date:HH:mm}}", "yyyy", []],
		["spaces inside braces", "{{ title }}", "yyyy", []],
		["an unknown placeholder", "{{author}}", "yyyy", ["unknown placeholder {{author}}"]],
		["a moment-style date format", "", "YYYY-MM-DD", ['invalid date format "YYYY-MM-DD": use yyyy']],
		["a bad inline date format", "{{date:DD.MM}}", "yyyy", ["{{date:DD.MM}}: invalid date format"]],
		["an unterminated date literal", "{{date:yyyy 'at}}", "yyyy", []],
	])("%s", (_name, template, dateFormat, expected) => {
		const problems = templateProblems(template, dateFormat);
		expect(problems).toHaveLength(expected.length);
		expected.forEach((fragment, i) => expect(problems[i]).toContain(fragment));
	});

	it("names the valid placeholders when one is unknown", () => {
		expect(templateProblems("{{titel}}", "yyyy")[0]).toContain("valid placeholders are {{title}}, {{url}}, {{section}}");
	});
});

describe("dateFormatProblem", () => {
	it.each([
		["yyyy-MM-dd", null],
		["d MMMM yyyy", null],
		["yyyy-MM-dd'T'HH:mm", null],
		["'Week' w", null],
		["", "empty"],
		["YYYY", "use yyyy"],
		["DD", "use d or dd"],
		["yyyy-MM-dd j", "invalid date format"],
	])("%j", (pattern, problem) => {
		const result = dateFormatProblem(pattern);
		if (problem === null) expect(result).toBeNull();
		else expect(result).toContain(problem);
	});
});

describe("renderTemplate", () => {
	it("renders the default review template with YAML-safe properties", () => {
		const note = renderTemplate(DEFAULT_TEMPLATE, values, "yyyy-MM-dd");
		expect(readProperties(note)).toMatchObject({ title: values.title, year: 2017, venue: "NeurIPS", added: "2026-11-26", status: "unread", read: null, tags: ["paper"] });
		expect(splitFrontMatter(note).body.startsWith("Listed in [[Reading list#2. Transformers|2. Transformers]]\n\nRead sections 1–3.\n\n> [!tip] Three passes")).toBe(true);
	});

	it("drops the line of an empty placeholder instead of leaving a gap", () => {
		const note = renderTemplate("A\n\n{{annotation}}\n\nB {{award}}.\n", { ...values, annotation: "" }, "yyyy");
		expect(splitFrontMatter(note).body).toBe("A\n\nB .\n");
	});

	it("formats {{date}} with the setting and {{date:FORMAT}} with its own format", () => {
		const note = renderTemplate("{{date}} | {{date:HH:mm}} | {{date:EEEE}}", values, "dd/MM/yyyy");
		expect(splitFrontMatter(note).body).toBe("26/11/2026 | 09:30 | Thursday");
	});

	it("treats values as text in the body, never as placeholders", () => {
		const note = renderTemplate("{{title}} {{annotation}}", { ...values, title: "{{url}}", annotation: "$& $1" }, "yyyy");
		expect(splitFrontMatter(note).body).toBe("{{url}} $& $1");
	});

	it("adds the properties sync relies on when a custom template lacks them", () => {
		const note = renderTemplate("---\ntopic: systems\n---\n# {{title}}\n", values, "yyyy");
		expect(readProperties(note)).toEqual({ topic: "systems", title: values.title, url: values.url, catalogue: "[[Reading list]]", status: "unread", read: null });
	});

	it("starts the note of a paper the catalogue already ticks as read", () => {
		expect(readProperties(renderTemplate(DEFAULT_TEMPLATE, { ...values, checked: true }, "yyyy"))?.status).toBe("read");
		expect(readProperties(renderTemplate("---\nstatus: todo\n---\n", { ...values, checked: true }, "yyyy"))?.status).toBe("read");
		expect(readProperties(renderTemplate("# {{title}}\n", { ...values, checked: true }, "yyyy"))?.status).toBe("read");
	});

	it.each([
		["the default template: after group", DEFAULT_TEMPLATE, 7, (keys: string[]) => keys.indexOf("rank") === keys.indexOf("group") + 1],
		["a template without group: last", "---\ntopic: systems\n---\n", 7, (keys: string[]) => keys[keys.length - 1] === "rank"],
		["a template with an empty rank: filled", "---\nrank:\n---\n", 7, (keys: string[]) => keys[0] === "rank"],
	])("writes the paper's catalogue rank as a number (%s)", (_name, template, rank, placed) => {
		const properties = readProperties(renderTemplate(template, { ...values, rank }, "yyyy")) ?? {};
		expect(properties.rank).toBe(rank);
		expect(placed(Object.keys(properties))).toBe(true);
	});

	it("keeps a template's own rank, and writes none without one given", () => {
		expect(readProperties(renderTemplate("---\nrank: 99\n---\n", { ...values, rank: 3 }, "yyyy"))?.rank).toBe(99);
		expect(readProperties(renderTemplate(DEFAULT_TEMPLATE, values, "yyyy")) ?? {}).not.toHaveProperty("rank");
	});

	it("keeps a template's own values for those properties", () => {
		const note = renderTemplate("---\nstatus: reading\ntitle: Paper — {{title}}\n---\n", values, "yyyy");
		expect(readProperties(note)).toMatchObject({ status: "reading", title: `Paper — ${values.title}` });
	});
});

describe("details placeholders", () => {
	const details = {
		authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
		abstract: "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.",
		published: "2017-06-12",
		doi: "10.48550/arXiv.1706.03762",
		arxiv: "1706.03762",
		pdf: "https://arxiv.org/pdf/1706.03762",
		citekey: "vaswani2017attention",
		bibtex: "@misc{vaswani2017attention,\n  title = {Attention Is All You Need}\n}",
	};

	it("fills the default template's properties with typed values: authors a list, published a date string", () => {
		const properties = readProperties(renderTemplate(DEFAULT_TEMPLATE, { ...values, details }, "yyyy-MM-dd"));
		expect(properties).toMatchObject({
			authors: details.authors,
			published: "2017-06-12",
			doi: details.doi,
			arxiv: "1706.03762",
			pdf: details.pdf,
			citekey: "vaswani2017attention",
			rating: null,
		});
	});

	it("shows the abstract in a collapsed callout, and drops the callout when there is none", () => {
		const withAbstract = splitFrontMatter(renderTemplate(DEFAULT_TEMPLATE, { ...values, details }, "yyyy-MM-dd")).body;
		expect(withAbstract).toContain(`> [!abstract]- Abstract\n> ${details.abstract}\n`);
		const without = splitFrontMatter(renderTemplate(DEFAULT_TEMPLATE, values, "yyyy-MM-dd")).body;
		expect(without).not.toContain("[!abstract]");
		expect(without).toContain("Read sections 1–3.\n\n> [!tip] Three passes");
		expect(readProperties(renderTemplate(DEFAULT_TEMPLATE, values, "yyyy-MM-dd"))).toMatchObject({ authors: null, published: null, doi: null, citekey: null });
	});

	it.each([
		["{{authors}}", "Ashish Vaswani, Noam Shazeer and Niki Parmar"],
		["{{firstAuthor}} et al.", "Ashish Vaswani et al."],
		["`{{citekey}}` {{doi}}", "`vaswani2017attention` 10.48550/arXiv.1706.03762"],
		["```bibtex\n{{bibtex}}\n```", "```bibtex\n@misc{vaswani2017attention,\n  title = {Attention Is All You Need}\n}\n```"],
	])("%s in the body", (template, expected) => {
		expect(splitFrontMatter(renderTemplate(template, { ...values, details }, "yyyy")).body).toBe(expected);
	});

	it("keeps a callout the user wrote text in, even when its placeholder is empty", () => {
		const note = renderTemplate("> [!note] My notes\n> Read it twice.\n> {{abstract}}\n", values, "yyyy");
		expect(splitFrontMatter(note).body).toBe("> [!note] My notes\n> Read it twice.\n> \n");
	});
});
