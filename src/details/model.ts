/**
 * What a look-up knows about a paper, and what it is asked. Pure data.
 *
 * Every field is optional: a source fills what it knows, and a later source fills only what is
 * still missing (see `mergeDetails`). Strings are plain text, already through `cleanText`.
 */

/** Where a field came from: the paper's own link (offline), or one of the services, in look-up order. */
export type DetailsSource = "url" | "arxiv" | "semantic-scholar" | "doi";

export interface PaperDetails {
	title?: string;
	/** Display names, "Given Family", in the order the source lists them. */
	authors?: string[];
	year?: number;
	venue?: string;
	/** `yyyy-MM-dd`, or `yyyy-MM` / `yyyy` when that is all the source knows. */
	published?: string;
	abstract?: string;
	/** Without any `https://doi.org/` prefix, case as the source wrote it. */
	doi?: string;
	/** Without a version: `2104.04473`, `cs/0112017`. */
	arxiv?: string;
	/** DBLP's key, e.g. `conf/sc/NarayananSCLPKV21`, when Semantic Scholar knows it. */
	dblp?: string;
	/** A link to a PDF anyone can open. */
	pdf?: string;
	/** The paper's landing page (the DOI's target), when a source gives one. */
	url?: string;
	/** The sources that gave at least one field, in look-up order. */
	sources: DetailsSource[];
}

/** The fields a source can fill, in a fixed order (merging and caching walk them in this order). */
export const DETAIL_FIELDS = ["title", "authors", "year", "venue", "published", "abstract", "doi", "arxiv", "dblp", "pdf", "url"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** One paper to look up. */
export interface DetailsQuery {
	/** A stable id of the paper: the catalogue's `paper.key`. Results are reported under it. */
	key: string;
	title: string;
	url?: string;
	/** The year the catalogue gives (`[SC’21]`), used to check a title match. */
	year?: number;
}
