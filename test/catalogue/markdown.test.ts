/**
 * The lean chunk parse (only the GFM syntax a chunk can need) gives the full pipeline's tree, node
 * for node: on random markdown full of GFM look-alikes, on every fixture, and on generated catalogues.
 */
import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCatalogue } from "../../bench/generate";
import { chunkText } from "../../src/catalogue/chunks";
import { parseChunkMarkdown, parseMarkdownFully } from "../../src/catalogue/markdown";
import { parseSimpleChunk } from "../../src/catalogue/simple-chunk";

type Outcome = { tree: unknown } | { threw: true };

function outcome(parse: () => unknown): Outcome {
	try {
		return { tree: parse() };
	} catch {
		// micromark's development build (the one vitest loads) asserts on a few inputs: both must then throw.
		return { threw: true };
	}
}

function expectSameTree(source: string): void {
	const lean = outcome(() => parseChunkMarkdown(source));
	const full = outcome(() => parseMarkdownFully(source));
	if (!isDeepStrictEqual(lean, full)) expect(lean, JSON.stringify(source)).toEqual(full);
}

/** Pieces that switch GFM constructs on or nearly on, and the contexts that hide them. */
const PIECES = [
	"www.example.org",
	"WWW.Example.org",
	"http://example.org/a",
	"https://example.org/a_(b)",
	"HTTPS://x.y",
	"someone@example.org",
	"mailto:a@b.co",
	"xmpp:a@b.co/x",
	"@",
	"a@b",
	"[t](https://example.org/t)",
	"[www.in-label.org](https://example.org/l)",
	"[t](<https://example.org/with space>)",
	"![img](https://example.org/i.png)",
	"<https://example.org/auto>",
	"<a@b.co>",
	"[ref]",
	"[ref]: https://example.org/ref",
	"[^1]",
	"[^1]: a note",
	"[^",
	"~",
	"~~",
	"~~gone~~",
	"~x~",
	"*",
	"_",
	"**",
	"|",
	" | ",
	"|---|",
	"| - |",
	":-:",
	"---",
	"-",
	"- ",
	"* ",
	"1. ",
	"> ",
	"[ ] ",
	"[x] ",
	"`",
	"``",
	"```",
	"<span>",
	"</span>",
	"<div>",
	"<!-- c -->",
	"\\",
	"\\[",
	"[",
	"]",
	"(",
	")",
	"word",
	"Paper",
	" ",
	"  ",
	"\t",
	"\n",
	"\n",
	"\n\n",
	"é",
	"🦀",
];

const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((pieces) => pieces.join(""));
const lines = fc
	.array(fc.tuple(fc.constantFrom("", "", "  ", "> ", "- ", "1. ", "- [ ] ", "| "), markdown.map((text) => text.replace(/\n/g, " "))), { maxLength: 30 })
	.map((rows) => rows.map(([prefix, text]) => prefix + text).join("\n"));

