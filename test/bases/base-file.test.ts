import { describe, expect, it } from "vitest";
import { parse, parseDocument, visit } from "yaml";
import { type BaseConfig, type BaseFilter, baseConfigProblems } from "../../src/bases/base-config";
import { basePathFor, catalogueBaseConfig, catalogueBaseFile, PAPERS_VIEW, READ_BY_DATE_VIEW, UNREAD_REQUIRED_VIEW } from "../../src/bases/base-file";
import type { BasesFeatures } from "../../src/bases/features";
import { parseCatalogue } from "../../src/catalogue/parse";
import { EXAMPLE_PATH, EXAMPLE_TEXT, readFixture } from "../support/example";
import { literals, tokenize } from "./expression-syntax";

const GROUPING: BasesFeatures = { bases: true, groupBy: true };
const NO_GROUPING: BasesFeatures = { bases: true, groupBy: false };
const LEVELS = [
	{ level: "1.10 and later (grouping)", features: GROUPING, fixture: "bases/CS294 AI-Systems.base" },
	{ level: "1.9 (no grouping)", features: NO_GROUPING, fixture: "bases/CS294 AI-Systems (1.9).base" },
];

const exampleSections = parseCatalogue(EXAMPLE_TEXT).sections.map((section) => section.title);
const example = { path: EXAMPLE_PATH, sections: exampleSections };

function fileOf(catalogue: { path: string; sections: readonly string[] }, features: BasesFeatures): { path: string; text: string } {
	const file = catalogueBaseFile(catalogue, features);
	if (!file) throw new Error("no base file");
	return file;
}

function statements(filter: BaseFilter | undefined): string[] {
	if (filter === undefined) return [];
	if (typeof filter === "string") return [filter];
	if ("and" in filter) return filter.and.flatMap(statements);
	if ("or" in filter) return filter.or.flatMap(statements);
	return filter.not.flatMap(statements);
}

/** Every expression a base holds: filter statements (the base's and its views') and formulas. */
function expressionsOf(config: BaseConfig): string[] {
	return [...statements(config.filters), ...Object.values(config.formulas ?? {}), ...(config.views ?? []).flatMap((view) => statements(view.filters))];
}

describe.each(LEVELS)("the base of the example catalogue, for Obsidian $level", ({ features, fixture }) => {
	const file = fileOf(example, features);

	it("is the expected file, beside the catalogue", () => {
		expect(file.path).toBe("CS294 AI-Systems.base");
		expect(file.text).toBe(readFixture(fixture));
	});

	it("round-trips through a YAML parser to the settings it was made from", () => {
		expect(parse(file.text)).toEqual(catalogueBaseConfig(example, features));
	});

	it("matches our typed shape of a .base file", () => {
		expect(baseConfigProblems(parse(file.text))).toEqual([]);
	});

	it("quotes every expression, and reads each one as a balanced expression", () => {
		const document = parseDocument(file.text);
		const expressionTexts = new Set(expressionsOf(parse(file.text) as BaseConfig));
		let quoted = 0;
		visit(document, {
			Scalar(_key, node) {
				if (typeof node.value === "string" && expressionTexts.has(node.value)) {
					expect(node.type).toBe("QUOTE_SINGLE");
					quoted += 1;
				}
			},
		});
		expect(quoted).toBeGreaterThanOrEqual(expressionTexts.size);
		for (const expression of expressionTexts) expect(() => tokenize(expression)).not.toThrow();
	});

	it("uses no YAML anchors or aliases", () => {
		expect(file.text).not.toMatch(/[&*]a\d/);
	});

	it("has the three views, the first in catalogue order", () => {
		const config = parse(file.text) as BaseConfig;
		expect(config.views?.map((view) => [view.type, view.name])).toEqual([
			["table", PAPERS_VIEW],
			["cards", UNREAD_REQUIRED_VIEW],
			["table", READ_BY_DATE_VIEW],
		]);
		expect(config.views?.[0]?.sort).toEqual([{ property: "note.rank", direction: "ASC" }]);
		expect(config.views?.[0]?.order).toEqual(expect.arrayContaining(["formula.title", "note.status", "note.group", "note.venue", "note.year", "note.read", "note.rating"]));
	});
});

