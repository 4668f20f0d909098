import type { BasesConfigFile } from "obsidian";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type BaseConfig, baseConfigProblems } from "../../src/bases/base-config";

const valid: BaseConfig = {
	filters: { and: ['note.status == "read"', { or: ["note.year > 2020", { not: ["file.hasTag(\"x\")"] }] }] },
	formulas: { title: "file.asLink()" },
	properties: { "formula.title": { displayName: "Title" }, "note.status": {} },
	summaries: { average: "values.mean()" },
	views: [
		{ type: "table", name: "All", order: ["formula.title", "note.status", "file.name"], sort: [{ property: "note.rank", direction: "ASC" }], groupBy: { property: "note.section", direction: "DESC" }, limit: 10, summaries: { "note.rating": "average" } },
		{ type: "cards", name: "Cards", filters: "note.group == \"required\"" },
		{ type: "list", name: "List" },
	],
};

describe("baseConfigProblems", () => {
	it("finds nothing wrong with a file of every documented part", () => {
		expect(baseConfigProblems(valid)).toEqual([]);
	});

	it("finds nothing wrong with an empty base (every file of the vault)", () => {
		expect(baseConfigProblems({})).toEqual([]);
	});

	const cases: { name: string; value: unknown; problem: string }[] = [
		{ name: "not a map", value: ["views"], problem: "the file is not a map of keys" },
		{ name: "an unknown top-level key", value: { display: {} }, problem: "unknown top-level keys: display" },
		{ name: "an empty filter statement", value: { filters: " " }, problem: "filters is an empty statement" },
		{ name: "a filter with two conjunctions", value: { filters: { and: [], or: [] } }, problem: "filters must hold exactly one of and, or, not (has and, or)" },
		{ name: "an unknown conjunction", value: { filters: { nor: [] } }, problem: "filters must hold exactly one of and, or, not (has nor)" },
		{ name: "a conjunction that is not a list", value: { filters: { and: "x" } }, problem: "filters.and is not a list" },
		{ name: "a bad nested filter", value: { filters: { and: ["x", { or: [3] }] } }, problem: "filters.and[1].or[0] is neither a statement nor and/or/not" },
		{ name: "a formula that is not text", value: { formulas: { a: 1 } }, problem: "formulas.a is not an expression" },
		{ name: "a property without prefix", value: { properties: { status: {} } }, problem: 'properties key is not a prefixed property (note., file. or formula.): "status"' },
		{ name: "a display name that is not text", value: { properties: { "note.a": { displayName: 1 } } }, problem: "properties.note.a.displayName is not text" },
		{ name: "an undefined formula", value: { properties: { "formula.x": {} } }, problem: "properties key names a formula the base does not define: formula.x" },
		{ name: "views not a list", value: { views: {} }, problem: "views is not a list" },
		{ name: "an unknown view type", value: { views: [{ type: "grid", name: "A" }] }, problem: "views[0].type is not one of table, cards, list" },
		{ name: "a view without a name", value: { views: [{ type: "table" }] }, problem: "views[0].name is missing" },
		{ name: "an unprefixed column", value: { views: [{ type: "table", name: "A", order: ["file.name", "status"] }] }, problem: 'views[0].order[1] is not a prefixed property (note., file. or formula.): "status"' },
		{ name: "a column of an undefined formula", value: { views: [{ type: "table", name: "A", order: ["formula.rank"] }] }, problem: "views[0].order[0] names a formula the base does not define: formula.rank" },
		{ name: "a sort direction in lowercase", value: { views: [{ type: "table", name: "A", sort: [{ property: "note.a", direction: "asc" }] }] }, problem: "views[0].sort[0].direction is not ASC or DESC" },
		{ name: "a sort that is not a list", value: { views: [{ type: "table", name: "A", sort: { property: "note.a", direction: "ASC" } }] }, problem: "views[0].sort is not a list" },
		{ name: "the old group_by key", value: { views: [{ type: "table", name: "A", group_by: "status" }] }, problem: "views[0] has keys this type does not know: group_by" },
		{ name: "groupBy as a bare property", value: { views: [{ type: "table", name: "A", groupBy: "note.section" }] }, problem: "views[0].groupBy is not a property and a direction" },
		{ name: "groupBy with an extra key", value: { views: [{ type: "table", name: "A", groupBy: { property: "note.a", direction: "ASC", by: 1 } }] }, problem: "views[0].groupBy has unknown keys: by" },
		{ name: "a limit of zero", value: { views: [{ type: "table", name: "A", limit: 0 }] }, problem: "views[0].limit is not a positive whole number" },
		{ name: "a fractional limit", value: { views: [{ type: "table", name: "A", limit: 2.5 }] }, problem: "views[0].limit is not a positive whole number" },
		{ name: "two views of one name", value: { views: [{ type: "table", name: "A" }, { type: "cards", name: "A" }] }, problem: "views share a name: A" },
	];
	it.each(cases)("reports $name", ({ value, problem }) => {
		expect(baseConfigProblems(value)).toEqual([problem]);
	});

	it("is a narrower type than Obsidian's own BasesConfigFile", () => {
		expectTypeOf<BaseConfig>().toExtend<BasesConfigFile>();
	});
});
