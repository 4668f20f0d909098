/**
 * Flattens a paper item's own inline content into runs: plain text, links,
 * bold text and links to notes. Title heuristics work on runs rather than on
 * the mdast so that every catalogue shape (list item, table row, reference
 * paragraph) is read the same way.
 */
import type { Definition, Link, LinkReference, Nodes, PhrasingContent } from "mdast";

export type Run =
	| { kind: "text"; text: string }
	| { kind: "strong"; text: string }
	/**
	 * A link to something outside the vault (or a file in it that is not a note, such as a PDF). `node`
	 * is the link in the tree, where one is at hand: its position says where the link is written.
	 */
	| { kind: "link"; text: string; url: string; node?: Link | LinkReference }
	/**
	 * A wikilink or markdown link to a note: how the catalogue points at paper notes. `label` is what the
	 * link shows (the wikilink's alias, the markdown link's text; empty when it has none).
	 */
	| { kind: "note"; target: string; label: string };

export type DefinitionMap = ReadonlyMap<string, string>;

/** Definitions keyed as mdast normalises labels (case-folded, whitespace collapsed). */
export function definitionMap(definitions: Iterable<Definition>): Map<string, string> {
	const map = new Map<string, string>();
	for (const definition of definitions) {
		const key = normaliseLabel(definition.identifier);
		if (!map.has(key)) map.set(key, definition.url);
	}
	return map;
}

function normaliseLabel(label: string): string {
	return label.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Plain text of one node that has no children to visit. */
function leafText(node: Nodes): string {
	switch (node.type) {
		case "text":
		case "inlineCode":
			return node.value;
		case "break":
			return " ";
		default:
			return "";
	}
}

/** Nodes whose children a reader never sees as text. */
function hidesChildren(node: Nodes): boolean {
	switch (node.type) {
		case "image":
		case "imageReference":
		case "html":
		case "footnoteReference":
		case "definition":
		case "code":
			return true;
		default:
			return false;
	}
}

/**
 * Plain text of any mdast node, the way a reader sees it.
 * A loop, not recursion: emphasis nested a few thousand deep overflowed the stack.
 */
export function plainText(node: Nodes): string {
	let text = "";
	const stack: Nodes[] = [node];
	for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
		if (hidesChildren(current)) continue;
		if ("children" in current) {
			for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
		} else {
			text += leafText(current);
		}
	}
	return text;
}

const WIKILINK = /!?\[\[([^[\]\n]+?)\]\]/g;

/** Splits a text run around `[[wikilinks]]` and `![[embeds]]`. */
function textRuns(text: string, into: Run[]): void {
	let last = 0;
	for (const match of text.matchAll(WIKILINK)) {
		const index = match.index;
		if (index > last) into.push({ kind: "text", text: text.slice(last, index) });
		const inner = match[1] ?? "";
		// The note is the part before `#heading` or `#^block`, as for Obsidian; `[[#Heading]]` names no note.
		// Kept whole, `[[Gone#Heading]]` was re-created as a note named "Gone#Heading.md".
		const bar = inner.indexOf("|");
		const target = (bar === -1 ? inner : inner.slice(0, bar)).split("#")[0]?.trim() ?? "";
		const label = bar === -1 ? "" : inner.slice(bar + 1).trim();
		if (!match[0].startsWith("!") && target !== "") into.push({ kind: "note", target, label });
		last = index + match[0].length;
	}
	if (last < text.length) into.push({ kind: "text", text: text.slice(last) });
}

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A link without a scheme whose path ends in `.md` points at a note in the vault, not at a paper. */
export function isNoteUrl(url: string): boolean {
	if (URL_SCHEME.test(url) || url.startsWith("#") || url.startsWith("//")) return false;
	const path = (url.split("#")[0] ?? "").split("?")[0] ?? "";
	return /\.md$/i.test(path);
}

/** A loop, not recursion, for the same reason as `plainText`. */
function containsLink(node: Nodes): boolean {
	const stack: Nodes[] = [node];
	for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
		if (current.type === "link" || current.type === "linkReference") return true;
		if ("children" in current) for (const child of current.children) stack.push(child);
	}
	return false;
}

