/**
 * Semantic Scholar's Graph API (https://api.semanticscholar.org/api-docs/graph): the batch
 * endpoint for papers we have an arXiv id or DOI for (its answer is a list aligned with the ids
 * asked, `null` for a paper it does not know), and the title match for papers with neither.
 */
import { isSafeExternalUrl } from "../catalogue/url";
import { cleanOptional, cleanText } from "./clean-text";
import { normalizeArxivId, normalizeDoi, type PaperIds } from "./ids";
import { field, isRecord, parseJson } from "./json";
import type { DetailsQuery, PaperDetails } from "./model";
import type { ServicePolicy } from "./service";
import { finish, type Steps } from "./steps";
import { normalizeTitle } from "./title-key";
import type { TransportRequest, TransportResponse } from "./transport";

export const SEMANTIC_SCHOLAR_API = "https://api.semanticscholar.org/graph/v1";
export const SEMANTIC_SCHOLAR_FIELDS = "title,authors,year,venue,publicationVenue,journal,publicationDate,externalIds,openAccessPdf,abstract";
/** The endpoint takes up to 500 ids; we ask per group of papers (see `LOOKUP_GROUP_SIZE`), never more than this. */
export const SEMANTIC_SCHOLAR_BATCH_SIZE = 500;

/**
 * Unauthenticated calls share one busy pool, and a key allows one request a second: we space
 * requests by a second and, on 429, wait 2, 4, 8 and 16 s before giving up.
 */
export const SEMANTIC_SCHOLAR_POLICY: ServicePolicy = {
	name: "Semantic Scholar",
	spacingMs: 1_000,
	rateLimitWaitsMs: [2_000, 4_000, 8_000, 16_000],
	isRateLimited: (response: TransportResponse) => response.status === 429,
};

export type SemanticScholarPaper = Omit<PaperDetails, "sources">;

function headers(apiKey: string | undefined, json: boolean): Record<string, string> {
	const result: Record<string, string> = { Accept: "application/json" };
	if (json) result["Content-Type"] = "application/json";
	const key = apiKey?.trim();
	if (key) result["x-api-key"] = key;
	return result;
}

/** `ARXIV:2104.04473`, else `DOI:10.…`, else undefined (the paper needs a title match). */
export function semanticScholarId(ids: PaperIds): string | undefined {
	if (ids.arxiv !== undefined) return `ARXIV:${ids.arxiv}`;
	if (ids.doi !== undefined) return `DOI:${ids.doi}`;
	return undefined;
}

export function semanticScholarBatchRequest(ids: readonly string[], apiKey?: string): Omit<TransportRequest, "signal"> {
	return {
		url: `${SEMANTIC_SCHOLAR_API}/paper/batch?fields=${SEMANTIC_SCHOLAR_FIELDS}`,
		method: "POST",
		headers: headers(apiKey, true),
		body: JSON.stringify({ ids }),
	};
}

export function semanticScholarMatchRequest(title: string, apiKey?: string): Omit<TransportRequest, "signal"> {
	return {
		url: `${SEMANTIC_SCHOLAR_API}/paper/search/match?query=${encodeURIComponent(title)}&fields=${SEMANTIC_SCHOLAR_FIELDS}`,
		method: "GET",
		headers: headers(apiKey, false),
	};
}

/** Venues that say "preprint", not where a paper appeared. */
const NOT_A_VENUE = /^(?:arxiv(?:\.org)?|corr|arxiv \(cornell university\))$/i;

function venueOf(paper: Record<string, unknown>): string | undefined {
	for (const candidate of [paper.venue, field(paper.publicationVenue, "name"), field(paper.journal, "name")]) {
		const venue = cleanOptional(candidate, 500);
		if (venue !== undefined && !NOT_A_VENUE.test(venue)) return venue;
	}
	return undefined;
}

function yearOf(value: unknown): number | undefined {
	return typeof value === "number" && Number.isInteger(value) && value >= 1000 && value <= 9999 ? value : undefined;
}