describe("grouping by section", () => {
	it("groups the example's papers by section where the app can, and never where it cannot", () => {
		expect(catalogueBaseConfig(example, GROUPING)?.views?.[0]?.groupBy).toEqual({ property: "formula.section", direction: "ASC" });
		expect(catalogueBaseConfig(example, NO_GROUPING)?.views?.some((view) => view.groupBy !== undefined)).toBe(false);
		expect(fileOf(example, NO_GROUPING).text).not.toContain("groupBy");
	});

	it("shows the section as a column where it cannot group", () => {
		expect(catalogueBaseConfig(example, NO_GROUPING)?.views?.[0]?.order?.[1]).toBe("note.section");
	});

	function groupLabels(sections: string[]): Map<string, string> | null {
		const formula = catalogueBaseConfig({ path: "C.md", sections }, GROUPING)?.formulas?.section;
		if (formula === undefined) return null;
		const values = literals(formula);
		const pairs = new Map<string, string>();
		for (let i = 0; i + 1 < values.length; i += 2) pairs.set(values[i] ?? "", values[i + 1] ?? "");
		return pairs;
	}

	const cases: { name: string; sections: string[]; labels: [string, string][] | null }[] = [
		{
			name: "numbered titles that would sort 1, 10, 2: their numbers padded",
			sections: exampleSections,
			labels: exampleSections.map((title, i) => [title, `${String(i + 1).padStart(2, "0")}${title.slice(String(i + 1).length)}`]),
		},
		{ name: "unnumbered titles out of alphabetical order: a position in front", sections: ["Introduction", "Big data", "Hardware"], labels: [["Introduction", "1 · Introduction"], ["Big data", "2 · Big data"], ["Hardware", "3 · Hardware"]] },
		{ name: "titles numbered out of step: a position in front", sections: ["2. B", "1. A"], labels: [["2. B", "1 · 2. B"], ["1. A", "2 · 1. A"]] },
		{ name: "titles that sort on their own: the plain section", sections: ["Week 01", "Week 02", "Week 03"], labels: null },
		{ name: "one section: the plain section", sections: ["All papers"], labels: null },
		{ name: "a title listed twice: labelled once", sections: ["B", "A", "B"], labels: [["B", "1 · B"], ["A", "2 · A"]] },
		{ name: "titles with quotes and brackets", sections: ['The "new" stack', "It's [old]"], labels: [['The "new" stack', '1 · The "new" stack'], ["It's [old]", "2 · It's [old]"]] },
	];
	it.each(cases)("$name", ({ sections, labels }) => {
		expect(groupLabels(sections)).toEqual(labels === null ? null : new Map(labels));
		const config = catalogueBaseConfig({ path: "C.md", sections }, GROUPING);
		expect(config?.views?.[0]?.groupBy?.property).toBe(labels === null ? "note.section" : "formula.section");
		expect(baseConfigProblems(config)).toEqual([]);
	});

	it("labels sort in catalogue order as plain text", () => {
		const labels = [...(groupLabels(exampleSections)?.values() ?? [])];
		expect([...labels].sort()).toEqual(labels);
	});

	it("falls back to the plain section for a section it does not know", () => {
		expect(catalogueBaseConfig(example, GROUPING)?.formulas?.section).toMatch(/, note\.section\)+$/);
	});
});

describe("the catalogue filter", () => {
	const paths: { name: string; path: string; linkPath: string }[] = [
		{ name: "the example, at the vault root", path: "CS294 AI-Systems.md", linkPath: "CS294 AI-Systems" },
		{ name: "in a folder", path: "Courses/CS294 AI-Systems.md", linkPath: "Courses/CS294 AI-Systems" },
		{ name: "spaces", path: "My courses/Spring 2026/Reading list.md", linkPath: "My courses/Spring 2026/Reading list" },
		{ name: "a single quote", path: "Courses/Reader's digest.md", linkPath: "Courses/Reader's digest" },
		{ name: "double quotes", path: 'Courses/The "classics".md', linkPath: 'Courses/The "classics"' },
		{ name: "both quotes", path: `Courses/It's "the" list.md`, linkPath: `Courses/It's "the" list` },
		{ name: "brackets", path: "Courses/Reading [2024] (draft).md", linkPath: "Courses/Reading [2024] (draft)" },
		{ name: "non-ASCII", path: "Cursos/Año 2024 – 読書リスト 📚.md", linkPath: "Cursos/Año 2024 – 読書リスト 📚" },
		{ name: "YAML look-alikes", path: "Courses/a: b #c - d.md", linkPath: "Courses/a: b #c - d" },
		{ name: "an expression look-alike", path: 'Courses/x")) || true || ((".md', linkPath: 'Courses/x")) || true || (("' },
		{ name: "backslashes, as Windows writes them", path: "Courses\\CS294.md", linkPath: "Courses/CS294" },
		{ name: "an upper-case extension", path: "Courses/CS294.MD", linkPath: "Courses/CS294" },
	];
	it.each(paths)("keeps the notes linking to a catalogue with $name", ({ path, linkPath }) => {
		const file = fileOf({ path, sections: ["A", "B"] }, GROUPING);
		const config = parse(file.text) as BaseConfig;
		expect(baseConfigProblems(config)).toEqual([]);
		expect(config.filters).toEqual({ and: [expect.any(String)] });
		const [filter] = statements(config.filters);
		const tokens = tokenize(filter ?? "");
		expect(tokens.map((token) => (token.kind === "string" ? "<literal>" : token.value)).join("")).toBe("list(note.catalogue).contains(link(<literal>))");
		expect(literals(filter ?? "")).toEqual([linkPath]);
	});

	it("does not filter by folder", () => {
		expect(fileOf({ path: "Courses/CS294.md", sections: [] }, GROUPING).text).not.toMatch(/inFolder|file\.folder|file\.path/);
	});
});

describe("basePathFor", () => {
	it.each([
		["CS294 AI-Systems.md", "CS294 AI-Systems.base"],
		["Courses/CS294 AI-Systems.md", "Courses/CS294 AI-Systems.base"],
		["Courses/Spring/Año 2024.md", "Courses/Spring/Año 2024.base"],
		["Courses/notes.v2.md", "Courses/notes.v2.base"],
	])("%s → %s", (path, expected) => {
		expect(basePathFor(path)).toBe(expected);
	});
});

it("offers nothing on an app without Bases", () => {
	expect(catalogueBaseFile(example, { bases: false, groupBy: false })).toBeNull();
	expect(catalogueBaseConfig(example, { bases: false, groupBy: true })).toBeNull();
});
