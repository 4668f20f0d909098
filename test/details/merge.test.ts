import { describe, expect, it } from "vitest";
import { isMissing, mergeDetails, missingFields } from "../../src/details/merge";
import type { PaperDetails } from "../../src/details/model";

describe("mergeDetails", () => {
	it.each<[string, PaperDetails, Partial<PaperDetails>, PaperDetails]>([
		["fills what is missing", { title: "A", sources: ["arxiv"] }, { title: "B", venue: "SC", year: 2021 }, { title: "A", venue: "SC", year: 2021, sources: ["arxiv", "semantic-scholar"] }],
		["empty text and empty lists count as missing", { venue: "", authors: [], sources: [] }, { venue: "SC", authors: ["X"] }, { venue: "SC", authors: ["X"], sources: ["semantic-scholar"] }],
		["an addition of nothing new is not a source", { title: "A", sources: ["arxiv"] }, { title: "B", venue: "" }, { title: "A", sources: ["arxiv"] }],
		["a year of 0 is a value", { sources: [] }, { year: 0 }, { year: 0, sources: ["semantic-scholar"] }],
	])("%s", (_name, base, addition, expected) => {
		expect(mergeDetails(base, addition, "semantic-scholar")).toEqual(expected);
	});

	it("changes neither input", () => {
		const base: PaperDetails = { sources: ["url"] };
		const authors = ["X"];
		const merged = mergeDetails(base, { authors }, "arxiv");
		merged.authors?.push("Y");
		merged.sources.push("doi");
		expect(base).toEqual({ sources: ["url"] });
		expect(authors).toEqual(["X"]);
	});

	it("missingFields lists what is still to find, in order", () => {
		expect(missingFields({ title: "T", year: 2021, sources: [] }, ["authors", "year", "venue"])).toEqual(["authors", "venue"]);
		expect([undefined, null, "", []].every(isMissing)).toBe(true);
		expect([0, " ", ["x"], false].some(isMissing)).toBe(false);
	});
});
