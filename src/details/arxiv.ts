/**
 * arXiv's API (https://info.arxiv.org/help/api/user-manual.html): `id_list` queries answered in
 * Atom. Its traps: a bad query is HTTP 200 with one entry titled "Error"; throttling is the plain
 * body "Rate exceeded."; titles and abstracts are hard-wrapped; entry ids carry a version.
 */
import { XMLParser } from "fast-xml-parser";
import { cleanOptional, cleanText } from "./clean-text";
import { normalizeArxivId, normalizeDoi } from "./ids";
import type { PaperDetails } from "./model";
import type { ServicePolicy } from "./service";
import type { TransportResponse } from "./transport";
import { finish, type Steps } from "./steps";
import { elementTexts, xmlAttribute, xmlChild, xmlList, xmlProblemSteps, xmlText } from "./xml-text";

export const ARXIV_QUERY_URL = "https://export.arxiv.org/api/query";
/** Ids per request: about 1.5 KB of query, and a response of about 150 KB. */
export const ARXIV_BATCH_SIZE = 100;

/** arXiv's terms: at most one request every three seconds, one connection at a time. */
export const ARXIV_POLICY: ServicePolicy = {
	name: "arXiv",
	spacingMs: 3_000,
	rateLimitWaitsMs: [10_000, 30_000],
	isRateLimited: (response: TransportResponse) => response.status === 429 || isRateExceeded(response.text),
};

/** The query for these ids (already normalised); `max_results` says all of them (the default is 10). */
export function arxivQueryUrl(ids: readonly string[]): string {
	return `${ARXIV_QUERY_URL}?id_list=${ids.join(",")}&max_results=${ids.length}`;
}

export interface ArxivEntry {
	/** Normalised, without version. */
	id: string;
	details: Omit<PaperDetails, "sources">;
}

export type ArxivFeed =
	| { kind: "entries"; entries: ArxivEntry[] }
	/** The HTTP-200 error entry; `id` (as sent) when the message names the id it refused. */
	| { kind: "error"; message: string; id?: string }
	| { kind: "rate limit" }
	| { kind: "malformed"; detail: string };

function isRateExceeded(text: string): boolean {
	return /^\s*rate exceeded/i.test(text);
}

const ARRAYS = new Set(["author", "link", "category"]);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: "@_",
	removeNSPrefix: true,
	// Ids such as 2001.08361 must stay strings.
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	isArray: (name: string) => ARRAYS.has(name),
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function readEntry(entry: unknown): ArxivEntry | { error: string } | undefined {
	const idUrl = cleanText(xmlText(xmlChild(entry, "id")));
	const title = cleanText(xmlText(xmlChild(entry, "title")));
	if (idUrl.includes("/api/errors") || (title === "Error" && !idUrl.includes("/abs/"))) {
		return { error: cleanText(xmlText(xmlChild(entry, "summary"))) || "unknown error" };
	}
	const abs = idUrl.indexOf("/abs/");
	const id = abs === -1 ? undefined : normalizeArxivId(idUrl.slice(abs + 5));
	// An entry without an id or a title is not a paper we can use; the others in the feed still are.
	if (id === undefined || title === "") return undefined;

	const details: ArxivEntry["details"] = { title, arxiv: id };
	const authors = xmlList(xmlChild(entry, "author"))
		.map((author) => cleanText(xmlText(xmlChild(author, "name")), 500))
		.filter((name) => name !== "");
	if (authors.length > 0) details.authors = authors;
	const abstract = cleanOptional(xmlText(xmlChild(entry, "summary")));
	if (abstract !== undefined) details.abstract = abstract;
	const published = DATE.exec(xmlText(xmlChild(entry, "published")).trim());
	if (published) {
		details.published = `${published[1]}-${published[2]}-${published[3]}`;
		details.year = Number(published[1]);
	}
	const doi = normalizeDoi(cleanText(xmlText(xmlChild(entry, "doi"))));
	if (doi !== undefined) details.doi = doi;
	const hasPdf = xmlList(xmlChild(entry, "link")).some((link) => xmlAttribute(link, "title") === "pdf" || xmlAttribute(link, "type") === "application/pdf");
	// The link names a version; the paper's PDF is its latest.
	if (hasPdf) details.pdf = `https://arxiv.org/pdf/${id}`;
	return { id, details };
}

/** Entries read between two yields of `arxivFeedSteps`: about a millisecond's work each. */
export const ARXIV_ENTRIES_PER_STEP = 10;

/** `readArxivFeed` in steps, for a caller that yields to the UI between them. */
export function* arxivFeedSteps(text: string): Steps<ArxivFeed> {
	if (isRateExceeded(text)) return { kind: "rate limit" };
	const problem = yield* xmlProblemSteps(text, "feed");
	if (problem !== undefined) return { kind: "malformed", detail: problem };
	const entries: ArxivEntry[] = [];
	let read = 0;
	for (const entryText of elementTexts(text, "entry")) {
		if (++read % ARXIV_ENTRIES_PER_STEP === 0) yield;
		let node: unknown;
		try {
			node = xmlChild(parser.parse(entryText), "entry");
		} catch {
			// One entry the parser cannot read does not spoil the others.
			continue;
		}
		const entry = readEntry(node);
		if (entry === undefined) continue;
		if ("error" in entry) {
			// "incorrect id format for 1234.5678": the id as we sent it.
			const id = /\bfor\s+(\S+)\s*$/i.exec(entry.error)?.[1];
			return id === undefined ? { kind: "error", message: entry.error } : { kind: "error", message: entry.error, id };
		}
		entries.push(entry);
	}
	return { kind: "entries", entries };
}

/** Reads a response body. Never throws: anything that is not a feed is `malformed`, with what was wrong. */
export function readArxivFeed(text: string): ArxivFeed {
	return finish(arxivFeedSteps(text));
}
