import { parse, type Creator, type Entry } from "@retorquere/bibtex-parser";
import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { BIBTEX_HEADER, bibtexEntry, bibtexFile, bibtexPaper, escapeBibtex, isOwnBibtex, sanitizeCitekey } from "../../src/details/bibtex";
import { citekeyFor } from "../../src/details/citekey";
import { emptyDetailsCache } from "../../src/details/cache";
import { lookUpDetails } from "../../src/details/lookup";
import { detailsProperties, fillMissingProperties } from "../../src/details/properties";
import { FakeTransport, VirtualClock } from "./fakes";
import { EXAMPLE_TEXT } from "../support/example";
import { EXAMPLE_QUERIES, EXAMPLE_ROUTES } from "./services";

function parsed(text: string) {
	const library = parse(text, { sentenceCase: false });
	expect(library.errors).toEqual([]);
	return library;
}

function name(creator: Creator): string {
	return creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter((part) => part !== undefined && part !== "").join(" ");
}

function only(text: string): Entry {
	const { entries } = parsed(text);
	expect(entries).toHaveLength(1);
	const [entry] = entries;
	if (!entry) throw new Error("no entry");
	return entry;
}

describe("escapeBibtex", () => {
	it.each<[string, string]>([
		["Plain text", "Plain text"],
		["50% & more", "50\\% \\& more"],
		["a_b #1 $x$", "a\\_b \\#1 \\$x\\$"],
		["{braces}", "\\{braces\\}"],
		["back\\slash", "back\\textbackslash{}slash"],
		["~ and ^", "\\textasciitilde{} and \\textasciicircum{}"],
		["Agüera — “quoted”", "Agüera — “quoted”"],
	])("%j → %j", (text, escaped) => {
		expect(escapeBibtex(text)).toBe(escaped);
	});
});

