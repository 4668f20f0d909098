/**
 * Parses a catalogue note into headings, papers and sections.
 *
 * The text is cut into chunks (see `chunks.ts`), each chunk is parsed by
 * unified + remark-parse + remark-gfm on its own, and the findings are put
 * back together in document order. A `CatalogueParser` remembers what each
 * chunk's text gave, so re-parsing after a small edit only pays for the
 * chunks that changed.
 */
import type { Definition, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { type Chunk, chunkText } from "./chunks";
import { type ChunkFindings, findInChunk, type FoundPaper } from "./extract";
import { headingKind } from "./heading-kind";
import { definitionMap } from "./inline-runs";
import type { Catalogue, Heading, Paper, PaperGroup, Section, SourcePoint, SourceRange } from "./model";
import { canonicalUrl } from "./url";

const processor = unified().use(remarkParse).use(remarkGfm);

function parseMarkdown(text: string): Root {
	return processor.parse(text);
}

function definitionsIn(tree: Root): Definition[] {
	return tree.children.filter((node): node is Definition => node.type === "definition");
}

/** Findings of one chunk, positions relative to the chunk's start. */
function findingsOf(chunkSource: string, definitions: string): ChunkFindings {
	const limit = chunkSource.length;
	const source = definitions ? `${chunkSource}\n\n${definitions}\n` : chunkSource;
	const tree = parseMarkdown(source);
	return findInChunk(tree, source, definitionMap(definitionsIn(tree)), limit);
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

function assemble(chunks: readonly Chunk[], findings: readonly ChunkFindings[]): Assembly {
	const headings: Heading[] = [];
	const found: Assembly["found"] = [];
	// Open headings by depth, so that each new heading finds its parent in O(depth).
	const open: Heading[] = [];
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
			while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= foundHeading.depth) open.pop();
			const heading: Heading = {
				index: firstHeading + i,
				depth: foundHeading.depth,
				text: foundHeading.text,
				kind: headingKind(foundHeading.text),
				parent: open[open.length - 1]?.index ?? null,
				range: shiftRange(foundHeading.range, chunk),
			};
			headings.push(heading);
			open.push(heading);
			flushPapers(i + 1);
		});
	});
	return { headings, found };
}

function ancestry(headings: readonly Heading[], index: number | null): Heading[] {
	const chain: Heading[] = [];
	let current = index;
	while (current !== null) {
		const heading = headings[current];
		if (!heading) break;
		chain.unshift(heading);
		current = heading.parent;
	}
	return chain;
}

/** The deepest heading in the chain at `depth` or shallower: the paper's section if sections are taken at `depth`. */
function bucketAt(chain: readonly Heading[], depth: number): number | null {
	let bucket: number | null = null;
	for (const heading of chain) if (heading.depth <= depth) bucket = heading.index;
	return bucket;
}

const UNSECTIONED_TITLE = "Papers outside any section";

function sectionsOf(headings: readonly Heading[], chains: readonly Heading[][]): { sections: Section[]; depth: number | null; sectionOf: number[] } {
	if (chains.length === 0) return { sections: [], depth: null, sectionOf: [] };
	const depths = [...new Set(headings.map((heading) => heading.depth))].sort((a, b) => a - b);
	for (const depth of depths) {
		const buckets = chains.map((chain) => bucketAt(chain, depth));
		// Papers before any heading form a section of their own, but they do not make a split.
		if (new Set(buckets.filter((bucket) => bucket !== null)).size < 2) continue;
		const sections: Section[] = [];
		const byBucket = new Map<number | null, number>();
		const sectionOf = buckets.map((bucket, paperIndex) => {
			let sectionIndex = byBucket.get(bucket);
			if (sectionIndex === undefined) {
				sectionIndex = sections.length;
				byBucket.set(bucket, sectionIndex);
				sections.push({ headingIndex: bucket, title: bucket === null ? UNSECTIONED_TITLE : (headings[bucket]?.text ?? ""), paperIndexes: [] });
			}
			sections[sectionIndex]?.paperIndexes.push(paperIndex);
			return sectionIndex;
		});
		return { sections, depth, sectionOf };
	}
	// The papers do not split: one section, named after the deepest heading they all share.
	const shared = chains.reduce((common, chain) => common.filter((heading, i) => chain[i] === heading));
	const last = shared[shared.length - 1];
	return {
		sections: [{ headingIndex: last?.index ?? null, title: last?.text ?? "All papers", paperIndexes: chains.map((_, i) => i) }],
		depth: null,
		sectionOf: chains.map(() => 0),
	};
}

function buildCatalogue(chunks: readonly Chunk[], findings: readonly ChunkFindings[]): Catalogue {
	const { headings, found } = assemble(chunks, findings);
	const chains = found.map(({ headingIndex }) => ancestry(headings, headingIndex));
	const { sections, depth, sectionOf } = sectionsOf(headings, chains);
	const seen = new Map<string, number>();
	const papers = found.map(({ paper, chunk, headingIndex }, paperIndex): Paper => {
		const chain = chains[paperIndex] ?? [];
		const groupHeading = [...chain].reverse().find((heading) => heading.kind !== "plain");
		const group: PaperGroup = groupHeading?.kind === "optional" ? "optional" : "required";
		const canonical = paper.url !== undefined ? canonicalUrl(paper.url) : undefined;
		const key = canonical ?? titleKey(paper.title);
		const repeat = (seen.get(key) ?? 0) + 1;
		seen.set(key, repeat);
		const { headingsBefore: _headingsBefore, range, checkboxOffset, linkOffset, ...reading } = paper;
		const result: Paper = {
			...reading,
			id: repeat === 1 ? key : `${key}#${repeat}`,
			key,
			headingIndex,
			headingPath: chain.map((heading) => heading.text),
			group,
			groupHeadingIndex: groupHeading?.index ?? null,
			sectionIndex: sectionOf[paperIndex] ?? 0,
			range: shiftRange(range, chunk),
			linkOffset: linkOffset + chunk.offset,
		};
		if (canonical !== undefined) result.canonicalUrl = canonical;
		if (checkboxOffset !== undefined) result.checkboxOffset = checkboxOffset + chunk.offset;
		return result;
	});
	return { headings, papers, sections, sectionDepth: depth };
}

/**
 * A parser that remembers each chunk's findings, keyed by the chunk's text, so
 * that parsing an edited catalogue re-parses only the chunks that changed.
 */
export class CatalogueParser {
	private cache = new Map<string, ChunkFindings>();

	parse(text: string): Catalogue {
		const { chunks, definitions } = chunkText(text);
		const next = new Map<string, ChunkFindings>();
		const findings = chunks.map((chunk) => {
			const cacheKey = definitions ? `${definitions}\u0000${chunk.text}` : chunk.text;
			let chunkFindings = next.get(cacheKey) ?? this.cache.get(cacheKey);
			if (!chunkFindings) chunkFindings = findingsOf(chunk.text, definitions);
			next.set(cacheKey, chunkFindings);
			return chunkFindings;
		});
		// Keep only what the latest text uses, so the cache never outgrows one catalogue.
		this.cache = next;
		return buildCatalogue(chunks, findings);
	}
}

/** Parses a catalogue note. Never throws on any input text. */
export function parseCatalogue(text: string): Catalogue {
	return new CatalogueParser().parse(text);
}
