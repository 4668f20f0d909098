import { describe, expect, it } from "vitest";
import { emptyDetailsCache, readDetailsCache, type DetailsCacheData } from "../../src/details/cache";
import { lookUpDetails, papersWithoutDetails, reasonsWithoutDetails, type DetailsReport, type LookupOptions } from "../../src/details/lookup";
import type { DetailsQuery } from "../../src/details/model";
import { FakeTransport, fixture, ok, response, sequence, VirtualClock, type Route } from "./fakes";
import {
	always,
	ARXIV,
	arxivServing,
	atomEntry,
	atomFeed,
	batchIds,
	batchServing,
	DOI,
	EXAMPLE_QUERIES,
	EXAMPLE_ROUTES,
	exampleArxiv,
	exampleBatch,
	exampleCsl,
	exampleMatches,
	feedIds,
	idList,
	NO_MATCH,
	S2_BATCH,
	S2_MATCH,
} from "./services";

interface Run {
	report: DetailsReport;
	transport: FakeTransport;
	clock: VirtualClock;
	cache: DetailsCacheData;
	pauses: number;
}

async function run(queries: readonly DetailsQuery[], routes: Route[], options: Partial<LookupOptions> = {}): Promise<Run> {
	const clock = new VirtualClock();
	const transport = new FakeTransport(clock, routes);
	const cache = options.cache ?? emptyDetailsCache();
	let pauses = 0;
	const report = await lookUpDetails(queries, {
		transport,
		clock,
		cache,
		pause: async () => {
			pauses += 1;
			await Promise.resolve();
		},
		...options,
	});
	return { report, transport, clock, cache, pauses };
}

function paper(report: DetailsReport, title: string) {
	const found = report.papers.find((candidate) => candidate.title.startsWith(title));
	if (!found) throw new Error(`no paper titled ${title}`);
	return found;
}

