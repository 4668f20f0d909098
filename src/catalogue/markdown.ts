/**
 * Parses one chunk's markdown with unified + remark-parse + remark-gfm, enabling only the GFM syntax
 * the chunk can need; chunks in the plain shape most catalogue chunks have are built directly
 * (`simple-chunk.ts`). The result is the tree the full pipeline gives, node for node.
 *
 * GFM's extensions cost most of a parse (autolink literals alone try a construct at every letter
 * and digit, then walk the tree once more with regular expressions; tables try one at every line),
 * and a reading list rarely uses them. A cheap scan proves when a chunk cannot hold one:
 *
 * - **table:** needs a delimiter row, a line of `|`, `:`, `-` and spaces under its container
 *   markers (`> `, `- `, `1. `). No line of only such characters with a `-` in it, no table.
 * - **footnotes:** a call and a definition both start with `[^`.
 * - **strikethrough:** needs a `~`. (With the extension on, `~` also changes how `*` and `_` next
 *   to it flank, so any `~` at all keeps it on.)
 * - **autolink literals:** need `www.`, `http://`, `https://` or an `@` (emails, `mailto:`, `xmpp:`).
 *   In a catalogue those sit in link destinations: `[Title](https://…)`. The chunk is parsed without
 *   the extension, and the result is kept only when every such spot lies inside a link, a link
 *   reference, an image, a definition, code or HTML of that tree, where neither the syntax nor the
 *   mdast transform ever makes a literal. Parsing without literals reads the text exactly as with them
 *   up to the first literal: so if the first one would fall in text, it falls outside those nodes in
 *   this tree too, and the chunk is parsed again with every extension.
 * - **task list items** are what catalogues are made of: always on.
 */
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { type Data, type Processor, unified } from "unified";
import { parseSimpleChunk } from "./simple-chunk";

/** The extensions' parts as remark-gfm registers them on a processor. */
interface SyntaxExtension {
	[field: string]: Record<string, unknown> | undefined;
}

type MdastExtension = Exclude<NonNullable<Data["fromMarkdownExtensions"]>[number], unknown[]>;

type Feature = "autolink" | "footnote" | "strikethrough" | "table";

/** micromark construct names of each feature, as `micromark-extension-gfm-*` names them. */
const CONSTRUCTS: Record<Feature, readonly string[]> = {
	autolink: ["wwwAutolink", "protocolAutolink", "emailAutolink"],
	footnote: ["gfmFootnoteDefinition", "gfmFootnoteCall", "gfmPotentialFootnoteCall"],
	strikethrough: ["strikethrough"],
	table: ["table"],
};

/** The token each feature's mdast extension handles first, to tell the extensions apart. */
const MDAST_TOKENS: Record<Feature, string> = {
	autolink: "literalAutolink",
	footnote: "gfmFootnoteCall",
	strikethrough: "strikethrough",
	table: "table",
};

const TILDE = 126;

const full = unified().use(remarkParse).use(remarkGfm).freeze();

function gfmParts(): { syntax: SyntaxExtension; mdast: MdastExtension[] } {
	const syntax = (full.data("micromarkExtensions") ?? [])[0] as SyntaxExtension | undefined;
	const mdast = (full.data("fromMarkdownExtensions") ?? [])[0] as MdastExtension[] | undefined;
	if (!syntax || !Array.isArray(mdast)) throw new Error("remark-gfm registered no extensions");
	return { syntax, mdast };
}

function nameOf(construct: unknown): string | undefined {
	return typeof construct === "object" && construct !== null && "name" in construct && typeof construct.name === "string" ? construct.name : undefined;
}

/** The combined GFM syntax extension without the constructs of the features left out. */
function leanSyntax(syntax: SyntaxExtension, off: ReadonlySet<string>, strikethrough: boolean): SyntaxExtension {
	const lean: SyntaxExtension = {};
	for (const [field, hooks] of Object.entries(syntax)) {
		if (!hooks) continue;
		const kept: Record<string, unknown> = {};
		for (const [code, constructs] of Object.entries(hooks)) {
			const list = (Array.isArray(constructs) ? constructs : [constructs]).filter((construct) => {
				if (field === "attentionMarkers") return strikethrough || construct !== TILDE;
				const name = nameOf(construct);
				return name === undefined || !off.has(name);
			});
			if (list.length > 0) kept[code] = list;
		}
		if (Object.keys(kept).length > 0) lean[field] = kept;
	}
	return lean;
}

const processors = new Map<string, Processor<Root>>();

