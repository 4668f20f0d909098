/**
 * Re-parsing after an edit must give exactly what a fresh parse of the new
 * text gives: a long-lived `CatalogueParser` reuses each unchanged chunk's
 * findings, and no sequence of edits may make that reuse visible.
 *
 * Chunk parses are counted through a spy on `findInChunk` (called once per
 * chunk that is actually parsed), so the "only what changed" tests need no timing.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import type { Definition } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { generateCatalogue, paperItem, Rng } from "../../bench/generate";
import { capLongLines, capNesting, chunkText } from "../../src/catalogue/chunks";
import * as extract from "../../src/catalogue/extract";
import { definitionMap } from "../../src/catalogue/inline-runs";
import { preparePage } from "../../src/catalogue/page";
import { CatalogueParser, parseCatalogue } from "../../src/catalogue/parse";

vi.mock("../../src/catalogue/extract", async (importOriginal) => {
	const actual = await importOriginal<typeof extract>();
	return { ...actual, findInChunk: vi.fn(actual.findInChunk) };
});

const chunkParses = vi.mocked(extract.findInChunk);

/** How many chunks `parse` hands to remark. */
function countChunkParses(parse: () => unknown): number {
	chunkParses.mockClear();
	parse();
	return chunkParses.mock.calls.length;
}

/** Deep equality, checked fast; on a mismatch `toEqual` shows the difference. */
function expectSameCatalogue(actual: unknown, expected: unknown, message?: string): void {
	if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

// ---------------------------------------------------------------- edits

/** Offsets at which each line starts, plus the text's end. */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
	if (starts[starts.length - 1] !== text.length) starts.push(text.length);
	return starts;
}

/** The start of the line at fraction `at` (0 ≤ at < 1) of the text's lines; may be the very end. */
function lineAt(text: string, at: number): { index: number; offset: number; starts: number[] } {
	const starts = lineStarts(text);
	const index = Math.min(starts.length - 1, Math.floor(at * starts.length));
	return { index, offset: starts[index] ?? text.length, starts };
}

function insertAt(text: string, offset: number, insertion: string): string {
	return text.slice(0, offset) + insertion + text.slice(offset);
}

/** Picks one match of `pattern` (global) at fraction `at` of all its matches. */
function matchAt(text: string, pattern: RegExp, at: number): RegExpExecArray | null {
	const matches = [...text.matchAll(pattern)];
	return matches[Math.min(matches.length - 1, Math.floor(at * matches.length))] ?? null;
}

type Edit =
	| { kind: "toggle"; at: number }
	| { kind: "insert-paper"; at: number; seed: number }
	| { kind: "delete-line"; at: number }
	| { kind: "insert-heading"; at: number; depth: number; text: string }
	| { kind: "edit-title"; at: number; where: number; text: string }
	| { kind: "blank-line"; at: number }
	| { kind: "fence"; at: number; span: number; marker: string; closed: boolean }
	| { kind: "crlf"; at: number; span: number }
	| { kind: "definition"; at: number; label: string }
	| { kind: "comment"; at: number; closed: boolean }
	| { kind: "indent"; at: number; span: number }
	/** A kramdown block (`<div class="…" markdown="1">`, `<details markdown="1">`) around some lines: it may span chunks. */
	| { kind: "kramdown"; at: number; span: number; opener: string; closed: boolean }
	| { kind: "liquid"; at: number; span: number; tag: "include" | "comment" }
	| { kind: "schedule"; at: number; seed: number }
	| { kind: "nested-task"; at: number; seed: number };

const KRAMDOWN_OPENERS = [
	'<div class="required_reading" markdown="1">',
	'<div class="optional_reading" markdown="block">',
	'<div class="reading">\n<div class="optional_reading" markdown="1">',
	'<details markdown="1">\n<summary>Optional reading</summary>',
	'<td markdown="span">',
];

/** Wraps the lines from the one at `at` over `span` lines in `open` and `close` lines. */
function wrapLines(text: string, at: number, span: number, open: string, close: string): string {
	const { index, starts } = lineAt(text, at);
	const start = starts[index] ?? text.length;
	const end = starts[Math.min(starts.length - 1, index + span)] ?? text.length;
	const body = text.slice(start, end);
	return `${text.slice(0, start)}${open}\n${body}${body === "" || body.endsWith("\n") ? "" : "\n"}${close}${text.slice(end)}`;
}

