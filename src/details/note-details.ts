/**
 * What a look-up found, in the two shapes notes take it: template values for a note about to be
 * written, and properties to fill into a note that exists. Both choose the paper's citation key
 * here, against the keys the vault already holds, so that keys stay unique vault-wide.
 */
import type { DetailValues } from "../notes/template";
import { bibtexEntry, bibtexPaper } from "./bibtex";
import { citekeyFor } from "./citekey";
import type { PaperDetails } from "./model";
import { type DetailsProperties, detailsProperties } from "./properties";

/** Citation keys in use, compared without case as BibTeX does. */
export class CitekeyRegistry {
	private readonly keys = new Set<string>();

	constructor(keys: Iterable<string> = []) {
		for (const key of keys) this.claim(key);
	}

	has(key: string): boolean {
		return this.keys.has(key.toLowerCase());
	}

	claim(key: string): void {
		if (key.trim() !== "") this.keys.add(key.toLowerCase());
	}

	/** A new key for the paper, claimed at once. */
	keyFor(details: PaperDetails, title: string): string {
		const key = citekeyFor({ ...(details.authors ? { authors: details.authors } : {}), ...(details.year !== undefined ? { year: details.year } : {}), title: details.title ?? title }, (candidate) => this.has(candidate));
		this.claim(key);
		return key;
	}
}

/** A new note's placeholders from what was found; `title` and `url` are the catalogue's. */
export function detailValues(details: PaperDetails, citekey: string, paper: { title: string; url?: string; venue?: string }): Partial<DetailValues> {
	const values: Partial<DetailValues> = { citekey };
	if (details.authors && details.authors.length > 0) values.authors = [...details.authors];
	if (details.abstract !== undefined) values.abstract = details.abstract;
	if (details.published !== undefined) values.published = details.published;
	if (details.doi !== undefined) values.doi = details.doi;
	if (details.arxiv !== undefined) values.arxiv = details.arxiv;
	if (details.pdf !== undefined) values.pdf = details.pdf;
	if (details.venue !== undefined) values.venue = details.venue;
	if (details.year !== undefined) values.year = details.year;
	// The entry as the note's properties will read: the catalogue's title and venue first, as in the note.
	const properties: Record<string, unknown> = { ...detailsProperties(details, citekey), title: paper.title, url: paper.url ?? "" };
	if (paper.venue !== undefined && paper.venue !== "") properties.venue = paper.venue;
	values.bibtex = bibtexEntry(bibtexPaper(properties), citekey).trimEnd();
	return values;
}

/**
 * Properties for a note that exists: what was found, plus a citation key only when the note has
 * none (a key once written is never changed; see `fillMissingProperties`).
 */
export function propertiesForNote(details: PaperDetails, title: string, noteCitekey: unknown, citekeys: CitekeyRegistry): DetailsProperties {
	const hasKey = typeof noteCitekey === "string" && noteCitekey.trim() !== "";
	return detailsProperties(details, hasKey ? undefined : citekeys.keyFor(details, title));
}
