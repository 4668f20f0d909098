/**
 * What earlier look-ups found, so that a re-run asks nothing. A plain JSON-serialisable object:
 * the plugin keeps it in its data.json, the command line in a cache file. Each paper's entry holds
 * one result per source, found or definitely missing; transient failures (offline, time-outs,
 * rate limits) are never stored, so the next run asks again for exactly those.
 */
import { cleanOptional, cleanText } from "./clean-text";
import type { PaperIds } from "./ids";
import { normalizeArxivId, normalizeDoi } from "./ids";
import { isRecord } from "./json";
import type { PaperDetails } from "./model";
import { normalizeTitle } from "./title-key";

export type CachedSource = "arxiv" | "semantic-scholar" | "doi";
const CACHED_SOURCES: readonly CachedSource[] = ["arxiv", "semantic-scholar", "doi"];

export type FoundDetails = Omit<PaperDetails, "sources">;

export interface CachedLookup {
	/** When it was looked up (the look-up clock's `now()`). */
	at: number;
	/** What the source gave; absent when it definitely had nothing (`missing` says why). */
	found?: FoundDetails;
	missing?: string;
	/** More about `missing`: "closest title: …". */
	detail?: string;
}

export interface DetailsCacheData {
	version: 1;
	/** By canonical paper id: `arxiv:ID`, `doi:…` (lower-cased), or `title:normalised title`. */
	papers: Record<string, Partial<Record<CachedSource, CachedLookup>>>;
}

export function emptyDetailsCache(): DetailsCacheData {
	return { version: 1, papers: {} };
}

/**
 * The id results are cached under: the arXiv id, else the DOI (DOIs are case-insensitive), else
 * the normalised title; undefined for a paper with none of them.
 */
export function canonicalPaperId(ids: PaperIds, title: string): string | undefined {
	if (ids.arxiv !== undefined) return `arxiv:${ids.arxiv}`;
	if (ids.doi !== undefined) return `doi:${ids.doi.toLowerCase()}`;
	const key = normalizeTitle(title);
	return key === "" ? undefined : `title:${key}`;
}

const KEY = /^(?:arxiv|doi|title):./;

function readFound(value: unknown): FoundDetails | undefined {
	if (!isRecord(value)) return undefined;
	const found: FoundDetails = {};
	for (const name of ["title", "venue", "abstract", "dblp", "pdf", "url"] as const) {
		const text = cleanOptional(value[name]);
		if (text !== undefined) found[name] = text;
	}
	if (Array.isArray(value.authors)) {
		const authors = value.authors.map((author) => cleanText(author, 500)).filter((author) => author !== "");
		if (authors.length > 0) found.authors = authors;
	}
	if (typeof value.year === "number" && Number.isInteger(value.year) && value.year >= 1000 && value.year <= 9999) found.year = value.year;
	if (typeof value.published === "string" && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value.published)) found.published = value.published;
	const doi = typeof value.doi === "string" ? normalizeDoi(value.doi) : undefined;
	if (doi !== undefined) found.doi = doi;
	const arxiv = typeof value.arxiv === "string" ? normalizeArxivId(value.arxiv) : undefined;
	if (arxiv !== undefined) found.arxiv = arxiv;
	return found;
}

function readLookup(value: unknown): CachedLookup | undefined {
	if (!isRecord(value) || typeof value.at !== "number" || !Number.isFinite(value.at)) return undefined;
	const found = value.found === undefined ? undefined : readFound(value.found);
	const missing = typeof value.missing === "string" ? cleanOptional(value.missing, 500) : undefined;
	if (found === undefined && missing === undefined) return undefined;
	const lookup: CachedLookup = { at: value.at };
	if (found !== undefined) lookup.found = found;
	else if (missing !== undefined) {
		lookup.missing = missing;
		const detail = cleanOptional(value.detail, 1000);
		if (detail !== undefined) lookup.detail = detail;
	}
	return lookup;
}

/**
 * The cache from whatever was read back from disk: any shape is accepted, and whatever is not a
 * valid entry (wrong version, wrong types, unknown keys) is left out. Never throws.
 */
export function readDetailsCache(data: unknown): DetailsCacheData {
	const cache = emptyDetailsCache();
	if (!isRecord(data) || data.version !== 1 || !isRecord(data.papers)) return cache;
	for (const [id, entry] of Object.entries(data.papers)) {
		if (!KEY.test(id) || !isRecord(entry)) continue;
		const lookups: Partial<Record<CachedSource, CachedLookup>> = {};
		let any = false;
		for (const source of CACHED_SOURCES) {
			const lookup = readLookup(entry[source]);
			if (lookup) {
				lookups[source] = lookup;
				any = true;
			}
		}
		if (any) cache.papers[id] = lookups;
	}
	return cache;
}

export function cachedLookup(cache: DetailsCacheData, id: string, source: CachedSource): CachedLookup | undefined {
	return Object.prototype.hasOwnProperty.call(cache.papers, id) ? cache.papers[id]?.[source] : undefined;
}

export function storeLookup(cache: DetailsCacheData, id: string, source: CachedSource, lookup: CachedLookup): void {
	const entry = Object.prototype.hasOwnProperty.call(cache.papers, id) ? cache.papers[id] : undefined;
	if (entry) entry[source] = lookup;
	else cache.papers[id] = { [source]: lookup };
}