function applyEdit(text: string, edit: Edit): string {
	switch (edit.kind) {
		case "toggle": {
			const box = matchAt(text, /\[[ xX]\]/g, edit.at);
			if (!box) return text;
			const offset = box.index + 1;
			return text.slice(0, offset) + (text[offset] === " " ? "x" : " ") + text.slice(offset + 1);
		}
		case "insert-paper":
			return insertAt(text, lineAt(text, edit.at).offset, `${paperItem(new Rng(edit.seed), 900_000 + edit.seed)}\n`);
		case "delete-line": {
			const { index, starts } = lineAt(text, edit.at);
			const start = starts[index] ?? text.length;
			const end = starts[index + 1] ?? text.length;
			return text.slice(0, start) + text.slice(end);
		}
		case "insert-heading":
			return insertAt(text, lineAt(text, edit.at).offset, `${"#".repeat(edit.depth)} ${edit.text}\n`);
		case "edit-title": {
			// Somewhere inside a link text: between `[` and `](`.
			const link = matchAt(text, /\[[^\]\n]*\]\(/g, edit.at);
			if (!link) return text;
			const offset = link.index + 1 + Math.floor(edit.where * (link[0].length - 2));
			return insertAt(text, offset, edit.text);
		}
		case "blank-line":
			return insertAt(text, lineAt(text, edit.at).offset, "\n");
		case "fence": {
			const { index, starts } = lineAt(text, edit.at);
			const open = starts[index] ?? text.length;
			const close = starts[Math.min(starts.length - 1, index + edit.span)] ?? text.length;
			const closing = edit.closed ? `${edit.marker}\n` : "";
			const body = text.slice(open, close);
			return `${text.slice(0, open)}${edit.marker}\n${body}${body === "" || body.endsWith("\n") ? "" : "\n"}${closing}${text.slice(close)}`;
		}
		case "crlf": {
			const { index, starts } = lineAt(text, edit.at);
			const start = starts[index] ?? text.length;
			const end = starts[Math.min(starts.length - 1, index + edit.span)] ?? text.length;
			return text.slice(0, start) + text.slice(start, end).replace(/\r?\n/g, "\r\n") + text.slice(end);
		}
		case "definition":
			// A definition anywhere is handed to every chunk: the whole cache goes stale at once.
			return insertAt(text, lineAt(text, edit.at).offset, `[${edit.label}]: https://example.org/${encodeURIComponent(edit.label)}\n- - [ ] [A paper by reference][${edit.label}]\n`);
		case "comment":
			return insertAt(text, lineAt(text, edit.at).offset, edit.closed ? "<!-- a note to self -->\n" : "<!--\n");
		case "indent": {
			const { index, starts } = lineAt(text, edit.at);
			const start = starts[index] ?? text.length;
			const end = starts[Math.min(starts.length - 1, index + edit.span)] ?? text.length;
			return text.slice(0, start) + text.slice(start, end).replace(/^/gm, "    ").replace(/ {4}$/, "") + text.slice(end);
		}
		case "kramdown": {
			const name = /^<(\w+)/.exec(edit.opener.split("\n").pop() ?? "")?.[1] ?? "div";
			const close = edit.closed ? `${edit.opener.includes('"reading"') ? `</${name}>\n</div>` : `</${name}>`}\n` : "";
			return wrapLines(text, edit.at, edit.span, edit.opener, close);
		}
		case "liquid":
			return edit.tag === "include"
				? insertAt(text, lineAt(text, edit.at).offset, "{% include lecture_entry.html %}\n[//]: <> (a lecture)\n")
				: wrapLines(text, edit.at, edit.span, "{% comment %}", "{% endcomment %}\n");
		case "schedule": {
			const rng = new Rng(edit.seed);
			const row = (cue: string): string => `${cue} [${rng.pick(["Naiad", "Dryad", "MillWheel", "Ray"])} ${rng.int(1000)}](https://example.org/s${rng.int(1_000_000)})`;
			const rows = [`**Week ${rng.int(20)}** — Lecture ([slides](https://example.org/slides))`, row("Preparation: Read"), row("Optional reading:"), "Assigned: [Lab 1](https://example.org/lab)"];
			return insertAt(text, lineAt(text, edit.at).offset, `\n${rows.join(rng.pick(["  \n", "\\\n", "<br>"]))}\n\n`);
		}
		case "nested-task":
			return insertAt(text, lineAt(text, edit.at).offset, `    - [${new Rng(edit.seed).chance(0.5) ? "x" : " "}] A sub-task ${edit.seed}\n`);
	}
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const titleText = fc
	.array(fc.constantFrom("a", "Z", " ", "é", "深", "🚀", "’", "*", "_", "`", "\\", "[", "]", "(", ")", "<", "#", "|", "x"), { minLength: 1, maxLength: 8 })
	.map((chars) => chars.join(""));

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant("toggle" as const), at: fraction }), weight: 4 },
	{ arbitrary: fc.record({ kind: fc.constant("insert-paper" as const), at: fraction, seed: fc.nat(100_000) }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant("delete-line" as const), at: fraction }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant("insert-heading" as const), at: fraction, depth: fc.integer({ min: 1, max: 6 }), text: titleText }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant("edit-title" as const), at: fraction, where: fraction, text: titleText }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant("blank-line" as const), at: fraction }), weight: 2 },
	{
		arbitrary: fc.record({ kind: fc.constant("fence" as const), at: fraction, span: fc.integer({ min: 0, max: 40 }), marker: fc.constantFrom("```", "~~~", "````"), closed: fc.boolean() }),
		weight: 1,
	},
	{ arbitrary: fc.record({ kind: fc.constant("crlf" as const), at: fraction, span: fc.integer({ min: 1, max: 60 }) }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant("definition" as const), at: fraction, label: fc.constantFrom("ref", "Ref", "1", "ü") }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant("comment" as const), at: fraction, closed: fc.boolean() }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant("indent" as const), at: fraction, span: fc.integer({ min: 1, max: 10 }) }), weight: 1 },
	{
		arbitrary: fc.record({ kind: fc.constant("kramdown" as const), at: fraction, span: fc.integer({ min: 0, max: 60 }), opener: fc.constantFrom(...KRAMDOWN_OPENERS), closed: fc.boolean() }),
		weight: 2,
	},
	{ arbitrary: fc.record({ kind: fc.constant("liquid" as const), at: fraction, span: fc.integer({ min: 0, max: 40 }), tag: fc.constantFrom("include" as const, "comment" as const) }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant("schedule" as const), at: fraction, seed: fc.nat(100_000) }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant("nested-task" as const), at: fraction, seed: fc.nat(100_000) }), weight: 1 },
);