/** One paper object; undefined for anything that is not one. */
export function readSemanticScholarPaper(value: unknown): SemanticScholarPaper | undefined {
	if (!isRecord(value)) return undefined;
	const paper: SemanticScholarPaper = {};
	const title = cleanOptional(value.title, 1000);
	if (title !== undefined) paper.title = title;
	if (Array.isArray(value.authors)) {
		const authors = value.authors.map((author) => cleanText(field(author, "name"), 500)).filter((name) => name !== "");
		if (authors.length > 0) paper.authors = authors;
	}
	const year = yearOf(value.year);
	if (year !== undefined) paper.year = year;
	const venue = venueOf(value);
	if (venue !== undefined) paper.venue = venue;
	const date = typeof value.publicationDate === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.publicationDate.trim()) : null;
	if (date) paper.published = `${date[1]}-${date[2]}-${date[3]}`;
	const abstract = cleanOptional(value.abstract);
	if (abstract !== undefined) paper.abstract = abstract;
	const external = value.externalIds;
	const doi = typeof field(external, "DOI") === "string" ? normalizeDoi(cleanText(field(external, "DOI"))) : undefined;
	if (doi !== undefined) paper.doi = doi;
	const arxiv = typeof field(external, "ArXiv") === "string" ? normalizeArxivId(cleanText(field(external, "ArXiv"))) : undefined;
	if (arxiv !== undefined) paper.arxiv = arxiv;
	const dblp = cleanOptional(field(external, "DBLP"), 200);
	if (dblp !== undefined) paper.dblp = dblp;
	const pdf = cleanText(field(value.openAccessPdf, "url"), 2000);
	if (pdf !== "" && isSafeExternalUrl(pdf)) paper.pdf = pdf;
	return paper;
}

export type SemanticScholarBatch = { kind: "papers"; papers: (SemanticScholarPaper | null)[] } | { kind: "malformed"; detail: string };

/** Papers read between two yields of `semanticScholarBatchSteps`. */
export const SEMANTIC_SCHOLAR_PAPERS_PER_STEP = 25;

/** `readSemanticScholarBatch` in steps, for a caller that yields to the UI between them. */
export function* semanticScholarBatchSteps(text: string, expected: number): Steps<SemanticScholarBatch> {
	const parsed = parseJson(text);
	if (!parsed.ok) return { kind: "malformed", detail: parsed.detail };
	if (!Array.isArray(parsed.value)) return { kind: "malformed", detail: "not a list" };
	// Results align with the ids asked; a list of another length cannot be matched to them.
	if (parsed.value.length !== expected) return { kind: "malformed", detail: `${parsed.value.length} results for ${expected} ids` };
	const papers: (SemanticScholarPaper | null)[] = [];
	for (const item of parsed.value as unknown[]) {
		if (papers.length % SEMANTIC_SCHOLAR_PAPERS_PER_STEP === 0) yield;
		papers.push(item === null ? null : (readSemanticScholarPaper(item) ?? null));
	}
	return { kind: "papers", papers };
}

/** The batch answer for `expected` ids: a list of that length, each a paper or null. */
export function readSemanticScholarBatch(text: string, expected: number): SemanticScholarBatch {
	return finish(semanticScholarBatchSteps(text, expected));
}

export type SemanticScholarMatch = { kind: "match"; paper: SemanticScholarPaper; score?: number } | { kind: "no match" } | { kind: "malformed"; detail: string };

/** The title-match answer: 404 (or an empty `data`) is "no match". */
export function readSemanticScholarMatch(status: number, text: string): SemanticScholarMatch {
	if (status === 404) return { kind: "no match" };
	const parsed = parseJson(text);
	if (!parsed.ok) return { kind: "malformed", detail: parsed.detail };
	const data = field(parsed.value, "data");
	if (!Array.isArray(data)) return { kind: "malformed", detail: "no data list" };
	const first: unknown = data[0];
	if (first === undefined) return { kind: "no match" };
	const paper = readSemanticScholarPaper(first);
	if (paper === undefined) return { kind: "malformed", detail: "the match is not a paper" };
	const score = field(first, "matchScore");
	return typeof score === "number" ? { kind: "match", paper, score } : { kind: "match", paper };
}

/** Conference and preprint years differ by one often enough; more than that is another paper. */
export const MATCH_YEAR_TOLERANCE = 1;

/**
 * Whether a title match is this paper: the normalised titles must be equal and, when the catalogue
 * gives a year, the match's year within one of it. Search scores are not trusted on their own: a
 * high-scoring match can be a different paper with a similar title.
 */
export function acceptMatch(query: DetailsQuery, paper: SemanticScholarPaper): { ok: true } | { ok: false; reason: string; detail: string } {
	const wanted = normalizeTitle(query.title);
	const found = normalizeTitle(paper.title ?? "");
	if (wanted === "" || wanted !== found) return { ok: false, reason: "no title match", detail: `closest title: "${paper.title ?? ""}"` };
	if (query.year !== undefined && paper.year !== undefined && Math.abs(paper.year - query.year) > MATCH_YEAR_TOLERANCE) {
		return { ok: false, reason: "no title match", detail: `same title, but from ${paper.year}, not ${query.year}` };
	}
	return { ok: true };
}
