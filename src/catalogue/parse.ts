/**
 * Parses a catalogue note into headings, papers and sections.
 *
 * The text is cut into chunks (see `chunks.ts`), each chunk is parsed by
 * unified + remark-parse + remark-gfm on its own (with only the GFM syntax it
 * can need: see `markdown.ts`), and the findings are put back together in
 * document order. A `CatalogueParser` remembers what each
 * chunk's text gave, so re-parsing after a small edit only pays for the
 * chunks that changed.
 */
import type { Definition, Root } from "mdast";
import { capNesting, type Chunk, type ChunkedText, chunkText, definitionsFor } from "./chunks";
import { type ChunkFindings, findInChunk, type FoundPaper } from "./extract";
import { headingKind } from "./heading-kind";
import { catalogueAfterToggles } from "./toggle";
import { definitionMap } from "./inline-runs";
import type { GroupRegion } from "./kramdown";
import { cutLongLines, type LineCuts } from "./long-lines";
import { parseChunkMarkdown } from "./markdown";
import type { Catalogue, Heading, Paper, PaperGroup, Section, SourcePoint, SourceRange } from "./model";
import { type PreparedPage, preparePage } from "./page";

function definitionsIn(tree: Root): Definition[] {
	return tree.children.filter((node): node is Definition => node.type === "definition");
}

/** A chunk's findings in a text whose long lines were cut, with every position put back into the chunk's own text. */
function uncut(findings: ChunkFindings, cuts: LineCuts): ChunkFindings {
	const point = (at: SourcePoint): SourcePoint => ({ line: at.line, column: cuts.column(at.offset, at.line, at.column), offset: cuts.offset(at.offset) });
	const range = (at: SourceRange): SourceRange => ({ start: point(at.start), end: point(at.end) });
	return {
		headings: findings.headings.map((heading) => ({ ...heading, range: range(heading.range) })),
		papers: findings.papers.map((paper) => {
			const moved: FoundPaper = { ...paper, range: range(paper.range), linkOffset: cuts.offset(paper.linkOffset) };
			if (paper.checkboxOffset !== undefined) moved.checkboxOffset = cuts.offset(paper.checkboxOffset);
			return moved;
		}),
	};
}

/** Findings of one chunk, positions relative to the chunk's start. */
function findingsOf(chunkSource: string, definitions: string): ChunkFindings {
	// `capNesting` keeps the length; `cutLongLines` shortens overlong lines, and `uncut` maps positions back.
	const { text: cut, cuts } = cutLongLines(capNesting(chunkSource));
	const limit = cut.length;
	const source = definitions ? `${cut}\n\n${definitions}\n` : cut;
	try {
		const tree = parseChunkMarkdown(source);
		const findings = findInChunk(tree, source, definitionMap(definitionsIn(tree)), limit);
		return cuts.empty ? findings : uncut(findings, cuts);
	} catch {
		// parseCatalogue never throws: a chunk that remark cannot parse (its tree walks overflow the
		// stack on inline markup nested thousands deep) lists no papers rather than failing the whole note.
		return { headings: [], papers: [] };
	}
}

function shiftPoint(point: SourcePoint, chunk: Chunk): SourcePoint {
	return { line: point.line + chunk.line - 1, column: point.column, offset: point.offset + chunk.offset };
}

function shiftRange(range: SourceRange, chunk: Chunk): SourceRange {
	return { start: shiftPoint(range.start, chunk), end: shiftPoint(range.end, chunk) };
}

function titleKey(title: string): string {
	return `title:${title.toLowerCase().replace(/\s+/g, " ").trim()}`;
}

interface Assembly {
	headings: Heading[];
	found: { paper: FoundPaper; chunk: Chunk; headingIndex: number | null }[];
}

function assemble(chunks: readonly Chunk[], findings: readonly ChunkFindings[], entryLines: ReadonlySet<number>): Assembly {
	const headings: Heading[] = [];
	const found: Assembly["found"] = [];
	// Open headings by depth, so that each new heading finds its parent in O(depth).
	const open: Heading[] = [];
	const isEntry = (heading: Heading | undefined): boolean => heading !== undefined && entryLines.has(heading.range.start.line);
	chunks.forEach((chunk, chunkIndex) => {
		const chunkFindings = findings[chunkIndex];
		if (!chunkFindings) return;
		const firstHeading = headings.length;
		let paperCursor = 0;
		const flushPapers = (headingsSeen: number): void => {
			while (paperCursor < chunkFindings.papers.length && (chunkFindings.papers[paperCursor]?.headingsBefore ?? 0) <= headingsSeen) {
				const paper = chunkFindings.papers[paperCursor];
				if (paper) found.push({ paper, chunk, headingIndex: headings.length > 0 ? headings.length - 1 : null });
				paperCursor += 1;
			}
		};
		flushPapers(0);
		chunkFindings.headings.forEach((foundHeading, i) => {
			const range = shiftRange(foundHeading.range, chunk);
			const entry = entryLines.size > 0 && entryLines.has(range.start.line);
			// An entry heading (see `page.ts`) also closes the entry before it, whatever their depths.
			while (open.length > 0 && ((open[open.length - 1]?.depth ?? 0) >= foundHeading.depth || (entry && open.some(isEntry)))) open.pop();
			const heading: Heading = {
				index: firstHeading + i,
				depth: foundHeading.depth,
				text: foundHeading.text,
				kind: headingKind(foundHeading.text),
				parent: open[open.length - 1]?.index ?? null,
				range,
			};
			headings.push(heading);
			open.push(heading);
			flushPapers(i + 1);
		});
	});
	return { headings, found };
}

