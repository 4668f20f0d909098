/**
 * Routes for the fake transport: the example catalogue's recorded responses, and builders of
 * responses in each service's format for tests that need many papers.
 */
import { parseCatalogue } from "../../src/catalogue/parse";
import { arxivQueryUrl } from "../../src/details/arxiv";
import type { DetailsQuery } from "../../src/details/model";
import { normalizeTitle } from "../../src/details/title-key";
import type { TransportRequest } from "../../src/details/transport";
import { EXAMPLE_TEXT } from "../support/example";
import { fixture, ok, on, response, type Reply, type Route } from "./fakes";

export const ARXIV = "https://export.arxiv.org/api/query";
export const S2_BATCH = "https://api.semanticscholar.org/graph/v1/paper/batch";
export const S2_MATCH = "https://api.semanticscholar.org/graph/v1/paper/search/match";
export const DOI = "https://doi.org/";

export function queriesOf(text: string): DetailsQuery[] {
	return parseCatalogue(text).papers.map((paper) => {
		const query: DetailsQuery = { key: paper.key, title: paper.title };
		if (paper.url !== undefined) query.url = paper.url;
		if (paper.year !== undefined) query.year = paper.year;
		return query;
	});
}

export const EXAMPLE_QUERIES = queriesOf(EXAMPLE_TEXT);

/** The ids in a recorded feed, in its order. */
export function feedIds(feed: string): string[] {
	return [...feed.matchAll(/<id>http:\/\/arxiv\.org\/abs\/(.+?)v\d+<\/id>/g)].map((match) => match[1] ?? "");
}

export function idList(request: TransportRequest): string[] {
	return new URL(request.url).searchParams.get("id_list")?.split(",") ?? [];
}

export function batchIds(request: TransportRequest): string[] {
	const body: unknown = JSON.parse(request.body ?? "{}");
	return typeof body === "object" && body !== null && "ids" in body && Array.isArray(body.ids) ? body.ids.map(String) : [];
}

export function matchQuery(request: TransportRequest): string {
	return new URL(request.url).searchParams.get("query") ?? "";
}

const EXAMPLE_FEED = fixture("example/arxiv.xml");
const EXAMPLE_BATCH_REQUEST = JSON.stringify(JSON.parse(fixture("example/semantic-scholar-batch.request.json")));
const EXAMPLE_MATCHES = new Map(
	[
		["A Few Useful Things to Know About Machine Learning", "a-few-useful-things"],
		["Towards a Unified Architecture for in-RDBMS Analytics", "towards-a-unified-architecture"],
		["Resilient Distributed Datasets: A Fault-Tolerant Abstraction for In-Memory Cluster Computing", "resilient-distributed-datasets"],
		["Mixed precision training", "mixed-precision-training"],
		["Roofline: An Insightful Visual Performance Model for Floating-Point Programs and Multicore Architectures", "roofline"],
		["Large Scale Distributed Deep Networks", "large-scale-distributed-deep-networks"],
		["Gpipe: Efficient training of giant neural networks using pipeline parallelism", "gpipe"],
	].map(([title, file]) => [normalizeTitle(title ?? ""), fixture(`example/match-${file ?? ""}.json`)]),
);
const EXAMPLE_CSL = new Map([
	["https://doi.org/10.1145/3447786.3456245", fixture("example/csl-10.1145-3447786.3456245.json")],
	["https://doi.org/10.1109/ACCESS.2018.2877890", fixture("example/csl-10.1109-access.2018.2877890.json")],
	["https://doi.org/10.1145/2213836.2213874", fixture("example/csl-10.1145-2213836.2213874.json")],
]);

export const NO_MATCH = response(404, fixture("semantic-scholar/no-match.json"));

/** The example's arXiv batch, exactly as recorded. */
export const exampleArxiv: Route = (request) => (request.url === arxivQueryUrl(feedIds(EXAMPLE_FEED)) ? ok(EXAMPLE_FEED) : undefined);
/** The example's Semantic Scholar batch, for exactly the recorded ids in their order. */
export const exampleBatch: Route = on(S2_BATCH, (request) => (request.method === "POST" && JSON.stringify(JSON.parse(request.body ?? "null")) === EXAMPLE_BATCH_REQUEST ? ok(fixture("example/semantic-scholar-batch.json")) : undefined));
/** Recorded title matches; any other title gets the documented 404. */
export const exampleMatches: Route = on(S2_MATCH, (request) => {
	const recorded = EXAMPLE_MATCHES.get(normalizeTitle(matchQuery(request)));
	return recorded === undefined ? NO_MATCH : ok(recorded);
});
export const exampleCsl: Route = on(DOI, (request) => {
	const recorded = EXAMPLE_CSL.get(request.url);
	return recorded === undefined ? undefined : ok(recorded);
});

export const EXAMPLE_ROUTES: Route[] = [exampleArxiv, exampleBatch, exampleMatches, exampleCsl];

// ------------------------------------------------------------ builders for many papers

function escapeXml(text: string): string {
	return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An entry in arXiv's format, its title and abstract hard-wrapped as arXiv sends them. */
export function atomEntry(id: string, title: string, authors: readonly string[] = ["Ada Lovelace", "Alan Turing"], abstract = `An abstract for ${title}, long enough\nto be wrapped over two lines.`): string {
	return `  <entry>
    <id>http://arxiv.org/abs/${id}v2</id>
    <updated>2021-05-01T10:00:00Z</updated>
    <published>2021-04-09T17:43:11Z</published>
    <title>${escapeXml(title).replace(/ (\S+)$/, "\n  $1")}</title>
    <summary>  ${escapeXml(abstract)}\n</summary>
${authors.map((name) => `    <author>\n      <name>${escapeXml(name)}</name>\n    </author>`).join("\n")}
    <link href="http://arxiv.org/abs/${id}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
}

export function atomFeed(entries: readonly string[]): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query</title>
  <id>http://arxiv.org/api/x</id>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:totalResults>
${entries.join("\n")}
</feed>
`;
}

/** arXiv answering any id_list, with an entry per id `entry` returns (undefined: not on arXiv). */
export function arxivServing(entry: (id: string) => string | undefined): Route {
	return on(ARXIV, (request) => ok(atomFeed(idList(request).flatMap((id) => entry(id) ?? []))));
}

/** Semantic Scholar's batch answering any ids, a result per id (null: a miss). */
export function batchServing(paper: (id: string) => object | null): Route {
	return on(S2_BATCH, (request) => ok(JSON.stringify(batchIds(request).map(paper))));
}

/** A route that answers `reply` for every request to `prefix`. */
export function always(prefix: string, reply: Reply | (() => Reply)): Route {
	return on(prefix, () => (typeof reply === "function" ? reply() : reply));
}

/** The example's recorded answers, for any subset of its papers in any order (a look-up of one note, say). */
export function exampleServingAny(): Route[] {
	const entries = new Map(
		[...EXAMPLE_FEED.matchAll(/ {2}<entry>[\s\S]*?<\/entry>/g)].map((match) => [/<id>http:\/\/arxiv\.org\/abs\/(.+?)v\d+<\/id>/.exec(match[0])?.[1] ?? "", match[0]]),
	);
	const ids = batchIds({ url: S2_BATCH, method: "POST", headers: {}, body: EXAMPLE_BATCH_REQUEST });
	const results = JSON.parse(fixture("example/semantic-scholar-batch.json")) as unknown[];
	const papers = new Map(ids.map((id, i) => [id, results[i] ?? null]));
	return [arxivServing((id) => entries.get(id)), batchServing((id) => (papers.get(id) as object | undefined) ?? null), exampleMatches, exampleCsl];
}