/** Words for titles: scripts, emoji, apostrophes, and the punctuation plain text allows. */
const WORD = fc.constantFrom("Paper", "Scaling", "on", "GPU", "Équilibre", "深度学习", "한국어", "Привет", "🚀", "👩‍🔬", "’s", "(formerly:", "Overrated)", "—", "Δ-Sync", "x", "2021", "a:b", "C#", "50%", "A.", "e\u0301", "|", ">", "=", "+", "!", "?", ".", ",", ":", "'", '"');
/** Pieces that leave the shape: each one must send the chunk to remark, or parse the same anyway. */
const ODD = fc.constantFrom("*", "_", "`", "\\", "<b>", "&amp;", "~", "[", "]", "@", "www.x.org", "http://x.y", "![i](u)", "[^1]", "  ", " ", "\t", "\u00A0", "\u0000", "\uD800", "\r");
/** Mostly plain words; now and then one piece that leaves the shape. */
const words = fc.array(fc.oneof({ weight: 60, arbitrary: WORD }, { weight: 1, arbitrary: ODD }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" "));
const destination = fc.oneof(
	{ weight: 30, arbitrary: fc.constantFrom("https://arxiv.org/abs/1706.03762", "https://people.example.edu/~me/p%C3%A9.pdf", "papers/a.pdf", "https://x.org/?id=a_b*c", "mailto:a@b.co", "u") },
	{ weight: 1, arbitrary: fc.constantFrom("", "a b", "a(b)c", "<u>", "a\\b", "a&amp;b", "u \"t\"") },
);
const label = fc.oneof(
	{ weight: 4, arbitrary: words },
	{ weight: 2, arbitrary: words.map((text) => `*${text}*`) },
	{ weight: 3, arbitrary: fc.tuple(words, words).map(([title, note]) => `${title} [${note}\\]`) },
	{ weight: 1, arbitrary: fc.tuple(words, words).map(([a, b]) => `${a} [${b}] c`) },
	{ weight: 1, arbitrary: fc.constantFrom("", " x ", "* x*", "*x *", "**x**", "[x]", "x\\]") },
);
const link = fc.oneof(
	{ weight: 4, arbitrary: fc.tuple(label, destination).map(([text, url]) => `[${text}](${url})`) },
	// Wikilinks, as sync inserts them and as people write them; and look-alikes that are links or footnotes.
	{ weight: 2, arbitrary: fc.tuple(words, fc.constantFrom("|notes", "", "#Heading", "\\|notes")).map(([note, tail]) => `[[Papers/${note}${tail}]]`) },
	{ weight: 1, arbitrary: fc.constantFrom("[[x]](u)", "[[x]][y]", "[[^x]]", "[[]]", "[[a", "![[embed]]", "[notes](Papers/A%20b.md)") },
);
/** Item content: mostly starting as a title does, with a letter or a link. */
const inlineContent = fc
	.tuple(
		fc.oneof({ weight: 8, arbitrary: fc.constantFrom("Read ", "Scaling ", "Équilibre: ", "深度学习 ", "A ", "") }, { weight: 1, arbitrary: fc.constantFrom("2021 ", "— ", "(", "1. ", "# ") }),
		fc.array(fc.oneof({ weight: 3, arbitrary: words }, { weight: 3, arbitrary: link }, { weight: 1, arbitrary: fc.constantFrom(" ", ". ", ", ", " (", ") ") }), { minLength: 1, maxLength: 4 }),
	)
	.map(([lead, parts]) => lead + parts.join(""))
	.chain((content) => fc.constantFrom(content.trimEnd(), content.trimEnd(), content.trimEnd(), content));
const itemLine = fc
	.tuple(
		fc.oneof({ weight: 20, arbitrary: fc.constantFrom("- ", "- - ", "- - - ") }, { weight: 1, arbitrary: fc.constantFrom("* ", "1. ", "-", " - ") }),
		fc.oneof({ weight: 20, arbitrary: fc.constantFrom("", "[ ] ", "[x] ", "[X] ") }, { weight: 1, arbitrary: fc.constantFrom("[ ]", "[y] ", "[x]  ") }),
		inlineContent,
	)
	.map(([markers, box, content]) => markers + box + content);
const detailLine = fc
	.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(2, 4, 4, 5, 6, 7) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }) }), fc.oneof({ weight: 20, arbitrary: fc.constant("- ") }, { weight: 1, arbitrary: fc.constantFrom("* ", "- [ ] ", "1. ") }), inlineContent)
	.map(([indent, marker, content]) => " ".repeat(indent) + marker + content);
const headingLine = fc
	.tuple(fc.oneof({ weight: 20, arbitrary: fc.constantFrom("# ", "## ", "### ", "###### ") }, { weight: 1, arbitrary: fc.constantFrom("####### ", "#", "##  ") }), words)
	.map(([hashes, text]) => hashes + text);
const shapedChunk = fc
	.array(
		fc.oneof({ weight: 8, arbitrary: itemLine }, { weight: 3, arbitrary: detailLine }, { weight: 2, arbitrary: headingLine }, { weight: 3, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(" ", "text", "> q") }),
		{ maxLength: 10 },
	)
	.map((lines) => lines.join("\n"))
	.map((text) => text.replace(/\\t/g, "\t").replace(/\\u00A0/g, "\u00A0").replace(/\\u0000/g, "\u0000").replace(/\\uD800/g, "\uD800").replace(/\\r/g, "\r"));

