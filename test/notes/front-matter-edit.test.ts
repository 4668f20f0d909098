import { describe, expect, it } from "vitest";
import { readProperties } from "../../src/notes/front-matter";
import { setPropertiesInText } from "../../src/notes/front-matter-edit";

describe("setPropertiesInText", () => {
	it.each([
		["fills an empty property where it stands", "---\ntitle: \"T\"\nauthors:\nyear: 2021\n---\nBody\n", { authors: ["A B"] }, "---\ntitle: \"T\"\nauthors:\n  - \"A B\"\nyear: 2021\n---\nBody\n"],
		["fills a property written as an empty string", '---\ndoi: ""\n---\n', { doi: "10.1/x" }, '---\ndoi: "10.1/x"\n---\n'],
		["adds a missing one at the end", "---\n# my comment\nversion: 1.10\nsection_no: 0123\nbig: 12345678901234567890\nwhen: 2021-05-01\nflag: yes\n---\nBody", { doi: "10.1/x" }, '---\n# my comment\nversion: 1.10\nsection_no: 0123\nbig: 12345678901234567890\nwhen: 2021-05-01\nflag: yes\ndoi: "10.1/x"\n---\nBody'],
		["keeps Windows line ends", "---\r\ntitle: T\r\nyear:\r\n---\r\nBody\r\n", { year: 2021, arxiv: "2104.04473" }, '---\r\ntitle: T\r\nyear: 2021\r\narxiv: "2104.04473"\r\n---\r\nBody\r\n'],
		["gives a note without front matter one", "Just text\n", { citekey: "a2021b" }, '---\ncitekey: "a2021b"\n---\nJust text\n'],
		["leaves a property with a value alone", "---\nvenue: SC\n---\n", { venue: "Other" }, "---\nvenue: SC\n---\n"],
		["changes nothing when given nothing", "---\nx: 1\n---\n", {}, "---\nx: 1\n---\n"],
	])("%s", (_name, text, properties, expected) => {
		expect(setPropertiesInText(text, properties)).toBe(expected);
	});

	it("a title with quotes, colons and a leading dash reads back exactly", () => {
		const title = '- "Odd": #1 title';
		expect(readProperties(setPropertiesInText("---\ntitle:\n---\n", { title }))?.title).toBe(title);
	});
});
