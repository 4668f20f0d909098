import { describe, expect, it } from "vitest";
import { detailsProperties, fillMissingProperties, isEmptyProperty, type DetailsProperties } from "../../src/details/properties";
import type { PaperDetails } from "../../src/details/model";

const DETAILS: PaperDetails = {
	title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
	authors: ["Deepak Narayanan", "Mohammad Shoeybi"],
	year: 2021,
	venue: "International Conference for High Performance Computing, Networking, Storage and Analysis",
	published: "2021-04-09",
	abstract: "An abstract.",
	doi: "10.1145/3458817.3476209",
	arxiv: "2104.04473",
	dblp: "conf/sc/NarayananSCLPKV21",
	pdf: "https://arxiv.org/pdf/2104.04473",
	sources: ["url", "arxiv", "semantic-scholar"],
};

describe("detailsProperties", () => {
	it("typed: authors a list, year a number, published a date string, the rest text", () => {
		expect(detailsProperties(DETAILS, "narayanan2021efficient")).toEqual({
			authors: ["Deepak Narayanan", "Mohammad Shoeybi"],
			year: 2021,
			venue: "International Conference for High Performance Computing, Networking, Storage and Analysis",
			published: "2021-04-09",
			doi: "10.1145/3458817.3476209",
			arxiv: "2104.04473",
			pdf: "https://arxiv.org/pdf/2104.04473",
			citekey: "narayanan2021efficient",
		});
	});

	it.each<[string, PaperDetails, DetailsProperties]>([
		["nothing known", { sources: [] }, {}],
		["a partial date is not a date property", { published: "2021-04", year: 2021, sources: [] }, { year: 2021 }],
		["no authors is no authors property", { authors: [], sources: [] }, {}],
	])("%s", (_name, details, expected) => {
		expect(detailsProperties(details)).toEqual(expected);
	});
});

describe("fillMissingProperties", () => {
	const PROPERTIES = detailsProperties(DETAILS, "narayanan2021efficient");

	it.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
		[
			"a new paper note gets every property",
			{ title: "Megatron", status: "unread" },
			{ title: "Megatron", status: "unread", ...PROPERTIES },
			["authors", "year", "venue", "published", "doi", "arxiv", "pdf", "citekey"],
		],
		[
			"what the user set is never changed",
			{ venue: "SC", year: 2020, authors: ["D. Narayanan et al."], citekey: "megatron", doi: "10.1145/user" },
			{ venue: "SC", year: 2020, authors: ["D. Narayanan et al."], citekey: "megatron", doi: "10.1145/user", published: "2021-04-09", arxiv: "2104.04473", pdf: "https://arxiv.org/pdf/2104.04473" },
			["published", "arxiv", "pdf"],
		],
		[
			"empty values are filled: null, blank text, an empty list, a list of blanks",
			{ venue: null, doi: "  ", authors: [], arxiv: [""], year: 2021, published: "2021-04-09", pdf: "https://x.org/p.pdf", citekey: "k" },
			{ venue: PROPERTIES.venue, doi: PROPERTIES.doi, authors: PROPERTIES.authors, arxiv: PROPERTIES.arxiv, year: 2021, published: "2021-04-09", pdf: "https://x.org/p.pdf", citekey: "k" },
			["authors", "venue", "doi", "arxiv"],
		],
		[
			"a property spelt with other capitals is that property",
			{ Authors: ["Me"], VENUE: "", Year: 2019 },
			{ Authors: ["Me"], VENUE: PROPERTIES.venue, Year: 2019, published: PROPERTIES.published, doi: PROPERTIES.doi, arxiv: PROPERTIES.arxiv, pdf: PROPERTIES.pdf, citekey: PROPERTIES.citekey },
			["venue", "published", "doi", "arxiv", "pdf", "citekey"],
		],
		["a user's false or 0 is a value", { year: 0, venue: false }, { year: 0, venue: false, authors: PROPERTIES.authors, published: PROPERTIES.published, doi: PROPERTIES.doi, arxiv: PROPERTIES.arxiv, pdf: PROPERTIES.pdf, citekey: PROPERTIES.citekey }, ["authors", "published", "doi", "arxiv", "pdf", "citekey"]],
	])("%s", (_name, frontMatter, expected, filled) => {
		expect(fillMissingProperties(frontMatter, PROPERTIES)).toEqual(filled);
		expect(frontMatter).toEqual(expected);
	});

	it("a re-run with nothing new changes nothing", () => {
		const frontMatter: Record<string, unknown> = { title: "Megatron", venue: "SC" };
		expect(fillMissingProperties(frontMatter, PROPERTIES).length).toBeGreaterThan(0);
		const after = structuredClone(frontMatter);
		expect(fillMissingProperties(frontMatter, PROPERTIES)).toEqual([]);
		expect(frontMatter).toEqual(after);
	});

	it("the note's list is its own, not the details'", () => {
		const frontMatter: Record<string, unknown> = {};
		fillMissingProperties(frontMatter, PROPERTIES);
		(frontMatter.authors as string[]).push("Someone");
		expect(PROPERTIES.authors).toEqual(["Deepak Narayanan", "Mohammad Shoeybi"]);
	});

	it.each<[unknown, boolean]>([
		[undefined, true],
		[null, true],
		["", true],
		[" \n", true],
		[[], true],
		[["", null], true],
		["x", false],
		[0, false],
		[false, false],
		[["x"], false],
		[{}, false],
	])("isEmptyProperty(%j) is %j", (value, empty) => {
		expect(isEmptyProperty(value)).toBe(empty);
	});
});
