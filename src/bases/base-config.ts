/**
 * The shape of a `.base` file, as Obsidian's Bases syntax documents it
 * (help.obsidian.md/bases/syntax, /bases/views, /bases/functions).
 *
 * Obsidian's own `BasesConfigFile` (obsidian.d.ts 1.13) leaves out what a
 * view sorts by, its row limit and the shape of `groupBy`; this type says
 * all of it, and `baseConfigProblems` checks a parsed file against it.
 */

/** Every key is written with its prefix: a note property, a file property or one of the base's formulas. */
export type BasePropertyId = `note.${string}` | `file.${string}` | `formula.${string}`;

/** A filter statement (an expression that is truthy or not for a note), or `and` / `or` / `not` of filters. */
export type BaseFilter = string | { and: BaseFilter[] } | { or: BaseFilter[] } | { not: BaseFilter[] };

export type BaseSortDirection = "ASC" | "DESC";

export interface BaseSort {
	property: BasePropertyId;
	direction: BaseSortDirection;
}

/** Rows are put in groups by this property's value, groups sorted in this direction (Obsidian 1.10 and later). */
export interface BaseGroupBy {
	property: BasePropertyId;
	direction: BaseSortDirection;
}

/** The core layouts: table and cards since Bases came (1.9), list since 1.10. */
export type BaseViewType = "table" | "cards" | "list";

export interface BaseView {
	type: BaseViewType;
	/** Shown in the view menu; `![[File.base#Name]]` embeds this view. */
	name: string;
	/** Applied to this view only, together (AND) with the base's own filters. */
	filters?: BaseFilter;
	groupBy?: BaseGroupBy;
	/** The properties shown, in this order (a table's columns). */
	order?: BasePropertyId[];
	/** Sorts in priority order: the first decides, the next breaks ties. */
	sort?: BaseSort[];
	/** At most this many rows. */
	limit?: number;
	/** Property → the name of a summary formula shown under it. */
	summaries?: Record<BasePropertyId, string>;
}

export interface BasePropertyConfig {
	/** A table's column header; not used in filters or formulas. */
	displayName?: string;
}

export interface BaseConfig {
	/** Which notes the base holds, for every view. Without filters a base holds every file in the vault. */
	filters?: BaseFilter;
	/** Formula name → expression; used as `formula.<name>`. */
	formulas?: Record<string, string>;
	properties?: Record<BasePropertyId, BasePropertyConfig>;
	/** Summary name → expression over `values`. */
	summaries?: Record<string, string>;
	views?: BaseView[];
}

const PROPERTY_ID = /^(?:note|file|formula)\.\S/;
const VIEW_TYPES: readonly string[] = ["table", "cards", "list"] satisfies BaseViewType[];
const DIRECTIONS: readonly string[] = ["ASC", "DESC"] satisfies BaseSortDirection[];
const TOP_LEVEL_KEYS = ["filters", "formulas", "properties", "summaries", "views"];
const VIEW_KEYS = ["type", "name", "filters", "groupBy", "order", "sort", "limit", "summaries"];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function filterProblems(filter: unknown, where: string): string[] {
	if (typeof filter === "string") return filter.trim() === "" ? [`${where} is an empty statement`] : [];
	if (!isRecord(filter)) return [`${where} is neither a statement nor and/or/not`];
	const keys = Object.keys(filter);
	const key = keys[0];
	if (keys.length !== 1 || (key !== "and" && key !== "or" && key !== "not")) return [`${where} must hold exactly one of and, or, not (has ${keys.join(", ") || "nothing"})`];
	const list = filter[key];
	if (!Array.isArray(list)) return [`${where}.${key} is not a list`];
	return list.flatMap((item, i) => filterProblems(item, `${where}.${key}[${i}]`));
}

function propertyIdProblems(id: unknown, where: string, formulas: ReadonlySet<string>): string[] {
	if (typeof id !== "string" || !PROPERTY_ID.test(id)) return [`${where} is not a prefixed property (note., file. or formula.): ${JSON.stringify(id)}`];
	if (id.startsWith("formula.") && !formulas.has(id.slice("formula.".length))) return [`${where} names a formula the base does not define: ${id}`];
	return [];
}