const EXAMPLE_ARXIV_IDS = feedIds(fixture("example/arxiv.xml"));
const EXAMPLE_ARXIV_PAPERS = EXAMPLE_QUERIES.filter((query) => /arxiv\.org\/(?:abs|pdf)\//.test(query.url ?? ""));
const TITLE_ONLY = EXAMPLE_QUERIES.filter((query) => !/arxiv\.org\/(?:abs|pdf)\/|doi/.test(query.url ?? ""));

describe("the example catalogue, from recorded responses", () => {
	it("its arXiv papers gain authors, year, abstract and DOI", async () => {
		const { report, transport } = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES);
		expect(transport.unknown).toEqual([]);
		expect(EXAMPLE_ARXIV_PAPERS).toHaveLength(29);
		expect(report.papers).toHaveLength(new Set(EXAMPLE_QUERIES.map((query) => query.key)).size);
		for (const query of EXAMPLE_ARXIV_PAPERS) {
			const { details, found } = report.papers.find((candidate) => candidate.key === query.key) ?? { details: undefined, found: false };
			expect(found, query.title).toBe(true);
			expect(details?.authors?.length, query.title).toBeGreaterThan(0);
			expect(details?.year, query.title).toBeGreaterThan(2010);
			expect(details?.abstract, query.title).toMatch(/\w{3,}.*\./);
			expect(details?.abstract, query.title).not.toMatch(/\n| {2}/);
			expect(details?.doi, query.title).toMatch(/^10\.\d+\//);
			expect(details?.arxiv, query.title).toBe(EXAMPLE_ARXIV_IDS[EXAMPLE_ARXIV_PAPERS.indexOf(query)]);
		}
		const megatron = paper(report, "Efficient Large-Scale Language Model Training").details;
		expect(megatron).toMatchObject({
			authors: expect.arrayContaining(["Deepak Narayanan", "Matei Zaharia"]) as unknown,
			year: 2021,
			published: "2021-04-09",
			venue: "International Conference for High Performance Computing, Networking, Storage and Analysis",
			doi: "10.1145/3458817.3476209",
			dblp: "conf/sc/NarayananSCLPKV21",
			pdf: "https://arxiv.org/pdf/2104.04473",
			sources: ["url", "arxiv", "semantic-scholar"],
		});
	});

	it("one request per service batch, one per title and per DOI still needed; one at a time", async () => {
		const { report, transport } = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES);
		const hosts = transport.sent.map((request) => (request.url.startsWith(ARXIV) ? "arxiv" : request.url.startsWith(S2_BATCH) ? "batch" : request.url.startsWith(S2_MATCH) ? "match" : request.url.startsWith(DOI) ? "doi" : request.url));
		expect(hosts.filter((host) => host === "arxiv")).toHaveLength(1);
		expect(hosts.filter((host) => host === "batch")).toHaveLength(1);
		expect(hosts.filter((host) => host === "match")).toHaveLength(TITLE_ONLY.length);
		// RubberBand's abstract, the IEEE Access venue Semantic Scholar did not know, and a title match's abstract.
		expect(transport.sent.filter((request) => request.url.startsWith(DOI)).map((request) => request.url)).toEqual([
			"https://doi.org/10.1145/2213836.2213874",
			"https://doi.org/10.1145/3447786.3456245",
			"https://doi.org/10.1109/ACCESS.2018.2877890",
		]);
		expect(report.requests).toBe(transport.sent.length);
		expect(transport.maxInFlight).toBe(1);
		// arXiv's own DOIs are never asked: arXiv already said what they would say.
		expect(transport.urls().some((url) => url.includes("10.48550"))).toBe(false);
	});

	it("later sources fill only what is missing", async () => {
		const { report } = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES);
		// arXiv's title and names win over Semantic Scholar's spellings and the CSL record's.
		const benchmark = paper(report, "Benchmark Analysis of Representative").details;
		expect(benchmark).toMatchObject({ doi: "10.1109/ACCESS.2018.2877890", venue: "IEEE Access", sources: ["url", "arxiv", "doi"] });
		const rubberBand = paper(report, "RubberBand").details;
		expect(rubberBand.sources).toEqual(["url", "semantic-scholar", "doi"]);
		expect(rubberBand.venue).toBe("European Conference on Computer Systems");
		expect(rubberBand.abstract).toMatch(/^Hyperparameter tuning is essential .* up to 2x\.$/);
	});

	it("a title-only paper is matched when the titles agree, and left empty, saying why, when they do not", async () => {
		const { report } = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES);
		expect(paper(report, "A Few Useful Things").details).toMatchObject({ authors: ["Pedro M. Domingos"], venue: "Communications of the ACM", doi: "10.1145/2347736.2347755", year: 2012 });
		// The catalogue says NeurIPS'19; Semantic Scholar says 2018: within a year.
		expect(paper(report, "Gpipe").details).toMatchObject({ year: 2018, arxiv: "1811.06965" });
		const roofline = paper(report, "Roofline");
		expect(roofline.found).toBe(false);
		expect(roofline.details).toEqual({ sources: [] });
		expect(roofline.misses).toEqual([{ source: "semantic-scholar", reason: "no title match", detail: 'closest title: "Roofline: an insightful visual performance model for multicore architectures"' }]);
		expect(paper(report, "How to read a paper").misses).toEqual([{ source: "semantic-scholar", reason: "no title match" }]);
		expect(reasonsWithoutDetails(report)).toEqual(new Map([["no title match", papersWithoutDetails(report).length]]));
	});

	it("a re-run hits the cache and sends nothing; refresh asks again", async () => {
		const first = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES);
		expect(first.report.cacheChanged).toBe(true);
		// As the adapters keep it: JSON on disk, read back and checked.
		const stored = readDetailsCache(JSON.parse(JSON.stringify(first.cache)));
		const second = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES, { cache: stored });
		expect(second.transport.sent).toEqual([]);
		expect(second.report.cacheChanged).toBe(false);
		expect(second.report.papers).toEqual(first.report.papers.map((entry) => ({ ...entry, fromCache: true })));
		const refreshed = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES, { cache: stored, refresh: true });
		expect(refreshed.transport.sent.length).toBe(first.transport.sent.length);
		expect(refreshed.report.papers.map((entry) => entry.details)).toEqual(first.report.papers.map((entry) => entry.details));
	});

	it("pauses between parsing one response and sending the next, and reports progress up to the total", async () => {
		const progress: [number, number][] = [];
		const { pauses, transport } = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES, { onProgress: (done, total) => progress.push([done, total]) });
		expect(pauses).toBeGreaterThanOrEqual(transport.sent.length);
		const total = new Set(EXAMPLE_QUERIES.map((query) => query.key)).size;
		expect(progress[progress.length - 1]).toEqual([total, total]);
		expect(progress.every(([done], i) => i === 0 || done > (progress[i - 1]?.[0] ?? 0))).toBe(true);
	});
});

