/**
 * A `BaseConfig` written as the YAML of a `.base` file.
 *
 * Expressions (filter statements, formulas, summaries) are always quoted,
 * in single quotes as Obsidian's documentation writes them: an expression
 * then never reads as a YAML mapping, number, boolean or comment, whatever it
 * holds (`: `, ` #`, a leading `!` or `[`), and its double-quoted string
 * literals need no escaping. Everything else is plain where YAML allows.
 * Lines are never folded.
 */
import { Document, Scalar } from "yaml";
import type { BaseConfig, BaseFilter, BaseView } from "./base-config";

function expression(text: string): Scalar {
	const scalar = new Scalar(text);
	scalar.type = Scalar.QUOTE_SINGLE;
	return scalar;
}

function filterNode(filter: BaseFilter): unknown {
	if (typeof filter === "string") return expression(filter);
	if ("and" in filter) return { and: filter.and.map(filterNode) };
	if ("or" in filter) return { or: filter.or.map(filterNode) };
	return { not: filter.not.map(filterNode) };
}

function expressions(map: Record<string, string>): Record<string, Scalar> {
	return Object.fromEntries(Object.entries(map).map(([name, text]) => [name, expression(text)]));
}

function viewNode(view: BaseView): Record<string, unknown> {
	const { filters, ...rest } = view;
	const node: Record<string, unknown> = { type: rest.type, name: rest.name };
	if (filters !== undefined) node.filters = filterNode(filters);
	for (const [key, value] of Object.entries(rest)) if (!(key in node) && value !== undefined) node[key] = value;
	return node;
}

export function stringifyBaseConfig(config: BaseConfig): string {
	const node: Record<string, unknown> = {};
	if (config.filters !== undefined) node.filters = filterNode(config.filters);
	if (config.formulas !== undefined) node.formulas = expressions(config.formulas);
	if (config.properties !== undefined) node.properties = config.properties;
	if (config.summaries !== undefined) node.summaries = expressions(config.summaries);
	if (config.views !== undefined) node.views = config.views.map(viewNode);
	// No anchors and aliases (`&a1`, `*a1`) for repeated values: each view spells out its own settings.
	return new Document(node, { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
}