function orderedProblems(value: unknown, where: string, formulas: ReadonlySet<string>): string[] {
	if (!isRecord(value)) return [`${where} is not a property and a direction`];
	const problems = propertyIdProblems(value.property, `${where}.property`, formulas);
	if (typeof value.direction !== "string" || !DIRECTIONS.includes(value.direction)) problems.push(`${where}.direction is not ASC or DESC`);
	const extra = Object.keys(value).filter((key) => key !== "property" && key !== "direction");
	if (extra.length > 0) problems.push(`${where} has unknown keys: ${extra.join(", ")}`);
	return problems;
}

function viewProblems(view: unknown, where: string, formulas: ReadonlySet<string>): string[] {
	if (!isRecord(view)) return [`${where} is not a view`];
	const problems: string[] = [];
	if (typeof view.type !== "string" || !VIEW_TYPES.includes(view.type)) problems.push(`${where}.type is not one of ${VIEW_TYPES.join(", ")}`);
	if (typeof view.name !== "string" || view.name.trim() === "") problems.push(`${where}.name is missing`);
	if (view.filters !== undefined) problems.push(...filterProblems(view.filters, `${where}.filters`));
	if (view.groupBy !== undefined) problems.push(...orderedProblems(view.groupBy, `${where}.groupBy`, formulas));
	if (view.order !== undefined) {
		if (!Array.isArray(view.order)) problems.push(`${where}.order is not a list`);
		else problems.push(...view.order.flatMap((id, i) => propertyIdProblems(id, `${where}.order[${i}]`, formulas)));
	}
	if (view.sort !== undefined) {
		if (!Array.isArray(view.sort)) problems.push(`${where}.sort is not a list`);
		else problems.push(...view.sort.flatMap((sort, i) => orderedProblems(sort, `${where}.sort[${i}]`, formulas)));
	}
	if (view.limit !== undefined && !(typeof view.limit === "number" && Number.isInteger(view.limit) && view.limit > 0)) problems.push(`${where}.limit is not a positive whole number`);
	if (view.summaries !== undefined && !isRecord(view.summaries)) problems.push(`${where}.summaries is not a map`);
	const extra = Object.keys(view).filter((key) => !VIEW_KEYS.includes(key));
	if (extra.length > 0) problems.push(`${where} has keys this type does not know: ${extra.join(", ")}`);
	return problems;
}

/**
 * Every way a parsed `.base` file differs from `BaseConfig`, empty when it matches: unknown keys, keys without
 * their prefix, a `formula.` key with no such formula, a view type, direction or limit Obsidian would not take.
 * (Keys a view type of a community plugin adds would be reported too: this checks what we write.)
 */
export function baseConfigProblems(value: unknown): string[] {
	if (!isRecord(value)) return ["the file is not a map of keys"];
	const problems: string[] = [];
	const extra = Object.keys(value).filter((key) => !TOP_LEVEL_KEYS.includes(key));
	if (extra.length > 0) problems.push(`unknown top-level keys: ${extra.join(", ")}`);
	const formulas = new Set<string>();
	if (value.formulas !== undefined) {
		if (!isRecord(value.formulas)) problems.push("formulas is not a map");
		else {
			for (const [name, expression] of Object.entries(value.formulas)) {
				if (typeof expression !== "string" || expression.trim() === "") problems.push(`formulas.${name} is not an expression`);
				formulas.add(name);
			}
		}
	}
	if (value.filters !== undefined) problems.push(...filterProblems(value.filters, "filters"));
	if (value.properties !== undefined) {
		if (!isRecord(value.properties)) problems.push("properties is not a map");
		else {
			for (const [id, config] of Object.entries(value.properties)) {
				problems.push(...propertyIdProblems(id, `properties key`, formulas));
				if (!isRecord(config)) problems.push(`properties.${id} is not a map`);
				else if (config.displayName !== undefined && typeof config.displayName !== "string") problems.push(`properties.${id}.displayName is not text`);
			}
		}
	}
	if (value.summaries !== undefined && !isRecord(value.summaries)) problems.push("summaries is not a map");
	if (value.views !== undefined) {
		if (!Array.isArray(value.views)) problems.push("views is not a list");
		else {
			problems.push(...value.views.flatMap((view, i) => viewProblems(view, `views[${i}]`, formulas)));
			const names = value.views.flatMap((view) => (isRecord(view) && typeof view.name === "string" ? [view.name] : []));
			const repeated = names.filter((name, i) => names.indexOf(name) !== i);
			if (repeated.length > 0) problems.push(`views share a name: ${[...new Set(repeated)].join(", ")}`);
		}
	}
	return problems;
}