describe("nothing on the network throws out of the look-up", () => {
	const everything = (reply: Parameters<typeof always>[1]): Route[] => [always("https://", reply)];

	it("offline: every paper comes back, each saying offline; nothing is cached; a service is given up after two failures", async () => {
		const { report, transport } = await run(EXAMPLE_QUERIES, everything("offline"));
		expect(papersWithoutDetails(report)).toHaveLength(report.papers.length);
		expect(reasonsWithoutDetails(report)).toEqual(new Map([["offline", report.papers.length]]));
		expect(report.cacheChanged).toBe(false);
		// arXiv once, Semantic Scholar's batch and one title match, doi.org once.
		expect(transport.sent.length).toBe(4);
		// Offline, a paper still has the ids its link names.
		expect(paper(report, "Chimera").details).toEqual({ arxiv: "2107.06925", sources: ["url"] });
	});

	it("time-outs: the transport never answers; each wait ends at the time-out, and the run ends", async () => {
		const { report, transport, clock } = await run(EXAMPLE_QUERIES, everything("hang"), { timeoutMs: 20_000 });
		expect(reasonsWithoutDetails(report)).toEqual(new Map([["timed out", report.papers.length]]));
		expect(transport.sent.length).toBe(4);
		expect(clock.now()).toBeGreaterThanOrEqual(4 * 20_000);
		expect(clock.now()).toBeLessThan(5 * 20_000);
	});

	it("429 then success: Semantic Scholar's batch is tried again after a wait, and its fields arrive", async () => {
		const batch = sequence(response(429, fixture("semantic-scholar/rate-limit.json")), ok(fixture("example/semantic-scholar-batch.json")));
		const { report, transport } = await run(EXAMPLE_QUERIES, [exampleArxiv, always(S2_BATCH, batch), exampleMatches, exampleCsl]);
		const batches = transport.sent.filter((request) => request.url.startsWith(S2_BATCH));
		expect(batches.map((request) => request.at)).toEqual([0, 2000]);
		expect(paper(report, "Chimera").details.venue).toBe("International Conference for High Performance Computing, Networking, Storage and Analysis");
		expect(report.papers.flatMap((entry) => entry.misses).filter((miss) => /rate limit/.test(miss.reason))).toEqual([]);
	});

	it("429 forever: Semantic Scholar is given up after its waits; arXiv's details stay; the misses say why", async () => {
		const { report, transport, cache } = await run(EXAMPLE_QUERIES, [exampleArxiv, always("https://api.semanticscholar.org/", response(429, fixture("semantic-scholar/rate-limit.json"))), exampleCsl]);
		const s2 = transport.sent.filter((request) => request.url.startsWith("https://api.semanticscholar.org/"));
		// One batch, tried 5 times (waits of 2, 4, 8, 16 s); then no title match is even sent.
		expect(s2).toHaveLength(5);
		expect(s2.map((request, i) => (i === 0 ? 0 : request.at - (s2[i - 1]?.at ?? 0)))).toEqual([0, 2000, 4000, 8000, 16_000]);
		const chimera = paper(report, "Chimera");
		expect(chimera.found).toBe(true);
		expect(chimera.details).toMatchObject({ authors: ["Shigang Li", "Torsten Hoefler"], year: 2021 });
		expect(chimera.misses).toEqual([{ source: "semantic-scholar", reason: "Semantic Scholar rate limit", detail: "still rate limited after 5 tries" }]);
		expect(reasonsWithoutDetails(report).get("Semantic Scholar rate limit")).toBe(TITLE_ONLY.length);
		// Nothing transient is cached: the next run asks Semantic Scholar again.
		const again = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES, { cache: readDetailsCache(JSON.parse(JSON.stringify(cache))) });
		expect(again.transport.sent.some((request) => request.url.startsWith(ARXIV))).toBe(false);
		expect(again.transport.sent.filter((request) => request.url.startsWith(S2_BATCH))).toHaveLength(1);
		expect(paper(again.report, "Chimera").misses).toEqual([]);
	});

	it("arXiv's 'Rate exceeded.': tried after 10 s and 30 s, then given up; Semantic Scholar still gives authors and years", async () => {
		const { report, transport } = await run(EXAMPLE_QUERIES, [always(ARXIV, ok(fixture("arxiv/rate-exceeded.txt"))), exampleBatch, exampleMatches, exampleCsl]);
		const arxiv = transport.sent.filter((request) => request.url.startsWith(ARXIV));
		expect(arxiv.map((request) => request.at)).toEqual([0, 10_000, 40_000]);
		const chimera = paper(report, "Chimera");
		expect(chimera.misses[0]).toEqual({ source: "arxiv", reason: "arXiv rate limit", detail: "still rate limited after 3 tries" });
		expect(chimera.details).toMatchObject({ authors: ["Shigang Li", "Torsten Hoefler"], year: 2021, doi: "10.1145/3458817.3476145" });
		expect(chimera.details.abstract).toBeUndefined();
	});

	it.each<[string, string, string]>([
		["truncated Atom", fixture("example/arxiv.xml").slice(0, 20_000), "malformed response from arXiv"],
		["an HTML page", "<html><body>Service unavailable</body></html>", "malformed response from arXiv"],
		["the Error entry for the whole batch", fixture("arxiv/error.xml").replace(/1234\.error/g, "999"), "arXiv error"],
	])("arXiv sends %s: its papers say so, Semantic Scholar still answers", async (_name, body, reason) => {
		const { report } = await run(EXAMPLE_QUERIES, [always(ARXIV, ok(body)), exampleBatch, exampleMatches, exampleCsl]);
		const chimera = paper(report, "Chimera");
		expect(chimera.misses[0]?.reason).toBe(reason);
		expect(chimera.details.venue).toBe("International Conference for High Performance Computing, Networking, Storage and Analysis");
	});

	it.each<[string, Route, string]>([
		["truncated JSON", always(S2_BATCH, ok(fixture("example/semantic-scholar-batch.json").slice(0, 5000))), "malformed response from Semantic Scholar"],
		["a 500 twice", always(S2_BATCH, response(500, "")), "HTTP 500 from Semantic Scholar"],
		["a 403", always(S2_BATCH, response(403, '{"message": "Forbidden"}')), "HTTP 403 from Semantic Scholar"],
	])("Semantic Scholar's batch sends %s", async (_name, batch, reason) => {
		const { report } = await run(EXAMPLE_QUERIES, [exampleArxiv, batch, exampleMatches, exampleCsl]);
		const chimera = paper(report, "Chimera");
		expect(chimera.misses.map((miss) => miss.reason)).toEqual([reason]);
		expect(chimera.details.abstract).toMatch(/Chimera/);
	});

	it("callbacks that throw or reject do not stop the look-up", async () => {
		const { report, transport } = await run(EXAMPLE_QUERIES, EXAMPLE_ROUTES, {
			onProgress: () => {
				throw new Error("progress display broke");
			},
			pause: () => Promise.reject(new Error("no UI")),
		});
		expect(transport.unknown).toEqual([]);
		expect(paper(report, "Chimera").found).toBe(true);
	});
});