/**
 * Facts that depend only on a paper's nearest heading, worked out once per
 * heading (a catalogue has far fewer headings than papers).
 */
class HeadingFacts {
	private readonly paths: (string[] | undefined)[] = [];
	private readonly groups: (Heading | null | undefined)[] = [];

	/**
	 * `entries`: which headings open a page entry (see `page.ts`); `labels`: which sit inside a group
	 * region (`<div class="optional_reading" markdown="1">`), where a heading labels the papers of
	 * that block and never opens a section.
	 */
	constructor(
		readonly headings: readonly Heading[],
		readonly entries: readonly boolean[],
		readonly labels: readonly boolean[],
	) {}

	/** Texts of the heading and its ancestors, outermost first. Shared between papers: never mutated. */
	path(index: number | null): string[] {
		if (index === null) return [];
		let path = this.paths[index];
		if (!path) {
			const heading = this.headings[index];
			path = heading ? [...this.path(heading.parent), heading.text] : [];
			this.paths[index] = path;
		}
		return path;
	}

	/** The nearest required/optional heading in the chain, or null. */
	groupHeading(index: number | null): Heading | null {
		if (index === null) return null;
		let group = this.groups[index];
		if (group === undefined) {
			const heading = this.headings[index];
			group = !heading ? null : heading.kind !== "plain" ? heading : this.groupHeading(heading.parent);
			this.groups[index] = group;
		}
		return group;
	}

	/** For each heading: the nearest heading in its chain (itself included) that `opens` says opens a section. */
	bucketsWhere(opens: (heading: Heading) => boolean): (number | null)[] {
		const buckets: (number | null)[] = [];
		for (const heading of this.headings) {
			// Headings come in document order, so a parent's bucket is known before its children's.
			buckets[heading.index] = opens(heading) ? heading.index : heading.parent === null ? null : (buckets[heading.parent] ?? null);
		}
		return buckets;
	}

	/** For sections taken at `depth`: the deepest heading in each heading's chain at that depth or shallower. */
	bucketsAt(depth: number): (number | null)[] {
		return this.bucketsWhere((heading) => heading.depth <= depth && this.labels[heading.index] !== true);
	}
}

const UNSECTIONED_TITLE = "Papers outside any section";

interface Sectioning {
	sections: Section[];
	depth: number | null;
	sectionOf: number[];
}

/** Sections from one bucket (the heading that opens its section, or null) per paper. */
function sectioned(facts: HeadingFacts, buckets: readonly (number | null)[]): Omit<Sectioning, "depth"> {
	const sections: Section[] = [];
	const byBucket = new Map<number | null, number>();
	const sectionOf = buckets.map((bucket, paperIndex) => {
		let sectionIndex = byBucket.get(bucket);
		if (sectionIndex === undefined) {
			sectionIndex = sections.length;
			byBucket.set(bucket, sectionIndex);
			sections.push({ headingIndex: bucket, title: bucket === null ? UNSECTIONED_TITLE : (facts.headings[bucket]?.text ?? ""), paperIndexes: [] });
		}
		sections[sectionIndex]?.paperIndexes.push(paperIndex);
		return sectionIndex;
	});
	return { sections, sectionOf };
}