const wholeDocument = unified().use(remarkParse).use(remarkGfm);

/** What one remark parse of the whole page (its markup blanked as the parser blanks it) finds, or null when remark cannot parse it. */
function unchunkedFindings(text: string) {
	const prepared = preparePage(text).text;
	const start = chunkText(prepared).chunks[0]?.offset ?? 0;
	const source = capLongLines(capNesting(prepared.slice(start)));
	let tree;
	try {
		tree = wholeDocument.parse(source);
	} catch {
		// micromark's development build (the one vitest loads) asserts on a few inputs its production build parses.
		return null;
	}
	const definitions = definitionMap(tree.children.filter((node): node is Definition => node.type === "definition"));
	const { headings, papers } = extract.findInChunk(tree, source, definitions, source.length);
	return {
		headings: headings.map((heading) => [heading.text, heading.range.start.offset + start]),
		papers: papers.map((paper) => [paper.kind, paper.title, paper.url, paper.checked, paper.checkboxOffset === undefined ? undefined : paper.checkboxOffset + start, paper.range.start.offset + start, paper.linkOffset + start, paper.details]),
	};
}

function chunkedFindings(text: string) {
	const catalogue = parseCatalogue(text);
	return {
		headings: catalogue.headings.map((heading) => [heading.text, heading.range.start.offset]),
		papers: catalogue.papers.map((paper) => [paper.kind, paper.title, paper.url, paper.checked, paper.checkboxOffset, paper.range.start.offset, paper.linkOffset, paper.details]),
	};
}

// ---------------------------------------------------------------- tests

const PAPERS = 200;

