/**
 * DOI metadata by content negotiation (https://citation.doi.org/docs.html): `https://doi.org/DOI`
 * asked for `application/vnd.citationstyles.csl+json` answers in CSL-JSON, whichever agency
 * (Crossref, DataCite, mEDRA…) registered the DOI.
 */
import { isSafeExternalUrl } from "../catalogue/url";
import { cleanOptional, cleanText } from "./clean-text";
import { normalizeDoi } from "./ids";
import { field, isRecord, parseJson } from "./json";
import type { PaperDetails } from "./model";
import type { ServicePolicy } from "./service";
import type { TransportRequest, TransportResponse } from "./transport";

export const CSL_ACCEPT = "application/vnd.citationstyles.csl+json";

/** One DOI per request, so requests are many: a fifth of a second between them keeps well inside the agencies' limits. */
export const DOI_POLICY: ServicePolicy = {
	name: "doi.org",
	spacingMs: 200,
	rateLimitWaitsMs: [2_000, 4_000, 8_000],
	isRateLimited: (response: TransportResponse) => response.status === 429,
};

export function cslRequest(doi: string): Omit<TransportRequest, "signal"> {
	// A DOI may hold `<`, `#`, `?` or spaces; each path segment is encoded, the slashes kept.
	const path = doi.split("/").map(encodeURIComponent).join("/");
	return { url: `https://doi.org/${path}`, method: "GET", headers: { Accept: CSL_ACCEPT } };
}

export type CslWork = Omit<PaperDetails, "sources">;

export type CslResult = { kind: "work"; work: CslWork } | { kind: "not found" } | { kind: "malformed"; detail: string };

function firstString(value: unknown): unknown {
	return Array.isArray(value) ? value.find((item) => typeof item === "string") : value;
}

function nameOf(author: unknown): string {
	if (!isRecord(author)) return "";
	const literal = cleanText(author.literal, 500);
	if (literal !== "") return literal;
	const parts = [author.given, author["non-dropping-particle"], author.family, author.suffix].map((part) => cleanText(part, 300)).filter((part) => part !== "");
	return parts.join(" ");
}

function datePart(value: unknown): number | undefined {
	const number = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

/** `issued.date-parts[0]`: `[2021]`, `[2021, 4]` or `[2021, 4, 26]`, numbers or digit strings. */
function issued(value: unknown): { year?: number; published?: string } {
	const parts: unknown = field(value, "date-parts");
	const first: unknown = Array.isArray(parts) ? parts[0] : undefined;
	if (!Array.isArray(first)) return {};
	const [year, month, day] = [datePart(first[0]), datePart(first[1]), datePart(first[2])];
	if (year === undefined || year < 1000 || year > 9999) return {};
	const pad = (n: number): string => String(n).padStart(2, "0");
	if (month === undefined || month < 1 || month > 12) return { year, published: String(year) };
	if (day === undefined || day < 1 || day > 31) return { year, published: `${year}-${pad(month)}` };
	return { year, published: `${year}-${pad(month)}-${pad(day)}` };
}

/** Crossref abstracts open with a JATS heading that only says "Abstract". */
function abstractOf(value: unknown): string | undefined {
	if (typeof value !== "string") return undefined;
	return cleanOptional(value.replace(/^\s*<(?:jats:)?title>\s*abstract\s*<\/(?:jats:)?title>/i, ""));
}

const NOT_A_VENUE = /^(?:arxiv(?:\.org)?|corr)$/i;

/** Reads a response. 404 is a DOI no agency knows; anything that is not a CSL item is `malformed`. */
export function readCsl(status: number, text: string): CslResult {
	if (status === 404) return { kind: "not found" };
	const parsed = parseJson(text);
	if (!parsed.ok) return { kind: "malformed", detail: parsed.detail };
	const item = parsed.value;
	if (!isRecord(item)) return { kind: "malformed", detail: "not a CSL item" };
	const work: CslWork = {};
	const title = cleanOptional(firstString(item.title), 1000);
	if (title !== undefined) work.title = title;
	if (Array.isArray(item.author)) {
		const authors = item.author.map(nameOf).filter((name) => name !== "");
		if (authors.length > 0) work.authors = authors;
	}
	const date = issued(item.issued);
	if (date.year !== undefined) work.year = date.year;
	if (date.published !== undefined) work.published = date.published;
	const venue = cleanOptional(firstString(item["container-title"]), 500);
	if (venue !== undefined && !NOT_A_VENUE.test(venue)) work.venue = venue;
	const abstract = abstractOf(item.abstract);
	if (abstract !== undefined) work.abstract = abstract;
	const doi = typeof item.DOI === "string" ? normalizeDoi(cleanText(item.DOI)) : undefined;
	if (doi !== undefined) work.doi = doi;
	// The landing page, not a PDF.
	const url = cleanText(item.URL, 2000);
	if (url !== "" && isSafeExternalUrl(url)) work.url = url;
	if (Object.keys(work).length === 0) return { kind: "malformed", detail: "a CSL item with none of the fields we read" };
	return { kind: "work", work };
}
