import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { noteWithProperties, readProperties, splitFrontMatter } from "../../src/notes/front-matter";

describe("properties round-trip through YAML", () => {
	it.each([
		['Quotes "double" and \'single\''],
		["Colons: everywhere: here"],
		["#hashtag at the start"],
		["- a leading dash"],
		["null"],
		["~"],
		["true"],
		["yes"],
		["2021-06-01"],
		["12:30"],
		["1e3"],
		["0x1F"],
		["---"],
		["..."],
		["[not, a, list]"],
		["{not: a map}"],
		["& anchor * alias ! tag % directive @ at ` tick"],
		["Ünïcödé ✓ 数据 עברית"],
		["Emoji 🧠👩‍👩‍👧‍👦"],
		["line\nbreaks\r\nand\ttabs"],
		["  leading and trailing spaces  "],
		[""],
	])("title %j", (title) => {
		const note = noteWithProperties({ title, url: "https://example.org/?a=1&b=2#x" }, "body\n");
		expect(readProperties(note)).toEqual({ title, url: "https://example.org/?a=1&b=2#x" });
		// Also as a YAML 1.1 reader (older tools, some Obsidian plugins) reads it.
		expect(parse(splitFrontMatter(note).yaml ?? "", { version: "1.1" })).toMatchObject({ title });
	});

	it("any title and URL survive the round trip", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary" }), fc.webUrl({ withQueryParameters: true, withFragments: true }), (title, url) => {
				const note = noteWithProperties({ title, url, year: 2021, read: null }, "");
				expect(readProperties(note)).toEqual({ title, url, year: 2021, read: null });
			}),
			{ numRuns: 2000 },
		);
	});

	it("keeps the body byte for byte", () => {
		const note = noteWithProperties({ a: 1 }, "---\nnot front matter\n---\n");
		expect(splitFrontMatter(note).body).toBe("---\nnot front matter\n---\n");
	});
});

describe("splitFrontMatter", () => {
	it.each([
		["no front matter", "# Title\n", null, "# Title\n"],
		["front matter", "---\na: 1\n---\nbody", "a: 1", "body"],
		["CRLF", "---\r\na: 1\r\n---\r\nbody", "a: 1", "body"],
		["empty front matter", "---\n---\nbody", "", "body"],
		["an unclosed fence", "---\na: 1\nbody", null, "---\na: 1\nbody"],
		["a thematic break later", "text\n---\nmore", null, "text\n---\nmore"],
	])("%s", (_name, text, yaml, body) => {
		expect(splitFrontMatter(text)).toEqual({ yaml, body });
	});

	it("reads invalid YAML as no properties rather than throwing", () => {
		expect(readProperties("---\na: [\n---\n")).toBeNull();
		expect(readProperties("---\n- a list\n---\n")).toBeNull();
	});
});