function linkRun(text: string, url: string, node: Link | LinkReference, into: Run[]): void {
	if (isNoteUrl(url)) {
		let target = url.split("#")[0] ?? url;
		try {
			// Component, not URI: `%26` is "&" in a note's name (sync writes names that way; see plan.ts).
			target = decodeURIComponent(target);
		} catch {
			// A malformed escape: keep the target as written.
		}
		into.push({ kind: "note", target: target.replace(/\.md$/i, ""), label: text.trim() });
	} else {
		into.push({ kind: "link", text, url, node });
	}
}

/** A loop over an explicit stack, not recursion: emphasis around a link may nest thousands deep. */
function phrasingRuns(root: PhrasingContent, definitions: DefinitionMap, into: Run[]): void {
	const stack: PhrasingContent[] = [root];
	for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
		switch (node.type) {
			case "text":
				into.push({ kind: "text", text: node.value });
				break;
			case "inlineCode":
				into.push({ kind: "text", text: node.value });
				break;
			case "break":
				into.push({ kind: "text", text: " " });
				break;
			case "link":
				linkRun(plainText(node), node.url, node, into);
				break;
			case "linkReference": {
				const url = definitions.get(normaliseLabel(node.identifier));
				if (url === undefined) into.push({ kind: "text", text: plainText(node) });
				else linkRun(plainText(node), url, node, into);
				break;
			}
			case "strong":
			case "emphasis":
			case "delete":
				if (containsLink(node)) {
					for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as PhrasingContent);
				} else if (node.type === "strong") {
					into.push({ kind: "strong", text: plainText(node) });
				} else {
					into.push({ kind: "text", text: plainText(node) });
				}
				break;
			default:
				// Images, inline HTML and footnote references carry no title text.
				break;
		}
	}
}

/**
 * Mends a link whose text holds an escaped bracket note: `[Title [ICLR’18\]](url)`.
 * CommonMark pairs the inner `[` with the closing `]`, so the parse is the text
 * "[Title " followed by a link "ICLR’18]". The writer meant one link, and so do we.
 */
function mendSplitLinks(runs: Run[]): Run[] {
	const mended: Run[] = [];
	for (let i = 0; i < runs.length; i++) {
		const run = runs[i];
		const next = runs[i + 1];
		if (run?.kind === "text" && next?.kind === "link" && next.text.endsWith("]")) {
			const open = run.text.lastIndexOf("[");
			if (open !== -1 && !run.text.includes("]", open)) {
				if (open > 0) mended.push({ kind: "text", text: run.text.slice(0, open) });
				const link: Run = { kind: "link", text: `${run.text.slice(open + 1)}[${next.text}`, url: next.url };
				if (next.node) link.node = next.node;
				mended.push(link);
				i += 1;
				continue;
			}
		}
		if (run) mended.push(run);
	}
	return mended;
}

/** Runs of several blocks' inline content, blocks separated by a space. */
export function runsOf(blocks: readonly Nodes[], definitions: DefinitionMap): Run[] {
	const runs: Run[] = [];
	for (const block of blocks) {
		if (runs.length > 0) runs.push({ kind: "text", text: " " });
		if (block.type === "paragraph" || block.type === "heading" || block.type === "tableCell") {
			for (const child of block.children) phrasingRuns(child, definitions, runs);
		}
	}
	return mendSplitLinks(mergeTextRuns(runs));
}

/**
 * Adjacent text runs come from one sentence split by markup; joined, a sentence
 * reads as one, and a `[[wikilink]]` that emphasis split in two is whole again.
 */
function mergeTextRuns(runs: Run[]): Run[] {
	const merged: Run[] = [];
	let text: string | null = null;
	const flush = (): void => {
		if (text !== null) textRuns(text, merged);
		text = null;
	};
	for (const run of runs) {
		if (run.kind === "text") {
			text = (text ?? "") + run.text;
		} else {
			flush();
			merged.push(run);
		}
	}
	flush();
	return merged;
}
