/**
 * The `.base` file of a catalogue: its papers as a table grouped by section
 * in catalogue order, the unread required ones as cards, and the read ones
 * by date. Written once beside the catalogue; after that it is the user's
 * (Obsidian saves their column, sort and view changes into it).
 *
 * It relies on the paper notes' properties: `catalogue` (a link to the
 * catalogue note), `rank` (the paper's position in the catalogue, a number),
 * `section`, `group`, `status`, `title`, `venue`, `year`, `read` and `rating`.
 */
import { baseName, normalizeVaultPath, parentFolder } from "../notes/vault-path";
import type { BaseConfig, BaseSort, BaseView } from "./base-config";
import { stringifyBaseConfig } from "./base-yaml";
import { stringLiteral } from "./expression";
import type { BasesFeatures } from "./features";

export interface CatalogueForBase {
	/** The catalogue note's vault path, e.g. `Courses/CS294 AI-Systems.md`. */
	path: string;
	/** Its section titles in catalogue order, as the notes' `section` property holds them. */
	sections: readonly string[];
}

export const PAPERS_VIEW = "Papers";
export const UNREAD_REQUIRED_VIEW = "Unread required";
export const READ_BY_DATE_VIEW = "Read, by date";

function catalogueOrder(): BaseSort {
	return { property: "note.rank", direction: "ASC" };
}

/** Where a catalogue's base goes: beside it, named after it (`Courses/CS294 AI-Systems.base`). */
export function basePathFor(cataloguePath: string): string {
	const folder = parentFolder(cataloguePath);
	const name = `${baseName(cataloguePath)}.base`;
	return folder === "" ? name : `${folder}/${name}`;
}

/**
 * Keeps the catalogue's papers, wherever their notes are: those whose `catalogue` property links to it (one link
 * or a list of them). The link text is the one the notes hold (the path without `.md`), so a note still matches by
 * its text while a link does not resolve.
 */
function catalogueFilter(cataloguePath: string): string {
	const linkPath = normalizeVaultPath(cataloguePath).replace(/\.md$/i, "");
	return `list(note.catalogue).contains(link(${stringLiteral(linkPath)}))`;
}

// How Bases might compare texts when it sorts groups: by code unit, by the locale, or by the locale with numbers.
const COMPARISONS: ((a: string, b: string) => number)[] = [
	(a, b) => (a < b ? -1 : a > b ? 1 : 0),
	(a, b) => a.localeCompare(b),
	(a, b) => a.localeCompare(b, undefined, { numeric: true }),
];

/** Whether the titles sort into catalogue order on their own, however Bases compares them. */
function sortsInCatalogueOrder(titles: readonly string[]): boolean {
	return titles.every((title, i) => i === 0 || COMPARISONS.every((compare) => compare(titles[i - 1] ?? "", title) < 0));
}

/**
 * What each section's group is called: its position in front, zero-padded so that the labels sort in catalogue
 * order as plain text. Titles numbered in order already ("1. Introduction", … "10. Benchmarks") get their own
 * number padded ("01. Introduction"); others get one ("01 · Introduction").
 */
function orderedLabels(titles: readonly string[]): string[] {
	const width = String(titles.length).length;
	const position = (i: number): string => String(i + 1).padStart(width, "0");
	const numbered = titles.every((title, i) => new RegExp(`^0*${i + 1}(?!\\d)`).test(title));
	return titles.map((title, i) => (numbered ? `${position(i)}${title.replace(/^\d+/, "")}` : `${position(i)} · ${title}`));
}

/**
 * The group a paper's row goes in: its section, labelled so that groups (which Bases sorts by this value) come in
 * catalogue order; or null when the titles sort in catalogue order on their own and `note.section` will do.
 * Plain titles would not: "10. Benchmarks" sorts before "2. Big data", "Introduction" after "Hardware".
 * A section added to the catalogue later is not known here and gets its plain title.
 */
function sectionGroupFormula(sections: readonly string[]): string | null {
	const titles = [...new Set(sections)];
	if (sortsInCatalogueOrder(titles)) return null;
	const labels = orderedLabels(titles);
	return titles.reduceRight((otherwise, title, i) => `if(note.section == ${stringLiteral(title)}, ${stringLiteral(labels[i] ?? title)}, ${otherwise})`, "note.section");
}

/** The base's settings for a catalogue, or null where the app has no Bases. */
export function catalogueBaseConfig(catalogue: CatalogueForBase, features: BasesFeatures): BaseConfig | null {
	if (!features.bases) return null;
	const groupFormula = features.groupBy ? sectionGroupFormula(catalogue.sections) : null;
	const formulas: Record<string, string> = {
		// The paper's title (its `title` property, or the note's name) as a link to the note.
		title: "if(note.title, file.asLink(note.title.toString()), file.asLink())",
	};
	if (groupFormula !== null) formulas.section = groupFormula;

	const papers: BaseView = {
		type: "table",
		name: PAPERS_VIEW,
		order: features.groupBy
			? ["formula.title", "note.status", "note.group", "note.venue", "note.year", "note.read", "note.rating"]
			: ["formula.title", "note.section", "note.status", "note.group", "note.venue", "note.year", "note.read", "note.rating"],
		sort: [catalogueOrder()],
	};
	if (features.groupBy) papers.groupBy = { property: groupFormula !== null ? "formula.section" : "note.section", direction: "ASC" };

	return {
		filters: { and: [catalogueFilter(catalogue.path)] },
		formulas,
		properties: {
			"formula.title": { displayName: "Title" },
			...(groupFormula !== null ? { "formula.section": { displayName: "Section" } } : {}),
			"note.section": { displayName: "Section" },
			"note.status": { displayName: "Status" },
			"note.group": { displayName: "Group" },
			"note.venue": { displayName: "Venue" },
			"note.year": { displayName: "Year" },
			"note.read": { displayName: "Read on" },
			"note.rating": { displayName: "Rating" },
			"note.rank": { displayName: "Catalogue order" },
		},
		views: [
			papers,
			{
				// Cards, not a list: the list layout needs 1.10, cards work wherever Bases does.
				type: "cards",
				name: UNREAD_REQUIRED_VIEW,
				filters: { and: ['note.group == "required"', 'note.status != "read"'] },
				order: ["formula.title", "note.section", "note.venue", "note.year"],
				sort: [catalogueOrder()],
			},
			{
				type: "table",
				name: READ_BY_DATE_VIEW,
				filters: 'note.status == "read"',
				order: ["formula.title", "note.read", "note.rating", "note.section", "note.venue", "note.year"],
				sort: [{ property: "note.read", direction: "DESC" }, catalogueOrder()],
			},
		],
	};
}

/** The `.base` file for a catalogue (its path and YAML text), or null where the app has no Bases. */
export function catalogueBaseFile(catalogue: CatalogueForBase, features: BasesFeatures): { path: string; text: string } | null {
	const config = catalogueBaseConfig(catalogue, features);
	return config === null ? null : { path: basePathFor(catalogue.path), text: stringifyBaseConfig(config) };
}