describe("the lean chunk parse", () => {
	it("builds the full pipeline's tree directly for chunks in the plain shape, and leaves every other chunk to remark", () => {
		let built = 0;
		let total = 0;
		fc.assert(
			fc.property(shapedChunk, (source) => {
				total += 1;
				if (parseSimpleChunk(source) !== null) built += 1;
				expectSameTree(source);
			}),
			{ numRuns: 500 },
		);
		// The generator must reach both sides of the shape's edge, or the property says little.
		expect(built / total).toBeGreaterThan(0.1);
		expect(built / total).toBeLessThan(0.9);
	});

	// Every piece the shape refuses, in every place it could hide: the tree is remark's either way.
	const REFUSED = ["*", "_", "**x**", "_x_", "`c`", "\\", "\\*", "<b>", "<https://x.y>", "&amp;", "&#42;", "~", "~~x~~", "[", "]", "[x]", "@", "a@b.co", "www.x.org", "http://x.y", "HTTPS://x.y", "![i](u)", "[^1]", "[[x]](u)", "[[x]][y]", "[[^x]]", "[[]]", "[[a]", "![[e]]", "[[a*b]]", "]]", "\\.", "\\#", "\\(", "\u0000", "\u000C", "  ", "\t", "\u00A0", "\uD800", "\r", "  \n", "\\\n"];
	const PLACES = [
		(piece: string) => `- [ ] Title ${piece} end`,
		(piece: string) => `- - [x] [Title ${piece} end](https://example.org/t)`,
		(piece: string) => `- [*Title ${piece} end*](https://example.org/t)`,
		(piece: string) => `- [Title ${piece} [SC’21\\]](https://example.org/t)`,
		(piece: string) => `- [Title [SC ${piece} ’21\\]](https://example.org/t)`,
		(piece: string) => `- [Title](https://example.org/${piece})`,
		(piece: string) => `## Heading ${piece} end\n\n- [ ] [T](u)`,
		(piece: string) => `- - [ ] [T](u)\n    - Detail ${piece} end`,
		(piece: string) => `- [T](u)${piece}`,
	];
	it.each(REFUSED.flatMap((piece) => PLACES.map((place, index): [number, string, string] => [index, piece, place(piece)])))("place %i, %j: %j", (_place, _piece, source) => {
		expectSameTree(source);
	});

	// Sub-bullets at every indent under items of either depth, alike or not, and what may follow them.
	const LAYOUTS = ["- [T](u)", "- - [x] [T](u)", "- [ ] Plain"].flatMap((item) =>
		[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((indent) => [
			`${item}\n${" ".repeat(indent)}- D`,
			`${item}\n${" ".repeat(indent)}- D\n${" ".repeat(indent)}- E\n- [ ] Next`,
			`${item}\n${" ".repeat(indent)}- D\n${" ".repeat(indent + 1)}- E`,
			`${item}\n${" ".repeat(indent)}- D\n${" ".repeat(indent + 2)}- E`,
			`${item}\n${" ".repeat(indent + 1)}- D\n${" ".repeat(indent)}- E`,
			`${item}\n\n${" ".repeat(indent)}- D`,
			`${item}\n${" ".repeat(indent)}- D\n## H\n\n- x`,
		]),
	);
	it.each(LAYOUTS)("%j", (source) => {
		expectSameTree(source);
	});

	it("gives the full pipeline's tree on random markdown full of GFM look-alikes", () => {
		fc.assert(fc.property(fc.oneof(markdown, lines), expectSameTree), { numRuns: 700 });
	});

	it.each([
		// Literals outside links must still be found: the lean parse is redone with them.
		["see www.example.org today"],
		["mail someone@example.org"],
		["[t](https://example.org/t) and https://example.org/bare"],
		["`https://in-code.org` and [t](https://example.org)"],
		["\\[a](https://example.org/not-a-link)"],
		["[a](https://example.org/ok) \\[b](https://example.org/escaped)"],
		["| a |\n|---|\n| [t](https://example.org) |"],
		["a\n-"],
		["~~x~~ *a*~ _b_"],
		["text[^1]\n\n[^1]: https://example.org/note"],
		["[ref]\n\n[ref]: https://example.org/r"],
	])("%j", (source) => {
		expectSameTree(source);
	});

	const fixtureDir = new URL("../fixtures/", import.meta.url);
	const fixtures = [
		"cs294-ai-sys-sp22.md",
		...readdirSync(new URL("shapes/", fixtureDir)).map((name) => `shapes/${name}`),
		...readdirSync(new URL("hostile/", fixtureDir)).map((name) => `hostile/${name}`),
	];

	it.each(fixtures)("gives the full pipeline's tree on every chunk of %s", (name) => {
		const text = readFileSync(new URL(name, fixtureDir), "utf8");
		for (const chunk of chunkText(text).chunks) expectSameTree(chunk.text);
	});

	it("gives the full pipeline's tree on every chunk of generated catalogues", () => {
		for (const seed of [1, 2, 3]) {
			for (const chunk of chunkText(generateCatalogue({ papers: 300, seed })).chunks) expectSameTree(chunk.text);
		}
	});
});