/** The processor with exactly `features` of GFM on (task list items always): built once, then reused. */
function processorFor(features: readonly Feature[]): Processor<Root> {
	const key = features.join("+");
	let processor = processors.get(key);
	if (!processor) {
		const { syntax, mdast } = gfmParts();
		const on = new Set(features);
		const off = new Set((Object.keys(CONSTRUCTS) as Feature[]).filter((feature) => !on.has(feature)).flatMap((feature) => CONSTRUCTS[feature]));
		const offTokens = new Set((Object.keys(MDAST_TOKENS) as Feature[]).filter((feature) => !on.has(feature)).map((feature) => MDAST_TOKENS[feature]));
		const micromark = leanSyntax(syntax, off, on.has("strikethrough"));
		const fromMarkdown = mdast.filter((extension) => !Object.keys(extension.enter ?? {}).some((token) => offTokens.has(token)));
		processor = unified()
			.use(remarkParse)
			.data("micromarkExtensions", [micromark])
			.data("fromMarkdownExtensions", [fromMarkdown])
			.freeze();
		processors.set(key, processor);
	}
	return processor;
}

/** `|`, `:`, `-`, spaces and tabs (a delimiter row), and `>`, `*`, `+`, digits, `.`, `)` (container markers). */
function isTableCharacter(code: number): boolean {
	return code === 124 || code === 58 || code === 45 || code === 32 || code === 9 || code === 62 || code === 42 || code === 43 || code === 46 || code === 41 || (code >= 48 && code <= 57);
}

/**
 * Whether a line may be a table's delimiter row (cells of `-` with optional `:`, between optional
 * `|`) under container markers: a line of nothing but such characters, with a `-`. Thematic breaks
 * and setext underlines pass too (tables stay on). One pass, no regular expression: any nesting of
 * quantifiers over these characters backtracks exponentially on a line such as `-   -   -   x`.
 */
function mayHoldTable(source: string): boolean {
	let candidate = true;
	let dash = false;
	for (let i = 0; i <= source.length; i++) {
		const code = i < source.length ? source.charCodeAt(i) : 10;
		if (code === 10 || code === 13) {
			if (candidate && dash) return true;
			candidate = true;
			dash = false;
		} else if (candidate) {
			if (code === 45) dash = true;
			else if (!isTableCharacter(code)) candidate = false;
		}
	}
	return false;
}

const LITERAL_START = /www\.|https?:\/\/|@/gi;

/** Node types inside which no autolink literal is ever made. */
const NO_LITERALS = new Set(["link", "linkReference", "image", "imageReference", "definition", "inlineCode", "code", "html"]);

/** Whether every offset in `spots` (ascending) lies inside a node where no literal is made. */
function allInsideLinksOrCode(tree: Root, spots: readonly number[]): boolean {
	// Spans in document order (a pre-order walk gives them by start); a spot is inside one when the
	// furthest end among the spans started at or before it lies beyond it.
	const starts: number[] = [];
	const ends: number[] = [];
	const stack: Nodes[] = [tree];
	for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
		if (NO_LITERALS.has(node.type)) {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start !== undefined && end !== undefined) {
				starts.push(start);
				ends.push(end);
			}
			continue;
		}
		if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
	}
	let span = 0;
	let reach = -1;
	for (const spot of spots) {
		while (span < starts.length && (starts[span] ?? Infinity) <= spot) {
			reach = Math.max(reach, ends[span] ?? -1);
			span += 1;
		}
		if (spot >= reach) return false;
	}
	return true;
}

/** Parses one chunk's markdown: the same tree as `unified().use(remarkParse).use(remarkGfm).parse(source)`. */
export function parseChunkMarkdown(source: string): Root {
	// Most chunks of a catalogue are headings and plain items: built directly (see `simple-chunk.ts`).
	const simple = parseSimpleChunk(source);
	if (simple) return simple;
	const features: Feature[] = [];
	if (source.includes("[^")) features.push("footnote");
	if (source.includes("~")) features.push("strikethrough");
	if (mayHoldTable(source)) features.push("table");
	const spots: number[] = [];
	for (const match of source.matchAll(LITERAL_START)) spots.push(match.index);
	if (spots.length === 0) return processorFor(features).parse(source);
	const lean = processorFor(features).parse(source);
	if (allInsideLinksOrCode(lean, spots)) return lean;
	return processorFor(["autolink", ...features]).parse(source);
}

/** The full pipeline, for comparison: every GFM extension on. */
export function parseMarkdownFully(source: string): Root {
	return full.parse(source);
}