function sectionsOf(facts: HeadingFacts, paperHeadings: readonly (number | null)[]): Sectioning {
	if (paperHeadings.length === 0) return { sections: [], depth: null, sectionOf: [] };
	const { headings } = facts;
	// A page of entries (lectures after Liquid includes): its sections are the entries, whatever their depths.
	if (facts.entries.some(Boolean)) {
		const bucketOfHeading = facts.bucketsWhere((heading) => facts.entries[heading.index] === true);
		const buckets = paperHeadings.map((index) => (index === null ? null : (bucketOfHeading[index] ?? null)));
		const opening = buckets.filter((bucket): bucket is number => bucket !== null);
		if (opening.length > 0) {
			const depth = Math.min(...new Set(opening.map((bucket) => headings[bucket]?.depth ?? 6)));
			return { ...sectioned(facts, buckets), depth };
		}
	}
	const depths = [...new Set(headings.filter((heading) => facts.labels[heading.index] !== true).map((heading) => heading.depth))].sort((a, b) => a - b);
	for (const depth of depths) {
		const bucketOfHeading = facts.bucketsAt(depth);
		const buckets = paperHeadings.map((index) => (index === null ? null : (bucketOfHeading[index] ?? null)));
		// Papers before any heading form a section of their own, but they do not make a split.
		if (new Set(buckets.filter((bucket) => bucket !== null)).size < 2) continue;
		return { ...sectioned(facts, buckets), depth };
	}
	// The papers do not split: one section, named after the deepest heading they all share (labels aside).
	const chains = [...new Set(paperHeadings)].map((index) => {
		const chain: Heading[] = [];
		for (let current = index; current !== null; current = headings[current]?.parent ?? null) {
			const heading = headings[current];
			if (!heading) break;
			if (facts.labels[heading.index] !== true) chain.unshift(heading);
		}
		return chain;
	});
	const shared = chains.reduce((common, chain) => common.filter((heading, i) => chain[i] === heading));
	const last = shared[shared.length - 1];
	return {
		sections: [{ headingIndex: last?.index ?? null, title: last?.text ?? "All papers", paperIndexes: paperHeadings.map((_, i) => i) }],
		depth: null,
		sectionOf: paperHeadings.map(() => 0),
	};
}

/**
 * Finds the innermost group region around each offset, for offsets asked in order: a sweep over the
 * regions, which come in order of their start and nest.
 */
class RegionSweep {
	private next = 0;
	private readonly active: GroupRegion[] = [];

	constructor(private readonly regions: readonly GroupRegion[]) {}

	at(offset: number): GroupRegion | null {
		if (this.regions.length === 0) return null;
		while (this.next < this.regions.length && (this.regions[this.next]?.start ?? Infinity) <= offset) {
			const region = this.regions[this.next];
			if (region) this.active.push(region);
			this.next += 1;
		}
		for (let i = this.active.length - 1; i >= 0; i--) {
			const region = this.active[i];
			if (region && offset < region.end) return region;
		}
		return null;
	}
}

function buildCatalogue(chunks: readonly Chunk[], findings: readonly ChunkFindings[], page: PreparedPage): Catalogue {
	const { headings, found } = assemble(chunks, findings, page.entryLines);
	const headingRegions = new RegionSweep(page.groups);
	const facts = new HeadingFacts(
		headings,
		page.entryLines.size === 0 ? [] : headings.map((heading) => page.entryLines.has(heading.range.start.line)),
		page.groups.length === 0 ? [] : headings.map((heading) => headingRegions.at(heading.range.start.offset) !== null),
	);
	const { sections, depth, sectionOf } = sectionsOf(
		facts,
		found.map((entry) => entry.headingIndex),
	);
	const paperRegions = new RegionSweep(page.groups);
	const seen = new Map<string, number>();
	const papers = found.map(({ paper, chunk, headingIndex }, paperIndex): Paper => {
		const range = shiftRange(paper.range, chunk);
		const { group, groupHeadingIndex } = groupOf(paper, facts.groupHeading(headingIndex), paperRegions.at(range.start.offset));
		const key = paper.canonicalUrl ?? titleKey(paper.title);
		const repeat = (seen.get(key) ?? 0) + 1;
		seen.set(key, repeat);
		// Built field by field: this runs once per paper on every parse, and object spreads are slow at that rate.
		const result: Paper = {
			id: repeat === 1 ? key : `${key}#${repeat}`,
			key,
			title: paper.title,
			annotation: paper.annotation,
			details: paper.details,
			checked: paper.checked,
			noteLinks: paper.noteLinks,
			insertedLinks: paper.insertedLinks,
			kind: paper.kind,
			headingIndex,
			headingPath: facts.path(headingIndex),
			group,
			groupHeadingIndex,
			sectionIndex: sectionOf[paperIndex] ?? 0,
			range,
			linkOffset: paper.linkOffset + chunk.offset,
		};
		if (paper.url !== undefined) result.url = paper.url;
		if (paper.canonicalUrl !== undefined) result.canonicalUrl = paper.canonicalUrl;
		if (paper.venue !== undefined) result.venue = paper.venue;
		if (paper.year !== undefined) result.year = paper.year;
		if (paper.award !== undefined) result.award = paper.award;
		if (paper.checkboxOffset !== undefined) result.checkboxOffset = paper.checkboxOffset + chunk.offset;
		return result;
	});
	return { headings, papers, sections, sectionDepth: depth };
}

