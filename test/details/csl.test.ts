import { describe, expect, it } from "vitest";
import { CSL_ACCEPT, cslRequest, readCsl, type CslResult } from "../../src/details/csl";
import { fixture } from "./fakes";

describe("cslRequest", () => {
	it("asks doi.org for CSL-JSON; each path segment encoded", () => {
		expect(cslRequest("10.1145/3447786.3456245")).toEqual({ url: "https://doi.org/10.1145/3447786.3456245", method: "GET", headers: { Accept: CSL_ACCEPT } });
		expect(cslRequest("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0").url).toBe("https://doi.org/10.1002/(SICI)1097-4571(199806)49%3A8%3C693%3A%3AAID-ASI4%3E3.0.CO%3B2-0");
		expect(cslRequest("10.1000/a#b?c").url).toBe("https://doi.org/10.1000/a%23b%3Fc");
	});
});

describe("readCsl", () => {
	it("Crossref: given/family names, issued date-parts, container-title, a JATS abstract as plain text", () => {
		expect(readCsl(200, fixture("example/csl-10.1145-3447786.3456245.json"))).toEqual({
			kind: "work",
			work: {
				title: "RubberBand: cloud-based hyperparameter tuning",
				authors: ["Ujval Misra", "Richard Liaw", "Lisa Dunlap", "Romil Bhardwaj", "Kirthevasan Kandasamy", "Joseph E. Gonzalez", "Ion Stoica", "Alexey Tumanov"],
				year: 2021,
				published: "2021-04-21",
				venue: "Proceedings of the Sixteenth European Conference on Computer Systems",
				abstract:
					"Hyperparameter tuning is essential to achieving state-of-the-art accuracy in machine learning (ML), but requires substantial compute resources to perform. RubberBand is the first framework for cost-efficient, elastic execution of hyperparameter tuning jobs in the cloud & it lowers cost by up to 2x.",
				doi: "10.1145/3447786.3456245",
				url: "https://doi.org/10.1145/3447786.3456245",
			},
		});
	});

	it("DataCite: literal authors, date-parts as strings, title and container-title as lists, arXiv is no venue", () => {
		expect(readCsl(200, fixture("csl/datacite-literal.json"))).toEqual({
			kind: "work",
			work: {
				title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
				authors: ["Deepak Narayanan", "NVIDIA Applied Deep Learning Research", "Matei Zaharia"],
				year: 2021,
				published: "2021",
				abstract: "Large language models have led to state-of-the-art accuracies across a range of tasks.",
				doi: "10.48550/ARXIV.2104.04473",
				url: "https://arxiv.org/abs/2104.04473",
			},
		});
	});

	it.each<[string, unknown, string | undefined]>([
		["year only", { "date-parts": [[2018]] }, "2018"],
		["year and month", { "date-parts": [[2018, 10]] }, "2018-10"],
		["full date", { "date-parts": [[2018, 10, 4]] }, "2018-10-04"],
		["a month out of range keeps the year", { "date-parts": [[2018, 13, 4]] }, "2018"],
		["no date-parts", { raw: "2018" }, undefined],
		["nonsense", { "date-parts": "2018" }, undefined],
	])("issued: %s", (_name, issued, published) => {
		const result = readCsl(200, JSON.stringify({ title: "T", issued }));
		expect(result.kind === "work" ? result.work.published : "not a work").toBe(published);
	});

	it.each<[string, number, string, CslResult["kind"]]>([
		["404: an unknown DOI", 404, "DOI Not Found", "not found"],
		["an HTML landing page", 200, "<!DOCTYPE html><html><body>Article</body></html>", "malformed"],
		["truncated", 200, fixture("example/csl-10.1145-3447786.3456245.json").slice(0, 500), "malformed"],
		["a list", 200, "[]", "malformed"],
		["an item with nothing we read", 200, '{"type": "article", "publisher": "ACM"}', "malformed"],
	])("%s", (_name, status, text, kind) => {
		expect(readCsl(status, text).kind).toBe(kind);
	});

	it("a javascript: URL is not kept", () => {
		const result = readCsl(200, JSON.stringify({ title: "T", URL: "javascript:alert(1)" }));
		expect(result).toEqual({ kind: "work", work: { title: "T" } });
	});
});
