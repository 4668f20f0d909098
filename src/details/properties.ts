/**
 * Details as note properties, typed so that Obsidian's property editor, Bases and Dataview read
 * them: `authors` a list, `year` a number, `published` a date (only a full `yyyy-MM-dd`: a partial
 * date is not a date to them), the rest text.
 *
 * The rule for a note that exists: a property is filled only when it is missing or empty; one the
 * user has set is never changed.
 */
import type { PaperDetails } from "./model";

export interface DetailsProperties {
	authors?: string[];
	year?: number;
	venue?: string;
	published?: string;
	doi?: string;
	arxiv?: string;
	pdf?: string;
	citekey?: string;
}

export const DETAILS_PROPERTY_NAMES = ["authors", "year", "venue", "published", "doi", "arxiv", "pdf", "citekey"] as const;

/** The properties `details` can fill, plus the citation key the caller chose for the paper. */
export function detailsProperties(details: PaperDetails, citekey?: string): DetailsProperties {
	const properties: DetailsProperties = {};
	if (details.authors && details.authors.length > 0) properties.authors = [...details.authors];
	if (details.year !== undefined) properties.year = details.year;
	if (details.venue !== undefined) properties.venue = details.venue;
	if (details.published !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(details.published)) properties.published = details.published;
	if (details.doi !== undefined) properties.doi = details.doi;
	if (details.arxiv !== undefined) properties.arxiv = details.arxiv;
	if (details.pdf !== undefined) properties.pdf = details.pdf;
	if (citekey !== undefined && citekey !== "") properties.citekey = citekey;
	return properties;
}

/** Empty as the property editor shows it: absent, null, blank text, or a list of nothing but blanks. */
export function isEmptyProperty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === "string") return value.trim() === "";
	if (Array.isArray(value)) return value.every((item) => isEmptyProperty(item));
	return false;
}

/**
 * Fills the properties `frontMatter` misses or has empty, in place (as `processFrontMatter`
 * hands it over); returns the names it filled, so `[]` means nothing changed. A property the
 * user wrote with other capitals (`Authors`) counts as that property, and is filled under the
 * user's spelling when empty.
 */
export function fillMissingProperties(frontMatter: Record<string, unknown>, properties: DetailsProperties): string[] {
	const filled: string[] = [];
	for (const name of DETAILS_PROPERTY_NAMES) {
		const value = properties[name];
		if (value === undefined) continue;
		const existing = Object.keys(frontMatter).filter((key) => key.toLowerCase() === name);
		if (existing.some((key) => !isEmptyProperty(frontMatter[key]))) continue;
		const key = existing[0] ?? name;
		frontMatter[key] = Array.isArray(value) ? [...value] : value;
		filled.push(name);
	}
	return filled;
}
