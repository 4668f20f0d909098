import { describe, expect, it } from "vitest";
import type { DetailsQuery } from "../../src/details/model";
import {
	acceptMatch,
	readSemanticScholarBatch,
	readSemanticScholarMatch,
	readSemanticScholarPaper,
	semanticScholarBatchRequest,
	semanticScholarId,
	semanticScholarMatchRequest,
	type SemanticScholarPaper,
} from "../../src/details/semantic-scholar";
import { fixture } from "./fakes";

describe("requests", () => {
	it("batch: POST with the ids in the body, fields in the query, the key only when there is one", () => {
		const request = semanticScholarBatchRequest(["ARXIV:2104.04473", "DOI:10.1145/3447786.3456245"]);
		expect(request).toMatchObject({ method: "POST", url: expect.stringMatching(/^https:\/\/api\.semanticscholar\.org\/graph\/v1\/paper\/batch\?fields=[a-zA-Z,]+$/) as unknown });
		expect(JSON.parse(request.body ?? "")).toEqual({ ids: ["ARXIV:2104.04473", "DOI:10.1145/3447786.3456245"] });
		expect(request.headers["x-api-key"]).toBeUndefined();
		expect(semanticScholarBatchRequest([], "  secret ").headers["x-api-key"]).toBe("secret");
		expect(semanticScholarBatchRequest([], "   ").headers["x-api-key"]).toBeUndefined();
	});

	it("title match: the title URL-encoded", () => {
		expect(semanticScholarMatchRequest("A & B: c/d?").url).toMatch(/\/paper\/search\/match\?query=A%20%26%20B%3A%20c%2Fd%3F&fields=/);
	});

	it.each<[{ arxiv?: string; doi?: string }, string | undefined]>([
		[{ arxiv: "2104.04473", doi: "10.1/x" }, "ARXIV:2104.04473"],
		[{ doi: "10.1145/3447786.3456245" }, "DOI:10.1145/3447786.3456245"],
		[{}, undefined],
	])("id for %j is %j", (ids, expected) => {
		expect(semanticScholarId(ids)).toBe(expected);
	});
});

describe("readSemanticScholarBatch", () => {
	it("results align with the ids; null for a miss", () => {
		const batch = readSemanticScholarBatch(fixture("semantic-scholar/batch-with-misses.json"), 4);
		expect(batch.kind).toBe("papers");
		if (batch.kind !== "papers") return;
		expect(batch.papers.map((paper) => paper?.title ?? null)).toEqual(["Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", null, "RubberBand: cloud-based hyperparameter tuning", null]);
		expect(batch.papers[0]).toEqual({
			title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
			authors: ["D. Narayanan", "M. Shoeybi"],
			year: 2021,
			venue: "International Conference for High Performance Computing, Networking, Storage and Analysis",
			published: "2021-04-09",
			doi: "10.1145/3458817.3476209",
			arxiv: "2104.04473",
			dblp: "conf/sc/NarayananSCLPKV21",
			pdf: "https://arxiv.org/pdf/2104.04473",
		});
		// An empty open-access URL is no PDF.
		expect(batch.papers[2]?.pdf).toBeUndefined();
	});

	it.each<[string, string, number, string]>([
		["a list of another length", "[null]", 2, "1 results for 2 ids"],
		["not a list", '{"error": "Not found"}', 1, "not a list"],
		["truncated JSON", fixture("semantic-scholar/batch-with-misses.json").slice(0, 300), 4, "JSON"],
		["an HTML page", "<html>Bad gateway</html>", 1, "JSON"],
	])("%s is malformed", (_name, text, expected, detail) => {
		const batch = readSemanticScholarBatch(text, expected);
		expect(batch.kind).toBe("malformed");
		expect(batch.kind === "malformed" ? batch.detail : "").toContain(detail);
	});

	it("truncated anywhere: malformed, never a throw", () => {
		const text = fixture("semantic-scholar/batch-with-misses.json");
		for (let cut = 0; cut < text.trimEnd().length; cut += 23) expect(readSemanticScholarBatch(text.slice(0, cut), 4).kind).toBe("malformed");
	});
});