describe("cancel", () => {
	it("stops before the next request and returns, and caches, what was fetched", async () => {
		const clock = new VirtualClock();
		const transport = new FakeTransport(clock, EXAMPLE_ROUTES);
		const cache = emptyDetailsCache();
		const report = await lookUpDetails(EXAMPLE_QUERIES, { transport, clock, cache, isCancelled: () => transport.sent.length >= 2 });
		expect(transport.sent).toHaveLength(2);
		expect(report.cancelled).toBe(true);
		expect(paper(report, "Chimera")).toMatchObject({ found: true, details: { venue: "International Conference for High Performance Computing, Networking, Storage and Analysis" } });
		expect(paper(report, "How to read a paper").misses).toEqual([{ source: "lookup", reason: "cancelled" }]);
		expect(Object.keys(cache.papers)).toContain("arxiv:2107.06925");
		// A second run asks only for what the first did not get.
		const rest = new FakeTransport(clock, EXAMPLE_ROUTES);
		await lookUpDetails(EXAMPLE_QUERIES, { transport: rest, clock, cache });
		expect(rest.sent.some((request) => request.url.startsWith(ARXIV) || request.url.startsWith(S2_BATCH))).toBe(false);
		expect(rest.sent.filter((request) => request.url.startsWith(S2_MATCH))).toHaveLength(TITLE_ONLY.length);
	});
});

