/**
 * Paper note templates: the built-in review template, placeholder checking
 * and rendering.
 *
 * Placeholders in the body are replaced as text. Placeholders in the front
 * matter are replaced inside the parsed YAML values and the result is written
 * back with a YAML serializer, so a title full of quotes and colons can never
 * break a note's properties.
 */
import { format } from "date-fns";
import { parse } from "yaml";
import { noteWithProperties, type Properties, splitFrontMatter } from "./front-matter";

export const PLACEHOLDERS = [
	"title",
	"url",
	"section",
	"group",
	"venue",
	"year",
	"award",
	"annotation",
	"catalogue",
	"listed",
	"date",
	"authors",
	"firstAuthor",
	"abstract",
	"published",
	"doi",
	"arxiv",
	"pdf",
	"citekey",
	"bibtex",
] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** What a look-up found about the paper (see src/details/): empty when the look-up is off or found nothing. */
export interface DetailValues {
	authors: readonly string[];
	abstract: string;
	/** `yyyy-MM-dd` (or as much of it as is known). */
	published: string;
	doi: string;
	arxiv: string;
	pdf: string;
	citekey: string;
	/** The paper's BibTeX entry. */
	bibtex: string;
	/** Where and when it appeared: `{{venue}}` and `{{year}}` when the catalogue does not say. */
	venue: string;
	year: number;
}

export interface TemplateValues {
	title: string;
	url: string;
	section: string;
	group: string;
	venue: string;
	year: number | null;
	award: string;
	annotation: string;
	/** A link to the catalogue note. */
	catalogue: string;
	/** Links to every catalogue section that lists the paper. */
	listed: string;
	/** The date the note is written; formatted with the date format setting or `{{date:FORMAT}}`. */
	date: Date;
	/** Whether the catalogue already ticks the paper: its note then starts as read, whatever the template says. */
	checked: boolean;
	/** Paper details found online, when they were looked up. */
	details?: Partial<DetailValues>;
	/** The paper's place in the catalogue (1 for the first): written as the `rank` property the base sorts by. */
	rank?: number;
}

/** Properties the plugin relies on (identity and status sync); added when a custom template lacks them. */
export const REQUIRED_PROPERTIES = ["title", "url", "catalogue", "status", "read"] as const;

export const DEFAULT_TEMPLATE = `---
title: "{{title}}"
url: "{{url}}"
catalogue: "{{catalogue}}"
section: "{{section}}"
group: "{{group}}"
venue: "{{venue}}"
year: "{{year}}"
authors: "{{authors}}"
published: "{{published}}"
doi: "{{doi}}"
arxiv: "{{arxiv}}"
pdf: "{{pdf}}"
citekey: "{{citekey}}"
status: unread
added: "{{date}}"
read:
rating:
tags:
  - paper
---
Listed in {{listed}}

{{annotation}}

> [!abstract]- Abstract
> {{abstract}}

> [!tip] Three passes
> 1. **Survey** (10 minutes): title, abstract, introduction, section headings, conclusions. What kind of paper is it, what problem, which claims?
> 2. **Grasp** (an hour): figures, tables and the evaluation; note the terms and references you do not know.
> 3. **Re-create** (as long as it takes): rebuild the argument yourself and challenge every assumption.

## Summary
<!-- In three sentences of your own: what does the paper do, and why does it matter? -->

## Problem and motivation
<!-- What problem, for whom, and why do existing systems fall short? -->

## Key ideas
<!-- The design or method, and the insight that makes it work. -->

## Evaluation
<!-- Workloads, baselines, metrics, hardware. Do the experiments support the claims? -->

## Strengths

## Weaknesses

## Questions for discussion

## Connections
<!-- Related papers in this catalogue and beyond; what would you build next? -->

## Review
<!-- As a program committee member would write it. -->
- **Overall merit** (1–5: put it in the \`rating\` property, where the progress view and the base read it):
- **Reviewer confidence** (1–4):
- **Novelty**:
- **Would you accept it? Why?**:
`;