describe("incremental re-parsing with one long-lived CatalogueParser", () => {
	beforeEach(() => {
		chunkParses.mockClear();
	});

	it("after every edit of a random sequence, gives exactly what a fresh parse gives", () => {
		fc.assert(
			fc.property(fc.nat(1_000_000), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (seed, edits) => {
				let text = generateCatalogue({ papers: PAPERS, seed, sectionSize: 50 });
				const parser = new CatalogueParser();
				expectSameCatalogue(parser.parse(text), parseCatalogue(text));
				for (const edit of edits) {
					text = applyEdit(text, edit);
					expectSameCatalogue(parser.parse(text), parseCatalogue(text), `after ${JSON.stringify(edit)}`);
				}
			}),
			{ numRuns: 8 },
		);
	});

	it("after every edit, finds what one remark parse of the whole page finds: chunking stays invisible with page markup", () => {
		fc.assert(
			// Without link definitions: a definition line that continues a paragraph is not one in a whole parse,
			// but the chunker hands it to every chunk that names its label (a known gap, apart from page markup).
			fc.property(fc.nat(1_000_000), fc.array(editArbitrary.filter((edit) => edit.kind !== "definition"), { minLength: 1, maxLength: 5 }), (seed, edits) => {
				let text = generateCatalogue({ papers: 80, seed, sectionSize: 30 });
				for (const edit of edits) {
					text = applyEdit(text, edit);
					const whole = unchunkedFindings(text);
					if (whole) expectSameCatalogue(chunkedFindings(text), whole, `after ${JSON.stringify(edit)}`);
				}
			}),
			{ numRuns: 8 },
		);
	});

	it("parseInSlices gives the same catalogue as parse, fresh and after an edit", async () => {
		const text = generateCatalogue({ papers: PAPERS, seed: 11, sectionSize: 50 });
		const expected = parseCatalogue(text);
		let pauses = 0;
		const pause = (): Promise<void> =>
			new Promise((resolve) => {
				pauses += 1;
				setImmediate(resolve);
			});
		const parser = new CatalogueParser();
		// A zero slice pauses after every chunk: the most interleaving there can be.
		expect(await parser.parseInSlices(text, pause, 0)).toEqual(expected);
		expect(pauses).toBeGreaterThan(1);
		expect(countChunkParses(() => parser.parse(text))).toBe(0);

		const edited = applyEdit(applyEdit(text, { kind: "toggle", at: 0.5 }), { kind: "insert-paper", at: 0.3, seed: 5 });
		expect(await parser.parseInSlices(edited, pause, 0)).toEqual(parseCatalogue(edited));
		expect(await new CatalogueParser().parseInSlices(edited, pause)).toEqual(parseCatalogue(edited));
	});

	it("re-parses nothing when the text is unchanged or a checkbox is toggled", () => {
		const text = generateCatalogue({ papers: 300, seed: 3 });
		const parser = new CatalogueParser();
		const chunks = chunkText(text).chunks.length;
		expect(countChunkParses(() => parser.parse(text))).toBe(chunks);
		expect(countChunkParses(() => parser.parse(text))).toBe(0);
		let current = text;
		for (const at of [0.05, 0.5, 0.95]) {
			current = applyEdit(current, { kind: "toggle", at });
			const next = current;
			// A toggle is read from the previous result: no chunk goes to remark, and the result equals a fresh parse.
			expect(countChunkParses(() => parser.parse(next))).toBe(0);
			expect(parser.parse(next)).toEqual(parseCatalogue(next));
		}
	});

	/** For each paper of a 60-paper section: how many chunks re-parsing costs once a new paper is inserted after it, and how many chunks lie from there to the next heading. */
	let insertionCostsMemo: { paper: number; parsed: number; untilHeading: number }[] | undefined;
	function insertionCosts(): { paper: number; parsed: number; untilHeading: number }[] {
		if (insertionCostsMemo) return insertionCostsMemo;
		const text = generateCatalogue({ papers: 180, seed: 3, sectionSize: 60 });
		const parser = new CatalogueParser();
		const catalogue = parser.parse(text);
		const { chunks } = chunkText(text);
		const costs: { paper: number; parsed: number; untilHeading: number }[] = [];
		const section = catalogue.sections[1];
		for (const paperIndex of section?.paperIndexes ?? []) {
			const paper = catalogue.papers[paperIndex];
			if (!paper) continue;
			const at = paper.range.end.offset;
			const next = insertAt(text, at, `\n${paperItem(new Rng(paperIndex), 800_000 + paperIndex)}`);
			parser.parse(text);
			const parsed = countChunkParses(() => parser.parse(next));
			// Chunks from the one holding the insertion up to (not including) the next one that starts with a heading.
			const first = chunks.findIndex((chunk, i) => chunk.offset <= at && at < (chunks[i + 1]?.offset ?? Infinity));
			let last = first;
			while (last + 1 < chunks.length && !/^#{1,6}[ \t]/.test(chunks[last + 1]?.text ?? "")) last += 1;
			costs.push({ paper: paperIndex, parsed, untilHeading: last - first + 1 });
		}
		insertionCostsMemo = costs;
		return costs;
	}

	it("inserting one paper re-parses at most the chunks from its own to the next heading", () => {
		const costs = insertionCosts();
		expect(costs.length).toBe(60);
		for (const cost of costs) {
			expect(cost.parsed, `paper ${cost.paper}`).toBeGreaterThanOrEqual(1);
			expect(cost.parsed, `paper ${cost.paper}`).toBeLessThanOrEqual(cost.untilHeading);
		}
	});

	// Known gap: cuts inside a long list fall every MAX_CHUNK_LINES lines counted from the last cut,
	// so one inserted line moves every later cut up to the next heading, and those chunks are re-parsed.
	// When chunk boundaries become content-defined this starts passing: make it a plain `it` then.
	it.fails("inserting one paper re-parses only its own chunk", () => {
		for (const cost of insertionCosts()) expect(cost.parsed, `paper ${cost.paper}`).toBe(1);
	});
});