describe("batches", () => {
	const arxivQueries = (count: number): DetailsQuery[] => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, title: `Paper ${i}`, url: `https://arxiv.org/abs/2101.${String(10000 + i)}v1` }));

	it("250 arXiv papers: three arXiv requests of at most 100 ids, at least 3 s apart, one connection", async () => {
		const { report, transport } = await run(arxivQueries(250), [arxivServing((id) => atomEntry(id, `Title of ${id}`)), batchServing(() => null)]);
		const arxiv = transport.sent.filter((request) => request.url.startsWith(ARXIV));
		expect(arxiv.map((request) => idList(request).length)).toEqual([100, 100, 50]);
		for (let i = 1; i < arxiv.length; i++) expect((arxiv[i]?.at ?? 0) - (arxiv[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(3000);
		expect(transport.sent.filter((request) => request.url.startsWith(S2_BATCH)).map((request) => batchIds(request).length)).toEqual([100, 100, 50]);
		expect(transport.maxInFlight).toBe(1);
		expect(report.papers.every((entry) => entry.found && entry.details.title === `Title of ${entry.details.arxiv ?? ""}`)).toBe(true);
	});

	it("a big response is read in slices: the look-up pauses while parsing it, not only after", async () => {
		const { pauses, transport } = await run(arxivQueries(100), [arxivServing((id) => atomEntry(id, `Title of ${id}`)), batchServing(() => null)]);
		// Two responses; each read in steps of ten entries or 25 papers.
		expect(transport.sent).toHaveLength(2);
		expect(pauses).toBeGreaterThanOrEqual(100 / 10 + 100 / 25);
	});

	it("a paper listed under two keys is asked once and reported under both", async () => {
		const queries: DetailsQuery[] = [
			{ key: "a", title: "Megatron", url: "https://arxiv.org/abs/2104.04473" },
			{ key: "b", title: "Megatron (PDF)", url: "https://arxiv.org/pdf/2104.04473v2.pdf" },
			{ key: "a", title: "Megatron again", url: "https://arxiv.org/abs/2104.04473" },
		];
		const { report, transport } = await run(queries, [arxivServing((id) => atomEntry(id, "Megatron-LM")), batchServing(() => null)]);
		expect(idList(transport.sent[0] ?? { url: "", method: "GET", headers: {} })).toEqual(["2104.04473"]);
		expect(report.papers.map((entry) => [entry.key, entry.title, entry.details.title])).toEqual([
			["a", "Megatron", "Megatron-LM"],
			["b", "Megatron (PDF)", "Megatron-LM"],
		]);
	});

	it("an id arXiv refuses by name is set aside and the rest asked again", async () => {
		const queries: DetailsQuery[] = [
			{ key: "good", title: "Good", url: "https://arxiv.org/abs/2104.04473" },
			{ key: "bad", title: "Bad", url: "https://arxiv.org/abs/2104.99999" },
		];
		const arxiv: Route = (request) => {
			if (!request.url.startsWith(ARXIV)) return undefined;
			const ids = idList(request);
			return ok(ids.includes("2104.99999") ? fixture("arxiv/error.xml").replace(/1234\.error/g, "2104.99999") : atomFeed([atomEntry("2104.04473", "Megatron-LM")]));
		};
		const { report, transport } = await run(queries, [arxiv, batchServing(() => null)]);
		expect(transport.sent.filter((request) => request.url.startsWith(ARXIV)).map(idList)).toEqual([["2104.04473", "2104.99999"], ["2104.04473"]]);
		expect(report.papers[0]?.details.title).toBe("Megatron-LM");
		expect(report.papers[1]?.misses[0]).toEqual({ source: "arxiv", reason: "arXiv refused the id", detail: "incorrect id format for 2104.99999" });
	});

	it("an id arXiv does not have is 'not on arXiv', and cached as such", async () => {
		const { report, cache } = await run([{ key: "x", title: "Nothing", url: "https://arxiv.org/abs/2401.99999" }], [always(ARXIV, ok(fixture("arxiv/empty.xml"))), batchServing(() => null)]);
		expect(report.papers[0]?.misses.map((miss) => miss.reason)).toEqual(["not on arXiv", "not in Semantic Scholar"]);
		expect(cache.papers["arxiv:2401.99999"]).toEqual({ arxiv: { at: 0, missing: "not on arXiv" }, "semantic-scholar": { at: 0, missing: "not in Semantic Scholar" } });
	});

	it("a paper with neither an id nor a title is reported, not asked", async () => {
		const { report, transport } = await run([{ key: "blank", title: "  " }], [always("https://", NO_MATCH)]);
		expect(transport.sent).toEqual([]);
		expect(report.papers[0]).toMatchObject({ found: false, misses: [{ source: "semantic-scholar", reason: "no title to match" }] });
	});
});