export class TemplateError extends Error {
	override name = "TemplateError";
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const VALID_LIST = [...PLACEHOLDERS.map((name) => `{{${name}}}`), "{{date:FORMAT}}"].join(", ");

/** Why a date-fns format cannot be used, or null when it can. */
export function dateFormatProblem(pattern: string): string | null {
	if (pattern.trim() === "") return "the date format is empty";
	// Moment-style YYYY and DD are the most common slip; date-fns would reject them with a long message.
	const unquoted = pattern.replace(/'[^']*'?/g, "");
	if (unquoted.includes("Y")) return `invalid date format "${pattern}": use yyyy for the year (Y is the week-numbering year)`;
	if (unquoted.includes("D")) return `invalid date format "${pattern}": use d or dd for the day of the month (D is the day of the year)`;
	try {
		format(new Date(2000, 0, 31, 13, 5, 9), pattern);
		return null;
	} catch (error) {
		const reason = error instanceof Error ? (error.message.split(/ to the input | \(in `/)[0] ?? error.message) : String(error);
		return `invalid date format "${pattern}": ${reason}`;
	}
}

function formatDate(date: Date, pattern: string): string {
	return format(date, pattern);
}

/** Every problem with a template, empty when it can be used. Runs before anything is written. */
export function templateProblems(template: string, dateFormat: string): string[] {
	const problems: string[] = [];
	const dateProblem = dateFormatProblem(dateFormat);
	if (dateProblem) problems.push(dateProblem);
	for (const match of template.matchAll(PLACEHOLDER)) {
		const inner = match[1] ?? "";
		if (inner.startsWith("date:")) {
			const problem = dateFormatProblem(inner.slice("date:".length));
			if (problem) problems.push(`${match[0]}: ${problem}`);
		} else if (!(PLACEHOLDERS as readonly string[]).includes(inner)) {
			problems.push(`unknown placeholder ${match[0]}; valid placeholders are ${VALID_LIST}`);
		}
	}
	const { yaml } = splitFrontMatter(template);
	if (yaml !== null) {
		try {
			const value: unknown = parse(protectPlaceholders(yaml).text);
			if (value !== null && (typeof value !== "object" || Array.isArray(value))) problems.push("the template's properties are not a list of key: value pairs");
		} catch (error) {
			problems.push(`the template's properties are not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
		}
	}
	return [...new Set(problems)];
}

/** Throws a TemplateError naming every problem; `what` names the text in the message. */
export function checkTemplate(template: string, dateFormat: string, what = "The template"): void {
	const problems = templateProblems(template, dateFormat);
	if (problems.length > 0) throw new TemplateError(`${what} cannot be used: ${problems.join("; ")}.`);
}

/** A placeholder's value: a list for `{{authors}}` (a YAML list as a whole property, "A, B and C" in text). */
type Value = string | number | readonly string[] | null;

function valueOf(name: string, values: TemplateValues, dateFormat: string): Value {
	if (name.startsWith("date:")) return formatDate(values.date, name.slice("date:".length));
	const details = values.details ?? {};
	switch (name as PlaceholderName) {
		case "date":
			return formatDate(values.date, dateFormat);
		case "year":
			return values.year;
		case "authors":
			return details.authors ?? [];
		case "firstAuthor":
			return details.authors?.[0] ?? "";
		case "abstract":
		case "published":
		case "doi":
		case "arxiv":
		case "pdf":
		case "citekey":
		case "bibtex":
			return details[name as Exclude<keyof DetailValues, "authors">] ?? "";
		default: {
			const value = values[name as "title"];
			return typeof value === "string" ? value : null;
		}
	}
}

/** "A", "A and B", "A, B and C": authors as a sentence names them. */
function namesAsText(names: readonly string[]): string {
	if (names.length <= 1) return names[0] ?? "";
	return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

function isList(value: Value): value is readonly string[] {
	return typeof value === "object" && value !== null;
}

function asText(value: Value): string {
	if (value === null) return "";
	if (typeof value === "string") return value;
	if (typeof value === "number") return String(value);
	return isList(value) ? namesAsText(value) : "";
}

function isEmpty(value: Value): boolean {
	return asText(value) === "";
}

// A placeholder alone on its line (and a blank line after it): when its value is empty the lines go too.
const PLACEHOLDER_LINE = /^[ \t]*\{\{\s*([^{}]*?)\s*\}\}[ \t]*(?:\r?\n[ \t]*(?=\r?\n|$))?(?:\r?\n|$)/gm;

// A callout whose lines below its title are all lone placeholders (`> [!abstract]- Abstract` then `> {{abstract}}`),
// and a blank line after it.
const PLACEHOLDER_CALLOUT = /^>[ \t]*\[![^\]\n]*\][+-]?[^\n]*\r?\n((?:>[ \t]*\{\{[^{}\n]*\}\}[ \t]*(?:\r?\n|$))+)(?:[ \t]*\r?\n)?/gm;

export function fillText(text: string, values: TemplateValues, dateFormat: string): string {
	// A callout that would hold nothing but empty placeholders goes as a whole, title included.
	const withoutEmptyCallouts = text.replace(PLACEHOLDER_CALLOUT, (callout, body: string) => {
		const names = [...body.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
		return names.every((name) => isEmpty(valueOf(name, values, dateFormat))) ? "" : callout;
	});
	const withoutEmptyLines = withoutEmptyCallouts.replace(PLACEHOLDER_LINE, (line, name: string) => (isEmpty(valueOf(name, values, dateFormat)) ? "" : line));
	return withoutEmptyLines.replace(PLACEHOLDER, (_whole, name: string) => asText(valueOf(name, values, dateFormat)));
}

/**
 * Placeholders are not valid YAML on their own (`{{title}}` reads as a flow
 * mapping), so before parsing the template's properties each one becomes a
 * plain token that the values are put back into afterwards.
 */
function protectPlaceholders(yaml: string): { text: string; tokens: Map<string, string> } {
	const tokens = new Map<string, string>();
	let n = 0;
	const text = yaml.replace(PLACEHOLDER, (_whole, name: string) => {
		const token = `pc-placeholder-${n++}-x`;
		tokens.set(token, name);
		return token;
	});
	return { text, tokens };
}

function fillYamlValue(value: unknown, tokens: Map<string, string>, values: TemplateValues, dateFormat: string): unknown {
	if (typeof value === "string") {
		const whole = tokens.get(value.trim());
		// A value that is one placeholder keeps the value's type: a year stays a number, the authors a list, a
		// missing value is empty.
		if (whole !== undefined) {
			const filled = valueOf(whole, values, dateFormat);
			if (isEmpty(filled)) return null;
			return isList(filled) ? [...filled] : filled;
		}
		let text = value;
		for (const [token, name] of tokens) {
			if (text.includes(token)) text = text.split(token).join(asText(valueOf(name, values, dateFormat)));
		}
		return text;
	}
	if (Array.isArray(value)) return value.map((item) => fillYamlValue(item, tokens, values, dateFormat));
	if (typeof value === "object" && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillYamlValue(item, tokens, values, dateFormat)]));
	}
	return value;
}

function defaultProperty(name: (typeof REQUIRED_PROPERTIES)[number], values: TemplateValues): unknown {
	switch (name) {
		case "title":
			return values.title;
		case "url":
			return values.url === "" ? null : values.url;
		case "catalogue":
			return values.catalogue;
		case "status":
			return values.checked ? "read" : "unread";
		case "read":
			return null;
	}
}

/**
 * The properties with `rank` set, placed after `group` (or last) so it sits with the catalogue's facts; a template
 * that gives `rank` a value of its own keeps it.
 */
function withRank(properties: Properties, rank: number | undefined): Properties {
	if (rank === undefined || (properties.rank !== undefined && properties.rank !== null && properties.rank !== "")) return properties;
	if (!("group" in properties) || "rank" in properties) return { ...properties, rank };
	const result: Properties = {};
	for (const [key, value] of Object.entries(properties)) {
		result[key] = value;
		if (key === "group") result.rank = rank;
	}
	return result;
}

/** A template read once, to render many notes: its properties' YAML is parsed a single time. */
export interface CompiledTemplate {
	render(values: TemplateValues): string;
}

/** Compiles a template. Call `checkTemplate` first: this assumes a valid template. */
export function compileTemplate(template: string, dateFormat: string): CompiledTemplate {
	const { yaml, body } = splitFrontMatter(template);
	let parsed: Record<string, unknown> = {};
	let tokens = new Map<string, string>();
	if (yaml !== null) {
		const protectedYaml = protectPlaceholders(yaml);
		tokens = protectedYaml.tokens;
		const value: unknown = parse(protectedYaml.text);
		if (typeof value === "object" && value !== null && !Array.isArray(value)) parsed = value as Record<string, unknown>;
	}
	return {
		render(values: TemplateValues): string {
			// fillYamlValue builds new objects: the parsed template is never changed between notes.
			const properties = fillYamlValue(parsed, tokens, values, dateFormat) as Properties;
			for (const name of REQUIRED_PROPERTIES) {
				if (!(name in properties)) properties[name] = defaultProperty(name, values);
			}
			// The catalogue is the record of what was read; a new note must not contradict it (status sync would untick the item).
			if (values.checked) properties.status = "read";
			return noteWithProperties(withRank(properties, values.rank), fillText(body, values, dateFormat));
		},
	};
}

/** The note a template gives for one paper. Call `checkTemplate` first: this assumes a valid template. */
export function renderTemplate(template: string, values: TemplateValues, dateFormat: string): string {
	return compileTemplate(template, dateFormat).render(values);
}
