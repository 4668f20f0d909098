import { describe, expect, it } from "vitest";
import { cachedLookup, canonicalPaperId, emptyDetailsCache, readDetailsCache, storeLookup, type DetailsCacheData } from "../../src/details/cache";
import type { PaperIds } from "../../src/details/ids";

describe("canonicalPaperId", () => {
	it.each<[PaperIds, string, string | undefined]>([
		[{ arxiv: "2104.04473", doi: "10.1145/X" }, "Megatron", "arxiv:2104.04473"],
		[{ doi: "10.1145/3447786.3456245" }, "RubberBand", "doi:10.1145/3447786.3456245"],
		[{ doi: "10.1109/ACCESS.2018.2877890" }, "", "doi:10.1109/access.2018.2877890"],
		[{}, "GPipe: Efficient Training", "title:gpipe efficient training"],
		[{}, "Gpipe — efficient training!", "title:gpipe efficient training"],
		[{}, " … ", undefined],
	])("%j %j → %j", (ids, title, expected) => {
		expect(canonicalPaperId(ids, title)).toBe(expected);
	});
});

describe("readDetailsCache", () => {
	const valid: DetailsCacheData = {
		version: 1,
		papers: {
			"arxiv:2104.04473": {
				arxiv: { at: 1700000000000, found: { title: "Megatron-LM", authors: ["Deepak Narayanan"], year: 2021, published: "2021-04-09", arxiv: "2104.04473", pdf: "https://arxiv.org/pdf/2104.04473" } },
				"semantic-scholar": { at: 1700000000000, missing: "not in Semantic Scholar" },
			},
			"title:roofline": { "semantic-scholar": { at: 1, missing: "no title match", detail: 'closest title: "Roofline"' } },
		},
	};

	it("keeps a valid cache as it is, through JSON", () => {
		expect(readDetailsCache(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
	});

	it.each<[string, unknown]>([
		["undefined", undefined],
		["null", null],
		["a string", "cache"],
		["a list", [valid]],
		["another version", { ...valid, version: 2 }],
		["papers not an object", { version: 1, papers: [] }],
	])("%s is an empty cache", (_name, data) => {
		expect(readDetailsCache(data)).toEqual(emptyDetailsCache());
	});

	it("drops what is not a valid entry, keeps the rest", () => {
		const data = {
			version: 1,
			papers: {
				"arxiv:2104.04473": valid.papers["arxiv:2104.04473"],
				constructor: { arxiv: { at: 1, missing: "x" } },
				"no-prefix": { arxiv: { at: 1, missing: "x" } },
				"doi:10.1/a": "not an entry",
				"doi:10.1/b": { arxiv: { at: "yesterday", missing: "x" } },
				"doi:10.1/c": { arxiv: { at: 1 } },
				"doi:10.1/d": { unknownSource: { at: 1, missing: "x" } },
				"doi:10.1/e": { doi: { at: Number.NaN, missing: "x" } },
			},
		};
		expect(Object.keys(readDetailsCache(data).papers)).toEqual(["arxiv:2104.04473"]);
	});

	it("a __proto__ key read from disk is an unknown key, not a prototype", () => {
		const cache = readDetailsCache(JSON.parse('{"version": 1, "papers": {"__proto__": {"arxiv": {"at": 1, "missing": "x"}}}}'));
		expect(Object.keys(cache.papers)).toEqual([]);
		expect(Object.getPrototypeOf(cache.papers)).toBe(Object.prototype);
	});

	it("checks each field of what was found: wrong types and markup do not come back", () => {
		const data = {
			version: 1,
			papers: {
				"arxiv:1": {
					arxiv: {
						at: 1,
						found: { title: "<b>Bold</b>\u0000", authors: ["A", 3, "", null, "B\u202E"], year: "2021", published: "April 2021", doi: "not a doi", arxiv: "2104.04473v2", venue: { name: "x" }, pdf: "https://x.org/a.pdf", extra: "ignored" },
					},
				},
			},
		};
		expect(readDetailsCache(data).papers["arxiv:1"]?.arxiv).toEqual({ at: 1, found: { title: "Bold", authors: ["A", "B"], arxiv: "2104.04473", pdf: "https://x.org/a.pdf" } });
	});

	it("never throws, whatever it is given", () => {
		const cyclic: Record<string, unknown> = { version: 1 };
		cyclic.papers = { "arxiv:1": cyclic };
		const strange = [0, -1, true, () => 1, Symbol("x"), new Date(), new Map(), cyclic, { version: 1, papers: { "arxiv:1": { arxiv: { at: 1, found: cyclic } } } }];
		for (const value of strange) expect(() => readDetailsCache(value)).not.toThrow();
	});
});

describe("storeLookup and cachedLookup", () => {
	it("one entry per paper, one result per source", () => {
		const cache = emptyDetailsCache();
		storeLookup(cache, "arxiv:1", "arxiv", { at: 1, missing: "not on arXiv" });
		storeLookup(cache, "arxiv:1", "semantic-scholar", { at: 2, found: { venue: "SC" } });
		storeLookup(cache, "arxiv:1", "arxiv", { at: 3, found: { title: "T" } });
		expect(cache).toEqual({ version: 1, papers: { "arxiv:1": { arxiv: { at: 3, found: { title: "T" } }, "semantic-scholar": { at: 2, found: { venue: "SC" } } } } });
		expect(cachedLookup(cache, "arxiv:1", "doi")).toBeUndefined();
		expect(cachedLookup(cache, "toString", "arxiv")).toBeUndefined();
	});
});