describe("bibtexEntry: types and fields valid for BibTeX and biblatex", () => {
	const base = { title: "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", authors: ["Deepak Narayanan", "Matei Zaharia"], year: 2021, url: "https://arxiv.org/abs/2104.04473" };

	it.each<[string, Record<string, unknown>, string, Record<string, string>]>([
		["a conference venue: @inproceedings with booktitle", { ...base, venue: "SC", doi: "10.1145/3458817.3476209" }, "inproceedings", { booktitle: "SC", doi: "10.1145/3458817.3476209", year: "2021" }],
		["a journal: @article with journal", { ...base, venue: "Journal of machine learning research" }, "article", { journal: "Journal of machine learning research" }],
		["an arXiv-only preprint: @misc with eprint and archivePrefix", { ...base, arxiv: "2104.04473" }, "misc", { eprint: "2104.04473", archiveprefix: "arXiv" }],
		["arXiv as the venue is a preprint too", { ...base, venue: "arXiv", arxiv: "2104.04473" }, "misc", { eprint: "2104.04473" }],
		["a conference paper on arXiv keeps its eprint", { ...base, venue: "NeurIPS", arxiv: "1811.06965" }, "inproceedings", { booktitle: "NeurIPS", eprint: "1811.06965" }],
		["a blog post: @misc with howpublished", { ...base, venue: "Blog post" }, "misc", { howpublished: "Blog post" }],
		["nothing but a title and a link", { title: "The Sky Above The Clouds", url: "https://drive.google.com/file/d/x/view?usp=sharing" }, "misc", { url: "https://drive.google.com/file/d/x/view?usp=sharing" }],
		["the month when the date is of the entry's year", { ...base, venue: "SC", published: "2021-11-14" }, "inproceedings", { month: "11" }],
	])("%s", (_name, properties, type, fields) => {
		const entry = only(bibtexEntry(bibtexPaper(properties), "key"));
		expect(entry.type).toBe(type);
		expect(entry.key).toBe("key");
		expect(entry.fields).toMatchObject(fields);
		if (typeof properties.title === "string") expect(entry.fields.title).toBe(properties.title);
	});

	it("no month from a date of another year (an arXiv date months before the venue)", () => {
		expect(only(bibtexEntry(bibtexPaper({ ...base, venue: "ICLR", year: 2017, published: "2016-09-15" }), "k")).fields.month).toBeUndefined();
	});

	it.each<[string, string]>([
		["Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM", "Efficient Large-Scale Language Model Training on {GPU} Clusters Using {Megatron-LM}"],
		["ZeRO-Infinity: Breaking the GPU Memory Wall", "{ZeRO-Infinity:} Breaking the {GPU} Memory Wall"],
		["SysML: The New Frontier", "{SysML:} The New Frontier"],
		["“Quoted” (DNN) words", "“Quoted” {(DNN)} words"],
	])("words with inner capitals are braced, so styles that lower-case titles leave them alone: %j", (title, field) => {
		expect(bibtexEntry(bibtexPaper({ title }), "k")).toContain(`title = {${field}}`);
	});

	it("an organisation whose name holds 'and' stays one author", () => {
		const entry = only(bibtexEntry(bibtexPaper({ title: "Report", authors: ["Google Brain and DeepMind", "Ada Lovelace"] }), "k"));
		expect(entry.fields.author?.map(name)).toEqual(["Google Brain and DeepMind", "Ada Lovelace"]);
	});

	it("properties of any shape: authors as one string, year as text, a Date", () => {
		const paper = bibtexPaper({ title: 42, authors: "Ada Lovelace and Alan Turing; Grace Hopper", year: "2021", published: new Date(Date.UTC(2021, 3, 9)), doi: "https://doi.org/10.1000/x", arxiv: "arXiv:2104.04473v2", citekey: "my key, 1" });
		expect(paper).toMatchObject({ title: "42", authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper"], year: 2021, published: "2021-04-09", doi: "10.1000/x", arxiv: "2104.04473", citekey: "mykey1" });
		const junk = bibtexPaper({ title: { a: 1 }, authors: [null, 3, {}], year: "soon", venue: ["x"] });
		expect(junk).toMatchObject({ title: "", authors: ["3"], venue: "" });
		expect(junk.year).toBeUndefined();
	});

	it("hostile text parses and comes back as written", () => {
		const hostile = {
			title: "Braces } { and \\commands \\end{document} @misc{x, 100% #1 & $5 _x ~ ^",
			authors: ["A. {Brace", "Back\\slash Person", "Percent % Sign"],
			venue: "Conference on }{ Weird & Wonderful",
			url: "https://example.org/a b?c={d}&e=\\f#g",
			doi: "10.1000/a{b}",
		};
		const entry = only(bibtexEntry(bibtexPaper(hostile), "k"));
		expect(entry.fields.title).toBe(hostile.title);
		expect(entry.fields.booktitle).toBe(hostile.venue);
		expect(entry.fields.author?.map(name)).toEqual(hostile.authors);
		expect(entry.fields.url).toBe("https://example.org/a%20b?c=%7Bd%7D&e=%5Cf#g");
	});
});

describe("bibtexFile", () => {
	it("keys unique in the file: a note's own key is kept, the first claim wins, keys compare without case", () => {
		const notes = [
			{ title: "Efficient Large-Scale", authors: ["Deepak Narayanan"], year: 2021 },
			{ title: "Other", citekey: "narayanan2021efficient" },
			{ title: "Third", citekey: "NARAYANAN2021EFFICIENT" },
			{ title: "Efficient Large-Scale", authors: ["Deepak Narayanan"], year: 2021 },
		];
		const { text, keys } = bibtexFile(notes);
		// The third note's key differs only in case from the second's, and its "a" from the first's.
		expect(keys).toEqual(["narayanan2021efficienta", "narayanan2021efficient", "NARAYANAN2021EFFICIENTb", "narayanan2021efficientc"]);
		expect(parsed(text).entries.map((entry) => entry.key)).toEqual(keys);
	});

	it("starts with a header that tells its own files from the user's", () => {
		const { text } = bibtexFile([{ title: "x" }]);
		expect(text.startsWith(`${BIBTEX_HEADER}\n`)).toBe(true);
		expect(isOwnBibtex(text)).toBe(true);
		expect(isOwnBibtex("@article{mine, title = {x}}")).toBe(false);
	});

	it("an empty list gives a file with the header only", () => {
		expect(bibtexFile([])).toEqual({ text: `${BIBTEX_HEADER}\n\n`, keys: [] });
	});

	it.each<[string, string]>([
		["a b", "ab"],
		["key{1}", "key1"],
		["ok_key-1:2.3", "ok_key-1:2.3"],
		["ümlaut", "mlaut"],
	])("sanitizeCitekey(%j) is %j", (key, sanitized) => {
		expect(sanitizeCitekey(key)).toBe(sanitized);
	});
});

describe("the example catalogue's BibTeX export", () => {
	it("parses, has one entry per paper with unique keys, and round-trips the notes' properties", async () => {
		const clock = new VirtualClock();
		const report = await lookUpDetails(EXAMPLE_QUERIES, { transport: new FakeTransport(clock, EXAMPLE_ROUTES), clock, cache: emptyDetailsCache() });
		// The notes as the plugin makes them: the catalogue's properties, then the details into what is missing.
		const catalogue = new Map(parseCatalogue(EXAMPLE_TEXT).papers.map((paper) => [paper.key, paper]));
		const taken = new Set<string>();
		const notes = report.papers.map((result) => {
			const listed = catalogue.get(result.key);
			const note: Record<string, unknown> = { title: result.title, url: listed?.url, status: "unread" };
			if (listed?.venue !== undefined) note.venue = listed.venue;
			if (listed?.year !== undefined) note.year = listed.year;
			// The key from what the note will say: the catalogue's year before the details'.
			const citekey = citekeyFor({ authors: result.details.authors, year: listed?.year ?? result.details.year, title: result.title }, (key) => taken.has(key));
			taken.add(citekey);
			fillMissingProperties(note, detailsProperties(result.details, citekey));
			return note;
		});
		const { text, keys } = bibtexFile(notes);
		const { entries } = parsed(text);
		expect(entries).toHaveLength(notes.length);
		expect(new Set(entries.map((entry) => entry.key.toLowerCase())).size).toBe(notes.length);
		expect(entries.map((entry) => entry.key)).toEqual(keys);
		expect(keys).toContain("narayanan2021efficient");
		entries.forEach((entry, i) => {
			const note = notes[i] ?? {};
			expect(entry.fields.title, entry.key).toBe(note.title);
			if (Array.isArray(note.authors)) expect(entry.fields.author?.map(name), entry.key).toEqual(note.authors);
			if (note.doi !== undefined) expect(entry.fields.doi, entry.key).toBe(note.doi);
			if (note.arxiv !== undefined) expect(entry.fields.eprint, entry.key).toBe(note.arxiv);
			if (typeof note.year === "number") expect(entry.fields.year, entry.key).toBe(String(note.year));
			if (typeof note.venue === "string") expect(entry.fields.booktitle ?? entry.fields.journal ?? entry.fields.howpublished, entry.key).toBe(note.venue);
		});
		const types = new Map(entries.map((entry) => [entry.key, entry.type]));
		expect(types.get("narayanan2021efficient")).toBe("inproceedings");
		expect(types.get("bianco2018benchmark")).toBe("article");
		expect(types.get("kaplan2020scaling")).toBe("misc");
		// The catalogue's own venues: `[SC’21, Best Paper finalist]`, `[Blog post]`.
		expect(types.get("li2021chimera")).toBe("inproceedings");
		expect(entries.find((entry) => entry.key === "li2021chimera")?.fields.booktitle).toBe("SC");
		expect(entries.find((entry) => entry.fields.title?.startsWith("DeepSpeed"))?.fields.howpublished).toBe("Blog post");
	});
});