describe("readSemanticScholarPaper", () => {
	it.each<[string, unknown, SemanticScholarPaper | undefined]>([
		["not an object", "paper", undefined],
		["an empty object", {}, {}],
		["an arXiv venue is no venue; the journal name is not used when it is arXiv too", { venue: "arXiv.org", journal: { name: "ArXiv" } }, {}],
		["publicationVenue when venue is empty", { venue: "", publicationVenue: { name: "Symposium on Operating Systems Principles" } }, { venue: "Symposium on Operating Systems Principles" }],
		["wrong types are dropped", { title: 5, year: "2021", authors: "x", externalIds: { DOI: 7 }, publicationDate: "April" }, {}],
		["a year outside reason", { year: 21 }, {}],
		["names and titles are plain text", { title: "<i>Deep</i> &amp; wide\u0000", authors: [{ name: "A.\u202E B" }, { name: "" }, null] }, { title: "Deep & wide", authors: ["A. B"] }],
		["a PDF link that is not http(s)", { openAccessPdf: { url: "javascript:alert(1)" } }, {}],
		["ids are normalised", { externalIds: { ArXiv: "1811.06965", DOI: "https://doi.org/10.1145/1", DBLP: "conf/x/Y" } }, { arxiv: "1811.06965", doi: "10.1145/1", dblp: "conf/x/Y" }],
	])("%s", (_name, value, expected) => {
		expect(readSemanticScholarPaper(value)).toEqual(expected);
	});
});

describe("readSemanticScholarMatch", () => {
	it("a match with its score", () => {
		const match = readSemanticScholarMatch(200, fixture("example/match-gpipe.json"));
		expect(match).toMatchObject({ kind: "match", score: 201.66835, paper: { title: "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism", year: 2018, arxiv: "1811.06965", venue: "Neural Information Processing Systems" } });
	});

	it.each<[string, number, string, string]>([
		["404: no match", 404, fixture("semantic-scholar/no-match.json"), "no match"],
		["empty data: no match", 200, '{"data": []}', "no match"],
		["truncated", 200, fixture("example/match-gpipe.json").slice(0, 120), "malformed"],
		["no data", 200, '{"total": 0}', "malformed"],
		["a match that is not a paper", 200, '{"data": ["x"]}', "malformed"],
	])("%s", (_name, status, text, kind) => {
		expect(readSemanticScholarMatch(status, text).kind).toBe(kind);
	});
});

describe("acceptMatch", () => {
	const query = (title: string, year?: number): DetailsQuery => (year === undefined ? { key: "k", title } : { key: "k", title, year });
	it.each<[string, DetailsQuery, SemanticScholarPaper, boolean, string?]>([
		["same title, other case and punctuation", query("Gpipe: Efficient training of giant neural networks using pipeline parallelism", 2019), { title: "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism", year: 2018 }, true],
		["same title, catalogue knows no year", query("A Few Useful Things to Know About Machine Learning"), { title: "A few useful things to know about machine learning", year: 2012 }, true],
		["same title, match knows no year", query("Large Scale Distributed Deep Networks", 2012), { title: "Large Scale Distributed Deep Networks" }, true],
		[
			"a poor match: the title differs",
			query("Roofline: An Insightful Visual Performance Model for Floating-Point Programs and Multicore Architectures "),
			{ title: "Roofline: an insightful visual performance model for multicore architectures", year: 2009 },
			false,
			'closest title: "Roofline: an insightful visual performance model for multicore architectures"',
		],
		["same title, years apart: another paper", query("Scaling Vision Transformers", 2021), { title: "Scaling vision transformers", year: 2015 }, false, "same title, but from 2015, not 2021"],
		["a match with no title", query("Anything"), {}, false, 'closest title: ""'],
		["a query title with nothing to compare", query("—"), { title: "—" }, false],
	])("%s", (_name, wanted, paper, accepted, detail) => {
		const verdict = acceptMatch(wanted, paper);
		expect(verdict.ok).toBe(accepted);
		if (!verdict.ok) expect(verdict.reason).toBe("no title match");
		if (!verdict.ok && detail !== undefined) expect(verdict.detail).toBe(detail);
	});
});
