import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { formatRating, meanRating, ratingOf, sectionMeanRatings } from "../../src/progress/ratings";

describe("ratingOf", () => {
	const cases: { name: string; value: unknown; expected: number | null }[] = [
		{ name: "a whole number", value: 4, expected: 4 },
		{ name: "the lowest", value: 1, expected: 1 },
		{ name: "the highest", value: 5, expected: 5 },
		{ name: "a half", value: 3.5, expected: 3.5 },
		{ name: "a number as text", value: "4", expected: 4 },
		{ name: "text with spaces around", value: " 4 ", expected: 4 },
		{ name: "a decimal as text", value: "4.5", expected: 4.5 },
		{ name: "out of five", value: "4/5", expected: 4 },
		{ name: "out of five with spaces", value: "4 / 5", expected: 4 },
		{ name: "5.0", value: "5.0", expected: 5 },
		{ name: "empty (rating: with no value)", value: null, expected: null },
		{ name: "missing", value: undefined, expected: null },
		{ name: "empty text", value: "", expected: null },
		{ name: "zero", value: 0, expected: null },
		{ name: "below one", value: 0.5, expected: null },
		{ name: "above five", value: 6, expected: null },
		{ name: "negative", value: -3, expected: null },
		{ name: "out of ten", value: "4/10", expected: null },
		{ name: "five out of five, written over", value: "6/5", expected: null },
		{ name: "a decimal comma", value: "4,5", expected: null },
		{ name: "words", value: "four", expected: null },
		{ name: "a number and words", value: "4 stars", expected: null },
		{ name: "not a number", value: Number.NaN, expected: null },
		{ name: "infinity", value: Number.POSITIVE_INFINITY, expected: null },
		{ name: "a boolean", value: true, expected: null },
		{ name: "a list", value: [4], expected: null },
		{ name: "an object", value: { rating: 4 }, expected: null },
	];
	it.each(cases)("$name", ({ value, expected }) => {
		expect(ratingOf(value)).toBe(expected);
	});
});

describe("meanRating", () => {
	const cases: { name: string; ratings: (number | null | undefined)[]; expected: number | null }[] = [
		{ name: "nothing rated", ratings: [null, undefined, null], expected: null },
		{ name: "no papers", ratings: [], expected: null },
		{ name: "one rated among unrated", ratings: [null, 4, undefined], expected: 4 },
		{ name: "the mean of the rated ones only", ratings: [5, null, 4, 3], expected: 4 },
		{ name: "fractions", ratings: [4.5, 4], expected: 4.25 },
	];
	it.each(cases)("$name", ({ ratings, expected }) => {
		expect(meanRating(ratings)).toBe(expected);
	});
});

describe("formatRating", () => {
	it.each([
		[4, "4"],
		[4.5, "4.5"],
		[4.25, "4.3"],
		[11 / 3, "3.7"],
	])("%s → %s", (rating, text) => {
		expect(formatRating(rating)).toBe(text);
	});
});

describe("sectionMeanRatings", () => {
	const catalogue = parseCatalogue(
		["## A", "", "- [x] [P](https://x.org/p)", "- [x] [Q](https://x.org/q)", "- [ ] [P again](https://x.org/p)", "", "## B", "", "- [ ] [R](https://x.org/r)", "", "## C", "", "- [x] [S](https://x.org/s)"].join("\n"),
	);
	const id = (title: string): string => catalogue.papers.find((paper) => paper.title === title)?.id ?? "";

	it("gives each section the mean of its rated papers, null where none is rated, a repeat counted once", () => {
		const ratings = new Map<string, number | null>([
			[id("P"), 5],
			[id("P again"), 5],
			[id("Q"), 2],
			[id("R"), null],
			[id("S"), 4],
		]);
		expect(sectionMeanRatings(catalogue, ratings)).toEqual([3.5, null, 4]);
	});

	it("gives null everywhere without ratings", () => {
		expect(sectionMeanRatings(catalogue, new Map())).toEqual([null, null, null]);
	});
});