/**
 * A paper's group: its own cue's (`Optional reading: [X](…)`), else the nearer of its group heading
 * and the group region around it (a heading inside the region is nearer), else required.
 */
function groupOf(paper: FoundPaper, groupHeading: Heading | null, region: GroupRegion | null): { group: PaperGroup; groupHeadingIndex: number | null } {
	if (paper.group !== undefined) return { group: paper.group, groupHeadingIndex: null };
	if (region && !(groupHeading && groupHeading.range.start.offset > region.start)) return { group: region.group, groupHeadingIndex: null };
	return { group: groupHeading?.kind === "optional" ? "optional" : "required", groupHeadingIndex: groupHeading?.index ?? null };
}

/**
 * A parser that remembers each chunk's findings, keyed by the chunk's text, so
 * that parsing an edited catalogue re-parses only the chunks that changed.
 */
export class CatalogueParser {
	/** How many chunks remark has parsed for this parser so far: what re-parsing cost (tests and the bench read it). */
	chunksParsed = 0;
	private cache = new Map<string, ChunkFindings>();
	private last: { text: string; catalogue: Catalogue } | null = null;

	parse(text: string): Catalogue {
		const quick = this.quickly(text);
		if (quick) return quick;
		const page = preparePage(text);
		const { chunks, definitionList } = chunkText(page.text);
		const next = new Map<string, ChunkFindings>();
		const findings = chunks.map((chunk) => this.findings(chunk, definitionList, next));
		// Keep only what the latest text uses, so the cache never outgrows one catalogue.
		this.cache = next;
		return this.remember(text, buildCatalogue(chunks, findings, page));
	}

	/**
	 * The catalogue of `text` when it needs no parse — the same text again, or the last text with boxes ticked or
	 * unticked — and null when it would need one. Costs a comparison of the texts, never a parse.
	 */
	parseIfQuick(text: string): Catalogue | null {
		return this.quickly(text);
	}

	/** The same text again, or the last text with boxes ticked or unticked: no parse needed. */
	private quickly(text: string): Catalogue | null {
		if (!this.last) return null;
		if (text === this.last.text) return this.last.catalogue;
		const toggled = catalogueAfterToggles(this.last.text, this.last.catalogue, text);
		return toggled ? this.remember(text, toggled) : null;
	}

	private remember(text: string, catalogue: Catalogue): Catalogue {
		this.last = { text, catalogue };
		return catalogue;
	}

	/**
	 * The same parse, in slices: after each chunk that ends a slice of `sliceMs`
	 * it awaits `pause()`, so that a long catalogue never blocks the UI thread.
	 */
	async parseInSlices(text: string, pause: () => Promise<void>, sliceMs = 8): Promise<Catalogue> {
		const quick = this.quickly(text);
		if (quick) return quick;
		let sliceStart = performance.now();
		const page = preparePage(text);
		const { chunks, definitionList } = chunkText(page.text);
		// Reading the page and cutting it into chunks is a slice of its own when it took one.
		if (performance.now() - sliceStart >= sliceMs / 2) {
			await pause();
			sliceStart = performance.now();
		}
		const next = new Map<string, ChunkFindings>();
		const findings: ChunkFindings[] = [];
		for (const chunk of chunks) {
			findings.push(this.findings(chunk, definitionList, next));
			if (performance.now() - sliceStart >= sliceMs) {
				await pause();
				sliceStart = performance.now();
			}
		}
		// Putting the catalogue together is a slice of its own, unless everything so far fit in one.
		if (performance.now() - sliceStart >= sliceMs / 2) await pause();
		this.cache = next;
		return this.remember(text, buildCatalogue(chunks, findings, page));
	}

	private findings(chunk: Chunk, definitionList: ChunkedText["definitionList"], next: Map<string, ChunkFindings>): ChunkFindings {
		// Only the definitions this chunk can use: see `definitionsFor`.
		const definitions = definitionsFor(chunk.text, definitionList);
		const cacheKey = definitions ? `${definitions}\u0000${chunk.text}` : chunk.text;
		let chunkFindings = next.get(cacheKey) ?? this.cache.get(cacheKey);
		if (!chunkFindings) {
			chunkFindings = findingsOf(chunk.text, definitions);
			this.chunksParsed += 1;
		}
		next.set(cacheKey, chunkFindings);
		return chunkFindings;
	}
}

/** About 300 papers, or 50 ms of parsing: below this a catalogue is parsed (and planned) within one frame. */
export const SLICED_PARSE_CHARS = 50_000;

/** Parses a catalogue note. Never throws on any input text. */
export function parseCatalogue(text: string): Catalogue {
	return new CatalogueParser().parse(text);
}
